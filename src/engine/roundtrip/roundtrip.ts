/**
 * Sentry's `import_export_then_validate`: export Global (expect), clear, import it in Global,
 * export again (actual), validate one against the other. With `resetPks` the id sequences restart,
 * so every row must come back with its pk; without, new pks follow the old ones, so every pk of a
 * table that had rows must differ (except where the import keeps pks on purpose: projects). Sentry
 * builds these pk checks and never raises them; here they are findings like the others.
 */
import type { Finding } from '../../core/findings.js';
import { ExportWriter } from '../../core/json/export-writer.js';
import type { Registry } from '../../core/registry/registry.js';
import type { Driver } from '../../db/port.js';
import { compareExports } from '../compare/compare-exports.js';
import { exportRowsInScope } from '../export/export-in-scope.js';
import { clearAllTables } from '../import/clear-tables.js';
import { fileObjects } from '../import/file-objects.js';
import type { ImportSource } from '../import/file-objects.js';
import { importInScope } from '../import/import-in-scope.js';
import type { ImportReport } from '../import/import-report.js';
import { ROUNDTRIP_OPTIONS, checkOptions } from '../verb-options.js';

/** Where the two exports go: memory for tests, files for the CLI (which the engine never opens). */
export interface RoundtripStore {
  save(name: 'expect' | 'actual', text: Iterable<string>): ImportSource;
}

/** Keeps each export as encoded chunks in memory. */
export function memoryStore(): RoundtripStore {
  return {
    save(_name, text) {
      const encoder = new TextEncoder();
      const chunks = [...text].map((part) => encoder.encode(part));
      return { chunks: () => chunks };
    },
  };
}

export interface RoundtripOptions {
  /** The Sentry version of the database's schema. */
  readonly registry: Registry;
  /** Restart id sequences before the import (default), or let them go on. */
  readonly resetPks?: boolean;
  readonly store?: RoundtripStore;
  readonly onStep?: (step: 'export' | 'import' | 'export again' | 'validate') => void;
}

export interface RoundtripResult {
  /** Rows per model in the two exports, in export order. */
  readonly counts: ReadonlyMap<string, { readonly expect: number; readonly actual: number }>;
  readonly findings: readonly Finding[];
  readonly importReport: ImportReport;
  readonly expect: ImportSource;
  readonly actual: ImportSource;
}

function* exportText(driver: Driver, registry: Registry): Generator<string> {
  const writer = new ExportWriter(2);
  for (const row of exportRowsInScope(driver, { registry, scope: 'Global' }).rows) yield writer.object(row);
  yield writer.end();
}

export function roundtrip(driver: Driver, options: RoundtripOptions): RoundtripResult {
  checkOptions('roundtrip', ROUNDTRIP_OPTIONS, options);
  const { registry } = options;
  const resetPks = options.resetPks ?? true;
  const store = options.store ?? memoryStore();
  options.onStep?.('export');
  const expect = store.save('expect', exportText(driver, registry));
  options.onStep?.('import');
  driver.transaction(() => clearAllTables(driver, registry, resetPks));
  const importReport = importInScope(driver, expect, { registry, scope: 'Global', resetSequences: resetPks });
  options.onStep?.('export again');
  const actual = store.save('actual', exportText(driver, registry));
  options.onStep?.('validate');
  const compared = compareExports(expect, actual, { registry });
  const pks = pksByModel(expect, actual);
  const counts = new Map([...pks].map(([model, sides]) => [model, { expect: sides.expect.length, actual: sides.actual.length }]));
  const pkFindings = compared.findings.length > 0 ? [] : checkPks(registry, pks, resetPks);
  return { counts, findings: [...compared.findings, ...pkFindings], importReport, expect, actual };
}

function pksByModel(expect: ImportSource, actual: ImportSource): Map<string, { expect: number[]; actual: number[] }> {
  const pks = new Map<string, { expect: number[]; actual: number[] }>();
  for (const [source, side] of [[expect, 'expect'], [actual, 'actual']] as const) {
    for (const object of fileObjects(source)) {
      let sides = pks.get(object.model);
      if (sides === undefined) pks.set(object.model, (sides = { expect: [], actual: [] }));
      sides[side].push(object.pk);
    }
  }
  return pks;
}

function checkPks(registry: Registry, pks: ReadonlyMap<string, { expect: number[]; actual: number[] }>, resetPks: boolean): Finding[] {
  const findings: Finding[] = [];
  for (const [model, { expect, actual }] of pks) {
    if (resetPks) {
      const changed = expect.findIndex((pk, i) => actual[i] !== pk);
      if (changed >= 0) {
        findings.push({
          finding: 'RoundtripFinding', kind: 'PrimaryKeyChanged', on: { model, ordinal: changed + 1 }, leftPk: expect[changed], rightPk: actual[changed],
          reason: `with reset sequences every pk must come back the same, but the ${model} row at position ${changed + 1} had pk ${expect[changed]} and came back as ${actual[changed]} (a table whose pks had gaps cannot; use --no-reset-pks for it)`,
        });
      }
      continue;
    }
    if (registry.get(model).rules.import?.keepPkIn?.includes('Global') === true) continue;
    const before = new Set(expect);
    const reused = actual.findIndex((pk) => before.has(pk));
    if (reused >= 0) {
      findings.push({
        finding: 'RoundtripFinding', kind: 'PrimaryKeyReused', on: { model, ordinal: reused + 1 }, rightPk: actual[reused],
        reason: `with sequences that go on every pk must be new, but ${model} pk ${actual[reused]} was used before the import too`,
      });
    }
  }
  return findings;
}
