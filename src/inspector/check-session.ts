/**
 * The inspector's check and repair, on the engine functions `relocate check` and `relocate repair`
 * run: the opened file read again, leniently, for every problem and what a Global import would do
 * (kept as counts per kind and the first problems of each, so that a file with millions of them
 * stays small in the page), and the repaired file as a download.
 */
import { PROBLEM_KINDS } from '../core/check/problem.js';
import type { Problem, ProblemKind, Severity } from '../core/check/problem.js';
import { renderExport } from '../core/json/export-writer.js';
import { registryForModelNames } from '../core/registry/index.js';
import type { Registry } from '../core/registry/index.js';
import { checkExport } from '../engine/check/index.js';
import { fileModelNames } from '../engine/import/index.js';
import type { ImportSource } from '../engine/import/index.js';
import { planRepair, repairedObjects } from '../engine/repair/index.js';
import type { CheckResult, Download, SessionProblem } from './session-protocol.js';

/** Problems listed per kind in the page (every one is counted). */
export const LISTED_PER_KIND = 50;

function sessionProblem(found: Problem): SessionProblem {
  return {
    severity: found.severity, kind: found.kind, model: found.model, message: found.message,
    ...(found.pk !== undefined && { pk: found.pk }),
    ...(found.ordinal !== undefined && { ordinal: found.ordinal }),
    ...(found.field !== undefined && { field: found.field }),
    ...(found.line !== undefined && { line: found.line }),
    ...(found.repair !== undefined && { repair: found.repair }),
  };
}

export function checkOpened(source: ImportSource, registry: Registry, name: string): CheckResult {
  const started = Date.now();
  const kinds = new Map<string, CheckResult['kinds'][number]>();
  const run = checkExport(source, { registry, scope: 'Global' });
  for (let next = run.next(); ; next = run.next()) {
    if (next.done === true) {
      const { report } = next.value;
      return {
        name, sentryVersion: next.value.sentryVersion, versions: next.value.versionsText, objects: next.value.objects,
        errors: next.value.errors, notes: next.value.notes, repairableErrors: next.value.repairableErrors,
        kinds: [...kinds.values()].sort((a, b) => (a.severity === b.severity ? b.count - a.count : a.severity === 'error' ? -1 : 1)),
        import: {
          written: report.total((m) => m.written), merged: report.total((m) => m.existing), overwritten: report.total((m) => m.overwritten),
          dropped: report.total((m) => m.droppedCount), kept: report.total((m) => m.keptRows),
        },
        millis: Date.now() - started,
      };
    }
    const found = next.value;
    const key = `${found.severity} ${found.kind}`;
    let kind = kinds.get(key);
    if (kind === undefined) kinds.set(key, (kind = { kind: found.kind, severity: found.severity as Severity, title: PROBLEM_KINDS[found.kind as ProblemKind].title, count: 0, problems: [] }));
    kind.count++;
    if (kind.problems.length < LISTED_PER_KIND) kind.problems.push(sessionProblem(found));
  }
}

/** A problem that repair cannot repair, in the words of the refusal. */
export class RepairRefusedError extends Error {
  readonly kind = 'RepairRefused';
}

/** The opened file as `relocate repair` writes it (for the file's own Sentry version). */
export function repairedDownload(source: ImportSource, name: string): Download {
  const registry = registryForModelNames(fileModelNames(source));
  const { summary, unrepairable } = planRepair(source, registry);
  if (unrepairable.length > 0) {
    const first = unrepairable[0] as Problem;
    throw new RepairRefusedError(`${unrepairable.length} problem${unrepairable.length === 1 ? '' : 's'} cannot be repaired safely, such as ${first.kind} at ${first.model || 'the file'}${first.pk === undefined ? '' : ` pk ${first.pk}`}${first.line === undefined ? '' : ` (line ${first.line})`}: ${first.message}`);
  }
  let objects = 0;
  const text = renderExport((function* counted() {
    for (const object of repairedObjects(source, registry, summary.plan)) {
      objects++;
      yield object;
    }
  })());
  return { name: name.replace(/(\.json|\.tar)?$/, '.repaired.json'), type: 'application/json', bytes: new TextEncoder().encode(text), objects };
}
