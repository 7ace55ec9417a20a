/**
 * Row access the engines need, as SQL over the driver port: rows of a model in pk order, inserts
 * with or without a pk, counts. Values here are stored values; `field-codec.ts` converts them.
 */
import type { ModelEntry } from '../core/registry/types.js';
import type { Driver, SqlValue } from './port.js';
import { quoteIdentifier as q } from './schema.js';

function selectList(entry: ModelEntry): string {
  return ['"id"', ...entry.fields.map((field) => q(field.column))].join(', ');
}

/** Every row of a model, ascending pk, as arrays: the pk first, then the fields in declared order. */
export function rowValuesInPkOrder(driver: Driver, entry: ModelEntry): IterableIterator<SqlValue[]> {
  return driver.prepare(`SELECT ${selectList(entry)} FROM ${q(entry.table)} ORDER BY "id"`).values();
}

export function countRows(driver: Driver, entry: ModelEntry): number {
  return driver.prepare(`SELECT count(*) AS n FROM ${q(entry.table)}`).get()?.n as number;
}

/**
 * Inserts a row given by column → stored value (columns left out take their SQL default) and
 * returns its pk; `id` among the values keeps that pk.
 */
export function insertRow(driver: Driver, entry: ModelEntry, values: Readonly<Record<string, SqlValue>>): number {
  const columns = Object.keys(values);
  if (columns.length === 0) return driver.prepare(`INSERT INTO ${q(entry.table)} DEFAULT VALUES`).run().lastInsertRowid;
  const shape = `${entry.table} ${columns.join(' ')}`;
  let sql = insertSqls.get(shape);
  if (sql === undefined) insertSqls.set(shape, (sql = `INSERT INTO ${q(entry.table)} (${columns.map(q).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`));
  return driver.prepare(sql).run(Object.values(values)).lastInsertRowid;
}

/** INSERT statements by table and columns: an import inserts the same shapes many times. */
const insertSqls = new Map<string, string>();
