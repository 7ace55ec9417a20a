/**
 * A typed array that grows as values are pushed or set past its end (by half again each time):
 * a number per row in 4 or 8 bytes, where a plain array would hold a pointer per row and box what
 * does not fit a small integer.
 */
type TypedArray = Float64Array | Int32Array | Uint32Array;

export class GrowingArray<T extends TypedArray> {
  #values: T;
  #length = 0;

  constructor(private readonly Kind: new (length: number) => T, capacity = 256) {
    this.#values = new Kind(capacity);
  }

  #reserve(length: number): void {
    if (length <= this.#values.length) return;
    const grown = new this.Kind(Math.max(length, Math.ceil(this.#values.length * 1.5)));
    grown.set(this.#values);
    this.#values = grown;
  }

  push(value: number): void {
    this.#reserve(this.#length + 1);
    this.#values[this.#length++] = value;
  }

  set(index: number, value: number): void {
    this.#values[index] = value;
  }

  /** Sets a value at any index, growing as needed (the values between are 0). */
  setAt(index: number, value: number): void {
    this.#reserve(index + 1);
    this.#values[index] = value;
    if (index >= this.#length) this.#length = index + 1;
  }

  at(index: number): number {
    return this.#values[index] as number;
  }

  get length(): number {
    return this.#length;
  }
}
