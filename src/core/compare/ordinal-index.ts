/**
 * A model's pk → ordinal map for one side, kept as two typed arrays (12 bytes a row) rather than
 * a Map (about 60): the streaming compare keeps one for every model a foreign key points at, for
 * the whole compare, while the rows themselves come and go.
 */
import type { ComparedInstance } from './comparators.js';

export class OrdinalIndex {
  #pks = new Float64Array(64);
  #ordinals = new Uint32Array(64);
  #size = 0;
  #sorted = true;

  get size(): number {
    return this.#size;
  }

  add(pk: number, ordinal: number): void {
    if (this.#size === this.#pks.length) {
      const pks = new Float64Array(Math.max(64, this.#size * 2));
      pks.set(this.#pks);
      this.#pks = pks;
      const ordinals = new Uint32Array(pks.length);
      ordinals.set(this.#ordinals);
      this.#ordinals = ordinals;
    }
    if (this.#size > 0 && pk <= (this.#pks[this.#size - 1] as number)) this.#sorted = false;
    this.#pks[this.#size] = pk;
    this.#ordinals[this.#size] = ordinal;
    this.#size++;
  }

  /** The ordinal of a pk, as `new Map(pairs).get(pk)` gives it (a pk added twice: the later ordinal). */
  get(pk: unknown): number | undefined {
    if (typeof pk !== 'number') return undefined;
    if (!this.#sorted) this.#sort();
    const pks = this.#pks;
    // The last position whose pk is <= the one asked for.
    let low = 0;
    let high = this.#size;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((pks[middle] as number) <= pk) low = middle + 1;
      else high = middle;
    }
    return low > 0 && pks[low - 1] === pk ? this.#ordinals[low - 1] : undefined;
  }

  /** Sorted by pk, a repeated pk keeping the order it was added in (so the later one comes last). */
  #sort(): void {
    const order = Array.from({ length: this.#size }, (_, i) => i);
    const pks = this.#pks;
    order.sort((a, b) => (pks[a] as number) - (pks[b] as number) || a - b);
    const sortedPks = new Float64Array(this.#size);
    const sortedOrdinals = new Uint32Array(this.#size);
    order.forEach((from, to) => {
      sortedPks[to] = pks[from] as number;
      sortedOrdinals[to] = this.#ordinals[from] as number;
    });
    this.#pks = sortedPks;
    this.#ordinals = sortedOrdinals;
    this.#sorted = true;
  }
}

/** pk → ordinal of the instances, in its compact form. */
export function ordinalIndex(instances: readonly ComparedInstance[]): OrdinalIndex {
  const index = new OrdinalIndex();
  for (const item of instances) index.add(item.pk, item.ordinal);
  return index;
}

