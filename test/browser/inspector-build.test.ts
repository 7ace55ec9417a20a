/**
 * The built inspector (no browser needed): `npm run build` writes a static folder with the page,
 * its scripts and sql.js's wasm from wasm/, and both scripts (the page's, for a page opened from
 * disk, and the worker's) are bundled from the engine's own modules, the ones the CLI runs, with
 * neither a Node-only module nor a copy of the engine among their inputs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INSPECTOR_DIST, REPO_ROOT } from '../helpers/browser.js';

const inputs = JSON.parse(readFileSync(join(REPO_ROOT, 'dist', 'inspector-inputs.json'), 'utf8')) as Record<string, string[]>;

/** The engine modules behind each thing the page does, as the CLI's commands import them. */
const ENGINE = [
  'src/engine/inspect/inspect-export.ts',
  'src/engine/import/import-in-scope.ts',
  'src/engine/export/export-in-scope.ts',
  'src/engine/compare/compare-exports.ts',
  'src/engine/sanitize/sanitize-export.ts',
  'src/engine/convert/convert-export.ts',
  'src/engine/check/check-export.ts',
  'src/engine/repair/repair-export.ts',
  'src/crypto/encrypted-export.ts',
  'src/backends/sql-js/sql-js-driver.ts',
];

describe('the built inspector', () => {
  it('is a static folder with the page, its scripts and the wasm from wasm/', () => {
    for (const name of ['index.html', 'inspector.css', 'inspector.js', 'worker.js', 'sql-wasm-inline.js']) {
      expect(readFileSync(join(INSPECTOR_DIST, name)).length, name).toBeGreaterThan(0);
    }
    expect(readFileSync(join(INSPECTOR_DIST, 'sql-wasm.wasm')).equals(readFileSync(join(REPO_ROOT, 'wasm', 'sql-wasm.wasm')))).toBe(true);
    const html = readFileSync(join(INSPECTOR_DIST, 'index.html'), 'utf8');
    for (const id of ['open-file', 'compare-file', 'private-key', 'convert-to']) expect(html).toContain(`data-testid="${id}"`);
  });

  it.each(['inspector.js', 'worker.js'])('%s is bundled from the engine modules the CLI runs, and from nothing of the CLI or Node', (script) => {
    const files = inputs[script] ?? [];
    expect(files).toEqual(expect.arrayContaining(ENGINE));
    const sources = files.filter((file) => file.startsWith('src/'));
    expect(sources.filter((file) => file.startsWith('src/cli/') || file.startsWith('src/backends/better-sqlite3/'))).toEqual([]);
    expect(files.filter((file) => !file.startsWith('src/') && !file.startsWith('node_modules/'))).toEqual([]);
    // Nothing of PostgreSQL: neither its client (libpq, a Node addon) nor its driver and dialect.
    expect(files.filter((file) => /libpq|postgres/.test(file))).toEqual([]);
    // The page's own files are the page: the rest are the shared modules under core/, db/, engine/, crypto/ and the sql.js driver.
    const own = sources.filter((file) => file.startsWith('src/inspector/'));
    expect(sources.filter((file) => !own.includes(file)).every((file) => /^src\/(core|db|engine|crypto|backends\/sql-js)\//.test(file))).toBe(true);
  });
});
