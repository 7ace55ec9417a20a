// Import speed and memory on a large synthetic export, against a bare parse-and-insert of the same
// file in the same run (JSON.parse per object, one prepared INSERT per table, one transaction: no
// remapping, no rules, no chunks). Prints figures and ratios; asserts nothing. Part of
// `npm run bench` (IMPORT_ROWS=N to resize; a file past 512 MB shows that no step holds it whole).
import Database from 'better-sqlite3';
import { openBetterSqlite3 } from '../dist/backends/better-sqlite3/index.js';
import { ensureSchema, STORED_MODELS, getModel } from '../dist/index.js';
import { importInScope } from '../dist/engine/import/index.js';
import { arrayElements } from '../dist/core/json/array-elements.js';
import { fileSource } from '../dist/cli/file-source.js';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = fileURLToPath(new URL('../bin/relocate.js', import.meta.url));
const ROWS = Number(process.env.IMPORT_ROWS ?? 300_000);
const folder = mkdtempSync(join(tmpdir(), 'relocate-bench-'));
const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
const rate = (rows, s) => `${Math.round(rows / s).toLocaleString('en-US')} rows/s`;

let start = process.hrtime.bigint();
execFileSync(process.execPath, [BIN, 'seed', 'synthetic', '--rows', String(ROWS), '--db', join(folder, 'source.sqlite'), '--silent']);
execFileSync(process.execPath, [BIN, 'export', 'global', join(folder, 'backup.json'), '--db', join(folder, 'source.sqlite'), '--silent']);
const size = statSync(join(folder, 'backup.json')).size;
console.log(`\nimport: synthetic export of ${(size / 1e6).toFixed(0)} MB made in ${seconds(start).toFixed(1)} s`);

// relocate: a Global import into a new file-backed database, heap sampled as it goes.
const db = openBetterSqlite3(join(folder, 'target.sqlite'));
ensureSchema(db);
const heapBefore = process.memoryUsage().heapUsed;
let peakHeap = heapBefore;
start = process.hrtime.bigint();
const report = importInScope(db, fileSource(join(folder, 'backup.json')), {
  scope: 'Global',
  onProgress: (step) => {
    if (step.rowsDone % 2000 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  },
});
const ours = seconds(start);
const written = report.total((model) => model.written);
db.close();

// Baseline, measured second: every object parsed and inserted as is, pk kept, in one transaction.
const raw = new Database(join(folder, 'baseline.sqlite'));
const schema = openBetterSqlite3(join(folder, 'baseline.sqlite'));
ensureSchema(schema);
schema.close();
raw.pragma('foreign_keys = OFF');
const inserts = new Map();
const insertFor = (name) => {
  let statement = inserts.get(name);
  if (statement === undefined) {
    const entry = getModel(name);
    const columns = ['"id"', ...entry.fields.map((field) => `"${field.column}"`)];
    statement = { entry, run: raw.prepare(`INSERT INTO "${entry.table}" (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`) };
    inserts.set(name, statement);
  }
  return statement;
};
const toSql = (value) => (value === null || typeof value === 'number' || typeof value === 'string' ? value : typeof value === 'boolean' ? Number(value) : JSON.stringify(value));
start = process.hrtime.bigint();
let baselineRows = 0;
raw.transaction(() => {
  for (const element of arrayElements(fileSource(join(folder, 'backup.json')).chunks())) {
    const object = JSON.parse(element.text);
    const { entry, run } = insertFor(object.model);
    run.run(object.pk, ...entry.fields.map((field) => toSql(object.fields[field.name] ?? null)));
    baselineRows++;
  }
})();
const baseline = seconds(start);
raw.close();
rmSync(folder, { recursive: true, force: true });

console.log(`  bare parse + insert:     ${rate(baselineRows, baseline)} (${baselineRows.toLocaleString('en-US')} rows, ${baseline.toFixed(2)} s)`);
console.log(`  relocate import global:  ${rate(written, ours)} (${written.toLocaleString('en-US')} rows, ${ours.toFixed(2)} s, two passes over ${(size / 1e6).toFixed(0)} MB)`);
console.log(`  ratio: ${(ours / baseline).toFixed(2)}x the baseline's time`);
console.log(`  heap growth during import: ${((peakHeap - heapBefore) / 1e6).toFixed(0)} MB (the pk map; the file is never held whole)`);
console.log(`  (${STORED_MODELS.length} tables; IMPORT_ROWS=${ROWS})`);
