/**
 * A multimap from a 30-bit hash to the slots of the rows that have it, in typed arrays: an open
 * addressing table of the distinct hashes (linear probing, at most 80% full), each holding the
 * last slot added with it, and a chain through the other slots with the same hash, kept by slot.
 * About 16 bytes a row, where a Map of numbers took about forty, and adding is constant time
 * however many rows share a value.
 */
import { GrowingArray } from './growing-array.js';

const EMPTY = -1;
const NONE = -1;

export class HashSlots {
  #hashes = new Int32Array(16).fill(EMPTY);
  #heads = new Int32Array(16);
  #distinct = 0;
  /** For a slot: the slot added before it with the same hash (NONE at the chain's end). */
  readonly #previous = new GrowingArray(Int32Array, 64);

  /** The table position of `hash`: where it is, or the empty place it would go. */
  #place(hash: number): number {
    const mask = this.#hashes.length - 1;
    let at = hash & mask;
    while (this.#hashes[at] !== EMPTY && this.#hashes[at] !== hash) at = (at + 1) & mask;
    return at;
  }

  #grow(): void {
    const [hashes, heads] = [this.#hashes, this.#heads];
    this.#hashes = new Int32Array(hashes.length * 2).fill(EMPTY);
    this.#heads = new Int32Array(hashes.length * 2);
    for (let i = 0; i < hashes.length; i++) {
      if (hashes[i] === EMPTY) continue;
      const at = this.#place(hashes[i] as number);
      this.#hashes[at] = hashes[i] as number;
      this.#heads[at] = heads[i] as number;
    }
  }

  /** Adds a slot (slots come in increasing order, each at most once). */
  add(hash: number, slot: number): void {
    if ((this.#distinct + 1) * 5 > this.#hashes.length * 4) this.#grow();
    const at = this.#place(hash);
    const fresh = this.#hashes[at] === EMPTY;
    if (fresh) this.#distinct++;
    this.#previous.setAt(slot, fresh ? NONE : (this.#heads[at] as number));
    this.#hashes[at] = hash;
    this.#heads[at] = slot;
  }

  /** Takes `slot` out of the chain of `hash`. */
  remove(hash: number, slot: number): void {
    const at = this.#place(hash);
    if (this.#hashes[at] === EMPTY) return;
    let later = NONE;
    for (let current = this.#heads[at] as number; current !== NONE; later = current, current = this.#previous.at(current)) {
      if (current !== slot) continue;
      // An emptied chain keeps its hash with no slot (head NONE): places after it stay reachable.
      if (later === NONE) this.#heads[at] = this.#previous.at(current);
      else this.#previous.setAt(later, this.#previous.at(current));
      return;
    }
  }

  /** The first slot added with this hash that `accept` takes. */
  find(hash: number, accept: (slot: number) => boolean): number | undefined {
    const at = this.#place(hash);
    if (this.#hashes[at] === EMPTY) return undefined;
    let first: number | undefined;
    for (let slot = this.#heads[at] as number; slot !== NONE; slot = this.#previous.at(slot)) if (accept(slot)) first = slot;
    return first;
  }
}
