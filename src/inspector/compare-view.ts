/**
 * The compare tab: a second export against the opened one, with Sentry's default comparators. The
 * compare runs again whenever its input changes (another file, "across versions" ticked or
 * unticked), and only the latest run's findings are shown.
 */
import { byId, el } from './dom.js';
import { findingsView } from './findings-view.js';
import type { SessionApi } from './session-protocol.js';

export interface CompareTab {
  /** Forgets the second file and its findings (another export was opened, or none is). */
  reset(): void;
}

export function wireCompare(session: SessionApi, openedName: () => string | undefined, privateKey: () => Blob | undefined): CompareTab {
  const panel = byId('compare');
  const results = byId('compare-results');
  const input = byId<HTMLInputElement>('compare-file');
  const label = byId('compared-file');
  const across = byId<HTMLInputElement>('across-versions');
  let file: File | undefined;
  let latest = 0;

  const run = async () => {
    const left = openedName();
    if (file === undefined) return;
    if (left === undefined) {
      results.replaceChildren(el('p', { class: 'error' }, 'Open an export first; the second one is compared with it.'));
      return;
    }
    const ticket = ++latest;
    const acrossVersions = across.checked;
    const mode = acrossVersions ? ' across versions' : '';
    panel.dataset.state = 'loading';
    results.replaceChildren(el('p', {}, `Comparing ${left} with ${file.name}${mode}…`));
    try {
      const result = await session.compare({ file, name: file.name, privateKey: privateKey() }, acrossVersions);
      if (ticket !== latest) return;
      const notes = [
        ...result.unknownModels.map((item) => `${item.model}: not a model here (left ${item.left}, right ${item.right} rows), left out`),
        ...result.oneSidedFields.map((item) => `${item.model}.${item.field}: only on the ${item.side}, left out`),
      ];
      results.replaceChildren(
        el('p', { 'data-testid': 'compare-headline' }, `${left} against ${result.name}${mode}: ${result.findings.length} findings.`),
        ...(notes.length === 0 ? [] : [el('ul', { class: 'muted' }, ...notes.map((note) => el('li', {}, note)))]),
        findingsView(result.findings));
      panel.dataset.state = 'ready';
    } catch (error) {
      if (ticket !== latest) return;
      results.replaceChildren(el('p', { class: 'error' }, `Could not compare with ${file.name}: ${(error as Error).message}`));
      panel.dataset.state = 'failed';
    }
  };

  input.addEventListener('change', () => {
    const chosen = input.files?.[0];
    // Cleared, so that choosing the same file again (changed on disk) is a change too.
    input.value = '';
    if (chosen === undefined) return;
    file = chosen;
    label.textContent = chosen.name;
    label.classList.remove('muted');
    void run();
  });
  across.addEventListener('change', () => void run());

  return {
    reset() {
      latest++;
      file = undefined;
      label.textContent = 'none chosen';
      label.classList.add('muted');
      results.replaceChildren();
      panel.dataset.state = 'idle';
    },
  };
}
