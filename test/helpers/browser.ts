/**
 * Chromium for the inspector tests: Debian's /usr/bin/chromium driven by playwright-core (no
 * browser download), headless, each test in a fresh context (its own throwaway profile), with
 * every request the page or its worker makes recorded so that a test can check none left the
 * page's origin. The page is served from dist/inspector/ by the CLI's own server.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startInspectorServer } from '../../src/cli/inspector-server.js';
import type { InspectorServer } from '../../src/cli/inspector-server.js';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const INSPECTOR_DIST = join(REPO_ROOT, 'dist', 'inspector');
export const CHROMIUM = process.env.RELOCATE_CHROMIUM ?? '/usr/bin/chromium';
/** Where tests leave what a person may want to look at (screenshots). */
export const ARTIFACTS = join(REPO_ROOT, 'test-results');

export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Skipping the browser inspector tests: no Chromium at ${CHROMIUM} (apt-get install chromium).`);

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

export function serveInspector(openFile?: string): Promise<InspectorServer> {
  return startInspectorServer({ port: 0, openFile, root: INSPECTOR_DIST });
}

export interface InspectorPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every URL the page and its workers asked for. */
  readonly requests: string[];
  /** Errors the page threw or logged. */
  readonly errors: string[];
}

export async function newInspectorPage(browser: Browser): Promise<InspectorPage> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  return { context, page, requests, errors };
}

/** Waits for the page to finish opening an export and returns the state it ended in. */
export async function openedState(page: Page, timeout = 60_000): Promise<string> {
  await page.waitForSelector('body[data-state="ready"], body[data-state="failed"]', { timeout });
  return (await page.getAttribute('body', 'data-state')) ?? '';
}

/**
 * A fresh page at `url` with `file` chosen in its file picker, once the page is done opening it;
 * throws with the page's status when the page could not open it.
 */
export async function pageWithExport(browser: Browser, url: string, file: string): Promise<InspectorPage> {
  const opened = await newInspectorPage(browser);
  await opened.page.goto(url);
  await opened.page.setInputFiles('[data-testid="open-file"]', file);
  if ((await openedState(opened.page)) !== 'ready') throw new Error(`The page did not open ${file}: ${await opened.page.textContent('#status-text')}`);
  return opened;
}

/** The counts the summary shows: model → [in file, imported]. */
export async function shownCounts(page: Page): Promise<Map<string, [number, number]>> {
  const rows = await page.$$eval('#summary tr[data-model]', (elements) => elements.map((row) => [
    row.getAttribute('data-model') ?? '',
    row.querySelector('[data-count]')?.textContent ?? '',
    row.querySelector('[data-imported]')?.textContent ?? '',
  ]));
  return new Map(rows.map(([model, count, imported]) => [model as string, [Number(count), Number(imported)]]));
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

/** Requests that went anywhere but the page's origin (blob: and data: URLs stay in the page). */
export function requestsElsewhere(requests: readonly string[], origin: string): string[] {
  return requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'));
}
