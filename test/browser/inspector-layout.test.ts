/**
 * The inspector's layout in real Chromium, at 1280 and 420 px wide: a wide table scrolls inside
 * its own box in both directions with its header row and the tab bar in view, following a foreign
 * key never scrolls the page sideways, and at 420 px every tab is on screen. Screenshots of the
 * Tables tab at both widths land in test-results/.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InspectorServer } from '../../src/cli/inspector-server.js';
import { runCli, temporaryFolder } from '../helpers/cli.js';
import { artifactPath, hasChromium, launchChromium, openedState, serveInspector } from '../helpers/browser.js';

/** The widest model of the synthetic seed, with rows enough to scroll (60 at --rows 600). */
const WIDE = 'sentry.user';
/** A model of the same seed with foreign keys, to follow one. */
const LINKED = 'sentry.organizationmember';

/** Whether the point at the middle of `selector`'s first match shows that element (or something inside it). */
async function showsAtItsPlace(page: Page, selector: string): Promise<boolean> {
  return page.$eval(selector, (element) => {
    const box = element.getBoundingClientRect();
    const x = box.left + Math.min(box.width / 2, 20);
    const y = box.top + box.height / 2;
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
    const shown = document.elementFromPoint(x, y);
    return shown !== null && element.contains(shown);
  });
}

/** How far the page itself is scrolled and overflows sideways (both 0 when only boxes scroll). */
function pageSideways(page: Page): Promise<{ scrolled: number; overflow: number }> {
  return page.evaluate(() => {
    const root = document.scrollingElement as Element;
    const scrolled = Math.max(root.scrollLeft, ...[...document.querySelectorAll('body, main, section')].map((element) => element.scrollLeft));
    return { scrolled, overflow: root.scrollWidth - root.clientWidth };
  });
}

/** Wheel events are handled asynchronously: wait until the table stops moving. */
async function wheelOver(page: Page, selector: string, dx: number, dy: number): Promise<void> {
  // The middle of the part of it that is on screen.
  const point = await page.$eval(selector, (element) => {
    const box = element.getBoundingClientRect();
    const [left, right] = [Math.max(box.left, 0), Math.min(box.right, innerWidth)];
    const [top, bottom] = [Math.max(box.top, 0), Math.min(box.bottom, innerHeight)];
    return right > left && bottom > top ? { x: (left + right) / 2, y: (top + bottom) / 2 } : undefined;
  });
  if (point === undefined) throw new Error(`${selector} is not on screen`);
  await page.mouse.move(point.x, point.y);
  await page.mouse.wheel(dx, dy);
  let last = '';
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(50);
    const now = JSON.stringify(await page.locator('[data-testid="rows"] tbody tr').first().boundingBox());
    if (now === last) return;
    last = now;
  }
}

async function browse(page: Page, hash: string, model: string): Promise<void> {
  await page.evaluate((target) => { location.hash = target; }, hash);
  await page.waitForSelector(`[data-model-rows="${model}"]`);
}

describe.skipIf(!hasChromium)('inspector: layout in Chromium', () => {
  let browser: Browser;
  let server: InspectorServer;
  let synthetic: string;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveInspector()]);
    const folder = temporaryFolder();
    synthetic = join(folder, 'synthetic.json');
    for (const args of [['seed', 'synthetic', '--rows', '600', '--db', 'synthetic.sqlite', '--silent'], ['export', 'global', synthetic, '--db', 'synthetic.sqlite', '--silent']]) {
      expect(runCli(args, folder).code, args.join(' ')).toBe(0);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A page of that size with the synthetic export open, and the errors it throws or logs. */
  async function openAt(width: number, height: number): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    await page.goto(server.url);
    await page.setInputFiles('[data-testid="open-file"]', synthetic);
    expect(await openedState(page)).toBe('ready');
    return { page, errors };
  }

  it('scrolls a wide table inside its own box, header row and tab bar in view, and follows a foreign key without scrolling the page sideways', async () => {
    const { page, errors } = await openAt(1280, 900);
    await browse(page, `#browse/${WIDE}`, WIDE);
    // The premise: this table is wider than the page and has more rows than fit.
    const table = await page.locator('[data-testid="rows"]').boundingBox();
    expect(table?.width).toBeGreaterThan(1280);
    expect(table?.height).toBeGreaterThan(900);
    expect(await pageSideways(page)).toEqual({ scrolled: 0, overflow: 0 });
    await page.screenshot({ path: artifactPath('inspector-tables-1280.png') });

    await wheelOver(page, '[data-testid="rows"]', 0, 600);
    const [header, firstRow] = await Promise.all([page.locator('[data-testid="rows"] thead th').first().boundingBox(), page.locator('[data-testid="rows"] tbody tr').first().boundingBox()]);
    expect(firstRow!.y, 'the rows scrolled under the header row').toBeLessThan(header!.y);
    expect(await showsAtItsPlace(page, '[data-testid="rows"] thead th'), 'the header row is in view').toBe(true);
    expect(await showsAtItsPlace(page, '#tabs a[href="#browse"]'), 'the tab bar is in view').toBe(true);

    await wheelOver(page, '[data-testid="rows"]', 5000, 0);
    expect(await pageSideways(page)).toEqual({ scrolled: 0, overflow: 0 });
    expect(await showsAtItsPlace(page, '[data-testid="rows"] thead th:last-child'), 'the last column can be reached').toBe(true);
    expect(await showsAtItsPlace(page, '#tabs a[href="#browse"]')).toBe(true);

    // A link near the bottom right of a table whose foreign keys are not its first columns.
    await browse(page, `#browse/${LINKED}`, LINKED);
    const link = page.locator('[data-testid="rows"] tbody tr:nth-child(45) a[data-link]').last();
    const [target, pk] = [await link.getAttribute('data-link'), await link.textContent()];
    await link.click();
    await page.waitForSelector(`[data-model-rows="${target}"] tr.target[data-pk="${pk}"]`);
    expect(await pageSideways(page)).toEqual({ scrolled: 0, overflow: 0 });
    expect(await showsAtItsPlace(page, 'tr.target'), 'the row pointed at is in view').toBe(true);
    expect(await showsAtItsPlace(page, '[data-testid="rows"] thead th')).toBe(true);
    expect(await showsAtItsPlace(page, '#tabs a[href="#browse"]')).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('at 420 px wide, shows every tab and scrolls tables in their boxes, never the page sideways', async () => {
    const { page, errors } = await openAt(420, 800);
    await browse(page, `#browse/${WIDE}`, WIDE);
    await page.screenshot({ path: artifactPath('inspector-tables-420.png') });
    for (const tab of ['summary', 'problems', 'check', 'browse', 'compare', 'downloads']) {
      const selector = `#tabs a[href="#${tab}"]`;
      const box = await page.locator(selector).boundingBox();
      expect(box!.x, tab).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, tab).toBeLessThanOrEqual(420);
      expect(await showsAtItsPlace(page, selector), tab).toBe(true);
      await page.click(selector);
      // The tab switches on the hash change, an event after the click: wait for it (a busy machine is slow).
      await page.waitForSelector(`#${tab}`, { state: 'visible', timeout: 10_000 });
      expect(await page.getAttribute(selector, 'class'), tab).toContain('active');
      expect(await pageSideways(page), tab).toEqual({ scrolled: 0, overflow: 0 });
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
