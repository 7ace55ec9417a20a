/**
 * The inspector page's composition root: it connects the session (the engine over sql.js, in a
 * worker when served), reads what the user opens (file picker, drag and drop, or `?open=` for a
 * file the local server offers) and renders the tabs. `body[data-state]` says where it is:
 * idle, loading, ready or failed.
 */
import { byId, el } from './dom.js';
import { findingsView } from './findings-view.js';
import { connectSession } from './session-client.js';
import type { OpenSummary, Progress, SessionApi } from './session-protocol.js';
import { wireDownloads } from './downloads-view.js';
import { renderProblems, renderSummary } from './summary-view.js';
import { parseBrowseRoute, renderTable } from './table-view.js';

const TABS = ['summary', 'problems', 'browse', 'compare', 'downloads'] as const;

let opened: OpenSummary | undefined;
let exportFile: File | undefined;
let keyFile: File | undefined;

function setStatus(text: string, state?: 'loading' | 'ready' | 'failed'): void {
  byId('status-text').textContent = text;
  if (state !== undefined) document.body.dataset.state = state;
  if (state !== 'loading') byId<HTMLProgressElement>('progress').hidden = true;
}

function showProgress(progress: Progress): void {
  const bar = byId<HTMLProgressElement>('progress');
  bar.hidden = false;
  bar.max = Math.max(progress.total, 1);
  bar.value = progress.done;
  byId('status-text').textContent = `${progress.label}… ${progress.total > 0 ? Math.floor((100 * progress.done) / progress.total) : 0}%`;
}

function currentTab(): (typeof TABS)[number] {
  const name = location.hash.slice(1).split('/')[0] ?? '';
  return (TABS as readonly string[]).includes(name) ? (name as (typeof TABS)[number]) : 'summary';
}

async function route(session: SessionApi): Promise<void> {
  const tab = currentTab();
  for (const name of TABS) byId(name).hidden = name !== tab;
  for (const link of document.querySelectorAll('#tabs a')) link.classList.toggle('active', link.getAttribute('href') === `#${tab}`);
  if (tab === 'browse' && opened !== undefined) {
    const models = opened.models.filter((row) => row.scope !== '' && row.imported > 0).map((row) => row.model);
    await renderTable(byId('browse'), session, models, parseBrowseRoute(location.hash)).catch((error: Error) => setStatus(error.message));
  }
}

async function openExport(session: SessionApi, file: Blob, name: string): Promise<void> {
  setStatus(`Opening ${name}…`, 'loading');
  const started = performance.now();
  try {
    opened = await session.open({ file, name, privateKey: keyFile }, showProgress);
  } catch (error) {
    opened = undefined;
    const kind = (error as { kind?: string }).kind;
    setStatus(`${name}: ${(error as Error).message}${kind === undefined ? '' : ` [${kind}]`}`, 'failed');
    return;
  }
  renderSummary(byId('summary'), opened);
  renderProblems(byId('problems'), byId('problem-count'), opened);
  byId('compare-results').replaceChildren();
  document.body.dataset.openMillis = String(Math.round(performance.now() - started));
  setStatus(opened.importError === undefined ? `Opened ${name}.` : `Opened ${name}; the import stopped (see Problems).`, 'ready');
  await route(session);
}

async function compareWith(session: SessionApi, file: File): Promise<void> {
  const panel = byId('compare');
  const results = byId('compare-results');
  if (opened === undefined) {
    results.replaceChildren(el('p', { class: 'error' }, 'Open an export first; the second one is compared with it.'));
    return;
  }
  panel.dataset.state = 'loading';
  results.replaceChildren(el('p', {}, `Comparing ${opened.name} with ${file.name}…`));
  try {
    const result = await session.compare({ file, name: file.name, privateKey: keyFile }, byId<HTMLInputElement>('across-versions').checked);
    const notes = [
      ...result.unknownModels.map((item) => `${item.model}: not a model here (left ${item.left}, right ${item.right} rows), left out`),
      ...result.oneSidedFields.map((item) => `${item.model}.${item.field}: only on the ${item.side}, left out`),
    ];
    results.replaceChildren(
      el('p', { 'data-testid': 'compare-headline' }, `${opened.name} against ${result.name}: ${result.findings.length} findings.`),
      ...(notes.length === 0 ? [] : [el('ul', { class: 'muted' }, ...notes.map((note) => el('li', {}, note)))]),
      findingsView(result.findings));
    panel.dataset.state = 'ready';
  } catch (error) {
    results.replaceChildren(el('p', { class: 'error' }, `${(error as Error).message}`));
    panel.dataset.state = 'failed';
  }
}

const isKey = async (file: File): Promise<boolean> =>
  /\.(pem|key)$/i.test(file.name) || (await file.slice(0, 64).text()).startsWith('-----BEGIN');

function wireOpening(session: SessionApi): void {
  const openInput = byId<HTMLInputElement>('open-file');
  const keyInput = byId<HTMLInputElement>('private-key');
  openInput.addEventListener('change', () => {
    exportFile = openInput.files?.[0];
    if (exportFile !== undefined) void openExport(session, exportFile, exportFile.name);
  });
  keyInput.addEventListener('change', () => {
    keyFile = keyInput.files?.[0];
    // A tarball chosen before its key opens as soon as the key is there.
    if (keyFile !== undefined && exportFile !== undefined && document.body.dataset.state === 'failed') void openExport(session, exportFile, exportFile.name);
  });
  const compareInput = byId<HTMLInputElement>('compare-file');
  compareInput.addEventListener('change', () => {
    const file = compareInput.files?.[0];
    if (file !== undefined) void compareWith(session, file);
  });
  document.addEventListener('dragover', (event) => {
    event.preventDefault();
    document.body.classList.add('dragging');
  });
  document.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
  document.addEventListener('drop', (event) => {
    event.preventDefault();
    document.body.classList.remove('dragging');
    void (async () => {
      const files = [...(event.dataTransfer?.files ?? [])];
      for (const file of files) if (await isKey(file)) keyFile = file;
      for (const file of files) if (!(await isKey(file))) exportFile = file;
      if (exportFile !== undefined && files.length > 0) await openExport(session, exportFile, exportFile.name);
    })();
  });
}

/** `?open=PATH`: a file the local server (`relocate inspector --open FILE`) offers on this origin. */
async function openFromQuery(session: SessionApi): Promise<void> {
  const path = new URLSearchParams(location.search).get('open');
  if (path === null) return;
  const url = new URL(path, location.href);
  if (url.origin !== location.origin) return setStatus(`Refusing to fetch ${url.href}: not this page's origin`, 'failed');
  const response = await fetch(url);
  if (!response.ok) return setStatus(`Could not fetch ${url.pathname}: ${response.status}`, 'failed');
  await openExport(session, await response.blob(), decodeURIComponent(url.pathname.split('/').pop() ?? 'export.json'));
}

async function start(): Promise<void> {
  setStatus('Loading SQLite (sql.js)…');
  const session = await connectSession();
  wireOpening(session);
  wireDownloads(session, (text, failed) => {
    const status = byId('download-status');
    status.textContent = text;
    status.classList.toggle('error', failed === true);
  });
  window.addEventListener('hashchange', () => void route(session));
  await route(session);
  setStatus('Choose an export to begin (a JSON export, or an encrypted tarball with its private key).');
  document.body.dataset.state = 'idle';
  await openFromQuery(session);
}

start().catch((error: Error) => setStatus(`The inspector could not start: ${error.message}`, 'failed'));
