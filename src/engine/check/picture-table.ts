/**
 * One model's rows in a check's picture of the target (picture.ts): not whole rows, only the
 * values of the fields that unique sets and case-insensitive lookups use, one array per field,
 * a slot per row; and indexes over them: each unique set (exact, holding only the rows its
 * condition covers, as a partial unique index does), each case-insensitive field (ASCII case
 * folded, as SQLite's NOCASE), and any other shape a rule looks rows up by, made from the arrays
 * the first time it is asked for.
 */
import type { StoredValue } from '../../core/registry/import-rules.js';
import type { ModelEntry, UniqueCondition } from '../../core/registry/types.js';

/** Where a row of the picture came from: the file (its pk and line), the database, or a rule. */
export type RowOrigin =
  | { readonly from: 'file'; readonly pk: number; readonly line: number; readonly index: number }
  | { readonly from: 'database'; readonly pk: number }
  | { readonly from: 'rule' };

const RULE = -1;
const DATABASE = -2;
const NULL = '\u0001null';

/** A unique set as field names (Sentry's sets may name a key's column), with its condition. */
export interface UniqueSet {
  readonly fields: readonly string[];
  readonly condition: UniqueCondition | undefined;
}

interface Index {
  readonly fields: readonly string[];
  readonly nocase: readonly boolean[];
  readonly rows: Map<unknown, number | number[]>;
  /** For a unique set: the rows it holds are those its condition covers. */
  readonly unique?: UniqueSet;
}

/** ASCII letters folded to lower case, as SQLite's NOCASE compares. */
const foldCase = (text: string): string => text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());

function keyPart(value: unknown, nocase: boolean): unknown {
  if (value === null || value === undefined) return NULL;
  return nocase && typeof value === 'string' ? foldCase(value) : value;
}

function fieldName(entry: ModelEntry, name: string): string {
  return (entry.fields.find((field) => field.name === name) ?? entry.fields.find((field) => field.column === name))?.name ?? name;
}

/** Whether a conditional set's condition holds for these values. */
export function conditionHolds(condition: UniqueCondition | undefined, fields: Readonly<Record<string, StoredValue | undefined>>): boolean {
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
  /** The fields whose values are kept: every field of a unique set, its condition, or a case-insensitive lookup. */
  readonly #columns = new Map<string, unknown[]>();
  readonly #pks: number[] = [];
  /** Per slot: the file's pk, or RULE / DATABASE. */
  readonly #filePks: number[] = [];
  readonly #lines: number[] = [];
  /** Per slot: the element's place in the file's array. */
  readonly #elements: number[] = [];
  readonly #slotOfPk = new Map<number, number>();
  readonly #indexes = new Map<string, Index>();

  constructor(readonly entry: ModelEntry, readonly firstPk: number) {
    this.uniques = uniqueSetsOf(entry);
    const kept = new Set<string>();
    for (const set of this.uniques) {
      for (const name of set.fields) kept.add(name);
      if (set.condition !== undefined) kept.add(set.condition.field);
      this.#index(set.fields, set.fields.map(() => false), set);
    }
    for (const name of entry.caseInsensitive ?? []) {
      kept.add(fieldName(entry, name));
      this.#index([fieldName(entry, name)], [true]);
    }
    for (const name of kept) this.#columns.set(name, []);
  }

  get size(): number {
    return this.#pks.length;
  }

  /** The pk the next inserted row gets (one past the database's last, so the two never meet). */
  get nextPk(): number {
    return this.firstPk + this.#pks.length;
  }

  #index(fields: readonly string[], nocase: readonly boolean[], unique?: UniqueSet): Index {
    const name = fields.map((field, i) => `${field}${nocase[i] === true ? '/i' : ''}`).join(',') + (unique === undefined ? '' : '!');
    let index = this.#indexes.get(name);
    if (index === undefined) {
      index = { fields, nocase, rows: new Map(), ...(unique !== undefined && { unique }) };
      this.#indexes.set(name, index);
      // A lookup shape asked for late is made from the rows so far.
      for (let slot = 0; slot < this.#pks.length; slot++) this.#add(index, slot, (field) => this.#columns.get(field)?.[slot] as StoredValue);
    }
    return index;
  }

  #key(index: Index, value: (field: string) => StoredValue | undefined): unknown {
    if (index.fields.length === 1) return keyPart(value(index.fields[0] as string), index.nocase[0] === true);
    let key = '';
    for (let i = 0; i < index.fields.length; i++) {
      const part = keyPart(value(index.fields[i] as string), index.nocase[i] === true);
      key += `${typeof part === 'number' ? 'n' : 's'}${String(part)}\u0000`;
    }
    return key;
  }

  #add(index: Index, slot: number, value: (field: string) => StoredValue | undefined): void {
    if (index.unique?.condition !== undefined && !conditionHolds(index.unique.condition, Object.fromEntries(this.#values(slot)))) return;
    const key = this.#key(index, value);
    const there = index.rows.get(key);
    if (there === undefined) index.rows.set(key, slot);
    else if (typeof there === 'number') index.rows.set(key, [there, slot]);
    else there.push(slot);
  }

  #remove(index: Index, slot: number): void {
    const key = this.#key(index, (field) => this.#columns.get(field)?.[slot] as StoredValue);
    const there = index.rows.get(key);
    if (there === slot) index.rows.delete(key);
    else if (Array.isArray(there)) {
      const rest = there.filter((other) => other !== slot);
      if (rest.length === 0) index.rows.delete(key);
      else index.rows.set(key, rest.length === 1 ? (rest[0] as number) : rest);
    }
  }

  #values(slot: number): [string, StoredValue][] {
    return [...this.#columns].map(([field, values]) => [field, values[slot] as StoredValue]);
  }

  /**
   * The row already holding the values `fields` has in one of the unique sets (sets with a null,
   * or whose condition does not hold, constrain nothing), other than `except`.
   */
  collision(fields: Readonly<Record<string, StoredValue>>, except?: number): { set: UniqueSet; slot: number } | undefined {
    for (const index of this.#indexes.values()) {
      const set = index.unique;
      if (set === undefined || !conditionHolds(set.condition, fields)) continue;
      if (set.fields.some((field) => fields[field] === null || fields[field] === undefined)) continue;
      const there = index.rows.get(this.#key(index, (field) => fields[field]));
      const slot = typeof there === 'number' ? there : there?.find((other) => other !== except);
      if (slot !== undefined && slot !== except) return { set, slot };
    }
    return undefined;
  }

  /** Adds a row, saying where it came from. */
  add(pk: number, fields: Readonly<Record<string, StoredValue>>, origin: RowOrigin): number {
    const slot = this.#pks.length;
    this.#pks.push(pk);
    this.#filePks.push(origin.from === 'file' ? origin.pk : origin.from === 'rule' ? RULE : DATABASE);
    this.#lines.push(origin.from === 'file' ? origin.line : 0);
    this.#elements.push(origin.from === 'file' ? origin.index : -1);
    if (pk < this.firstPk) this.#slotOfPk.set(pk, slot);
    for (const [field, values] of this.#columns) values.push(fields[field] ?? null);
    for (const index of this.#indexes.values()) this.#add(index, slot, (field) => fields[field]);
    return slot;
  }

  /** Writes new values over a row (the indexes follow). */
  replace(slot: number, fields: Readonly<Record<string, StoredValue>>): void {
    for (const index of this.#indexes.values()) this.#remove(index, slot);
    for (const [field, values] of this.#columns) if (Object.hasOwn(fields, field)) values[slot] = fields[field];
    for (const index of this.#indexes.values()) this.#add(index, slot, (field) => this.#columns.get(field)?.[slot] as StoredValue);
  }

  /** The first row whose `where` fields match (null matches null; `nocase` fields ignore ASCII case). */
  find(where: Readonly<Record<string, StoredValue>>, nocase: readonly string[]): number | undefined {
    const fields = Object.keys(where).sort();
    for (const field of fields) {
      if (!this.#columns.has(field)) throw new RangeError(`Expected a lookup of ${this.entry.name} by fields of its unique sets or case-insensitive lookups, got ${field}`);
    }
    const index = this.#index(fields, fields.map((field) => nocase.includes(field)));
    const there = index.rows.get(this.#key(index, (field) => where[field]));
    return typeof there === 'number' ? there : there?.[0];
  }

  slotOf(pk: number): number | undefined {
    if (pk < this.firstPk) return this.#slotOfPk.get(pk);
    const slot = pk - this.firstPk;
    return slot < this.#pks.length && this.#pks[slot] === pk ? slot : this.#slotOfPk.get(pk);
  }

  pkOf(slot: number): number {
    return this.#pks[slot] as number;
  }

  origin(slot: number): RowOrigin {
    const filePk = this.#filePks[slot] as number;
    if (filePk === RULE) return { from: 'rule' };
    if (filePk === DATABASE) return { from: 'database', pk: this.#pks[slot] as number };
    return { from: 'file', pk: filePk, line: this.#lines[slot] as number, index: this.#elements[slot] as number };
  }

  /** The values a slot holds of some fields, for messages. */
  valuesOf(slot: number, fields: readonly string[]): StoredValue[] {
    return fields.map((field) => (this.#columns.get(field)?.[slot] ?? null) as StoredValue);
  }
}
