/**
 * Rows that satisfy every constraint of a table, made from the registry alone: two per table
 * ("a" and "b"), different in every column, each pointing at the parent row of the same letter.
 * The schema tests break them one constraint at a time.
 */
import { fieldClassInfo } from '../../src/core/registry/field-classes.js';
import type { Field, ModelEntry } from '../../src/core/registry/types.js';
import type { Dialect } from '../../src/db/dialect.js';
import type { SqlValue } from '../../src/db/port.js';

export type Letter = 'a' | 'b';
export const LETTERS: readonly Letter[] = ['a', 'b'];

/** Row ids: "a" rows are 1, "b" rows are 2, in every table. */
export const ROW_ID: Record<Letter, number> = { a: 1, b: 2 };

export function valueFor(field: Field, letter: Letter, stored: ReadonlySet<string>): SqlValue {
  const target = field.foreignKey?.model;
  if (target !== undefined) return stored.has(target) ? ROW_ID[letter] : ROW_ID[letter] + 100;
  const n = ROW_ID[letter];
  switch (fieldClassInfo(field.class).value) {
    case 'integer': case 'bitfield': return n;
    case 'boolean': return letter === 'a' ? 1 : 0;
    case 'float': return n + 0.5;
    case 'decimal': return `${n}.5`;
    case 'uuid': return `0000000${n}-0000-4000-8000-00000000000${n}`;
    case 'datetime': return `2024-01-0${n}T00:00:00.000Z`;
    case 'date': return `2024-01-0${n}`;
    case 'json': case 'pickled': case 'gzipped': return JSON.stringify({ row: letter });
    // Sentry's one list of lists holds numbers (a two-dimensional float array on PostgreSQL).
    case 'array': return field.of === 'ArrayField' ? JSON.stringify([[n + 0.5]]) : JSON.stringify([letter]);
    // PostgreSQL keeps IP addresses in inet, which takes addresses only.
    case 'string': return field.class === 'GenericIPAddressField' ? `10.0.0.${n}` : `${letter}${n}`.slice(0, field.maxLength ?? 64);
  }
}

export function validRow(entry: ModelEntry, letter: Letter, stored: ReadonlySet<string>): Record<string, SqlValue> {
  const row: Record<string, SqlValue> = { id: ROW_ID[letter] };
  for (const field of entry.fields) row[field.column] = valueFor(field, letter, stored);
  return row;
}

/** The INSERT of a row in the port's form, each value written through the dialect's expression for its column. */
export function insertSql(dialect: Dialect, entry: ModelEntry, row: Record<string, SqlValue>): [string, SqlValue[]] {
  const columns = Object.keys(row);
  const param = (column: string): string => {
    const field = entry.fields.find((candidate) => candidate.column === column);
    return field === undefined ? '?' : dialect.writeParam(entry, field);
  };
  const sql = `INSERT INTO "${entry.table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(param).join(', ')})`;
  return [sql, Object.values(row)];
}
