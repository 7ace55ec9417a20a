/**
 * One side of a validation, organised as Sentry's `build_model_map` does: each instance gets an
 * ordinal within its model, from its pk order, or from its custom ordinal (with users seen through
 * their usernames, so that renamed or merged users still line up). Pks out of order and repeated
 * custom ordinals are findings.
 */
import type { Registry } from '../registry/registry.js';
import { pythonRepr } from '../json/json-text.js';
import type { JsonValue } from '../json/json-text.js';
import { PyFloat, compareCodePoints } from '../json/python-json.js';
import type { ComparatorFinding } from './comparator-findings.js';
import type { ComparedInstance } from './comparators.js';

/** An object of an export file, as the validator reads it. */
export interface ExportedObject {
  readonly model: string;
  readonly pk: number;
  readonly fields: Readonly<Record<string, unknown>>;
}

export type Side = 'left' | 'right';

export interface ModelMap {
  /** Per model, the instances in ordinal order (ordinal = index + 1). */
  readonly models: Map<string, ComparedInstance[]>;
  /** Per model, pk → ordinal. */
  readonly ordinals: Map<string, Map<number, number>>;
}

type Key = readonly unknown[];

/** A key part as Python compares and hashes it: floats by value, `True` as 1, `False` as 0. */
const keyPart = (item: unknown): unknown => (item instanceof PyFloat ? item.value : typeof item === 'boolean' ? Number(item) : item);

/**
 * Python's ordering of tuples of strings and numbers. Where Python cannot order two parts
 * (None against a string, a string against a number) it fails; here None sorts first and
 * numbers before strings.
 */
function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = keyPart(a[i]);
    const y = keyPart(b[i]);
    if (x === y) continue;
    if (x === null || x === undefined) return -1;
    if (y === null || y === undefined) return 1;
    if (typeof x === 'string' && typeof y === 'string') return compareCodePoints(x, y);
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return typeof x === 'number' ? -1 : 1;
  }
  return a.length - b.length;
}

/** A tuple as Python prints it: `('owner',)`, `('owner', 'timezone')`. */
export function pythonTuple(key: Key): string {
  const items = key.map((item) => pythonRepr((item ?? null) as JsonValue));
  return `(${items.join(', ')}${items.length === 1 ? ',' : ''})`;
}

function instance(object: ExportedObject, ordinal: number): ComparedInstance {
  // The validator never writes to `fields` (comparators only read; the diff skips scrubbed fields).
  return { model: object.model, pk: object.pk, ordinal, fields: object.fields as Record<string, unknown>, scrubbed: {} };
}

export function buildModelMap(registry: Registry, objects: Iterable<ExportedObject>, side: Side, findings: ComparatorFinding[]): ModelMap {
  const models = new Map<string, ComparedInstance[]>();
  const usernames = new Map<number, unknown>();
  const lastPk = new Map<string, number>();
  const custom = new Map<string, Map<string, { key: Key; object: ExportedObject }>>();
  const sidePks = (pk: number) => (side === 'left' ? { leftPk: pk } : { rightPk: pk });
  const list = (model: string): ComparedInstance[] => {
    let instances = models.get(model);
    if (instances === undefined) models.set(model, (instances = []));
    return instances;
  };

  for (const object of objects) {
    const entry = registry.find(object.model);
    if (object.model === 'sentry.user') usernames.set(object.pk, object.fields.username);
    const fields = entry?.customOrdinal;
    const applies = fields !== undefined && (entry?.rules.customOrdinalApplies?.(object.fields) ?? true);
    if (!applies) {
      const instances = list(object.model);
      const previous = lastPk.get(object.model);
      if (previous !== undefined && object.pk <= previous) {
        findings.push({
          finding: 'ComparatorFinding', kind: 'UnorderedInput', on: { model: object.model, ordinal: instances.length + 1 }, ...sidePks(object.pk),
          reason: `instances not listed in ascending \`pk\` order; \`pk\` ${object.pk} is less than or equal to ${previous} which precedes it`,
        });
      } else {
        lastPk.set(object.model, object.pk);
      }
      instances.push(instance(object, instances.length + 1));
      continue;
    }
    // Users are looked at through their usernames, so that a renamed or merged user still matches.
    // (Sentry fails on a user pk it has not seen yet; the pk itself stands in here.)
    const key = fields.map((name) => (name === 'user' || name === 'user_id' ? usernames.get(object.fields[name] as number) ?? object.fields[name] : object.fields[name]) ?? null);
    let seen = custom.get(object.model);
    if (seen === undefined) custom.set(object.model, (seen = new Map()));
    const text = JSON.stringify(key.map(keyPart));
    if (seen.has(text) && object.model !== 'sentry.useroption') {
      findings.push({
        finding: 'ComparatorFinding', kind: 'DuplicateCustomOrdinal', on: { model: object.model }, ...sidePks(object.pk),
        reason: `custom ordinal value \`${pythonTuple(key)}\` appears multiple times`,
      });
    }
    // A repeated user option replaces the earlier one (Sentry lets the latest win).
    seen.set(text, { key, object });
  }

  for (const [model, seen] of custom) {
    const instances = list(model);
    for (const { object } of [...seen.values()].sort((a, b) => compareKeys(a.key, b.key))) instances.push(instance(object, instances.length + 1));
  }
  const ordinals = new Map<string, Map<number, number>>();
  for (const [model, instances] of models) ordinals.set(model, new Map(instances.map((item) => [item.pk, item.ordinal])));
  return { models, ordinals };
}
