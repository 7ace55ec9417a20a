/**
 * The inspector page's composition root: it connects the session (the engine over sql.js, in a
 * worker when served), reads what the user opens (file picker, drag and drop, or `?open=` for a
 * file the local server offers) and renders the tabs. `body[data-state]` says where it is:
 * idle, loading, ready or failed.
 */
import { wireCompare } from './compare-view.js';
import type { CompareTab } from './compare-view.js';
import { wireCheck } from './check-view.js';
import type { CheckTab } from './check-view.js';
import { byId, el } from './dom.js';
import { connectSession } from './session-client.js';
import type { OpenSummary, Progress, SessionApi } from './session-protocol.js';
import { showConvertTargets, wireDownloads } from './downloads-view.js';
import { renderProblems, renderSummary } from './summary-view.js';
import { parseBrowseRoute, renderTable } from './table-view.js';

const TABS = ['summary', 'problems', 'check', 'browse', 'compare', 'downloads'] as const;

let opened: OpenSummary | undefined;
let exportFile: File | undefined;
let keyFile: File | undefined;
let compareTab: CompareTab | undefined;
let checkTab: CheckTab | undefined;
/** The name of the file open, even when its import failed (the Check tab reads it all the same). */
let openedName: string | undefined;
/** Counts opens: when another file is chosen while one opens, only the latest one is shown. */
let openCount = 0;

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

/** The page's own label of a picker: the one place that says which file it holds. */
function setFileLabel(id: string, text: string, look: 'muted' | 'failed' | 'plain' = 'plain'): void {
  const label = byId(id);
  label.textContent = text;
  label.title = text;
  label.classList.toggle('muted', look === 'muted');
  label.classList.toggle('failed', look === 'failed');
}

function currentTab(): (typeof TABS)[number] {
  const name = location.hash.slice(1).split('/')[0] ?? '';
  return (TABS as readonly string[]).includes(name) ? (name as (typeof TABS)[number]) : 'summary';
}

async function route(session: SessionApi): Promise<void> {
  const tab = currentTab();
  for (const name of TABS) byId(name).hidden = name !== tab;
  for (const link of document.querySelectorAll('#tabs a')) link.classList.toggle('active', link.getAttribute('href') === `#${tab}`);
  if (tab === 'check') await checkTab?.show();
  if (tab === 'browse' && opened !== undefined) {
    const models = opened.models.filter((row) => row.scope !== '' && row.imported > 0).map((row) => row.model);
    await renderTable(byId('browse'), session, models, parseBrowseRoute(location.hash)).catch((error: Error) => setStatus(error.message));
  }
}

/** Empties every tab of what the previous export showed: nothing is open until the next one is. */
function closeTabs(): void {
  opened = undefined;
  openedName = undefined;
  checkTab?.reset();
  byId('summary').replaceChildren();
  byId('problems').replaceChildren();
  byId('problem-count').textContent = '';
  byId('browse').replaceChildren(el('p', {}, 'Open an export to browse its tables.'));
  compareTab?.reset();
  byId('download-status').textContent = '';
  for (const button of byId('downloads').querySelectorAll('button')) button.disabled = true;
}

async function openExport(session: SessionApi, file: Blob, name: string): Promise<void> {
  const previous = opened?.name;
  closeTabs();
  setFileLabel('opened-file', `opening ${name}…`, 'muted');
  setStatus(`Opening ${name}…`, 'loading');
  const started = performance.now();
  const ticket = ++openCount;
  let summary: OpenSummary;
  try {
    summary = await session.open({ file, name, privateKey: keyFile }, (progress) => { if (ticket === openCount) showProgress(progress); });
  } catch (error) {
    if (ticket !== openCount) return;
    const kind = (error as { kind?: string }).kind;
    const reason = `${(error as Error).message}${kind === undefined ? '' : ` [${kind}]`}`;
    setFileLabel('opened-file', `none open (${name} could not be opened)`, 'failed');
    byId('summary').replaceChildren(
      el('div', { class: 'error', 'data-testid': 'open-error' }, el('strong', {}, `Could not open ${name}`), `: ${reason}`),
      el('p', { class: 'muted' }, `No export is open${previous === undefined ? '' : ` (${previous}, open before, was closed)`}: the tabs show nothing until one opens.`));
    // A file whose text is not a clean export can still be checked, and repaired, on the Check tab.
    const checkable = kind === 'DeserializationFailed';
    if (checkable) openedName = name;
    setStatus(`Could not open ${name}: ${reason}${checkable ? ' (the Check tab lists every problem and can repair the file)' : ''}`, 'failed');
    return;
  }
  if (ticket !== openCount) return;
  opened = summary;
  openedName = name;
  renderSummary(byId('summary'), summary);
  renderProblems(byId('problems'), byId('problem-count'), summary);
  showConvertTargets(summary.knownVersions);
  for (const button of byId('downloads').querySelectorAll('button')) button.disabled = false;
  setFileLabel('opened-file', name);
  document.body.dataset.openMillis = String(Math.round(performance.now() - started));
  setStatus(summary.importError === undefined ? `Opened ${name}.` : `Opened ${name}; the import stopped (see Problems, and Check for every problem and a repaired file).`, 'ready');
  await route(session);
}

const isKey = async (file: File): Promise<boolean> =>
  /\.(pem|key)$/i.test(file.name) || (await file.slice(0, 64).text()).startsWith('-----BEGIN');

function chooseKey(file: File): void {
  keyFile = file;
  setFileLabel('key-file', file.name);
}

function wireOpening(session: SessionApi): void {
  const openInput = byId<HTMLInputElement>('open-file');
  const keyInput = byId<HTMLInputElement>('private-key');
  // Each input is cleared once read, so that choosing the same file again (fixed on disk) opens it again.
  openInput.addEventListener('change', () => {
    const file = openInput.files?.[0];
    openInput.value = '';
    if (file === undefined) return;
    exportFile = file;
    void openExport(session, file, file.name);
  });
  keyInput.addEventListener('change', () => {
    const file = keyInput.files?.[0];
    keyInput.value = '';
    if (file === undefined) return;
    chooseKey(file);
    // A tarball chosen before its key opens as soon as the key is there.
    if (exportFile !== undefined && document.body.dataset.state === 'failed') void openExport(session, exportFile, exportFile.name);
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
      for (const file of files) if (await isKey(file)) chooseKey(file);
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
  const refuse = (reason: string) => {
    setFileLabel('opened-file', `none open (${url.pathname} could not be fetched)`, 'failed');
    setStatus(reason, 'failed');
  };
  if (url.origin !== location.origin) return refuse(`Refusing to fetch ${url.href}: not this page's origin`);
  const response = await fetch(url);
  if (!response.ok) return refuse(`Could not fetch ${url.pathname}: ${response.status}`);
  await openExport(session, await response.blob(), decodeURIComponent(url.pathname.split('/').pop() ?? 'export.json'));
}

async function start(): Promise<void> {
  setStatus('Loading SQLite (sql.js)…');
  const session = await connectSession();
  wireOpening(session);
  compareTab = wireCompare(session, () => opened?.name, () => keyFile);
  checkTab = wireCheck(session, () => openedName);
  closeTabs();
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
