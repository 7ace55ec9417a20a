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

/** At most `limit` rows of a model from the `offset`-th, ascending pk, as `rowValuesInPkOrder` gives them. */
export function rowValuesPage(driver: Driver, entry: ModelEntry, offset: number, limit: number): SqlValue[][] {
  return [...driver.prepare(`SELECT ${selectList(entry)} FROM ${q(entry.table)} ORDER BY "id" LIMIT ? OFFSET ?`).values([limit, offset])];
}

/** How many rows of a model come before the row with pk `id`, or undefined when there is no such row. */
export function rowsBefore(driver: Driver, entry: ModelEntry, id: number): number | undefined {
  if (driver.prepare(`SELECT 1 AS found FROM ${q(entry.table)} WHERE "id" = ?`).get([id]) === undefined) return undefined;
  return driver.prepare(`SELECT count(*) AS n FROM ${q(entry.table)} WHERE "id" < ?`).get([id])?.n as number;
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
  const sql = sqlOfShape(entry, `insert ${columns.join(' ')}`, () =>
    `INSERT INTO ${q(entry.table)} (${columns.map(q).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  return driver.prepare(sql).run(Object.values(values)).lastInsertRowid;
}

/** Writes the given columns (column → stored value) over the row with pk `id`. */
export function updateRow(driver: Driver, entry: ModelEntry, values: Readonly<Record<string, SqlValue>>, id: number): void {
  const columns = Object.keys(values);
  const sql = sqlOfShape(entry, `update ${columns.join(' ')}`, () =>
    `UPDATE ${q(entry.table)} SET ${columns.map((column) => `${q(column)} = ?`).join(', ')} WHERE "id" = ?`);
  driver.prepare(sql).run([...Object.values(values), id]);
}

/**
 * Statement text by model and shape (what it does, to which columns): an import runs the same few
 * shapes hundreds of thousands of times, and building the text each time cost more than the
 * driver's lookup of the prepared statement. Keyed by the entry, since two Sentry versions may
 * give one model different columns.
 */
const sqls = new WeakMap<ModelEntry, Map<string, string>>();

export function sqlOfShape(entry: ModelEntry, shape: string, build: () => string): string {
  let shapes = sqls.get(entry);
  if (shapes === undefined) sqls.set(entry, (shapes = new Map()));
  let sql = shapes.get(shape);
  if (sql === undefined) shapes.set(shape, (sql = build()));
  return sql;
}
