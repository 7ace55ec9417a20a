/** Check and repair helpers: files made from objects in export's layout, lines of objects, runs of check and repair. */
import { expect } from 'vitest';
import type { Problem } from '../../src/core/check/problem.js';
import { renderExport } from '../../src/core/json/export-writer.js';
import type { Registry } from '../../src/core/registry/index.js';
import { checkExportAll } from '../../src/engine/check/index.js';
import type { CheckOptions, CheckSummary } from '../../src/engine/check/index.js';
import { planRepair, repairedObjects } from '../../src/engine/repair/index.js';
import type { RepairCheck } from '../../src/engine/repair/index.js';
import { textSource } from './import.js';
import { REGISTRY } from './registry.js';

export interface SentryObject {
  model: string;
  pk: number;
  fields: Record<string, unknown>;
}

export const parseObjects = (text: string): SentryObject[] => JSON.parse(text) as SentryObject[];

/** Objects as an export writes them (indent 2): one object starts every few lines, at a line this file can find. */
export const render = (objects: readonly SentryObject[]): string => renderExport(objects);

/** The line where the object of `model` with `pk` starts in text written by `render` (the `n`-th such object, from 1). */
export function lineOf(text: string, model: string, pk: number, n = 1): number {
  const marker = `{\n    "model": ${JSON.stringify(model)},\n    "pk": ${pk},`;
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = text.indexOf(marker, at + 1);
    expect(at, `${model} pk ${pk} #${n}`).toBeGreaterThanOrEqual(0);
  }
  return text.slice(0, at).split('\n').length;
}

export function check(text: string, options: Partial<CheckOptions> = {}): { problems: Problem[]; summary: CheckSummary } {
  return checkExportAll(textSource(text, 4096), { registry: REGISTRY, ...options });
}

export const errorsOf = (problems: readonly Problem[]): Problem[] => problems.filter((found) => found.severity === 'error');

/** A problem as tests compare it: what it is and where, without its wording. */
export const located = (found: Problem): [string, string, string, number | undefined, string | undefined, number | undefined] =>
  [found.severity, found.kind, found.model, found.pk, found.field, found.line];

/** What the problems of `planted` are beyond those of `clean`: the planted ones, located. */
export function plantedProblems(clean: string, planted: string, options: Partial<CheckOptions> = {}): Problem[] {
  const before = new Set(check(clean, options).problems.map((found) => `${found.kind} ${found.model} ${found.pk ?? ''} ${found.field ?? ''} ${found.message}`));
  return check(planted, options).problems.filter((found) => !before.has(`${found.kind} ${found.model} ${found.pk ?? ''} ${found.field ?? ''} ${found.message}`));
}

/** Repair's plan and, when it can, the repaired text (for the file's own version, here the tests' registry). */
export function repair(text: string, registry: Registry = REGISTRY): RepairCheck & { text: string | undefined } {
  const source = textSource(text, 4096);
  const planned = planRepair(source, registry);
  const repaired = planned.unrepairable.length > 0 ? undefined : renderExport(repairedObjects(source, registry, planned.summary.plan));
  return { ...planned, text: repaired };
}
