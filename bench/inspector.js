// Inspector speed: a synthetic export of ≥ 100 MB opened in the built page (dist/inspector/) in
// headless Chromium, timed from the file being chosen to the finished summary (the page's own
// `body[data-open-millis]`: parse, inspection, Global import with its report, summary rendered).
// Against, in the same run and on the same file, in Node:
//   - the page's flow with the same engine calls (parse once and hold the objects, inspect, Global
//     import into a new in-memory database), on sql.js (the page's backend) and on better-sqlite3;
//   - a bare baseline: the file parsed once and every object inserted as it is into the same schema
//     with sql.js (foreign keys on, one transaction, pk kept): no remapping, rules, chunks or checks.
// Prints figures, phases and ratios; asserts nothing. Part of `npm run bench` (INSPECTOR_MB=N to
// resize, default 105 MB, over 100 MiB; INSPECTOR_RUNS=N runs of each, default 2).
import { loadSqlJs, openSqlJs } from '../dist/backends/sql-js/index.js';
import { openBetterSqlite3 } from '../dist/backends/better-sqlite3/index.js';
import { ensureSchema } from '../dist/db/open-database.js';
import { VERIFIED_REGISTRY } from '../dist/core/registry/index.js';

const REGISTRY = VERIFIED_REGISTRY;
const getModel = (name) => REGISTRY.get(name);
import { toStoredValue } from '../dist/db/field-codec.js';
import { inspectExport } from '../dist/engine/inspect/index.js';
import { heldObjects, importInScope } from '../dist/engine/import/index.js';
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
const now = () => process.hrtime.bigint();
const since = (start) => Number(now() - start) / 1e9;
const fmt = (s) => `${s.toFixed(2)} s`;

/** The synthetic instance of the import bench, seeded and exported by the CLI; ~310 bytes a row, corrected once if short. */
function makeExport() {
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
  return size;
}

/** One open in the page: seconds to the summary, the wall time, and the time of each progress label. */
async function openInBrowser(browser, url) {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    await page.evaluate(() => {
      const marks = (window.benchMarks = []);
      const status = document.getElementById('status-text');
      new MutationObserver(() => {
        const word = (status.textContent ?? '').split(' ')[0];
        if (marks.length === 0 || marks[marks.length - 1].word !== word) marks.push({ word, at: performance.now() });
      }).observe(status, { childList: true, characterData: true, subtree: true });
    });
    const wall = now();
    await page.setInputFiles('[data-testid=open-file]', file);
    await page.waitForSelector('body[data-state=ready], body[data-state=failed]', { timeout: 600_000 });
    const wallSeconds = since(wall);
    if ((await page.getAttribute('body', 'data-state')) === 'failed') throw new Error(`the inspector failed to open the export: ${await page.textContent('#status-text')}`);
    const marks = await page.evaluate(() => window.benchMarks);
    return {
      seconds: Number(await page.getAttribute('body', 'data-open-millis')) / 1000,
      wallSeconds,
      phases: marks.slice(0, -1).map((mark, i) => `${mark.word} ${((marks[i + 1].at - mark.at) / 1000).toFixed(2)}`).join(', '),
      headline: (await page.textContent('[data-testid=headline]'))?.trim(),
    };
  } finally {
    await page.close();
  }
}

/** The page's session, in Node: parse once, inspect, import in Global scope into a new in-memory database. */
function openInNode(open) {
  const start = now();
  const source = heldObjects(fileSource(file));
  const parse = since(start);
  const inspected = inspectExport(REGISTRY, source);
  const inspect = since(start) - parse;
  const driver = open();
  ensureSchema(driver, REGISTRY);
  const importStart = now();
  const report = importInScope(driver, source, { registry: REGISTRY, scope: 'Global' });
  const importing = since(importStart);
  driver.close();
  const objects = [...inspected.counts.values()].reduce((sum, n) => sum + n, 0);
  return { total: since(start), parse, inspect, importing, objects, written: report.total((model) => model.written) };
}

/** The baseline: parse once, then each object's fields converted and inserted as they are. */
function bareBaseline(SQL) {
  const start = now();
  const { parsed } = heldObjects(fileSource(file));
  const driver = openSqlJs(SQL);
  ensureSchema(driver, REGISTRY);
  const statements = new Map();
  driver.transaction(() => {
    for (const object of parsed) {
      let insert = statements.get(object.model);
      if (insert === undefined) {
        const entry = getModel(object.model);
        const columns = ['"id"', ...entry.fields.map((field) => `"${field.column}"`)];
        const statement = driver.prepare(`INSERT INTO "${entry.table}" (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
        insert = { entry, statement };
        statements.set(object.model, insert);
      }
      const values = [object.pk];
      for (const field of insert.entry.fields) {
        const given = object.fields[field.name];
        values.push(toStoredValue(field, given === undefined && field.default !== undefined && 'value' in field.default ? field.default.value : given));
      }
      insert.statement.run(values);
    }
  });
  driver.close();
  return since(start);
}

try {
  let start = now();
  const size = makeExport();
  const mbps = (s) => `${(size / 1e6 / s).toFixed(1)} MB/s`;
  console.log(`\ninspector: synthetic export of ${(size / 1e6).toFixed(1)} MB (${(size / 2 ** 20).toFixed(1)} MiB) made in ${since(start).toFixed(1)} s`);

  const browserRuns = [];
  const playwright = await import('playwright-core').catch(() => undefined);
  if (!existsSync(CHROMIUM) || playwright === undefined) {
    console.log(`  ${playwright === undefined ? 'playwright-core is not installed' : `${CHROMIUM} is missing`}: the browser part is skipped`);
  } else {
    const server = await startInspectorServer({ port: 0 });
    const browser = await playwright.chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
    try {
      for (let run = 0; run < RUNS; run++) {
        const result = await openInBrowser(browser, server.url);
        browserRuns.push(result.seconds);
        console.log(`  browser run ${run + 1}: ${fmt(result.seconds)} to the summary (${fmt(result.wallSeconds)} wall from setInputFiles; ${result.phases} s); ${result.headline}`);
      }
    } finally {
      await browser.close();
      await server.close();
    }
  }

  const SQL = await loadSqlJs();
  const sqlJsRuns = Array.from({ length: RUNS }, () => openInNode(() => openSqlJs(SQL)));
  const betterRuns = Array.from({ length: RUNS }, () => openInNode(() => openBetterSqlite3(':memory:')));
  const baselineRuns = Array.from({ length: RUNS }, () => bareBaseline(SQL));
  const bestOf = (runs) => runs.reduce((a, b) => (b.total < a.total ? b : a));
  const sqlJs = bestOf(sqlJsRuns);
  const better = bestOf(betterRuns);
  const baseline = Math.min(...baselineRuns);
  const rate = (s) => `${Math.round(sqlJs.objects / s).toLocaleString('en-US')} objects/s`;
  const phases = (r) => `parse ${fmt(r.parse)}, inspect ${fmt(r.inspect)}, import ${fmt(r.importing)}`;

  console.log(`  node, page's flow on sql.js:        ${sqlJsRuns.map((r) => fmt(r.total)).join(', ')}; best ${fmt(sqlJs.total)} (${phases(sqlJs)}), ${mbps(sqlJs.total)}, ${rate(sqlJs.total)}`);
  console.log(`  node, page's flow on better-sqlite3: ${betterRuns.map((r) => fmt(r.total)).join(', ')}; best ${fmt(better.total)} (${phases(better)})`);
  console.log(`  baseline, parse + bare inserts (sql.js): ${baselineRuns.map(fmt).join(', ')}; best ${fmt(baseline)}, ${rate(baseline)}`);
  if (browserRuns.length > 0) {
    const browser = Math.min(...browserRuns);
    console.log(`  browser (worker + sql.js):          ${browserRuns.map(fmt).join(', ')}; best ${fmt(browser)}, ${mbps(browser)}, ${rate(browser)}`);
    console.log(`  ratios: browser ${(browser / baseline).toFixed(2)}x the baseline, ${(browser / sqlJs.total).toFixed(2)}x node on sql.js; node on sql.js ${(sqlJs.total / baseline).toFixed(2)}x the baseline, ${(sqlJs.total / better.total).toFixed(2)}x better-sqlite3`);
    console.log(`  target ≤ ${TARGET_SECONDS} s to the summary of a ≥ 100 MB export: ${browser <= TARGET_SECONDS ? 'met' : 'not met'} (best ${fmt(browser)}; the bare baseline alone takes ${fmt(baseline)} in Node)`);
  } else {
    console.log(`  ratio: node on sql.js ${(sqlJs.total / baseline).toFixed(2)}x the baseline; target ≤ ${TARGET_SECONDS} s: not measured (no browser)`);
  }
  console.log(`  (${sqlJs.written.toLocaleString('en-US')} rows written; INSPECTOR_MB=${MB}, INSPECTOR_RUNS=${RUNS})`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
