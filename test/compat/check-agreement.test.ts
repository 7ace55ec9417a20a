/**
 * `check` and `import` agree, on every Sentry release snapshot, every Sentry fixture and every one
 * of our invalid-* fixtures, in every scope, on both backends: a file check calls clean imports,
 * and writes, merges and drops per model exactly what check said it would; a file the import
 * refuses has an error in check, at the row (model and line) where the import stopped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportScope } from '../../src/core/scopes.js';
import { checkExportAll } from '../../src/engine/check/index.js';
import { ImportingError, importInScope } from '../../src/engine/import/index.js';
import type { ImportReport, ImportSource } from '../../src/engine/import/index.js';
import { errorsOf } from '../helpers/check.js';
import { DRIVERS } from '../helpers/drivers.js';
import { freshDatabase } from '../helpers/export.js';
import { REGISTRY } from '../helpers/registry.js';
import { hasSharedReference, referencePath } from '../helpers/shared-reference.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
/** Every file as bytes (some invalid fixtures are not UTF-8 on purpose). */
const files: [string, Uint8Array][] = [
  ...(hasSharedReference ? readdirSync(referencePath('snapshots', 'ReleaseTests')).filter((name) => name.endsWith('.export.json')).sort()
    .map((name): [string, Uint8Array] => [name, readFileSync(referencePath('snapshots', 'ReleaseTests', name))]) : []),
  ...(hasSharedReference ? readdirSync(referencePath('fixtures', 'backup')).filter((name) => name.endsWith('.json')).sort()
    .map((name): [string, Uint8Array] => [name, readFileSync(referencePath('fixtures', 'backup', name))]) : []),
  ...readdirSync(FIXTURES).filter((name) => name.startsWith('invalid-')).sort()
    .map((name): [string, Uint8Array] => [name, readFileSync(join(FIXTURES, name, 'input.json'))]),
];
const bytesSource = (bytes: Uint8Array): ImportSource => ({ chunks: () => [bytes] });
const SCOPES: ImportScope[] = ['Global', 'User', 'Organization', 'Config'];

/**
 * Per model: what an import wrote (inserted, merged, written over) and dropped. For a file out of
 * the registry's model order, which the import re-sorts and check reads as it comes, only rows
 * written and dropped: which of two models' rows makes a shared row first (a user's signals or
 * the file's Email row) may differ, not what ends up written.
 */
function outcome(report: ImportReport, reordered: boolean): Record<string, number[]> {
  return Object.fromEntries([...report.models].filter(([, m]) => m.written + m.droppedCount > 0)
    .map(([model, m]) => [model, reordered ? [m.written, m.droppedCount] : [m.inserted, m.existing, m.overwritten, m.droppedCount]]));
}

describe.each(DRIVERS)('check and import agree on $name', (testDriver) => {
  it.each(SCOPES)('on every snapshot and fixture, in %s scope', (scope) => {
    expect(files.length).toBeGreaterThan(hasSharedReference ? 55 : 25);
    for (const [name, bytes] of files) {
      const { problems, summary } = checkExportAll(bytesSource(bytes), { registry: REGISTRY, scope });
      let refused: ImportingError | undefined;
      let report: ImportReport | undefined;
      const driver = freshDatabase(testDriver);
      try {
        report = importInScope(driver, bytesSource(bytes), { registry: REGISTRY, scope });
      } catch (error) {
        if (!(error instanceof ImportingError)) throw error;
        refused = error;
      } finally {
        driver.close();
      }
      if (refused === undefined) {
        expect(errorsOf(problems), `${name}: the import takes it, so check finds no error`).toEqual([]);
        const reordered = (report as ImportReport).reordered;
        expect(summary.report.reordered, name).toBe(reordered);
        expect(outcome(summary.report, reordered), `${name}: what check says the import does`).toEqual(outcome(report as ImportReport, reordered));
        continue;
      }
      const errors = errorsOf(problems);
      expect(errors.length, `${name}: the import refuses it (${refused.message}), so check finds an error`).toBeGreaterThan(0);
      if (refused.on.ordinal !== undefined) {
        // A row the import stopped at: check names that row (its model and line) among its errors.
        expect(errors.map((found) => `${found.model} ${found.line}`), `${name}: ${refused.message}`).toContain(`${refused.on.model} ${refused.line}`);
      }
    }
  });
});
