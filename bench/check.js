// `relocate check` on a large synthetic export against `relocate import global --dry-run` of the
// same file, in the same run, each in a process of its own (as a user runs them): wall time and
// peak RSS. The check must be at least as fast and need no more memory. Prints figures and
// ratios; asserts nothing. Part of `npm run bench` (CHECK_ROWS=N to resize; default 1,000,000).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/relocate.js', import.meta.url));
const MEASURED = fileURLToPath(new URL('./measured-cli.js', import.meta.url));
const ROWS = Number(process.env.CHECK_ROWS ?? 1_000_000);
const folder = mkdtempSync(join(tmpdir(), 'relocate-bench-check-'));
const file = join(folder, 'backup.json');

let start = process.hrtime.bigint();
execFileSync(process.execPath, [BIN, 'seed', 'synthetic', '--rows', String(ROWS), '--db', join(folder, 'source.sqlite'), '--silent']);
execFileSync(process.execPath, [BIN, 'export', 'global', file, '--db', join(folder, 'source.sqlite'), '--silent']);
const size = statSync(file).size;
console.log(`\ncheck: synthetic export of ${(size / 1e6).toFixed(0)} MB made in ${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(1)} s`);

/** One command in a fresh process: its exit code, wall time and peak RSS. */
function measure(args) {
  const run = spawnSync(process.execPath, [MEASURED, ...args], { cwd: folder, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const line = /MEASURED (\{.*\})/.exec(run.stderr ?? '');
  if (line === null) throw new Error(`relocate ${args.join(' ')} did not finish: ${run.stderr}`);
  return JSON.parse(line[1]);
}

// Import first (into a database it makes, rolled back), then check: neither gains from the other's page cache more than the other.
const imported = measure(['import', 'global', file, '--dry-run', '--db', join(folder, 'target.sqlite'), '--no-prompt', '--silent']);
const checked = measure(['check', file, '--silent']);
rmSync(folder, { recursive: true, force: true });

const rate = (s) => `${Math.round(ROWS / s).toLocaleString('en-US')} rows/s`;
const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;
console.log(`  relocate import global --dry-run: ${imported.seconds.toFixed(2)} s (${rate(imported.seconds)}), peak RSS ${mb(imported.maxRssKb)}, exit ${imported.code}`);
console.log(`  relocate check:                  ${checked.seconds.toFixed(2)} s (${rate(checked.seconds)}), peak RSS ${mb(checked.maxRssKb)}, exit ${checked.code}`);
console.log(`  check takes ${(checked.seconds / imported.seconds).toFixed(2)}x the dry run's time and ${(checked.maxRssKb / imported.maxRssKb).toFixed(2)}x its peak RSS (one read of the file against the import's two; CHECK_ROWS=${ROWS})`);
