// Inspector speed: a synthetic export of ≥ 100 MB opened in the built page (dist/inspector/) in
// headless Chromium, timed from the file being chosen to the summary rendered (the page's own
// `body[data-open-millis]`), against the same engine work in Node on the same file in the same run
// (inspectExport, then a Global importInScope into a new in-memory database; 1 MiB chunks) with the
// sql.js backend the page runs, and with better-sqlite3. Also where the time goes in Node with
// sql.js: read-only, parse-only, inspect, and the import's checking and writing passes. Prints
// figures and ratios; asserts nothing. Part of `npm run bench` (INSPECTOR_MB=N to resize, default
// 105 MB, which is also over 100 MiB; INSPECTOR_RUNS=N runs of each, default 2).
import { loadSqlJs, openSqlJs } from '../dist/backends/sql-js/index.js';
import { openBetterSqlite3 } from '../dist/backends/better-sqlite3/index.js';
import { ensureSchema } from '../dist/db/open-database.js';
import { inspectExport } from '../dist/engine/inspect/index.js';
import { importInScope, fileObjects } from '../dist/engine/import/index.js';
import { arrayElements } from '../dist/core/json/array-elements.js';
import { fileSource } from '../dist/cli/file-source.js';
import { startInspectorServer } from '../dist/cli/inspector-server.js';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = fileURLToPath(new URL('../bin/relocate.js', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TARGET_SECONDS = 3;
const MB = Number(process.env.INSPECTOR_MB ?? 105);
const RUNS = Math.max(1, Number(process.env.INSPECTOR_RUNS ?? 2));
const folder = mkdtempSync(join(tmpdir(), 'relocate-bench-'));
const file = join(folder, 'export.json');
const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
const rate = (rows, s) => `${Math.round(rows / s).toLocaleString('en-US')} rows/s`;
const fmt = (s) => `${s.toFixed(2)} s`;
const best = (list) => Math.min(...list);

try {
  // The synthetic instance the import bench uses, seeded and exported by the CLI in its own
  // processes; ~310 bytes a row, so the row count is guessed, then corrected once if short.
  let start = process.hrtime.bigint();
  let rows = Math.ceil((MB * 1e6) / 300);
  let size = 0;
  for (let attempt = 0; attempt < 3 && size < MB * 1e6; attempt++) {
    if (attempt > 0) rows = Math.ceil(rows * ((MB * 1e6) / size) * 1.01);
    const db = join(folder, 'source.sqlite');
    rmSync(db, { force: true });
    execFileSync(process.execPath, [BIN, 'seed', 'synthetic', '--rows', String(rows), '--db', db, '--silent']);
    execFileSync(process.execPath, [BIN, 'export', 'global', file, '--db', db, '--silent']);
    rmSync(db, { force: true });
    size = statSync(file).size;
  }
  const mbps = (s) => `${(size / 1e6 / s).toFixed(1)} MB/s`;
  const objects = [...inspectExport(fileSource(file)).counts.values()].reduce((sum, n) => sum + n, 0);
  console.log(`\ninspector: synthetic export of ${(size / 1e6).toFixed(1)} MB (${(size / 2 ** 20).toFixed(1)} MiB, ${objects.toLocaleString('en-US')} objects) made in ${seconds(start).toFixed(1)} s`);

  // The browser: a fresh page (and, per launch, a throwaway profile) for each run.
  const browserRuns = [];
  const playwright = await import('playwright-core').catch(() => undefined);
  if (!existsSync(CHROMIUM) || playwright === undefined) {
    console.log(`  ${playwright === undefined ? 'playwright-core is not installed' : `${CHROMIUM} is missing`}: the browser part is skipped`);
  } else {
    const { chromium } = playwright;
    const server = await startInspectorServer({ port: 0 });
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
    try {
      for (let run = 0; run < RUNS; run++) {
        const page = await browser.newPage();
        try {
          await page.goto(server.url);
          // The page's progress labels (Reading, Checking, Importing), timed as they first appear.
          await page.evaluate(() => {
            const marks = (window.__benchMarks = []);
            const status = document.getElementById('status-text');
            new MutationObserver(() => {
              const word = (status.textContent ?? '').split(' ')[0];
              if (marks.length === 0 || marks[marks.length - 1].word !== word) marks.push({ word, at: performance.now() });
            }).observe(status, { childList: true, characterData: true, subtree: true });
          });
          const wall = process.hrtime.bigint();
          await page.setInputFiles('[data-testid=open-file]', file);
          await page.waitForSelector('body[data-state=ready], body[data-state=failed]', { timeout: 600_000 });
          const wallSeconds = seconds(wall);
          if ((await page.getAttribute('body', 'data-state')) === 'failed') {
            throw new Error(`the inspector failed to open the export: ${await page.textContent('#status-text')}`);
          }
          const openSeconds = Number(await page.getAttribute('body', 'data-open-millis')) / 1000;
          const headline = (await page.textContent('[data-testid=headline]'))?.trim();
          const marks = await page.evaluate(() => window.__benchMarks);
          const phases = marks.slice(0, -1).map((mark, i) => `${mark.word} ${((marks[i + 1].at - mark.at) / 1000).toFixed(2)}`).join(', ');
          browserRuns.push(openSeconds);
          console.log(`  browser run ${run + 1}: ${fmt(openSeconds)} to the summary (${fmt(wallSeconds)} wall from setInputFiles; ${phases} s); headline: ${headline}`);
        } finally {
          await page.close();
        }
      }
    } finally {
      await browser.close();
      await server.close();
    }
  }

  // Node, same file, same engine calls as the page's session: inspect, then a Global import into
  // a new in-memory database. Each pass timed, and the import's switch from checking to writing.
  const SQL = await loadSqlJs();
  const nodeRun = (open) => {
    const start = process.hrtime.bigint();
    const inspected = inspectExport(fileSource(file));
    const inspect = seconds(start);
    const driver = open();
    ensureSchema(driver);
    const importStart = process.hrtime.bigint();
    let writingAt;
    const report = importInScope(driver, fileSource(file), {
      scope: 'Global',
      onProgress: (progress) => {
        if (progress.phase === 'writing' && writingAt === undefined) writingAt = process.hrtime.bigint();
      },
    });
    const end = process.hrtime.bigint();
    driver.close();
    return {
      total: seconds(start),
      inspect,
      schema: Number(importStart - start) / 1e9 - inspect,
      importing: Number(end - importStart) / 1e9,
      checking: Number((writingAt ?? end) - importStart) / 1e9,
      writing: Number(end - (writingAt ?? end)) / 1e9,
      written: report.total((model) => model.written),
      inFile: [...inspected.counts.values()].reduce((sum, n) => sum + n, 0),
    };
  };
  const sqlJsRuns = [];
  const betterRuns = [];
  for (let run = 0; run < RUNS; run++) sqlJsRuns.push(nodeRun(() => openSqlJs(SQL)));
  for (let run = 0; run < RUNS; run++) betterRuns.push(nodeRun(() => openBetterSqlite3(':memory:')));

  // Where the time goes, without the engine: the file read in 1 MiB chunks, split into array
  // elements, and parsed into objects.
  start = process.hrtime.bigint();
  for (const _ of fileSource(file).chunks());
  const readOnly = seconds(start);
  start = process.hrtime.bigint();
  for (const _ of arrayElements(fileSource(file).chunks()));
  const splitOnly = seconds(start);
  start = process.hrtime.bigint();
  for (const _ of fileObjects(fileSource(file)));
  const parseOnly = seconds(start);

  const sqlJs = sqlJsRuns.reduce((a, b) => (b.total < a.total ? b : a));
  const better = betterRuns.reduce((a, b) => (b.total < a.total ? b : a));
  console.log(`  node + sql.js (inspect + import): ${sqlJsRuns.map((r) => fmt(r.total)).join(', ')}; best ${fmt(sqlJs.total)}, ${mbps(sqlJs.total)}, ${rate(objects, sqlJs.total)} (${sqlJs.written.toLocaleString('en-US')} rows written)`);
  console.log(`  node + better-sqlite3 (in memory): ${betterRuns.map((r) => fmt(r.total)).join(', ')}; best ${fmt(better.total)}, ${mbps(better.total)}, ${rate(objects, better.total)}`);
  if (browserRuns.length > 0) {
    const browser = best(browserRuns);
    console.log(`  browser (worker + sql.js):         ${browserRuns.map(fmt).join(', ')}; best ${fmt(browser)}, ${mbps(browser)}, ${rate(objects, browser)}`);
    console.log(`  ratios: browser ${(browser / sqlJs.total).toFixed(2)}x node + sql.js, ${(browser / better.total).toFixed(2)}x node + better-sqlite3; node sql.js ${(sqlJs.total / better.total).toFixed(2)}x better-sqlite3`);
    console.log(`  target ≤ ${TARGET_SECONDS} s to the summary of a ≥ 100 MB export: ${browser <= TARGET_SECONDS ? 'met' : 'not met'} (best ${fmt(browser)})`);
  } else {
    console.log(`  ratio: node sql.js ${(sqlJs.total / better.total).toFixed(2)}x better-sqlite3; target ≤ ${TARGET_SECONDS} s: not measured (no browser)`);
  }
  const byPass = (r) => {
    const share = (s) => `${fmt(s)} (${Math.round((100 * s) / r.total)}%)`;
    return `inspect ${share(r.inspect)}, schema ${share(r.schema)}, import checking ${share(r.checking)}, import writing ${share(r.writing)}`;
  };
  sqlJsRuns.forEach((r, i) => console.log(`  node + sql.js run ${i + 1} by pass: ${byPass(r)}`));
  betterRuns.forEach((r, i) => console.log(`  node + better-sqlite3 run ${i + 1} by pass: ${byPass(r)}`));
  console.log(`  one pass without the engine: read only ${fmt(readOnly)} (${mbps(readOnly)}); read + split into elements ${fmt(splitOnly)}; read + split + parse (fileObjects) ${fmt(parseOnly)} (${mbps(parseOnly)}); the page reads the file 3 times (inspect, checking, writing)`);
  console.log(`  (INSPECTOR_MB=${MB}, INSPECTOR_RUNS=${RUNS})`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
