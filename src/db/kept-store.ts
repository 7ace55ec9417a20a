/**
 * What an import keeps that the database's Sentry version has no place for, so that nothing a
 * user gave is lost: rows of models the version does not know (with the model they followed in the
 * file, which is where an export writes them back) and fields a known model does not have (by the
 * row they belong to). Two relocate tables beside Sentry's; a database without them (one made by
 * an older relocate, or Sentry's own) gets them from an import that needs them, where allowed.
 */
import { f } from '../core/registry/define.js';
import type { Field } from '../core/registry/types.js';
import { quoteIdentifier as q } from './dialect.js';
import type { Dialect } from './dialect.js';
import type { Driver } from './port.js';

export const KEPT_ROWS = 'relocate_kept_rows';
export const KEPT_FIELDS = 'relocate_kept_fields';

const column = (field: Field, dialect: Dialect, nullable = false) => `${q(field.column)} ${dialect.columnType(field)}${nullable ? '' : ' NOT NULL'}`;
const model = f('model', 'CharField', { maxLength: 200 });
const pk = f('pk', 'BoundedBigIntegerField');
const text = (name: string) => f(name, 'TextField');

/** The two tables, in the dialect's DDL. */
export function keptTablesStatements(dialect: Dialect): string[] {
  return [
    `CREATE TABLE ${q(KEPT_ROWS)} (\n  ${[
      dialect.primaryKey,
      column(model, dialect),
      // The pk in the file: its keys were never mapped, so they keep the file's values too.
      column(pk, dialect),
      // The known model this row followed in the file (null: it came first).
      column(f('after_model', 'CharField', { maxLength: 200 }), dialect, true),
      column(text('fields'), dialect),
      column(f('import_uuid', 'CharField', { maxLength: 64 }), dialect),
      'UNIQUE ("model", "pk")',
    ].join(',\n  ')}\n)${dialect.tableSuffix}`,
    `CREATE TABLE ${q(KEPT_FIELDS)} (\n  ${[
      column(model, dialect),
      // The row's pk in this database.
      column(pk, dialect),
      column(text('fields'), dialect),
      'PRIMARY KEY ("model", "pk")',
    ].join(',\n  ')}\n)${dialect.tableSuffix}`,
  ];
}

export function hasKeptTables(driver: Driver): boolean {
  const tables = new Set(driver.prepare(driver.dialect.listTablesSql).all().map((row) => row.name));
  return tables.has(KEPT_ROWS) && tables.has(KEPT_FIELDS);
}

export function createKeptTables(driver: Driver): void {
  for (const statement of keptTablesStatements(driver.dialect)) driver.exec(statement);
}

export interface KeptRow {
  readonly model: string;
  readonly pk: number;
  readonly afterModel: string | null;
  /** The fields as the file had them, as JSON text. */
  readonly fields: string;
}

export function keepRow(driver: Driver, row: KeptRow, importUuid: string): void {
  driver.prepare(`INSERT INTO ${q(KEPT_ROWS)} ("model", "pk", "after_model", "fields", "import_uuid") VALUES (?, ?, ?, ?, ?)`)
    .run([row.model, row.pk, row.afterModel, row.fields, importUuid]);
}

/** Fields of the row `pk` of `model` kept beside it (JSON object text); a second keep replaces them. */
export function keepFields(driver: Driver, modelName: string, rowPk: number, fields: string): void {
  driver.prepare(`DELETE FROM ${q(KEPT_FIELDS)} WHERE "model" = ? AND "pk" = ?`).run([modelName, rowPk]);
  driver.prepare(`INSERT INTO ${q(KEPT_FIELDS)} ("model", "pk", "fields") VALUES (?, ?, ?)`).run([modelName, rowPk, fields]);
}

/** Every kept row, in the order they were kept. */
export function keptRows(driver: Driver): KeptRow[] {
  return driver.prepare(`SELECT "model", "pk", "after_model", "fields" FROM ${q(KEPT_ROWS)} ORDER BY "id"`).all()
    .map((row) => ({ model: row.model as string, pk: row.pk as number, afterModel: row.after_model as string | null, fields: row.fields as string }));
}

/** The kept fields of a model's rows: pk → JSON object text. */
export function keptFieldsOf(driver: Driver, modelName: string): Map<number, string> {
  const rows = driver.prepare(`SELECT "pk", "fields" FROM ${q(KEPT_FIELDS)} WHERE "model" = ?`).all([modelName]);
  return new Map(rows.map((row) => [row.pk as number, row.fields as string]));
}

/** Global imports start from nothing: what earlier imports kept goes with the rest. */
export function clearKept(driver: Driver): void {
  driver.prepare(`DELETE FROM ${q(KEPT_ROWS)}`).run();
  driver.prepare(`DELETE FROM ${q(KEPT_FIELDS)}`).run();
}
