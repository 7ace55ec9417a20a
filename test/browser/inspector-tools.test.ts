/**
 * The browser inspector's tools in real Chromium: compare with a second file (findings grouped by
 * model, the same as `relocate backup compare`), downloads checked with the CLI on both backends
 * (a filtered export, a sanitized export, the SQLite file), and the paged table browser with its
 * foreign-key links. No request may leave the page's origin.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InspectorServer } from '../../src/cli/inspector-server.js';

import { DRIVERS } from '../helpers/drivers.js';
import { runCli, temporaryFolder } from '../helpers/cli.js';
import { countsByModel, readExport } from '../helpers/exports.js';
import { hasSharedReference, referencePath } from '../helpers/shared-reference.js';
import { hasChromium, launchChromium, pageWithExport, requestsElsewhere, serveInspector, shownCounts } from '../helpers/browser.js';
import { REGISTRY } from '../helpers/registry.js';

const HEAD = referencePath('snapshots', 'ReleaseTests', 'test_at_head.export.json');
const BACKENDS = DRIVERS.map((driver) => driver.name);

/** The text with the last username (in sorted order) one character longer, so users keep their order. */
function withOneUsernameChanged(text: string): { text: string; username: string } {
  const users = (JSON.parse(text) as { model: string; fields: { username: string } }[]).filter((object) => object.model === 'sentry.user');
  const username = users.map((user) => user.fields.username).sort().at(-1) as string;
  const field = `"username": ${JSON.stringify(username)}`;
  expect(text.split(field)).toHaveLength(2);
  return { text: text.replace(field, `"username": ${JSON.stringify(`${username}x`)}`), username };
}

async function download(page: Page, button: string, path: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${button}"]`)]);
  await file.saveAs(path);
  return path;
}

async function compareFindings(page: Page, file: string, acrossVersions = false): Promise<string[]> {
  await page.click('a[href="#compare"]');
  await page.setChecked('#across-versions', acrossVersions);
  await page.setInputFiles('[data-testid="compare-file"]', file);
  await page.waitForSelector('#compare[data-state="ready"], #compare[data-state="failed"]');
  return page.$$eval('#compare [data-finding]', (items) => items.map((item) => item.getAttribute('data-finding') ?? ''));
}

function cli(args: string[], cwd: string): string {
  const result = runCli(args, cwd);
  expect(result.code, `relocate ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

describe.skipIf(!hasChromium)('inspector: compare, downloads and the table browser in Chromium', () => {
  let browser: Browser;
  let server: InspectorServer;
  let origin: string;
  let folder: string;
  let synthetic: string;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveInspector()]);
    origin = new URL(server.url).origin;
    folder = temporaryFolder();
    synthetic = join(folder, 'synthetic.json');
    cli(['seed', 'synthetic', '--rows', '3000', '--db', join(folder, 'synthetic.sqlite'), '--silent'], folder);
    cli(['export', 'global', synthetic, '--db', join(folder, 'synthetic.sqlite'), '--silent'], folder);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.skipIf(!hasSharedReference)('compares the head snapshot with a copy with one username changed: one finding more than with itself, as the CLI finds', async () => {
    const { page, requests, context } = await pageWithExport(browser, server.url, HEAD);

    // Against the page's own re-export (what came back from the import) with one username changed: exactly one finding.
    const reexport = await (async () => {
      await page.click('a[href="#downloads"]');
      await page.selectOption('[data-testid="export-scope"]', 'Global');
      return download(page, 'download-export', join(folder, 'head-reexport.json'));
    })();
    const changed = withOneUsernameChanged(readFileSync(reexport, 'utf8'));
    writeFileSync(join(folder, 'head-reexport-changed.json'), changed.text);
    expect(await compareFindings(page, join(folder, 'head-reexport-changed.json'), true)).toEqual(['AutoSuffixComparator']);
    expect(await page.textContent('#compare [data-finding]')).toContain(`(${changed.username}) of \`username\` was not equal to or a dashed prefix of the right value (${changed.username}x)`);
    expect(await page.getAttribute('#compare h2[data-findings-model]', 'data-findings-model')).toBe('sentry.user');

    // Against a literal copy: what the file gives against itself (UUID4Comparator wants renewed uuids) plus the one.
    const copy = withOneUsernameChanged(readFileSync(HEAD, 'utf8'));
    writeFileSync(join(folder, 'head-changed.json'), copy.text);
    const withItself = await compareFindings(page, HEAD);
    const withCopy = await compareFindings(page, join(folder, 'head-changed.json'));
    expect(withCopy.sort()).toEqual([...withItself, 'AutoSuffixComparator'].sort());
    const findingsFile = join(folder, 'head-changed.findings.json');
    runCli(['backup', 'compare', HEAD, join(folder, 'head-changed.json'), '--findings-file', findingsFile], folder);
    expect((JSON.parse(readFileSync(findingsFile, 'utf8')) as { kind: string }[]).map((finding) => finding.kind).sort()).toEqual(withCopy);
    expect(requestsElsewhere(requests, origin)).toEqual([]);
    await context.close();
  });

  it('downloads an export of one organization that the CLI imports and finds equal to its own', async () => {
    const { page, requests, context } = await pageWithExport(browser, server.url, synthetic);
    await page.click('a[href="#downloads"]');
    // Sentry's global export takes no filter; its organizations export takes slugs.
    expect(await page.isVisible('[data-testid="export-filter"]')).toBe(false);
    await page.selectOption('[data-testid="export-scope"]', 'Organization');
    expect(await page.getAttribute('[data-testid="export-filter"]', 'placeholder')).toBe('org slugs');
    await page.fill('[data-testid="export-filter"]', 'org-1');
    const downloaded = await download(page, 'download-export', join(folder, 'org-1.json'));
    const objects = readExport(downloaded);
    expect(objects.filter((object) => object.model === 'sentry.organization').map((object) => object.fields.slug)).toEqual(['org-1']);

    for (const backend of BACKENDS) {
      const db = join(folder, `cli-${backend}.sqlite`);
      cli(['--backend', backend, 'import', 'global', synthetic, '--db', db, '--silent'], folder);
      const own = join(folder, `cli-org-1-${backend}.json`);
      cli(['--backend', backend, 'export', 'organizations', own, '--db', db, '--filter-org-slugs', 'org-1', '--silent'], folder);
      expect(countsByModel(objects), backend).toEqual(countsByModel(readExport(own)));
      expect(runCli(['backup', 'compare', own, downloaded], folder).stdout).toContain('Done, found 0 differences');
      cli(['--backend', backend, 'import', 'organizations', downloaded, '--db', join(folder, `fresh-${backend}.sqlite`), '--silent'], folder);
    }
    expect(requestsElsewhere(requests, origin)).toEqual([]);
    await context.close();
  });

  it('downloads a sanitized export and the SQLite database, both of which the CLI reads', async () => {
    const { page, requests, context } = await pageWithExport(browser, server.url, synthetic);
    await page.click('a[href="#downloads"]');
    const sanitized = await download(page, 'download-sanitized', join(folder, 'sanitized.json'));
    const database = await download(page, 'download-database', join(folder, 'page.sqlite'));

    const original = readExport(synthetic);
    expect(countsByModel(readExport(sanitized))).toEqual(countsByModel(original));
    const sanitizedText = readFileSync(sanitized, 'utf8');
    for (const user of original.filter((object) => object.model === 'sentry.user').slice(0, 20)) {
      expect(sanitizedText).not.toContain(JSON.stringify(user.fields.email));
    }
    for (const backend of BACKENDS) {
      cli(['--backend', backend, 'import', 'global', sanitized, '--db', join(folder, `sanitized-${backend}.sqlite`), '--silent'], folder);
      const exported = join(folder, `from-page-db-${backend}.json`);
      cli(['--backend', backend, 'export', 'global', exported, '--db', database, '--silent'], folder);
      expect(countsByModel(readExport(exported)), backend).toEqual(countsByModel(original));
    }
    expect(requestsElsewhere(requests, origin)).toEqual([]);
    await context.close();
  });

  it('pages through a model\'s rows and follows a foreign key to the row it points at', async () => {
    const { page, context } = await pageWithExport(browser, server.url, synthetic);
    // The model with the most rows among those with a foreign key.
    const [model, count] = [...countsByModel(readExport(synthetic))].filter(([name]) => REGISTRY.get(name).foreignKeys.length > 0).sort((a, b) => b[1] - a[1])[0] as [string, number];
    expect((await shownCounts(page)).get(model)).toEqual([count, count]);
    await page.click(`#summary tr[data-model="${model}"] a`);
    await page.waitForSelector(`[data-model-rows="${model}"]`);
    expect(await page.textContent('[data-testid="browse-range"]')).toBe(`rows 1–50 of ${count}`);
    expect(await page.locator('[data-testid="rows"] tbody tr').count()).toBe(50);
    await page.click('text=next →');
    await page.waitForFunction(() => document.querySelector('[data-testid="browse-range"]')?.textContent?.startsWith('rows 51–'));

    const link = page.locator('[data-testid="rows"] a[data-link]').first();
    const target = await link.getAttribute('data-link');
    const pk = await link.textContent();
    await link.click();
    await page.waitForSelector(`[data-model-rows="${target}"] tr.target[data-pk="${pk}"]`);
    expect(page.url()).toContain(`#browse/${target}/pk/${pk}`);
    await context.close();
  });
});

