/**
 * Maps from integers (pks, up to 2^53) to integers, and sets of them, in typed arrays (open
 * addressing, linear probing, at most 75% full): 8 or 16 bytes a place where a Map or a Set took
 * 25 to 50 bytes an entry. A check keeps an entry per row of the file in them; NaN marks an empty
 * place.
 */
function hashOf(key: number): number {
  return Math.imul((key | 0) ^ Math.imul(Math.floor(key / 0x100000000), 0x5bd1e995), 0x9e3779b1) >>> 0;
}

class NumberTable {
  #keys = new Float64Array(16).fill(Number.NaN);
  #values: Float64Array | undefined;
  #size = 0;

  constructor(withValues: boolean) {
    this.#values = withValues ? new Float64Array(16) : undefined;
  }

  /** Where `key` is, or the empty place it would go in. */
  #place(key: number): number {
    const keys = this.#keys;
    const mask = keys.length - 1;
    let at = hashOf(key) & mask;
    for (;;) {
      const there = keys[at] as number;
      if (there === key || there !== there) return at;
      at = (at + 1) & mask;
    }
  }

  #grow(): void {
    const [keys, values] = [this.#keys, this.#values];
    this.#keys = new Float64Array(keys.length * 2).fill(Number.NaN);
    if (values !== undefined) this.#values = new Float64Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as number;
      if (key !== key) continue;
      const at = this.#place(key);
      this.#keys[at] = key;
      if (values !== undefined) (this.#values as Float64Array)[at] = values[i] as number;
    }
  }

  has(key: number): boolean {
    return this.#keys[this.#place(key)] === key;
  }

  protected valueOf_(key: number): number | undefined {
    const at = this.#place(key);
    return this.#keys[at] === key ? ((this.#values as Float64Array)[at] as number) : undefined;
  }

  protected put(key: number, value: number): void {
    if ((this.#size + 1) * 4 > this.#keys.length * 3) this.#grow();
    const at = this.#place(key);
    if (this.#keys[at] !== key) {
      this.#keys[at] = key;
      this.#size++;
    }
    if (this.#values !== undefined) this.#values[at] = value;
  }
}

export class NumberSet extends NumberTable {
  constructor() {
    super(false);
  }

  add(key: number): void {
    this.put(key, 0);
  }
}

export class NumberMap extends NumberTable {
  constructor() {
    super(true);
  }

  get(key: number): number | undefined {
    return this.valueOf_(key);
  }

  set(key: number, value: number): void {
    this.put(key, value);
  }
}
