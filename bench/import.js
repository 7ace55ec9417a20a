// Import speed and memory on a large synthetic export, against a bare parse-and-insert of the same
// file in the same run (JSON.parse per object, one prepared INSERT per table, one transaction: no
// remapping, no rules, no chunks). Prints figures and ratios; asserts nothing. Part of
// `npm run bench` (IMPORT_ROWS=N to resize; a file past 512 MB shows that no step holds it whole).
import Database from 'better-sqlite3';
import { openBetterSqlite3 } from '../dist/backends/better-sqlite3/index.js';
import { loadSqlJs, openSqlJs } from '../dist/backends/sql-js/index.js';
import { ensureSchema, VERIFIED_REGISTRY } from '../dist/index.js';
import { importInScope } from '../dist/engine/import/index.js';
import { arrayElements } from '../dist/core/json/array-elements.js';
import { fileObjects } from '../dist/engine/import/file-objects.js';
import { fieldValueCheck } from '../dist/core/values/field-value-problem.js';
import { fileSource } from '../dist/cli/file-source.js';
import { HOLD_OBJECTS_UP_TO } from '../dist/engine/import/index.js';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REGISTRY = VERIFIED_REGISTRY;
const STORED_MODELS = REGISTRY.stored;
const getModel = (name) => REGISTRY.get(name);
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
ensureSchema(db, REGISTRY);
const heapBefore = process.memoryUsage().heapUsed;
let peakHeap = heapBefore;
start = process.hrtime.bigint();
const report = importInScope(db, fileSource(join(folder, 'backup.json')), {
  registry: REGISTRY,
  scope: 'Global',
  // As the CLI decides: parsed once and held up to its limit, streamed by each pass beyond it.
  holdObjects: size <= HOLD_OBJECTS_UP_TO,
  onProgress: (step) => {
    if (step.rowsDone % 2000 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  },
});
const ours = seconds(start);
const written = report.total((model) => model.written);
db.close();

// The CLI's import of the same file, in a process of its own: its wall time and peak RSS.
const MEASURED = fileURLToPath(new URL('./measured-cli.js', import.meta.url));
const cliRun = spawnSync(process.execPath, [MEASURED, 'import', 'global', join(folder, 'backup.json'), '--db', join(folder, 'cli.sqlite'), '--no-prompt', '--silent'], { encoding: 'utf8' });
const cli = JSON.parse(/MEASURED (.*)/.exec(cliRun.stderr)?.[1] ?? '{"seconds":0,"maxRssKb":0}');

// The same file in Organization scope, filtered to every organization it has (what an
// organization's relocation runs), into another new database; and on sql.js. Both at sizes the
// objects are held at (sql.js holds the whole database in memory besides).
const others = size <= HOLD_OBJECTS_UP_TO;
const source = new Database(join(folder, 'source.sqlite'), { readonly: true });
const slugs = source.prepare('SELECT slug FROM sentry_organization').pluck().all();
source.close();
let organizations = 0;
let orgWritten = 0;
let wasm = 0;
if (others) {
  const orgDb = openBetterSqlite3(join(folder, 'organizations.sqlite'));
  ensureSchema(orgDb, REGISTRY);
  start = process.hrtime.bigint();
  const orgReport = importInScope(orgDb, fileSource(join(folder, 'backup.json')), { registry: REGISTRY, scope: 'Organization', filterOrgSlugs: slugs, holdObjects: true });
  organizations = seconds(start);
  orgWritten = orgReport.total((model) => model.written);
  orgDb.close();

  // The same Global import on sql.js (WebAssembly, in memory), as the browser inspector runs it.
  const wasmDb = openSqlJs(await loadSqlJs());
  ensureSchema(wasmDb, REGISTRY);
  start = process.hrtime.bigint();
  importInScope(wasmDb, fileSource(join(folder, 'backup.json')), { registry: REGISTRY, scope: 'Global', holdObjects: true });
  wasm = seconds(start);
  wasmDb.close();
}

// The per-field value rules alone, as the import runs them (each field the file gives, through
// the model's array of checks), over objects parsed beforehand: the same loop with and without
// the checks, best of three, as a share of the import's time.
const objects = [...fileObjects(fileSource(join(folder, 'backup.json')))];
const plans = new Map();
for (const object of objects) {
  if (plans.has(object.model)) continue;
  const { fields } = getModel(object.model);
  plans.set(object.model, { fields, checks: fields.map(fieldValueCheck) });
}
const noCheck = () => undefined;
const checkAll = (withRules) => {
  const began = process.hrtime.bigint();
  let count = 0;
  for (const object of objects) {
    const { fields, checks } = plans.get(object.model);
    for (let i = 0; i < fields.length; i++) {
      if (!Object.hasOwn(object.fields, fields[i].name)) continue;
      if ((withRules ? checks[i] : noCheck)(object.fields[fields[i].name]) !== undefined) throw new Error(`${object.model} ${fields[i].name}`);
      count++;
    }
  }
  return [seconds(began), count];
};
let rules = Infinity;
let checked = 0;
for (let round = 0; round < 3; round++) {
  const [bare] = checkAll(false);
  const [checking, count] = checkAll(true);
  rules = Math.min(rules, Math.max(0, checking - bare));
  checked = count;
}
objects.length = 0;

// Baseline, measured second: every object parsed and inserted as is, pk kept, in one transaction.
const raw = new Database(join(folder, 'baseline.sqlite'));
const schema = openBetterSqlite3(join(folder, 'baseline.sqlite'));
ensureSchema(schema, REGISTRY);
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
console.log(`  relocate import global:  ${rate(written, ours)} (${written.toLocaleString('en-US')} rows, ${ours.toFixed(2)} s, ${size <= HOLD_OBJECTS_UP_TO ? 'parsed once, objects held' : 'two passes'} over ${(size / 1e6).toFixed(0)} MB)`);
console.log(`  ratio: ${(ours / baseline).toFixed(2)}x the baseline's time (target ${size > 900e6 ? '1.6x' : '1.5x'})`);
console.log(`  relocate import global FILE, a process of its own: ${cli.seconds.toFixed(2)} s (a new database made for the file's version), peak RSS ${(cli.maxRssKb / 1024).toFixed(0)} MB, exit ${cli.code}`);
if (others) console.log(`  relocate import organizations --filter-org-slugs (all ${slugs.length}): ${rate(orgWritten, organizations)} (${orgWritten.toLocaleString('en-US')} rows, ${organizations.toFixed(2)} s): ${(organizations / baseline).toFixed(2)}x the baseline's time (target 2x)`);
if (others) console.log(`  relocate import global on sql.js: ${wasm.toFixed(2)} s, ${(wasm / ours).toFixed(2)}x better-sqlite3's time (target 1.2x)`);
console.log(`  value rules: ${(rules * 1000).toFixed(0)} ms for ${checked.toLocaleString('en-US')} values, ${((rules / ours) * 100).toFixed(1)}% of the import's time`);
console.log(`  heap growth during import: ${((peakHeap - heapBefore) / 1e6).toFixed(0)} MB (${size <= HOLD_OBJECTS_UP_TO ? 'the parsed objects, held, and the pk map' : 'the pk map; the file is never held whole'})`);
console.log(`  (${STORED_MODELS.length} tables; IMPORT_ROWS=${ROWS})`);
