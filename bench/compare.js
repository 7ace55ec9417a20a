// Compare speed on two large exports (the same synthetic instance exported twice, one file with
// compact JSON and one indented, so no byte shortcut can apply), against a bare baseline in the
// same run: both files parsed object by object and each pair checked with a deep equality.
// Prints figures and ratios; asserts nothing. Part of `npm run bench` (COMPARE_ROWS=N to resize).
import { compareExports } from '../dist/engine/compare/index.js';
import { VERIFIED_REGISTRY } from '../dist/core/registry/index.js';
import { arrayElements } from '../dist/core/json/array-elements.js';
import { fileSource } from '../dist/cli/file-source.js';
import { isDeepStrictEqual } from 'node:util';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = fileURLToPath(new URL('../bin/relocate.js', import.meta.url));
const ROWS = Number(process.env.COMPARE_ROWS ?? 1_000_000);
const folder = mkdtempSync(join(tmpdir(), 'relocate-bench-'));
const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
const rate = (rows, s) => `${Math.round(rows / s).toLocaleString('en-US')} rows/s`;
const left = join(folder, 'left.json');
const right = join(folder, 'right.json');

let start = process.hrtime.bigint();
const db = join(folder, 'source.sqlite');
execFileSync(process.execPath, [BIN, 'seed', 'synthetic', '--rows', String(ROWS), '--db', db, '--silent']);
execFileSync(process.execPath, [BIN, 'export', 'global', left, '--db', db, '--silent']);
execFileSync(process.execPath, [BIN, 'export', 'global', right, '--db', db, '--silent', '--indent', '0']);
console.log(`\ncompare: two exports of the same ${ROWS.toLocaleString('en-US')}-row instance (${(statSync(left).size / 1e6).toFixed(0)} + ${(statSync(right).size / 1e6).toFixed(0)} MB) made in ${seconds(start).toFixed(1)} s`);

const heapBefore = process.memoryUsage().heapUsed;
start = process.hrtime.bigint();
const result = compareExports(fileSource(left), fileSource(right), { registry: VERIFIED_REGISTRY });
const ours = seconds(start);
const heapAfter = process.memoryUsage().heapUsed;
let rows = 0;
for (const _ of arrayElements(fileSource(left).chunks())) rows++;

// Baseline: parse both sides, group by model, deep-compare each pair in order.
start = process.hrtime.bigint();
const group = (path) => {
  const models = new Map();
  for (const element of arrayElements(fileSource(path).chunks())) {
    const object = JSON.parse(element.text);
    let list = models.get(object.model);
    if (list === undefined) models.set(object.model, (list = []));
    list.push(object);
  }
  return models;
};
const a = group(left);
const b = group(right);
let unequal = 0;
for (const [model, list] of a) list.forEach((object, i) => { if (!isDeepStrictEqual(object.fields, b.get(model)?.[i]?.fields)) unequal++; });
const baseline = seconds(start);
rmSync(folder, { recursive: true, force: true });

console.log(`  bare parse + deep-equal:  ${rate(rows, baseline)} (${baseline.toFixed(2)} s, ${unequal} unequal pairs)`);
console.log(`  relocate backup compare:  ${rate(rows, ours)} (${ours.toFixed(2)} s, ${result.findings.length} findings)`);
console.log(`  ratio: ${(ours / baseline).toFixed(2)}x the baseline's time; target 300,000 rows/s: ${rows / ours >= 300_000 ? 'met' : 'not met'}`);
console.log(`  heap held by the model maps at the end: ${((heapAfter - heapBefore) / 1e6).toFixed(0)} MB (the file text is never held)`);
