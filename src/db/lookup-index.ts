/**
 * A lookup the import repeats (users by username ignoring case, emails by address, a user's
 * options by key …) answered in memory: the rows of one table by the values of some of its
 * columns, kept up to date as the import writes. Values are compared in the port's form, as
 * written, which is how the import's own rows are held; a column compared ignoring case is
 * compared with ASCII letters folded, as SQLite's NOCASE does.
 */
import type { RowCondition } from './store.js';
import type { SqlValue } from './port.js';

/** ASCII letters upper-cased, others as they are (native toUpperCase for the usual all-ASCII text). */
const asciiUpper = (text: string): string =>
  (/^[\x00-\x7f]*$/.test(text) ? text.toUpperCase() : text.replace(/[a-z]+/g, (letters) => letters.toUpperCase()));

const NULL_KEY = '\u0000null';

/** One column's key: numbers and text as themselves (a Map tells 5 from "5"), null and bytes marked. */
function part(value: SqlValue | undefined, nocase: boolean): string | number {
  if (value === null || value === undefined) return NULL_KEY;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return nocase ? asciiUpper(value) : value;
  return `\u0000bytes:${Array.from(value, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

export class LookupIndex {
  /** Key → pks of the rows with it, lowest first. */
  readonly #rows = new Map<string | number, number[]>();
  /** Pk → the row's values of the index's columns (to move it when they change). */
  readonly #values = new Map<number, SqlValue[]>();

  /** An index on `columns`, `nocase[i]` telling whether column i is compared ignoring case. */
  constructor(readonly columns: readonly string[], readonly nocase: readonly boolean[]) {}

  /** The shape of a lookup: which columns, which ignoring case (null values match like any other). */
  static shapeOf(where: readonly RowCondition[]): string {
    return where.map((condition) => `${condition.column}${condition.nocase ? ':nocase' : ''}`).join(' ');
  }

  /** A one-column key is the value itself; more columns join theirs, each marked with its type. */
  #key(values: readonly (SqlValue | undefined)[]): string | number {
    if (values.length === 1) return part(values[0], this.nocase[0] === true);
    let key = '';
    for (let i = 0; i < values.length; i++) {
      const value = part(values[i], this.nocase[i] === true);
      key += typeof value === 'number' ? `\u0001#${value}` : `\u0001'${value}`;
    }
    return key;
  }

  find(where: readonly RowCondition[]): number | undefined {
    // One column (most lookups): its key without building a list first.
    const key = where.length === 1 ? part((where[0] as RowCondition).value, this.nocase[0] === true) : this.#key(where.map((condition) => condition.value));
    return this.#rows.get(key)?.[0];
  }

  /** Adds a row, its values in the index's column order. */
  add(id: number, values: SqlValue[]): void {
    this.#values.set(id, values);
    const key = this.#key(values);
    const ids = this.#rows.get(key);
    if (ids === undefined) this.#rows.set(key, [id]);
    else {
      ids.push(id);
      ids.sort((a, b) => a - b);
    }
  }

  /** Moves a row whose columns changed (`changed` maps a column to its new value). */
  update(id: number, changed: Readonly<Record<string, SqlValue>>): void {
    const old = this.#values.get(id);
    if (old === undefined || !this.columns.some((column) => Object.hasOwn(changed, column))) return;
    const oldKey = this.#key(old);
    const ids = this.#rows.get(oldKey)?.filter((other) => other !== id) ?? [];
    if (ids.length === 0) this.#rows.delete(oldKey);
    else this.#rows.set(oldKey, ids);
    this.add(id, this.columns.map((column, i) => (Object.hasOwn(changed, column) ? changed[column] as SqlValue : old[i] as SqlValue)));
  }
}
