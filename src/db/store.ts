/**
 * Row access the engines need, as SQL over the driver port in the driver's dialect: rows of a
 * model in pk order, inserts with or without a pk, updates, counts. Values here are in the port's
 * form (stored values); `field-codec.ts` converts them to and from an export's.
 */
import type { Field, ModelEntry } from '../core/registry/types.js';
import type { Driver, SqlValue } from './port.js';
import { quoteIdentifier as q } from './dialect.js';
import type { Dialect } from './dialect.js';

/**
 * Statement text by dialect, model and shape (what it does, to which columns): an import runs the
 * same few shapes hundreds of thousands of times, and building the text each time cost more than
 * the driver's lookup of the prepared statement. Keyed by the dialect object (two PostgreSQL
 * databases may keep one field in different types) and by the entry (two Sentry versions may give
 * one model different columns).
 */
const sqls = new WeakMap<Dialect, WeakMap<ModelEntry, Map<string, string>>>();

export function sqlOfShape(driver: Driver, entry: ModelEntry, shape: string, build: () => string): string {
  let entries = sqls.get(driver.dialect);
  if (entries === undefined) sqls.set(driver.dialect, (entries = new WeakMap()));
  let shapes = entries.get(entry);
  if (shapes === undefined) entries.set(entry, (shapes = new Map()));
  let sql = shapes.get(shape);
  if (sql === undefined) shapes.set(shape, (sql = build()));
  return sql;
}

const fieldsByColumn = new WeakMap<ModelEntry, ReadonlyMap<string, Field>>();

function fieldOfColumn(entry: ModelEntry, column: string): Field | undefined {
  let map = fieldsByColumn.get(entry);
  if (map === undefined) fieldsByColumn.set(entry, (map = new Map(entry.fields.map((field) => [field.column, field]))));
  return map.get(column);
}

/** The pk, then every field in declared order, each read in the port's form. */
function selectList(driver: Driver, entry: ModelEntry): string {
  return ['"id"', ...entry.fields.map((field) => driver.dialect.readColumn(entry, field))].join(', ');
}

/** The parameter for a column: the dialect's write expression for its field. */
function paramOf(driver: Driver, entry: ModelEntry, column: string): string {
  const field = fieldOfColumn(entry, column);
  return field === undefined ? '?' : driver.dialect.writeParam(entry, field);
}

/** Every row of a model, ascending pk, as arrays: the pk first, then the fields in declared order. */
export function rowValuesInPkOrder(driver: Driver, entry: ModelEntry): IterableIterator<SqlValue[]> {
  const sql = sqlOfShape(driver, entry, 'rows', () => `SELECT ${selectList(driver, entry)} FROM ${q(entry.table)} ORDER BY "id"`);
  return driver.prepare(sql).values();
}

/** At most `limit` rows of a model from the `offset`-th, ascending pk, as `rowValuesInPkOrder` gives them. */
export function rowValuesPage(driver: Driver, entry: ModelEntry, offset: number, limit: number): SqlValue[][] {
  const sql = sqlOfShape(driver, entry, 'page', () => `SELECT ${selectList(driver, entry)} FROM ${q(entry.table)} ORDER BY "id" LIMIT ? OFFSET ?`);
  return [...driver.prepare(sql).values([limit, offset])];
}

/** How many rows of a model come before the row with pk `id`, or undefined when there is no such row. */
export function rowsBefore(driver: Driver, entry: ModelEntry, id: number): number | undefined {
  if (driver.prepare(`SELECT 1 AS found FROM ${q(entry.table)} WHERE "id" = ?`).get([id]) === undefined) return undefined;
  return driver.prepare(`SELECT count(*) AS n FROM ${q(entry.table)} WHERE "id" < ?`).get([id])?.n as number;
}

/** The highest pk of a model's rows (0 when it has none). */
export function maxId(driver: Driver, entry: ModelEntry): number {
  return (driver.prepare(`SELECT max("id") AS m FROM ${q(entry.table)}`).get()?.m as number | null | undefined) ?? 0;
}

export function countRows(driver: Driver, entry: ModelEntry): number {
  return driver.prepare(`SELECT count(*) AS n FROM ${q(entry.table)}`).get()?.n as number;
}

/** The INSERT of the given columns, returning the new id where the dialect needs to be asked. */
function insertSql(driver: Driver, entry: ModelEntry, columns: readonly string[]): string {
  return sqlOfShape(driver, entry, `insert ${columns.join(' ')}`, () => columns.length === 0
    ? `INSERT INTO ${q(entry.table)} DEFAULT VALUES${driver.dialect.returningId}`
    : `INSERT INTO ${q(entry.table)} (${columns.map(q).join(', ')}) VALUES (${columns.map((column) => paramOf(driver, entry, column)).join(', ')})${driver.dialect.returningId}`);
}

/** Inserts with the ids given: the dialect's sequence then moves past them. */
function insertWithId(driver: Driver, entry: ModelEntry, sql: string, values: readonly SqlValue[]): number {
  const id = driver.prepare(sql).run(values).lastInsertRowid;
  for (const statement of driver.dialect.afterExplicitIds(entry.table)) driver.exec(statement);
  return id;
}

/**
 * Inserts a row given by column → stored value (columns left out take their SQL default) and
 * returns its pk; `id` among the values keeps that pk.
 */
export function insertRow(driver: Driver, entry: ModelEntry, values: Readonly<Record<string, SqlValue>>): number {
  const columns = Object.keys(values);
  const sql = insertSql(driver, entry, columns);
  if (Object.hasOwn(values, 'id')) return insertWithId(driver, entry, sql, Object.values(values));
  return driver.prepare(sql).run(Object.values(values)).lastInsertRowid;
}

/** Inserts every field (in declared order, as `values` holds them), with the pk first when `keepPk`. */
export function insertFields(driver: Driver, entry: ModelEntry, values: readonly SqlValue[], keepPk: boolean): number {
  const sql = sqlOfShape(driver, entry, `insert-all ${keepPk}`, () => insertSql(driver, entry, [...(keepPk ? ['id'] : []), ...entry.fields.map((field) => field.column)]));
  return keepPk ? insertWithId(driver, entry, sql, values) : driver.prepare(sql).run(values).lastInsertRowid;
}

/** Writes the given columns (column → stored value) over the row with pk `id`. */
export function updateRow(driver: Driver, entry: ModelEntry, values: Readonly<Record<string, SqlValue>>, id: number): void {
  const columns = Object.keys(values);
  const sql = sqlOfShape(driver, entry, `update ${columns.join(' ')}`, () =>
    `UPDATE ${q(entry.table)} SET ${columns.map((column) => `${q(column)} = ${paramOf(driver, entry, column)}`).join(', ')} WHERE "id" = ?`);
  driver.prepare(sql).run([...Object.values(values), id]);
}

/** One condition of a lookup: a column equal to a value (null matches null), maybe ignoring ASCII case. */
export interface RowCondition {
  readonly column: string;
  readonly value: SqlValue;
  readonly nocase: boolean;
}

/** The id of a row of `entry` whose columns equal the values (null matches null), some ignoring case. */
export function findRow(driver: Driver, entry: ModelEntry, where: readonly RowCondition[]): number | undefined {
  const shape = `find ${where.map((condition) => `${condition.column}:${condition.value === null ? 'null' : condition.nocase ? 'nocase' : ''}`).join(' ')}`;
  const sql = sqlOfShape(driver, entry, shape, () => {
    const conditions = where.map(({ column, value, nocase }) => {
      if (value === null) return `${q(column)} IS NULL`;
      const field = fieldOfColumn(entry, column);
      const param = field === undefined ? '?' : driver.dialect.writeParam(entry, field);
      return nocase ? driver.dialect.equalsIgnoringCase(q(column)) : `${q(column)} = ${param}`;
    });
    return `SELECT "id" FROM ${q(entry.table)} WHERE ${conditions.join(' AND ')} LIMIT 1`;
  });
  const params: SqlValue[] = [];
  for (const condition of where) if (condition.value !== null) params.push(condition.value);
  return driver.prepare(sql).get(params)?.id as number | undefined;
}
