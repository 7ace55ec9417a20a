/**
 * One side of a validation, organised as Sentry's `build_model_map` does: each instance gets an
 * ordinal within its model, from its pk order, or from its custom ordinal (with users seen through
 * their usernames, so that renamed or merged users still line up). Pks out of order and repeated
 * custom ordinals are findings.
 *
 * The pieces are kept apart so that the streaming compare can use them one model at a time:
 * `SideOrder` follows a side in file order (usernames, pk order, which models come first), and
 * `ModelInstances` holds one model's instances and gives them their ordinals.
 */
import type { Registry } from '../registry/registry.js';
import type { ModelEntry } from '../registry/types.js';
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

export type Key = readonly unknown[];

/** A finding and the position (0-based, in file order) of the object it is about. */
export interface PlacedFinding {
  readonly seq: number;
  readonly finding: ComparatorFinding;
}

/** A key part as Python compares and hashes it: floats by value, `True` as 1, `False` as 0. */
const keyPart = (item: unknown): unknown => (item instanceof PyFloat ? item.value : typeof item === 'boolean' ? Number(item) : item);

/**
 * Python's ordering of tuples of strings and numbers. Where Python cannot order two parts
 * (None against a string, a string against a number) it fails; here None sorts first and
 * numbers before strings.
 */
export function compareKeys(a: Key, b: Key): number {
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

export function instance(object: ExportedObject, ordinal: number): ComparedInstance {
  // The validator never writes to `fields` (comparators only read; the diff skips scrubbed fields).
  return { model: object.model, pk: object.pk, ordinal, fields: object.fields as Record<string, unknown>, scrubbed: {} };
}

const sidePks = (side: Side, pk: number) => (side === 'left' ? { leftPk: pk } : { rightPk: pk });

/** How an object is ordered within its model: by pk (with its ordinal so far), or by a custom key. */
export type Placement = { readonly custom: false; readonly ordinal: number } | { readonly custom: true; readonly key: Key; readonly text: string };

/**
 * A side followed in file order: the usernames seen so far, each model's last pk and plain count,
 * the order models appear in (`build_model_map`'s dict order), and UnorderedInput findings. Custom
 * keys are computed here, with the usernames seen before the object (Sentry's model map is built
 * in one pass); what the keys become is `ModelInstances`' business.
 */
export class SideOrder {
  readonly findings: PlacedFinding[] = [];
  readonly #usernames = new Map<number, unknown>();
  readonly #plain = new Map<string, { lastPk: number | undefined; count: number }>();
  readonly #custom = new Map<string, number>();
  #seq = 0;
  #model = '';
  #entry: ModelEntry | undefined;
  #state: { lastPk: number | undefined; count: number } | undefined;

  constructor(readonly registry: Registry, readonly side: Side) {}

  /** The position the next object will have. */
  get seq(): number {
    return this.#seq;
  }

  /**
   * Where the object goes. `like` is the other side's placement of its row at the same position,
   * when there is one: a key with the very same parts has the same identity text, taken from it
   * rather than written again.
   */
  observe(object: ExportedObject, like?: Placement): Placement {
    const seq = this.#seq++;
    // Rows come in runs of one model: what is looked up per model is looked up once a run.
    if (object.model !== this.#model) {
      this.#model = object.model;
      this.#entry = this.registry.find(object.model);
      this.#state = undefined;
    }
    const entry = this.#entry;
    if (object.model === 'sentry.user') this.#usernames.set(object.pk, object.fields.username);
    const fields = entry?.customOrdinal;
    if (fields === undefined || !(entry?.rules.customOrdinalApplies?.(object.fields) ?? true)) {
      let state = (this.#state ??= this.#plain.get(object.model));
      if (state === undefined) this.#plain.set(object.model, (state = this.#state = { lastPk: undefined, count: 0 }));
      if (state.lastPk !== undefined && object.pk <= state.lastPk) {
        this.findings.push({
          seq,
          finding: {
            finding: 'ComparatorFinding', kind: 'UnorderedInput', on: { model: object.model, ordinal: state.count + 1 }, ...sidePks(this.side, object.pk),
            reason: `instances not listed in ascending \`pk\` order; \`pk\` ${object.pk} is less than or equal to ${state.lastPk} which precedes it`,
          },
        });
      } else {
        state.lastPk = object.pk;
      }
      return { custom: false, ordinal: ++state.count };
    }
    if (!this.#custom.has(object.model)) this.#custom.set(object.model, 0);
    // Users are looked at through their usernames, so that a renamed or merged user still matches.
    // (Sentry fails on a user pk it has not seen yet; the pk itself stands in here.)
    const key: unknown[] = [];
    let asPython = false; // a part that Python compares as another value (a float, a bool)
    let same = like?.custom === true && like.key.length === fields.length;
    for (const name of fields) {
      const part = (name === 'user' || name === 'user_id' ? this.#usernames.get(object.fields[name] as number) ?? object.fields[name] : object.fields[name]) ?? null;
      if (part instanceof PyFloat || typeof part === 'boolean') asPython = true;
      if (same && (like as { key: Key }).key[key.length] !== part) same = false;
      key.push(part);
    }
    return { custom: true, key, text: same ? (like as { text: string }).text : JSON.stringify(asPython ? key.map(keyPart) : key) };
  }

  /** Records how many distinct custom keys a model has (known once its custom rows are all seen). */
  addCustomCount(model: string, count: number): void {
    this.#custom.set(model, (this.#custom.get(model) ?? 0) + count);
  }

  /** Instances of the model: plain rows plus distinct custom keys. */
  count(model: string): number {
    return (this.#plain.get(model)?.count ?? 0) + (this.#custom.get(model) ?? 0);
  }

  /** Models in `build_model_map`'s order: those with plain rows as first seen, then the custom-only ones. */
  models(): string[] {
    const names = [...this.#plain.keys()];
    for (const model of this.#custom.keys()) if (!this.#plain.has(model)) names.push(model);
    return names;
  }

  /** Models with custom rows, in the order first seen. */
  customModels(): string[] {
    return [...this.#custom.keys()];
  }
}

/** A custom key seen before in the model: a finding, except for user options, where the latest silently wins. */
export function repeatedKey(side: Side, object: ExportedObject, key: Key, seq: number, findings: PlacedFinding[]): void {
  if (object.model === 'sentry.useroption') return;
  findings.push({
    seq,
    finding: {
      finding: 'ComparatorFinding', kind: 'DuplicateCustomOrdinal', on: { model: object.model }, ...sidePks(side, object.pk),
      reason: `custom ordinal value \`${pythonTuple(key)}\` appears multiple times`,
    },
  });
}

/**
 * One model's instances on one side: plain ones in file order, then one per custom key (a repeated
 * key is a DuplicateCustomOrdinal finding, except user options, where the latest silently wins),
 * sorted by key.
 */
export class ModelInstances {
  readonly #plain: ComparedInstance[] = [];
  readonly #custom = new Map<string, { key: Key; object: ExportedObject }>();

  constructor(readonly model: string, readonly side: Side) {}

  add(object: ExportedObject, placement: Placement, seq: number, findings: PlacedFinding[]): void {
    if (!placement.custom) {
      this.#plain.push(instance(object, placement.ordinal));
      return;
    }
    if (this.#custom.has(placement.text)) repeatedKey(this.side, object, placement.key, seq, findings);
    // A repeated user option replaces the earlier one (Sentry lets the latest win), in its place.
    this.#custom.set(placement.text, { key: placement.key, object });
  }

  get customCount(): number {
    return this.#custom.size;
  }

  /** Every instance in ordinal order. */
  instances(): ComparedInstance[] {
    const instances = this.#plain.slice();
    for (const { object } of [...this.#custom.values()].sort((a, b) => compareKeys(a.key, b.key))) instances.push(instance(object, instances.length + 1));
    return instances;
  }
}

export function buildModelMap(registry: Registry, objects: Iterable<ExportedObject>, side: Side, findings: ComparatorFinding[]): ModelMap {
  const order = new SideOrder(registry, side);
  const byModel = new Map<string, ModelInstances>();
  const placed: PlacedFinding[] = [];
  for (const object of objects) {
    const seq = order.seq;
    const placement = order.observe(object);
    let instances = byModel.get(object.model);
    if (instances === undefined) byModel.set(object.model, (instances = new ModelInstances(object.model, side)));
    instances.add(object, placement, seq, placed);
  }
  for (const [model, instances] of byModel) order.addCustomCount(model, instances.customCount);
  for (const finding of mergedFindings(order.findings, placed)) findings.push(finding); // one by one: there may be millions
  const models = new Map<string, ComparedInstance[]>();
  const ordinals = new Map<string, Map<number, number>>();
  for (const model of order.models()) {
    const instances = (byModel.get(model) as ModelInstances).instances();
    models.set(model, instances);
    ordinals.set(model, new Map(instances.map((item) => [item.pk, item.ordinal])));
  }
  return { models, ordinals };
}

/** Two lists of findings, each in file order, as one in file order. */
export function mergedFindings(a: readonly PlacedFinding[], b: readonly PlacedFinding[]): ComparatorFinding[] {
  if (b.length === 0) return a.map((item) => item.finding);
  return [...a, ...b].sort((x, y) => x.seq - y.seq).map((item) => item.finding);
}

/** UnequalCounts for every model either side has, in the left side's model order, then the right's. */
export function unequalCounts(left: SideOrder, right: SideOrder): ComparatorFinding[] {
  const findings: ComparatorFinding[] = [];
  for (const model of new Set([...left.models(), ...right.models()])) {
    const leftCount = left.count(model);
    const rightCount = right.count(model);
    if (leftCount !== rightCount) {
      findings.push({ finding: 'ComparatorFinding', kind: 'UnequalCounts', on: { model }, reason: `counted ${leftCount} left entries and ${rightCount} right entries` });
    }
  }
  return findings;
}
