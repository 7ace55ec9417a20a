/** Import helpers for engine tests: import text, export back, count rows. */
import { renderExport } from '../../src/core/json/export-writer.js';
import { reversedDependencies } from '../../src/core/graph/index.js';

import type { ExportScope } from '../../src/core/scopes.js';
import type { ModelEntry } from '../../src/core/registry/types.js';
import type { Driver } from '../../src/db/port.js';
import { countRows } from '../../src/db/store.js';
import { exportInScope } from '../../src/engine/export/index.js';
import { importInScope } from '../../src/engine/import/index.js';
import type { ImportOptions, ImportReport, ImportSource } from '../../src/engine/import/index.js';
import { REGISTRY } from './registry.js';

/** A source over text, read in chunks of `chunkSize` bytes (small chunks exercise the reader). */
export function textSource(text: string, chunkSize = 64 * 1024): ImportSource {
  const bytes = new TextEncoder().encode(text);
  return {
    *chunks() {
      for (let at = 0; at < bytes.length; at += chunkSize) yield bytes.subarray(at, at + chunkSize);
    },
  };
}

export function importText(driver: Driver, text: string, options: ImportOptions): ImportReport {
  return importInScope(driver, textSource(text), options);
}

export function exportText(driver: Driver, scope: ExportScope = 'Global'): string {
  return renderExport(exportInScope(driver, { registry: REGISTRY, scope }).objects);
}

export function count(driver: Driver, model: string): number {
  return countRows(driver, REGISTRY.get(model));
}

/** Rows of a table as column → value in the port's form (as every backend gives the engine), ascending pk. */
function portRows(driver: Driver, entry: ModelEntry): Record<string, unknown>[] {
  const columns = ['"id"', ...entry.fields.map((field) => `${driver.dialect.readColumn(entry, field)} AS "${field.column}"`)];
  return driver.prepare(`SELECT ${columns.join(', ')} FROM "${entry.table}" ORDER BY "id"`).all();
}

/** Rows of a model as field → stored value objects (column names), ascending pk. */
export function rows(driver: Driver, model: string): Record<string, unknown>[] {
  return portRows(driver, REGISTRY.get(model));
}

/**
 * Sentry's test pattern between export and import: every table emptied, dependents first. The id
 * sequences go on from where they were (as in Sentry's tests) unless `resetSequences`.
 */
export function clearTables(driver: Driver, resetSequences = false): void {
  driver.transaction(() => {
    for (const entry of reversedDependencies(REGISTRY.stored)) driver.prepare(`DELETE FROM "${entry.table}"`).run();
    if (resetSequences) for (const statement of driver.dialect.resetSequences(REGISTRY.stored.map((entry) => entry.table))) driver.exec(statement);
  });
}

/** Export Global, then clear: the start of most import scenarios. */
export function exportThenClear(driver: Driver, resetSequences = false): string {
  const text = exportText(driver, 'Global');
  clearTables(driver, resetSequences);
  return text;
}

/** The import chunks of a table, as rows. */
export function chunks(driver: Driver, table = 'sentry_controlimportchunk'): Record<string, unknown>[] {
  const entry = REGISTRY.stored.find((candidate) => candidate.table === table);
  if (entry === undefined) throw new RangeError(`Expected a table of the registry, got ${table}`);
  return portRows(driver, entry);
}
