/**
 * `relocate repair`: check the file (for a Global import into its own Sentry version, every row
 * fingerprinted), then write it again with what can be repaired safely repaired: the text around
 * the array left out (the objects are written back, not the bytes), legacy encodings written as
 * the file's version writes them, rows of models no relocation ever had left out, the later of two
 * rows that are equal (or that the import merges anyway) left out and the keys to it re-pointed to
 * the first, and rows whose keys lead nowhere left out with the rows that depend on them. Models
 * and fields the version does not know are kept as they are: moving a file to another Sentry
 * version is `convert`'s work. What cannot be repaired safely (two different rows claiming one
 * unique value, a value that does not fit its field) is reported, and nothing is written.
 */
import type { Problem } from '../../core/check/problem.js';
import { arrayElements } from '../../core/json/array-elements.js';
import type { ExportObject } from '../../core/json/export-writer.js';
import { fieldClassInfo } from '../../core/registry/field-classes.js';
import type { Registry } from '../../core/registry/registry.js';
import type { ModelEntry } from '../../core/registry/types.js';
import { checkExport } from '../check/check-export.js';
import type { CheckSummary } from '../check/check-export.js';
import type { RepairPlan } from '../check/repair-plan.js';
import { checkedElement } from '../import/file-objects.js';
import type { ImportSource } from '../import/file-objects.js';
import { repairedJson } from '../fields/field-values.js';

export interface RepairCheck {
  readonly summary: CheckSummary;
  /** Every problem repair changes something about, in file order. */
  readonly changes: readonly Problem[];
  /** The errors it cannot repair: when there are any, nothing may be written. */
  readonly unrepairable: readonly Problem[];
}

/** The first read: what is wrong, what repair changes, and what it cannot. */
export function planRepair(source: ImportSource, registry: Registry): RepairCheck {
  const changes: Problem[] = [];
  const unrepairable: Problem[] = [];
  const run = checkExport(source, { registry, scope: 'Global', forRepair: true });
  for (let next = run.next(); ; next = run.next()) {
    if (next.done === true) return { summary: next.value, changes, unrepairable };
    const found = next.value;
    if (found.repair !== undefined) changes.push(found);
    else if (found.severity === 'error') unrepairable.push(found);
  }
}

interface FieldRepairs {
  /** Fields whose JSON may have been encoded twice. */
  readonly json: readonly string[];
  /** Keys and the model they point at. */
  readonly keys: readonly { readonly field: string; readonly model: string }[];
}

const repairsByEntry = new WeakMap<ModelEntry, FieldRepairs>();

function repairsOf(entry: ModelEntry): FieldRepairs {
  let repairs = repairsByEntry.get(entry);
  if (repairs === undefined) {
    repairs = {
      json: entry.fields.filter((field) => fieldClassInfo(field.class).value === 'json').map((field) => field.name),
      keys: entry.foreignKeys.map((key) => ({ field: key.field, model: key.model })),
    };
    repairsByEntry.set(entry, repairs);
  }
  return repairs;
}

/** The fields with legacy encodings decoded and keys to left-out duplicates re-pointed (a copy only when something changes). */
function repairedFields(entry: ModelEntry, fields: Readonly<Record<string, unknown>>, plan: RepairPlan): Readonly<Record<string, unknown>> {
  const repairs = repairsOf(entry);
  let copy: Record<string, unknown> | undefined;
  const set = (name: string, value: unknown) => {
    copy ??= { ...fields };
    copy[name] = value;
  };
  for (const name of repairs.json) {
    if (!Object.hasOwn(fields, name)) continue;
    const decoded = repairedJson(fields[name]);
    if (decoded !== fields[name]) set(name, decoded);
  }
  if (plan.repoints.size > 0) {
    for (const key of repairs.keys) {
      const value = fields[key.field];
      const to = typeof value === 'number' ? plan.repoints.get(key.model)?.get(value) : undefined;
      if (to !== undefined) set(key.field, to);
    }
  }
  return copy ?? fields;
}

/** The second read: the file's objects as repair writes them (pass them to an ExportWriter). */
export function* repairedObjects(source: ImportSource, registry: Registry, plan: RepairPlan): Generator<ExportObject> {
  for (const element of arrayElements(source.chunks(), { onProblem: () => undefined })) {
    if (plan.drops.has(element.index)) continue;
    const object = checkedElement(element, () => undefined);
    if (object === undefined) continue;
    const entry = registry.find(registry.resolve(object.model));
    yield { model: object.model, pk: object.pk, fields: entry === undefined ? object.fields : repairedFields(entry, object.fields, plan) };
  }
}
