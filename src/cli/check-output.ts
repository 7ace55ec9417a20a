/**
 * What `relocate check` prints: for people, the problems grouped by kind (errors first) with
 * counts and the first examples, then what an import would do and the verdict; with `--json`,
 * one document, `{"problems": [...every problem...], "summary": {...}}`, the problems written as
 * they are found so that a file with millions of them is never held.
 */
import { PROBLEM_KINDS, problemJson, problemPlace } from '../core/check/problem.js';
import type { Problem, ProblemKind, Severity } from '../core/check/problem.js';
import { dumpPythonJson } from '../core/json/python-json.js';
import type { CheckSummary } from '../engine/check/index.js';

/** Examples shown per kind in the text output (every problem is in --json). */
export const EXAMPLES_PER_KIND = 5;

interface KindDigest {
  readonly kind: ProblemKind;
  readonly severity: Severity;
  count: number;
  readonly examples: Problem[];
}

/** Problems by kind and severity, with the first few of each. */
export class ProblemDigest {
  readonly #kinds = new Map<string, KindDigest>();

  add(found: Problem): void {
    const key = `${found.severity} ${found.kind}`;
    let digest = this.#kinds.get(key);
    if (digest === undefined) this.#kinds.set(key, (digest = { kind: found.kind, severity: found.severity, count: 0, examples: [] }));
    digest.count++;
    if (digest.examples.length < EXAMPLES_PER_KIND) digest.examples.push(found);
  }

  of(severity: Severity): KindDigest[] {
    return [...this.#kinds.values()].filter((digest) => digest.severity === severity).sort((a, b) => b.count - a.count);
  }
}

const count = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function section(title: string, kinds: readonly KindDigest[]): string[] {
  if (kinds.length === 0) return [];
  const lines = [title];
  for (const digest of kinds) {
    lines.push(`  ${digest.kind}: ${PROBLEM_KINDS[digest.kind].title} (${digest.count.toLocaleString('en-US')})`);
    for (const found of digest.examples) lines.push(`    ${problemPlace(found)}: ${found.message}`);
    if (digest.count > digest.examples.length) lines.push(`    … and ${(digest.count - digest.examples.length).toLocaleString('en-US')} more (--json lists every one)`);
  }
  return [...lines, ''];
}

/** The import's prediction in one paragraph. */
function importLines(summary: CheckSummary): string[] {
  const { report } = summary;
  const kinds = summary.byKind;
  const notes = (kind: ProblemKind) => kinds.get(kind)?.notes ?? 0;
  const parts = [
    `write ${count(report.total((m) => m.written), 'row')}`,
    `merge ${count(report.total((m) => m.existing), 'row')} into rows already there or made by the import (a user's email)`,
    `drop ${count(report.total((m) => m.droppedCount), 'row')}`,
    `rename ${count(notes('Renamed'), 'value')}`,
    `make ${count(notes('Reminted'), 'credential')} anew`,
    `leave ${count(notes('Unclaimed'), 'user')} to claim their accounts`,
    `remove the privileges of ${count(notes('PrivilegesRemoved'), 'user')}`,
  ];
  const refused = summary.errors > 0 ? ' (rows with errors are not counted as written)' : '';
  return [`What an import in ${summary.scope} scope would do${refused}: ${parts.join(', ')}.`];
}

export function checkText(summary: CheckSummary, digest: ProblemDigest, src: string, strict: boolean): string {
  const header = [
    `${src}: ${count(summary.objects, 'object')} of ${count(summary.models.size, 'model')}, read as Sentry ${summary.sentryVersion}`,
    `The file: ${summary.versionsText}`,
    '',
  ];
  const errors = section(`Errors: ${summary.errors.toLocaleString('en-US')} (an import would refuse the file, or lose what it holds)`, digest.of('error'));
  const notes = section(`Notes: ${summary.notes.toLocaleString('en-US')} (what the import, like Sentry's, drops, renames or changes)`, digest.of('note'));
  return [...header, ...errors, ...notes, ...importLines(summary), verdict(summary, src, strict)].join('\n') + '\n';
}

function verdict(summary: CheckSummary, src: string, strict: boolean): string {
  const totals = `${count(summary.errors, 'error')}, ${count(summary.notes, 'note')}`;
  if (summary.errors > 0) {
    const repairable = summary.repairableErrors;
    const repair = repairable === summary.errors ? ` relocate repair ${src} FIXED.json can repair every one.`
      : repairable > 0 ? ` relocate repair can repair ${repairable} of them; the others need a change by hand.` : '';
    return `Result: ${totals}: an import would refuse this file.${repair}`;
  }
  if (strict && summary.notes > 0) return `Result: ${totals}: the file imports, with notes (--strict counts them as failures).`;
  return `Result: ${totals}: the file imports cleanly${summary.notes > 0 ? ', as the notes say' : ''}.`;
}

/** The summary of `--json`. */
export function summaryJson(summary: CheckSummary, src: string, exitCode: number): unknown {
  return {
    file: src,
    scope: summary.scope,
    sentry_version: summary.sentryVersion,
    objects: summary.objects,
    models: Object.fromEntries(summary.models),
    file_versions: {
      text: summary.versionsText,
      consistent: [...summary.versions.consistent],
      at_least: summary.versions.atLeast?.version ?? null,
      before: summary.versions.before?.version ?? null,
      reasons: [...summary.versions.reasons],
    },
    errors: summary.errors,
    notes: summary.notes,
    repairable_errors: summary.repairableErrors,
    kinds: Object.fromEntries([...summary.byKind].map(([kind, counts]) => [kind, { errors: counts.errors, notes: counts.notes }])),
    import: summary.report.toJSON(),
    exit_code: exitCode,
  };
}

/** The pieces of `--json`'s document: its start, one problem (with its separator), its end. */
export const jsonDocument = {
  start: '{"problems": [',
  problem: (found: Problem, first: boolean): string => `${first ? '\n' : ',\n'}  ${dumpPythonJson(problemJson(found))}`,
  end: (summary: unknown, any: boolean): string => `${any ? '\n' : ''}], "summary": ${dumpPythonJson(summary, { indent: 2, sortKeys: true })}}\n`,
};
