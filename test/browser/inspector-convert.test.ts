/**
 * The inspector and Sentry versions, in Chromium: the summary of the head release snapshot says
 * which known versions it is consistent with, and why (the engine's words), and the Downloads tab
 * converts it for each known version, byte for byte what `relocate convert` writes for the same
 * file. No request may leave the page's origin.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InspectorServer } from '../../src/cli/inspector-server.js';
import { REGISTRIES, describeFileVersions, fileVersionsOf } from '../../src/core/registry/index.js';
import { fileShape } from '../../src/engine/convert/index.js';
import { hasChromium, launchChromium, pageWithExport, requestsElsewhere, serveInspector } from '../helpers/browser.js';
import { runCli, temporaryFolder } from '../helpers/cli.js';
import { textSource } from '../helpers/import.js';
import { hasSharedReference, referencePath } from '../helpers/shared-reference.js';

const HEAD = referencePath('snapshots', 'ReleaseTests', 'test_at_head.export.json');

describe.skipIf(!hasChromium || !hasSharedReference)('inspector: Sentry versions of the opened file, and conversions', () => {
  let browser: Browser;
  let server: InspectorServer;
  let folder: string;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveInspector()]);
    folder = temporaryFolder();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('says which versions the head snapshot is consistent with, and downloads it converted for each as the CLI converts it', async () => {
    const { page, requests, errors, context } = await pageWithExport(browser, server.url, HEAD);
    const expected = describeFileVersions(fileVersionsOf(fileShape(textSource(readFileSync(HEAD, 'utf8')))));
    expect(await page.textContent(`[data-testid="file-versions"]`)).toBe(`Sentry versions: ${expected}; opened as Sentry 25.1.0`);
    expect(expected).toContain('consistent with 25.1.0');

    await page.click('a[href="#downloads"]');
    const versions = REGISTRIES.map((registry) => registry.version);
    expect(await page.$$eval('[data-testid="convert-to"] option', (options) => options.map((option) => option.getAttribute('value')))).toEqual(versions);
    expect(await page.inputValue('[data-testid="convert-to"]')).toBe(versions.at(-1));
    for (const version of versions) {
      await page.selectOption('[data-testid="convert-to"]', version);
      expect(await page.textContent('[data-testid="download-converted"]')).toBe(`Converted for Sentry ${version}`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="download-converted"]')]);
      expect(download.suggestedFilename()).toBe(`test_at_head.export.sentry-${version}.json`);
      const downloaded = join(folder, `page-${version}.json`);
      await download.saveAs(downloaded);
      const own = join(folder, `cli-${version}.json`);
      const run = runCli(['convert', HEAD, own, '--to', version, '--silent'], folder);
      expect(run.code, run.stderr).toBe(0);
      expect(readFileSync(downloaded).equals(readFileSync(own)), version).toBe(true);
      expect(await page.textContent('#download-status')).toContain(`Converted from Sentry 25.1.0 for Sentry ${version}`);
    }
    expect(errors).toEqual([]);
    expect(requestsElsewhere(requests, new URL(server.url).origin)).toEqual([]);
    await context.close();
  });
});
