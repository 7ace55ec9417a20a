/**
 * One side as the streaming pass (lockstep-pass.ts) reads it: a cursor with one object of
 * lookahead, Sentry's model-map bookkeeping in file order (`SideOrder`), the pk → ordinal indexes
 * of the models keys point at, and the models keys looked for before their rows came.
 */
import type { ComparedInstance, OrdinalMap } from './comparators.js';
import { KeyedRun } from './keyed-run.js';
import { ModelInstances, SideOrder, instance, repeatedKey } from './model-map.js';
import type { ExportedObject, Placement, Side } from './model-map.js';
import { OrdinalIndex, ordinalIndex } from './ordinal-index.js';
import type { Registry } from '../registry/registry.js';

/** A row of a model with custom ordinals, as taken from a side. */
export interface KeyedRow {
  readonly object: ExportedObject;
  readonly seq: number;
  readonly placement: Placement;
}

/** An error thrown while reading a side, tagged with the side (the left's error is the one reported). */
export class SideReadError {
  constructor(readonly side: Side, readonly error: unknown) {}
}

class Cursor {
  readonly #iterator: Iterator<ExportedObject>;
  #next: IteratorResult<ExportedObject> | undefined;

  constructor(readonly side: Side, objects: Iterable<ExportedObject>) {
    this.#iterator = objects[Symbol.iterator]();
  }

  peek(): ExportedObject | undefined {
    if (this.#next === undefined) {
      try {
        this.#next = this.#iterator.next();
      } catch (error) {
        throw new SideReadError(this.side, error);
      }
    }
    return this.#next.done === true ? undefined : this.#next.value;
  }

  take(): ExportedObject {
    const object = this.peek() as ExportedObject;
    this.#next = undefined;
    return object;
  }
}

export class LockstepSide {
  readonly cursor: Cursor;
  readonly order: SideOrder;
  /** Models whose rows have begun. */
  readonly started = new Set<string>();
  readonly indexes = new Map<string, OrdinalIndex>();
  /** The model whose pairs are being compared. */
  comparing = '';
  /** Per model not begun yet, the models whose keys looked for it: if it comes after all, they were answered wrongly. */
  readonly askedTooEarly = new Map<string, Set<string>>();
  readonly lookup: OrdinalMap = {
    get: (model) => {
      const index = this.indexes.get(model);
      if (index === undefined && !this.started.has(model)) {
        let askers = this.askedTooEarly.get(model);
        if (askers === undefined) this.askedTooEarly.set(model, (askers = new Set()));
        askers.add(this.comparing);
      }
      return index;
    },
  };

  constructor(readonly registry: Registry, readonly side: Side, objects: Iterable<ExportedObject>, readonly targets: ReadonlySet<string>) {
    this.cursor = new Cursor(side, objects);
    this.order = new SideOrder(registry, side);
  }

  /** The next row of a model ordered by pk, as an instance, or undefined once the model's rows end here. */
  takePlain(model: string, index: OrdinalIndex | undefined): ComparedInstance | undefined {
    if (this.cursor.peek()?.model !== model) return undefined;
    const object = this.cursor.take();
    const placement = this.order.observe(object);
    const ordinal = placement.custom ? 0 : placement.ordinal; // only models without custom ordinals come here
    index?.add(object.pk, ordinal);
    return instance(object, ordinal);
  }

  /** The next row of a model with custom ordinals, and where it goes, or undefined once the model's rows end here. */
  takeKeyed(model: string, like?: Placement): KeyedRow | undefined {
    if (this.cursor.peek()?.model !== model) return undefined;
    const object = this.cursor.take();
    const seq = this.order.seq;
    return { object, seq, placement: this.order.observe(object, like) };
  }

  /** A row whose key came before in its model: a finding (but for user options). */
  repeated(row: KeyedRow): void {
    if (row.placement.custom) repeatedKey(this.side, row.object, row.placement.key, row.seq, this.order.findings);
  }

  /** Keeps the pk → ordinal index of a model keys point at, from its rows' pks and their positions in ordinal order. */
  keepIndex(model: string, pks: readonly number[], positions: readonly number[]): void {
    const index = new OrdinalIndex();
    positions.forEach((position, i) => index.add(pks[position] as number, i + 1));
    this.indexes.set(model, index);
  }

  /** Every row of the model, held and put in ordinal order (for a model whose keys point at itself). */
  takeHeld(model: string): ComparedInstance[] {
    const instances = new ModelInstances(model, this.side);
    while (this.cursor.peek()?.model === model) {
      const object = this.cursor.take();
      const seq = this.order.seq;
      instances.add(object, this.order.observe(object), seq, this.order.findings);
    }
    this.order.addCustomCount(model, instances.customCount);
    const list = instances.instances();
    if (this.targets.has(model)) this.indexes.set(model, ordinalIndex(list));
    return list;
  }

  /**
   * Counts the rest of the side, one run of rows at a time, keeping only a custom model's keys.
   * False when a model with custom ordinals comes back in a second run: the keys of its first are
   * gone, so only the staged pass can count it.
   */
  drain(): boolean {
    let model: string | undefined;
    let run: KeyedRun | undefined;
    let position = 0;
    for (let object = this.cursor.peek(); object !== undefined; object = this.cursor.peek()) {
      if (object.model !== model) {
        if (run !== undefined) this.order.addCustomCount(run.model, run.customCount);
        model = object.model;
        const keyed = this.registry.find(model)?.customOrdinal !== undefined;
        if (keyed && this.started.has(model)) return false;
        this.started.add(model);
        run = keyed ? new KeyedRun(model) : undefined;
        position = 0;
      }
      if (run === undefined) {
        this.order.observe(this.cursor.take());
        continue;
      }
      const row = this.takeKeyed(model) as KeyedRow;
      if (run.add(position++, row.placement)) this.repeated(row);
    }
    if (run !== undefined) this.order.addCustomCount(run.model, run.customCount);
    return true;
  }
}
