/**
 * One model's rows in a check's picture of the target (picture.ts): not whole rows, only what the
 * unique sets and the lookups of the model's import rules need, as numbers. Each such field's
 * value is kept as a number that stands for it (the integer itself; for text a 52-bit hash of it,
 * and of it with ASCII case folded where the model looks it up ignoring case, as SQLite's NOCASE),
 * one typed array per field and a slot per row, so that a million rows hold no strings. Indexes
 * map a 30-bit hash of a row's numbers to its slots (hash-slots.ts): each unique set (holding the
 * rows its constraint covers: no null, its condition met), each case-insensitive field, and any
 * other shape a rule looks rows up by, made from the arrays the first time it is asked for. A hit
 * is the same numbers field by field; two different texts share a 52-bit hash about once in 2^52.
 */
import type { StoredValue } from '../../core/registry/import-rules.js';
import type { ModelEntry, UniqueCondition } from '../../core/registry/types.js';
import { GrowingArray } from './growing-array.js';
import { HashSlots } from './hash-slots.js';

/** Where a row of the picture came from: the file (its pk, line and place), the database, or a rule. */
export type RowOrigin =
  | { readonly from: 'file'; readonly pk: number; readonly line: number; readonly index: number }
  | { readonly from: 'database'; readonly pk: number }
  | { readonly from: 'rule' };

const RULE = -1;
const DATABASE = -2;
/** The number that stands for null: no integer and no text hash is it. */
const NULL = -0.5;

/** A unique set as field names (Sentry's sets may name a key's column), with its condition. */
export interface UniqueSet {
  readonly fields: readonly string[];
  readonly condition: UniqueCondition | undefined;
}

interface Index {
  readonly fields: readonly string[];
  readonly nocase: readonly boolean[];
  readonly rows: HashSlots;
  /** For a unique set: the rows it holds are those its constraint covers. */
  readonly unique?: UniqueSet;
}

type Values = Readonly<Record<string, StoredValue | undefined>>;
type Column = GrowingArray<Float64Array>;

/** The number a value is kept as: an integer as itself, text as a negative 52-bit hash (ASCII case folded where asked). */
export function valueCode(value: StoredValue | undefined, nocase: boolean): number {
  if (value === null || value === undefined) return NULL;
  if (typeof value === 'number') return value;
  const text = typeof value === 'string' ? value : Array.from(value, (byte) => String.fromCharCode(byte)).join('');
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (nocase && code >= 65 && code <= 90) code += 32;
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
  }
  return -1 - ((a >>> 6) * 0x4000000 + (b >>> 6));
}

function fieldName(entry: ModelEntry, name: string): string {
  return (entry.fields.find((field) => field.name === name) ?? entry.fields.find((field) => field.column === name))?.name ?? name;
}

/** Whether a conditional set's condition holds for these values. */
export function conditionHolds(condition: UniqueCondition | undefined, fields: Values): boolean {
  if (condition === undefined) return true;
  const value = fields[condition.field] ?? null;
  if ('is' in condition) return value === null;
  if ('isNot' in condition) return value !== null;
  return value === (typeof condition.equals === 'boolean' ? (condition.equals ? 1 : 0) : condition.equals);
}

export function uniqueSetsOf(entry: ModelEntry): UniqueSet[] {
  return entry.uniques
    .filter((set) => !(set.length === 1 && set[0] === 'id'))
    .map((set) => ({ fields: set.map((name) => fieldName(entry, name)), condition: entry.uniqueConditions?.[set.join(':')] }));
}

export class PictureTable {
  readonly uniques: readonly UniqueSet[];
  /** Per kept field: its values' numbers; and, for the fields looked up ignoring case, their folded numbers. */
  readonly #exact = new Map<string, Column>();
  readonly #folded = new Map<string, Column>();
  #size = 0;
  /** Per slot: the file's pk, or RULE / DATABASE; the line and place in the array of a file's row. */
  readonly #filePks = new GrowingArray(Float64Array);
  readonly #lines = new GrowingArray(Uint32Array);
  /** Kept only for a repair, which needs each row's place. */
  readonly #elements: GrowingArray<Int32Array> | undefined;
  /** Rows of the database written over: their pk here is the database's (other slots are firstPk + slot). */
  readonly #databasePks = new Map<number, number>();
  readonly #slotOfDatabasePk = new Map<number, number>();
  readonly #indexes = new Map<string, Index>();
  readonly #indexList: Index[] = [];
  /** Unconditional unique sets by their sorted fields: a lookup of exactly those, with no null, uses the set's index. */
  readonly #uniqueBySortedFields = new Map<string, Index>();

  constructor(readonly entry: ModelEntry, readonly firstPk: number, places: boolean) {
    this.uniques = uniqueSetsOf(entry);
    this.#elements = places ? new GrowingArray(Int32Array) : undefined;
    for (const set of this.uniques) {
      for (const name of [...set.fields, ...(set.condition === undefined ? [] : [set.condition.field])]) this.#exact.set(name, new GrowingArray(Float64Array));
    }
    for (const name of entry.caseInsensitive ?? []) {
      this.#exact.set(fieldName(entry, name), new GrowingArray(Float64Array));
      this.#folded.set(fieldName(entry, name), new GrowingArray(Float64Array));
    }
    for (const set of this.uniques) {
      const index = this.#index(set.fields, set.fields.map(() => false), set);
      if (set.condition === undefined) this.#uniqueBySortedFields.set([...set.fields].sort().join(','), index);
    }
    for (const name of entry.caseInsensitive ?? []) this.#index([fieldName(entry, name)], [true]);
  }

  /** The pk the next inserted row gets (one past the database's last, so the two never meet). */
  get nextPk(): number {
    return this.firstPk + this.#size;
  }

  /** The numbers of an index's fields for these values. */
  #codes(index: Index, values: Values): number[] {
    return index.fields.map((field, i) => valueCode(values[field], index.nocase[i] === true));
  }

  /** The numbers of an index's fields a slot holds. */
  #slotCodes(index: Index, slot: number): number[] {
    return index.fields.map((field, i) => ((index.nocase[i] === true ? this.#folded : this.#exact).get(field) as Column).at(slot));
  }

  #index(fields: readonly string[], nocase: readonly boolean[], unique?: UniqueSet): Index {
    const name = fields.map((field, i) => `${field}${nocase[i] === true ? '/i' : ''}`).join(',') + (unique === undefined ? '' : '!');
    let index = this.#indexes.get(name);
    if (index === undefined) {
      index = { fields, nocase, rows: new HashSlots(), ...(unique !== undefined && { unique }) };
      this.#indexes.set(name, index);
      this.#indexList.push(index);
      // A lookup shape asked for late is made from the rows so far.
      for (let slot = 0; slot < this.#size; slot++) this.#add(index, slot, this.#slotCodes(index, slot), undefined);
    }
    return index;
  }

  #hash(codes: readonly number[]): number {
    let hash = 0x811c9dc5;
    for (const code of codes) hash = Math.imul(Math.imul(hash ^ (code | 0), 0x01000193) ^ Math.floor(code / 0x100000000), 0x01000193);
    return hash & 0x3fffffff;
  }

  #matches(index: Index, slot: number, codes: readonly number[]): boolean {
    for (let i = 0; i < index.fields.length; i++) {
      const column = (index.nocase[i] === true ? this.#folded : this.#exact).get(index.fields[i] as string) as Column;
      if (column.at(slot) !== codes[i]) return false;
    }
    return true;
  }

  /** The first slot of an index whose values are these numbers, other than `except`. */
  #hit(index: Index, codes: readonly number[], except?: number): number | undefined {
    return index.rows.find(this.#hash(codes), (slot) => slot !== except && this.#matches(index, slot, codes));
  }

  /** Adds a slot to an index; `values` (absent when backfilling) decide a unique set's condition. */
  #add(index: Index, slot: number, codes: readonly number[], values: Values | undefined): void {
    const { unique } = index;
    if (unique !== undefined) {
      // A unique index holds only the rows its constraint covers: no null in the set, the condition met.
      if (codes.includes(NULL)) return;
      const condition = unique.condition;
      if (condition !== undefined) {
        const held = values !== undefined ? conditionHolds(condition, values) : this.#conditionHolds(condition, slot);
        if (!held) return;
      }
    }
    index.rows.add(this.#hash(codes), slot);
  }

  #conditionHolds(condition: UniqueCondition, slot: number): boolean {
    const code = (this.#exact.get(condition.field) as Column).at(slot);
    if ('is' in condition) return code === NULL;
    if ('isNot' in condition) return code !== NULL;
    return code === valueCode(typeof condition.equals === 'boolean' ? Number(condition.equals) : condition.equals, false);
  }

  /**
   * The row already holding the values `fields` has in one of the unique sets (sets with a null,
   * or whose condition does not hold, constrain nothing), other than `except`.
   */
  collision(fields: Values, except?: number): { set: UniqueSet; slot: number } | undefined {
    for (const index of this.#indexList) {
      const set = index.unique;
      if (set === undefined || !conditionHolds(set.condition, fields)) continue;
      const codes = this.#codes(index, fields);
      if (codes.includes(NULL)) continue;
      const slot = this.#hit(index, codes, except);
      if (slot !== undefined) return { set, slot };
    }
    return undefined;
  }

  /** Adds a row, saying where it came from; `pk` is nextPk, or a database row's own pk. */
  add(pk: number, fields: Values, origin: RowOrigin): number {
    const slot = this.#size++;
    this.#filePks.push(origin.from === 'file' ? origin.pk : origin.from === 'rule' ? RULE : DATABASE);
    this.#lines.push(origin.from === 'file' ? origin.line : 0);
    this.#elements?.push(origin.from === 'file' ? origin.index : -1);
    if (pk !== this.firstPk + slot) {
      this.#databasePks.set(slot, pk);
      this.#slotOfDatabasePk.set(pk, slot);
    }
    for (const [field, column] of this.#exact) column.push(valueCode(fields[field], false));
    for (const [field, column] of this.#folded) column.push(valueCode(fields[field], true));
    for (const index of this.#indexList) this.#add(index, slot, this.#slotCodes(index, slot), fields);
    return slot;
  }

  /** Writes new values over a row (the indexes follow). */
  replace(slot: number, fields: Values): void {
    for (const index of this.#indexList) index.rows.remove(this.#hash(this.#slotCodes(index, slot)), slot);
    for (const [field, column] of this.#exact) if (Object.hasOwn(fields, field)) column.set(slot, valueCode(fields[field], false));
    for (const [field, column] of this.#folded) if (Object.hasOwn(fields, field)) column.set(slot, valueCode(fields[field], true));
    for (const index of this.#indexList) this.#add(index, slot, this.#slotCodes(index, slot), undefined);
  }

  /** The first row whose `where` fields match (null matches null; `nocase` fields ignore ASCII case). */
  find(where: Values, nocase: readonly string[]): number | undefined {
    const fields = Object.keys(where).sort();
    for (const field of fields) {
      if (!(nocase.includes(field) ? this.#folded : this.#exact).has(field)) {
        throw new RangeError(`Expected a lookup of ${this.entry.name} by fields of its unique sets or case-insensitive lookups, got ${field}`);
      }
    }
    const unique = nocase.length === 0 && fields.every((field) => where[field] !== null && where[field] !== undefined) ? this.#uniqueBySortedFields.get(fields.join(',')) : undefined;
    const index = unique ?? this.#index(fields, fields.map((field) => nocase.includes(field)));
    return this.#hit(index, this.#codes(index, where));
  }

  slotOf(pk: number): number | undefined {
    const slot = pk - this.firstPk;
    if (slot >= 0 && slot < this.#size && !this.#databasePks.has(slot)) return slot;
    return this.#slotOfDatabasePk.get(pk);
  }

  pkOf(slot: number): number {
    return this.#databasePks.get(slot) ?? this.firstPk + slot;
  }

  origin(slot: number): RowOrigin {
    const filePk = this.#filePks.at(slot);
    if (filePk === RULE) return { from: 'rule' };
    if (filePk === DATABASE) return { from: 'database', pk: this.pkOf(slot) };
    return { from: 'file', pk: filePk, line: this.#lines.at(slot), index: this.#elements?.at(slot) ?? -1 };
  }
}
