/**
 * The inspector's Check tab in real Chromium, on the engine function `relocate check` runs: a file
 * with Sentry's progress lines around it does not open (the import refuses it), and the tab shows every
 * problem by kind with the counts the CLI prints, and downloads the file `relocate repair` writes,
 * byte for byte; a file with a duplicate username and slug shows what the import renames; a file
 * repair cannot repair keeps its button disabled. No request leaves the page's origin.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InspectorServer } from '../../src/cli/inspector-server.js';
import { runCli, temporaryFolder } from '../helpers/cli.js';
import { hasChromium, launchChromium, newInspectorPage, openedState, requestsElsewhere, serveInspector } from '../helpers/browser.js';
import { hasSharedReference, readReference, referencePath } from '../helpers/shared-reference.js';

async function openCheck(page: Page, url: string, file: string, state = 'ready'): Promise<void> {
  await page.goto(url);
  await page.setInputFiles('[data-testid="open-file"]', file);
  expect(await openedState(page)).toBe(state);
  await page.click('a[href="#check"]');
  await page.waitForSelector('#check[data-state="ready"], #check[data-state="failed"]');
}

/** Kind → count, as the tab shows them ("error TextBeforeArray" → 1). */
async function shownKinds(page: Page): Promise<Record<string, number>> {
  const kinds = await page.$$eval('#check [data-kind]', (items) => items.map((item) => [`${item.getAttribute('data-severity')} ${item.getAttribute('data-kind')}`, Number(item.getAttribute('data-count'))]));
  return Object.fromEntries(kinds);
}

describe.skipIf(!hasChromium || !hasSharedReference)('inspector: the Check tab in Chromium', () => {
  let browser: Browser;
  let server: InspectorServer;
  let origin: string;
  let folder: string;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveInspector()]);
    origin = new URL(server.url).origin;
    folder = temporaryFolder();
    const head = readReference('snapshots', 'ReleaseTests', 'test_at_head.export.json');
    writeFileSync(join(folder, 'progress.json'), `Still exporting: 5.06 seconds elapsed.\n${head}\n>> Skipping model <sentry.foo>\n`);
    const old = JSON.parse(readReference('snapshots', 'ReleaseTests', 'test_at_23_11_1.export.json')) as { model: string; pk: number; fields: Record<string, unknown> }[];
    const actor = old.find((object) => object.model === 'sentry.actor');
    const owned = old.map((object) => (object.model === 'sentry.alertrule' ? { ...object, fields: { ...object.fields, owner: actor?.pk } } : object));
    writeFileSync(join(folder, 'owner.json'), JSON.stringify(owned, null, 2));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the problems of a file with progress lines as the CLI counts them, and downloads what repair writes', async () => {
    const { page, requests, context } = await newInspectorPage(browser);
    // The import refuses the file (the open fails, saying why), and the Check tab reads it all the same.
    await openCheck(page, server.url, join(folder, 'progress.json'), 'failed');
    expect(await page.textContent('#status-text')).toContain('the Check tab lists every problem and can repair the file');
    expect(await page.getAttribute('[data-testid="check-verdict"]', 'data-clean')).toBe('false');
    const cli = JSON.parse(runCli(['check', 'progress.json', '--json'], folder).stdout) as { problems: { severity: string; kind: string }[] };
    const counted: Record<string, number> = {};
    for (const found of cli.problems) counted[`${found.severity} ${found.kind}`] = (counted[`${found.severity} ${found.kind}`] ?? 0) + 1;
    expect(await shownKinds(page)).toEqual(counted);
    expect(counted['error TextBeforeArray']).toBe(1);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="download-repaired"]')]);
    await download.saveAs(join(folder, 'page-repaired.json'));
    expect(download.suggestedFilename()).toBe('progress.repaired.json');
    expect(runCli(['repair', 'progress.json', 'cli-repaired.json', '--silent'], folder).code).toBe(0);
    expect(readFileSync(join(folder, 'page-repaired.json'))).toEqual(readFileSync(join(folder, 'cli-repaired.json')));
    expect(runCli(['check', 'page-repaired.json'], folder).code).toBe(0);
    expect(requestsElsewhere(requests, origin)).toEqual([]);
    await context.close();
  });

  it('says what the import renames in a file with a duplicate username and organization slug', async () => {
    const { page, context } = await newInspectorPage(browser);
    await openCheck(page, server.url, referencePath('fixtures', 'backup', 'duplicate-username-and-organization-slug.json'));
    expect(await page.getAttribute('[data-testid="check-verdict"]', 'data-clean')).toBe('true');
    expect(await page.getAttribute('[data-import-kind="Renamed"]', 'data-count')).toBe('2');
    const renamed = await page.$$eval('[data-testid="check-import"] li[data-problem="Renamed"]', (items) => items.map((item) => item.textContent ?? ''));
    expect(renamed).toEqual([
      expect.stringMatching(/^sentry\.organization pk 2 slug line \d+: the import writes slug "testing-[a-z0-9]+" instead of "testing": the value is taken \(ignoring case\) by the row at line \d+ \(pk 1\) of the file/),
      expect.stringMatching(/^sentry\.user pk 2 username line \d+: the import writes username "testing@example\.com-[a-z0-9]+" instead of "testing@example\.com": the value is taken \(ignoring case\) by the row at line \d+ \(pk 1\) of the file/),
    ]);
    expect(await page.isDisabled('[data-testid="download-repaired"]')).toBe(false);
    await context.close();
  });

  it('keeps the download disabled when an error cannot be repaired safely', async () => {
    const { page, context } = await newInspectorPage(browser);
    await openCheck(page, server.url, join(folder, 'owner.json'));
    expect(await shownKinds(page)).toMatchObject({ 'error SentryRefuses': 2 });
    expect(await page.isDisabled('[data-testid="download-repaired"]')).toBe(true);
    await context.close();
  });
});
