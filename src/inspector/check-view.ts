/**
 * The Check tab: what `relocate check` says about the opened file (run when the tab is first
 * shown for a file): the verdict, what an import in Global scope would do (rows written, merged,
 * dropped; values renamed; users left to claim their accounts; credentials made anew), every
 * problem counted by kind with the first of each listed, and a button that downloads the file as
 * `relocate repair` writes it. Each problem is `[data-problem="<kind>"]`; each kind's heading
 * `[data-kind][data-count]`; the verdict `[data-testid="check-verdict"][data-clean]`.
 */
import { byId, el, offerDownload } from './dom.js';
import type { CheckResult, SessionApi, SessionProblem } from './session-protocol.js';

export interface CheckTab {
  /** Forgets the result (another file was opened, or none is). */
  reset(): void;
  /** Runs the check for the opened file if it has not run yet, and shows it. */
  show(): Promise<void>;
}

/** The kinds that say what an import will do, in the order the tab lists them. */
const IMPORT_KINDS: readonly { kind: string; title: string }[] = [
  { kind: 'Renamed', title: 'Renamed' },
  { kind: 'Unclaimed', title: 'Left to claim their accounts' },
  { kind: 'PrivilegesRemoved', title: 'Privileges removed' },
  { kind: 'Dropped', title: 'Dropped' },
  { kind: 'Reminted', title: 'Made anew (tokens, keys, ids)' },
  { kind: 'Merged', title: 'Merged into existing rows' },
];

function where(problem: SessionProblem): string {
  const parts = [problem.model === '' ? 'the file' : problem.model];
  if (problem.pk !== undefined) parts.push(`pk ${problem.pk}`);
  if (problem.field !== undefined) parts.push(problem.field);
  if (problem.line !== undefined) parts.push(`line ${problem.line}`);
  return parts.join(' ');
}

function problemItem(problem: SessionProblem): HTMLElement {
  return el('li', { 'data-problem': problem.kind, 'data-severity': problem.severity, 'data-line': problem.line },
    el('span', { class: problem.severity === 'error' ? 'kind' : 'muted' }, where(problem)), `: ${problem.message}`,
    problem.repair === undefined ? null : el('span', { class: 'muted' }, ` (repair: ${problem.repair})`));
}

function more(shown: number, count: number): HTMLElement | null {
  return count > shown ? el('p', { class: 'muted' }, `… and ${count - shown} more (relocate check --json lists every one)`) : null;
}

function renderCheck(result: CheckResult): HTMLElement[] {
  const clean = result.errors === 0;
  const verdict = el('p', { class: clean ? 'headline' : 'error', 'data-testid': 'check-verdict', 'data-clean': String(clean) },
    el('strong', {}, `${result.errors} errors, ${result.notes} notes`), ` in ${result.name} (${result.objects} objects, read as Sentry ${result.sentryVersion}): `,
    clean ? 'an import takes it.' : `an import would refuse it; ${result.repairableErrors} of the errors can be repaired.`);
  const versions = el('p', { class: 'muted', 'data-testid': 'check-versions' }, `The file: ${result.versions}.`);
  const counts = result.import;
  const byKind = new Map(result.kinds.map((kind) => [kind.kind, kind]));
  const importSection = el('section', { 'data-testid': 'check-import' },
    el('h2', {}, 'What an import in Global scope would do'),
    el('p', {}, `Write ${counts.written} rows, merge ${counts.merged} into existing rows, write ${counts.overwritten} over existing rows, drop ${counts.dropped}, keep ${counts.kept} rows of models this version does not know.`),
    ...IMPORT_KINDS.flatMap(({ kind, title }) => {
      const found = byKind.get(kind);
      if (found === undefined) return [];
      return [el('h3', { 'data-import-kind': kind, 'data-count': found.count }, `${title} (${found.count})`),
        el('ul', { class: 'findings' }, ...found.problems.map(problemItem)), more(found.problems.length, found.count)];
    }));
  const problems = el('section', { 'data-testid': 'check-problems' },
    el('h2', {}, 'Problems by kind'),
    result.kinds.length === 0 ? el('p', {}, 'None: the file is a clean export.') : null,
    ...result.kinds.flatMap((kind) => [
      el('h3', { 'data-kind': kind.kind, 'data-severity': kind.severity, 'data-count': kind.count },
        el('span', { class: kind.severity === 'error' ? 'kind' : 'muted' }, kind.severity), ` ${kind.kind}: ${kind.title} (${kind.count})`),
      el('ul', { class: 'findings' }, ...kind.problems.map(problemItem)),
      more(kind.problems.length, kind.count),
    ]));
  return [verdict, versions, importSection, problems];
}

export function wireCheck(session: SessionApi, openedName: () => string | undefined): CheckTab {
  const panel = byId('check');
  const results = byId('check-results');
  const button = byId<HTMLButtonElement>('download-repaired');
  const status = byId('repair-status');
  let shownFor: string | undefined;
  let running: Promise<void> | undefined;
  let generation = 0;

  button.addEventListener('click', () => {
    status.textContent = 'Repairing…';
    status.classList.remove('error');
    session.repaired().then((download) => {
      offerDownload(download.bytes, download.name, download.type);
      status.textContent = `${download.name}: ${download.objects} objects.`;
    }, (error: Error) => {
      status.textContent = `Cannot repair: ${error.message}`;
      status.classList.add('error');
    });
  });

  const run = async (name: string, ticket: number) => {
    panel.dataset.state = 'loading';
    results.replaceChildren(el('p', {}, `Checking ${name}…`));
    try {
      const result = await session.check();
      if (ticket !== generation) return;
      results.replaceChildren(...renderCheck(result));
      button.disabled = result.errors > result.repairableErrors;
      button.title = button.disabled ? 'Some errors cannot be repaired safely: see the problems' : '';
      panel.dataset.state = 'ready';
    } catch (error) {
      if (ticket !== generation) return;
      results.replaceChildren(el('p', { class: 'error' }, `Could not check ${name}: ${(error as Error).message}`));
      panel.dataset.state = 'failed';
    }
  };

  return {
    reset() {
      generation++;
      shownFor = undefined;
      running = undefined;
      results.replaceChildren(el('p', {}, 'Open an export to check it.'));
      button.disabled = true;
      status.textContent = '';
      panel.dataset.state = 'idle';
    },
    async show() {
      const name = openedName();
      if (name === undefined || shownFor === name) return running;
      shownFor = name;
      running = run(name, generation);
      return running;
    },
  };
}
