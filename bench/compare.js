// Compare speed and memory, each case beside its bare baseline in the same run: `relocate backup
// compare` (the CLI) against a bare parse of both files, grouped by model, each pair deep-compared
// in order. Each side runs in a child process of its own (bench/compare-child.js), so that each
// peak RSS is that run's alone, not the bench's. Two cases:
//   - two exports of one synthetic instance of COMPARE_ROWS rows (default 1,000,000), one file
//     indented and one compact, so that no byte shortcut can apply;
//   - TINY_OBJECTS (default 4,600,000) small objects a side (project options of three short
//     fields, after their organization and projects), one file with Sentry's separators and one
//     without spaces.
// Prints figures and ratios against the targets (≤ 1.3x the baseline's time, ≤ 300 MB peak RSS for
// the exports); asserts nothing. The machine's load is printed with each run: figures taken under
// load are noise. Part of `npm run bench`.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/relocate.js', import.meta.url));
const CHILD = fileURLToPath(new URL('./compare-child.js', import.meta.url));
const ROWS = Number(process.env.COMPARE_ROWS ?? 1_000_000);
const TINY = Number(process.env.TINY_OBJECTS ?? 4_600_000);
const folder = mkdtempSync(join(tmpdir(), 'relocate-bench-'));
const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
const rate = (rows, s) => `${Math.round(rows / s).toLocaleString('en-US')} rows/s`;
const mb = (path) => (statSync(path).size / 1e6).toFixed(0);
const load = () => loadavg().map((figure) => figure.toFixed(2)).join(' ');

/** One child run: its time, peak RSS and findings. The baseline holds both files' objects, so it gets room. */
function measured(mode, left, right) {
  const flags = mode === 'baseline' ? ['--max-old-space-size=16384'] : [];
  const run = spawnSync(process.execPath, [...flags, CHILD, mode, left, right], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const last = run.stderr.trim().split('\n').at(-1) ?? '';
  if (!last.startsWith('{')) throw new Error(`${mode} run failed (exit ${run.status}): ${run.stderr.slice(-2000)}`);
  const figures = JSON.parse(last);
  const findings = /found (\d+) differences/.exec(run.stdout)?.[1];
  return { ...figures, found: findings === undefined ? figures.found : `${findings} findings, ${figures.found}` };
}

function report(title, rows, left, right, targetRss) {
  console.log(`\n${title} (${mb(left)} + ${mb(right)} MB); load average ${load()}`);
  const baseline = measured('baseline', left, right);
  const ours = measured('relocate', left, right);
  const line = (name, run) => `  ${name} ${rate(rows, run.seconds)} (${run.seconds.toFixed(2)} s, peak RSS ${run.rssMB.toFixed(0)} MB, ${run.found})`;
  console.log(line('bare parse + group + deep-equal:', baseline));
  console.log(line('relocate backup compare:        ', ours));
  const ratio = ours.seconds / baseline.seconds;
  const rss = targetRss === undefined ? '' : `; peak RSS ${ours.rssMB.toFixed(0)} MB, target ≤ ${targetRss} MB: ${ours.rssMB <= targetRss ? 'met' : 'not met'}`;
  console.log(`  ratio: ${ratio.toFixed(2)}x the baseline's time, target ≤ 1.3x: ${ratio <= 1.3 ? 'met' : 'not met'}${rss}; load average now ${load()}`);
}

/** A file of `count` project options (after one organization and 100 projects), written in batches. */
function writeTinyObjects(path, count, compact) {
  const separator = compact ? ['":', ',"'] : ['": ', ', "'];
  const object = (model, pk, fields) => `{"model${separator[0]}"${model}"${separator[1]}pk${separator[0]}${pk}${separator[1]}fields${separator[0]}{${fields}}}`;
  const field = (name, value, last) => `"${name}${separator[0]}${JSON.stringify(value)}${last ? '' : separator[1].slice(0, -1)}`;
  const fd = openSync(path, 'w');
  writeSync(fd, `[${object('sentry.organization', 1, [field('name', 'Org', false), field('slug', 'org', false), field('status', 0, true)].join(''))}`);
  for (let pk = 1; pk <= 100; pk++) writeSync(fd, `,\n${object('sentry.project', pk, [field('slug', `p${pk}`, false), field('name', `P${pk}`, false), field('organization', 1, true)].join(''))}`);
  let batch = '';
  for (let pk = 1; pk <= count; pk++) {
    batch += `,\n${object('sentry.projectoption', pk, [field('project', 1 + (pk % 100), false), field('key', `k${pk % 1000}`, false), field('value', pk % 7, true)].join(''))}`;
    if (batch.length > 1 << 20) {
      writeSync(fd, batch);
      batch = '';
    }
  }
  writeSync(fd, `${batch}\n]\n`);
  closeSync(fd);
}

try {
  let start = process.hrtime.bigint();
  const db = join(folder, 'source.sqlite');
  const left = join(folder, 'left.json');
  const right = join(folder, 'right.json');
  execFileSync(process.execPath, [BIN, 'seed', 'synthetic', '--rows', String(ROWS), '--db', db, '--silent']);
  execFileSync(process.execPath, [BIN, 'export', 'global', left, '--db', db, '--silent']);
  execFileSync(process.execPath, [BIN, 'export', 'global', right, '--db', db, '--silent', '--indent', '0']);
  rmSync(db);
  console.log(`\ncompare: two exports of one ${ROWS.toLocaleString('en-US')}-row instance, made in ${seconds(start).toFixed(1)} s`);
  report(`compare, ${ROWS.toLocaleString('en-US')} rows`, ROWS, left, right, 300);
  rmSync(left);
  rmSync(right);

  start = process.hrtime.bigint();
  const tinyLeft = join(folder, 'tiny-left.json');
  const tinyRight = join(folder, 'tiny-right.json');
  writeTinyObjects(tinyLeft, TINY, false);
  writeTinyObjects(tinyRight, TINY, true);
  console.log(`\ncompare: ${TINY.toLocaleString('en-US')} tiny objects a side, made in ${seconds(start).toFixed(1)} s`);
  report(`compare, ${TINY.toLocaleString('en-US')} tiny objects`, TINY, tinyLeft, tinyRight);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
