/**
 * A custom-ordinal model's rows, as the streaming pass remembers them while it compares them pair
 * by pair in file order: each distinct key (as its identity text) with its latest row's position,
 * so that once the model's rows have all come their ordinals are known (plain rows first, in file
 * order, then one per key sorted by key, as `ModelInstances` orders them) without having held the
 * rows, nor (mostly) the keys: the identity text holds each part as Python compares it, which is
 * all the sort looks at.
 */
import { PyFloat } from '../json/python-json.js';
import { compareKeys } from './model-map.js';
import type { Key, Placement, Side } from './model-map.js';

export class KeyedRun {
  #plain: number[] = [];
  /** Per key identity (in the order first seen), its latest row's position. */
  #keys = new Map<string, number>();
  /**
   * Keys with a part that is a list or a dict, kept as they are: the sort tells such parts apart
   * by identity (a username that is an object is the same object in every key of that user).
   */
  #objectKeys = new Map<string, Key>();

  constructor(readonly model: string) {}

  /** Notes the row at a position; true when its key came before in the run. */
  add(position: number, placement: Placement): boolean {
    if (!placement.custom) {
      this.#plain.push(position);
      return false;
    }
    const size = this.#keys.size;
    this.#keys.set(placement.text, position);
    for (const part of placement.key) {
      if (typeof part === 'object' && part !== null && !(part instanceof PyFloat)) this.#objectKeys.set(placement.text, placement.key);
    }
    return this.#keys.size === size;
  }

  clone(): KeyedRun {
    const copy = new KeyedRun(this.model);
    copy.#plain = [...this.#plain];
    copy.#keys = new Map(this.#keys);
    copy.#objectKeys = new Map(this.#objectKeys);
    return copy;
  }

  get customCount(): number {
    return this.#keys.size;
  }

  /** The positions of the model's instances, in ordinal order. */
  ordinalOrder(): number[] {
    const keys: Key[] = [];
    const lasts: number[] = [];
    for (const [text, last] of this.#keys) {
      keys.push(this.#objectKeys.get(text) ?? (JSON.parse(text) as Key));
      lasts.push(last);
    }
    // The same stable sort, over the same keys in the same order, as ModelInstances sorts.
    const order = keys.map((_, i) => i).sort((a, b) => compareKeys(keys[a] as Key, keys[b] as Key));
    return [...this.#plain, ...order.map((i) => lasts[i] as number)];
  }
}

const sameIdentity = (a: Placement, b: Placement): boolean => (a.custom ? b.custom && a.text === b.text : !b.custom);

/**
 * The runs of one model on both sides, taken position by position. While both sides have had the
 * same key at every position (exports of one instance do), one run stands for both: their
 * ordinals are then the same by construction, and only half the keys are kept.
 */
export class KeyedPair {
  #shared: KeyedRun | undefined;
  #runs: Record<Side, KeyedRun> | undefined;
  #position = 0;
  readonly #orders: Partial<Record<Side, number[]>> = {};

  constructor(readonly model: string) {
    this.#shared = new KeyedRun(model);
  }

  /** Notes the rows at the next position (either side's may be missing); bit 1 set if the left's key came before, bit 2 the right's. */
  add(left: Placement | undefined, right: Placement | undefined): number {
    const position = this.#position++;
    if (this.#shared !== undefined) {
      if (left !== undefined && right !== undefined && sameIdentity(left, right)) return this.#shared.add(position, left) ? 3 : 0;
      this.#runs = { left: this.#shared, right: this.#shared.clone() };
      this.#shared = undefined;
    }
    const runs = this.#runs as Record<Side, KeyedRun>;
    return (left !== undefined && runs.left.add(position, left) ? 1 : 0) | (right !== undefined && runs.right.add(position, right) ? 2 : 0);
  }

  /** Whether both sides have had the same keys at the same positions, and so the same ordinal order. */
  get aligned(): boolean {
    return this.#shared !== undefined;
  }

  customCount(side: Side): number {
    return (this.#shared ?? this.#runs?.[side] as KeyedRun).customCount;
  }

  /** The positions of a side's instances in ordinal order (sorted once, and only when asked). */
  ordinalOrder(side: Side): number[] {
    if (this.#shared !== undefined) return (this.#orders.left ??= this.#shared.ordinalOrder());
    return (this.#orders[side] ??= (this.#runs as Record<Side, KeyedRun>)[side].ordinalOrder());
  }
}
