/**
 * What the inspector says is open, in real Chromium: the page's own label names the opened file
 * whichever way it came (picker, drop, `--open`) and no native "No file chosen" contradicts it; a
 * failed open clears the previous file's tabs and says which file failed and where; and ticking
 * "across versions" after choosing the second file re-runs the compare, as the CLI finds.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InspectorServer } from '../../src/cli/inspector-server.js';
import { runCli, temporaryFolder } from '../helpers/cli.js';
import { readExport, seededExport } from '../helpers/exports.js';
import { hasChromium, launchChromium, newInspectorPage, openedState, pageWithExport, serveInspector } from '../helpers/browser.js';

/** The finding kinds `relocate backup compare` writes for two files. */
function cliFindings(left: string, right: string, folder: string, acrossVersions: boolean): string[] {
  const file = join(folder, `findings-${acrossVersions}.json`);
  runCli(['backup', 'compare', left, right, '--findings-file', file, ...(acrossVersions ? ['--across-versions'] : [])], folder);
  return (JSON.parse(readFileSync(file, 'utf8')) as { kind: string }[]).map((finding) => finding.kind);
}

/** Waits until the compare tab lists exactly these finding kinds (in this order). */
async function waitForFindings(page: Page, kinds: readonly string[]): Promise<void> {
  await page.waitForFunction((expected) => {
    const shown = [...document.querySelectorAll('#compare [data-finding]')].map((item) => item.getAttribute('data-finding'));
    return document.querySelector('#compare')?.getAttribute('data-state') === 'ready' && JSON.stringify(shown) === JSON.stringify(expected);
  }, kinds, { timeout: 15_000 });
}

/** The native file inputs' own boxes: the page shows its own buttons and labels instead. */
function nativeInputAreas(page: Page): Promise<number[]> {
  return page.$$eval('input[type="file"]', (inputs) => inputs.map((input) => {
    const box = input.getBoundingClientRect();
    return box.width * box.height;
  }));
}

describe.skipIf(!hasChromium)('inspector: what is open, in Chromium', () => {
  let browser: Browser;
  let server: InspectorServer;
  let folder: string;
  let seeded: string;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveInspector()]);
    folder = temporaryFolder();
    seeded = seededExport(folder);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('re-runs the compare when "across versions" is ticked or unticked after the second file was chosen', async () => {
    // Every user with a field this registry does not know: a finding per user unless left out across versions.
    const objects = readExport(seeded);
    for (const object of objects) if (object.model === 'sentry.user') object.fields.relocate_extra = 'x';
    const right = join(folder, 'extra-field.json');
    writeFileSync(right, JSON.stringify(objects, null, 2));
    const plain = cliFindings(seeded, right, folder, false);
    const across = cliFindings(seeded, right, folder, true);
    expect(plain.length).toBeGreaterThan(across.length);

    const { page, context } = await pageWithExport(browser, server.url, seeded);
    await page.click('a[href="#compare"]');
    await page.setInputFiles('[data-testid="compare-file"]', right);
    await waitForFindings(page, plain);
    await page.check('#across-versions');
    await waitForFindings(page, across);
    expect(await page.textContent('#compare-results')).toContain('sentry.user.relocate_extra: only on the right, left out');
    await page.uncheck('#across-versions');
    await waitForFindings(page, plain);
    expect(await page.textContent('#compare-results')).not.toContain('left out');
    await context.close();
  });

  it('clears the previous file\'s tabs after a failed open and says which file failed, and where', async () => {
    const { page, context } = await pageWithExport(browser, server.url, seeded);
    await page.click('a[href="#browse"]');
    await page.waitForSelector('[data-model-rows]');
    const broken = join(folder, 'broken.json');
    writeFileSync(broken, '[\n  {\n    "model": "sentry.user",\n    "pk": 1,\n    "fields": {\n      "username": "a",\n}');
    await page.setInputFiles('[data-testid="open-file"]', broken);
    expect(await openedState(page)).toBe('failed');

    const status = await page.textContent('#status-text');
    expect(status).toContain('broken.json');
    expect(status).toMatch(/line \d+/);
    // Nothing of seeded.json is left on any tab, and the downloads have nothing to offer.
    expect(await page.locator('[data-model-rows], [data-testid="headline"], #summary tr[data-model], #problems [data-finding]').count()).toBe(0);
    expect(await page.textContent('#problem-count')).toBe('');
    expect(await page.textContent('[data-testid="opened-file"]')).not.toContain('seeded.json');
    expect(await page.textContent('#browse')).toContain('Open an export');
    await page.click('a[href="#summary"]');
    const error = await page.textContent('[data-testid="open-error"]');
    expect(error).toContain('broken.json');
    expect(error).toMatch(/line \d+/);
    expect(await page.textContent('#summary')).toContain('seeded.json, open before, was closed');
    await page.click('a[href="#downloads"]');
    for (const button of ['download-export', 'download-sanitized', 'download-database']) expect(await page.isDisabled(`[data-testid="${button}"]`), button).toBe(true);

    // The same file, fixed, opens again from the same picker.
    writeFileSync(broken, readFileSync(seeded));
    await page.setInputFiles('[data-testid="open-file"]', broken);
    expect(await openedState(page)).toBe('ready');
    expect(await page.textContent('[data-testid="opened-file"]')).toContain('broken.json');
    expect(await page.isDisabled('[data-testid="download-export"]')).toBe(false);
    await context.close();
  });

  it('names the opened file in the page\'s own label, whether picked, dropped or given with --open', async () => {
    const picked = await pageWithExport(browser, server.url, seeded);
    expect(await picked.page.textContent('[data-testid="opened-file"]')).toContain('seeded.json');
    expect((await nativeInputAreas(picked.page)).every((area) => area <= 1)).toBe(true);
    await picked.context.close();

    const dropped = await newInspectorPage(browser);
    await dropped.page.goto(server.url);
    const transfer = await dropped.page.evaluateHandle((content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], 'dropped.json', { type: 'application/json' }));
      return data;
    }, readFileSync(seeded, 'utf8'));
    await dropped.page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
    expect(await openedState(dropped.page)).toBe('ready');
    expect(await dropped.page.textContent('[data-testid="opened-file"]')).toContain('dropped.json');
    expect((await nativeInputAreas(dropped.page)).every((area) => area <= 1)).toBe(true);
    await dropped.context.close();

    const offering = await serveInspector(seeded);
    try {
      const given = await newInspectorPage(browser);
      await given.page.goto(offering.url);
      expect(await openedState(given.page)).toBe('ready');
      expect(await given.page.textContent('[data-testid="opened-file"]')).toContain('seeded.json');
      await given.context.close();
    } finally {
      await offering.close();
    }
  });
});
