// Export speed on a large synthetic instance, against a bare read-and-serialize of the same tables
// in the same run (better-sqlite3 .iterate() + JSON.stringify, no filtering, no Sentry format).
// Prints figures and ratios; asserts nothing. Part of `npm run bench` (EXPORT_ROWS=N to resize).
import Database from 'better-sqlite3';
import { openBetterSqlite3 } from '../dist/backends/better-sqlite3/index.js';
import { ensureSchema, VERIFIED_REGISTRY } from '../dist/index.js';

const STORED_MODELS = VERIFIED_REGISTRY.stored;
import { ExportWriter } from '../dist/core/json/export-writer.js';
import { exportRowsInScope } from '../dist/engine/export/index.js';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = fileURLToPath(new URL('../bin/relocate.js', import.meta.url));
const ROWS = Number(process.env.EXPORT_ROWS ?? 1_000_000);
const folder = mkdtempSync(join(tmpdir(), 'relocate-bench-'));
const path = join(folder, 'synthetic.sqlite');

const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
const rate = (rows, s) => `${Math.round(rows / s).toLocaleString('en-US')} rows/s`;

// Seeded by the CLI in its own process, as a user would, so that the export starts from a clean heap.
let start = process.hrtime.bigint();
execFileSync(process.execPath, [BIN, 'seed', 'synthetic', '--rows', String(ROWS), '--db', path, '--silent']);
const db = openBetterSqlite3(path);
ensureSchema(db, VERIFIED_REGISTRY);
const total = STORED_MODELS.reduce((sum, entry) => sum + db.prepare(`SELECT count(*) AS n FROM "${entry.table}"`).get().n, 0);
console.log(`\nexport: synthetic instance of ${total.toLocaleString('en-US')} rows seeded in ${seconds(start).toFixed(1)} s`);

// relocate: Global export in Sentry's format, encoded into a 1 MiB buffer that is then dropped
// (what the CLI's output sink does before each write; the text is ASCII by construction).
const heapBefore = process.memoryUsage().heapUsed;
start = process.hrtime.bigint();
const writer = new ExportWriter(2);
const buffer = Buffer.allocUnsafe(1 << 20);
let offset = 0;
let bytes = 0;
let peakHeap = 0;
const put = (text) => {
  if (offset + text.length > buffer.length) {
    bytes += offset;
    offset = 0;
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  offset += text.length > buffer.length ? text.length : buffer.latin1Write(text, offset);
};
for (const row of exportRowsInScope(db, { registry: VERIFIED_REGISTRY, scope: 'Global' }).rows) put(writer.object(row));
put(writer.end());
bytes += offset;
const ours = seconds(start);
// Baseline (measured second, so that it, not relocate, runs on the warmer heap): every row of every table, read and serialized, bytes counted and dropped.
const raw = new Database(path, { readonly: true });
start = process.hrtime.bigint();
let baselineRows = 0;
let baselineBytes = 0;
for (const entry of VERIFIED_REGISTRY.relocatable) {
  for (const row of raw.prepare(`SELECT * FROM "${entry.table}" ORDER BY "id"`).iterate()) {
    const { id, ...fields } = row;
    baselineBytes += JSON.stringify({ model: entry.name, pk: id, fields }, null, 2).length;
    baselineRows++;
  }
}
const baseline = seconds(start);
raw.close();

db.close();

// Whole processes, as a user runs them: `relocate export global FILE` against bench/bare-export.js
// writing the same tables to a file, alternately, best of two each.
const timed = (args) => {
  const began = process.hrtime.bigint();
  execFileSync(process.execPath, args, { stdio: 'ignore' });
  return seconds(began);
};
let cliBest = Infinity;
let bareBest = Infinity;
for (let round = 0; round < 2; round++) {
  cliBest = Math.min(cliBest, timed([BIN, 'export', 'global', join(folder, 'cli.json'), '--db', path, '--silent']));
  bareBest = Math.min(bareBest, timed([fileURLToPath(new URL('./bare-export.js', import.meta.url)), path, join(folder, 'bare.json')]));
}
rmSync(folder, { recursive: true, force: true });

console.log(`  bare read + JSON.stringify: ${rate(baselineRows, baseline)} (${baselineRows.toLocaleString('en-US')} rows, ${(baselineBytes / 1e6).toFixed(0)} MB, ${baseline.toFixed(2)} s)`);
console.log(`  relocate export global:     ${rate(writer.count, ours)} (${writer.count.toLocaleString('en-US')} rows, ${(bytes / 1e6).toFixed(0)} MB, ${ours.toFixed(2)} s)`);
console.log(`  ratio: ${(ours / baseline).toFixed(2)}x the baseline's time; target 400,000 rows/s: ${writer.count / ours >= 400_000 ? 'met' : 'not met'}`);
console.log(`  whole process, best of two: relocate export global FILE ${cliBest.toFixed(2)} s, bare read + stringify + write ${bareBest.toFixed(2)} s: ${(cliBest / bareBest).toFixed(2)}x (target 1.15x)`);
console.log(`  heap growth during export: ${((peakHeap - heapBefore) / 1e6).toFixed(0)} MB (pk sets of referenced models; the text is not kept)`);
