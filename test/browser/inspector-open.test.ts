/**
 * The browser inspector in real Chromium, opening exports: the head release snapshot (every count
 * against the file, every import count against the CLI's import on both backends, a screenshot),
 * an encrypted tarball with its key, a file with problems of its own, drag and drop, the page
 * opened from disk (no worker, inlined wasm), and `relocate inspector --open FILE`. No request
 * may leave the page's origin.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS } from '../helpers/drivers.js';
import { runCli, temporaryFolder } from '../helpers/cli.js';
import { countsByModel, readExport, seededExport } from '../helpers/exports.js';
import { hasSharedReference, referencePath } from '../helpers/shared-reference.js';
import {
  INSPECTOR_DIST, REPO_ROOT, artifactPath, hasChromium, launchChromium, newInspectorPage, openedState, pageWithExport, requestsElsewhere, serveInspector, shownCounts,
} from '../helpers/browser.js';
import type { InspectorServer } from '../../src/cli/inspector-server.js';
import { REGISTRY } from '../helpers/registry.js';


const HEAD = referencePath('snapshots', 'ReleaseTests', 'test_at_head.export.json');

describe.skipIf(!hasChromium)('inspector: opening exports in Chromium', () => {
  let browser: Browser;
  let server: InspectorServer;
  let origin: string;
  let folder: string;
  let seeded: string;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveInspector()]);
    origin = new URL(server.url).origin;
    folder = temporaryFolder();
    seeded = seededExport(folder);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.skipIf(!hasSharedReference)('shows every model of the head snapshot with its count in the file and the rows the CLI imports', async () => {
    const { page, requests, errors, context } = await pageWithExport(browser, server.url, HEAD);
    const shown = await shownCounts(page);
    const inFile = countsByModel(readExport(HEAD));
    expect([...shown.keys()].sort()).toEqual([...inFile.keys()].sort());
    for (const [model, count] of inFile) expect(shown.get(model)?.[0], model).toBe(count);

    for (const backend of DRIVERS.map((driver) => driver.name)) {
      const report = join(folder, `head-${backend}.report.json`);
      const result = runCli(['--backend', backend, 'import', 'global', HEAD, '--db', join(folder, `head-${backend}.sqlite`), '--report', report, '--silent'], folder);
      expect(result.stderr).toBe('');
      const models = (JSON.parse(readFileSync(report, 'utf8')) as { models: Record<string, { inserted: number; merged: number; overwritten: number }> }).models;
      for (const [model, [, imported]] of shown) {
        const counts = models[model];
        expect(imported, `${model} on ${backend}`).toBe(counts === undefined ? 0 : counts.inserted + counts.merged + counts.overwritten);
      }
    }
    expect(await page.locator('[data-testid="headline"]').textContent()).toContain(`${readExport(HEAD).length} objects of ${inFile.size} models`);
    await page.screenshot({ path: artifactPath('inspector-summary.png') });
    expect(requests.some((url) => url.endsWith('/sql-wasm.wasm')), 'the worker\'s requests are seen').toBe(true);
    expect(requestsElsewhere(requests, origin)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens Sentry\'s encrypted tarball once its private key is chosen', async () => {
    expect(runCli(['keys', 'generate', '--out', join(folder, 'keys')], folder).code).toBe(0);
    const tarball = join(folder, 'seeded.tar');
    const encrypted = runCli(['backup', 'encrypt', tarball, '--src', seeded, '--encrypt-with', join(folder, 'keys', 'key.pub')], folder);
    expect(encrypted.stderr).not.toContain('Error');
    const { page, requests, context } = await newInspectorPage(browser);
    await page.goto(server.url);
    await page.setInputFiles('[data-testid="open-file"]', tarball);
    expect(await openedState(page)).toBe('failed');
    expect(await page.textContent('#status-text')).toContain('choose its private key');
    await page.setInputFiles('[data-testid="private-key"]', join(folder, 'keys', 'key.pem'));
    await page.waitForSelector('body[data-state="ready"]');
    const shown = await shownCounts(page);
    for (const [model, count] of countsByModel(readExport(seeded))) expect(shown.get(model), model).toEqual([count, count]);
    expect(requestsElsewhere(requests, origin)).toEqual([]);
    await context.close();
  });

  it('lists the file\'s own problems and the import\'s refusal, located', async () => {
    const { page, context } = await pageWithExport(browser, server.url, join(REPO_ROOT, 'fixtures', 'invalid-foreign-key-to-nothing', 'input.json'));
    await page.click('a[href="#problems"]');
    const kinds = await page.$$eval('#problems [data-finding]', (items) => items.map((item) => item.getAttribute('data-finding')));
    expect(kinds).toEqual(['ValidationError', 'DanglingForeignKey']);
    expect(await page.textContent('#problems [data-finding="DanglingForeignKey"]')).toContain('sentry.user pk 99');
    expect(await page.textContent('[data-testid="import-error"]')).toContain('sentry.useremail #1');
    expect(await page.textContent('#problem-count')).toBe('2');

    const objects = readExport(seeded);
    // Two rows of a model ordered by pk swapped (pks out of order), two emails made equal (a repeated custom ordinal).
    const counts = countsByModel(objects);
    const model = [...counts].find(([name, count]) => count >= 2 && REGISTRY.get(name).customOrdinal === undefined)?.[0];
    const pair = objects.filter((object) => object.model === model);
    const swapped = objects.map((object) => (object === pair[0] ? pair[1] : object === pair[1] ? pair[0] : object)) as typeof objects;
    const emails = swapped.filter((object) => object.model === 'sentry.email');
    (emails[1] as { fields: Record<string, unknown> }).fields.email = emails[0]?.fields.email;
    const broken = join(folder, 'broken.json');
    writeFileSync(broken, JSON.stringify(swapped, null, 2));
    await page.setInputFiles('[data-testid="open-file"]', broken);
    await page.waitForFunction(() => document.querySelector('[data-testid="headline"]')?.textContent?.includes('broken.json'));
    const problems = await page.$$eval('#problems [data-finding]', (items) => items.map((item) => item.getAttribute('data-finding')));
    expect(problems).toEqual(expect.arrayContaining(['UnorderedInput', 'DuplicateCustomOrdinal']));
    await context.close();
  });

  it('opens an export dropped on the page', async () => {
    const { page, context } = await newInspectorPage(browser);
    await page.goto(server.url);
    const text = readFileSync(seeded, 'utf8');
    const transfer = await page.evaluateHandle((content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], 'dropped.json', { type: 'application/json' }));
      return data;
    }, text);
    await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
    expect(await openedState(page)).toBe('ready');
    expect(await page.textContent('[data-testid="headline"]')).toContain('dropped.json');
    expect((await shownCounts(page)).get('sentry.user')).toEqual([7, 7]);
    await context.close();
  });

  it('works opened from disk (file://), without a worker, with the wasm inlined', async () => {
    const { page, context, errors } = await pageWithExport(browser, pathToFileURL(join(INSPECTOR_DIST, 'index.html')).href, seeded);
    const shown = await shownCounts(page);
    for (const [model, count] of countsByModel(readExport(seeded))) expect(shown.get(model), model).toEqual([count, count]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('relocate inspector --open FILE prints a URL whose page opens that file, and stops on SIGINT', async () => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'relocate.js'), 'inspector', '--port', '0', '--open', seeded], { cwd: folder });
    let stderr = '';
    child.stderr.on('data', (data: Buffer) => { stderr += data.toString(); });
    const url = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      child.stdout.on('data', (data: Buffer) => {
        stdout += data.toString();
        if (stdout.includes('\n')) resolve(stdout.trim());
      });
      child.once('exit', () => reject(new Error(`the inspector exited: ${stderr}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?open=files%2Fseeded\.json$/);
    const { page, requests, context } = await newInspectorPage(browser);
    await page.goto(url);
    expect(await openedState(page)).toBe('ready');
    expect((await shownCounts(page)).size).toBe(countsByModel(readExport(seeded)).size);
    expect(requestsElsewhere(requests, new URL(url).origin)).toEqual([]);
    await context.close();
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
    expect(stderr).toContain('nothing is uploaded');
  });
});
