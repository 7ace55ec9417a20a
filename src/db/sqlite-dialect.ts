/**
 * SQLite's dialect, shared by better-sqlite3 and sql.js: STRICT tables, AUTOINCREMENT ids (so a
 * cleared table does not hand its old ids out again), CHECKs for maximum lengths, NOCASE for
 * case-insensitive lookups, and `sqlite_sequence` for resetting ids. Columns hold exactly the
 * port's form, so reads and writes are plain.
 */
import { fieldClassInfo } from '../core/registry/field-classes.js';
import type { Field } from '../core/registry/types.js';
import { quoteIdentifier as q } from './dialect.js';
import { sqlLiteral } from './schema.js';
import type { Dialect } from './dialect.js';

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  columnType: (field) => fieldClassInfo(field.class).sqlite,
  defaultValue: (_field, value) => sqlLiteral(value),
  primaryKey: '"id" INTEGER PRIMARY KEY AUTOINCREMENT',
  tableSuffix: ' STRICT',
  lengthCheck(field: Field) {
    if (field.maxLength === undefined || fieldClassInfo(field.class).sqlite !== 'TEXT') return undefined;
    return `CONSTRAINT ${q(`max_length:${field.column}`)} CHECK (length(${q(field.column)}) <= ${field.maxLength})`;
  },
  foreignKeySuffix: '',
  foreignKeysAfterTables: false,
  maxIdentifierLength: Number.POSITIVE_INFINITY,
  caseInsensitiveIndex: (name, table, column) => `CREATE INDEX ${q(name)} ON ${q(table)} (${q(column)} COLLATE NOCASE)`,
  listTablesSql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
  catalogSql: `SELECT m.name AS table_name, p.name AS column_name, p.type AS type, p."notnull" AS not_null,
      (p.dflt_value IS NOT NULL OR p.pk > 0) AS has_default
    FROM sqlite_master m JOIN pragma_table_info(m.name) p
    WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid`,
  // STRICT tables hold exactly their declared type: the field's class decides it.
  columnFits: (field, type) => type.toUpperCase() === fieldClassInfo(field.class).sqlite,
  neededTypes: (field) => fieldClassInfo(field.class).sqlite,
  // Columns hold the port's form whatever the table: nothing to follow.
  forCatalog: () => sqliteDialect,
  beginReadSnapshot: 'BEGIN',
  readColumn: (_entry, field) => q(field.column),
  writeParam: () => '?',
  equalsIgnoringCase: (column) => `${column} = ? COLLATE NOCASE`,
  isTrue: (column) => `${column} = 1`,
  returningId: '',
  afterExplicitIds: () => [],
  reserveIds: () => undefined,
  releaseIds: () => undefined,
  bulkValue: () => undefined,
  updateManySql: () => undefined,
  // AUTOINCREMENT keeps each table's last id here; without its row the next id is 1 again.
  resetSequences: () => ['DELETE FROM "sqlite_sequence"'],
  createTemporaryTable: (name, columns) => `CREATE TEMP TABLE ${q(name)} (${columns})`,
  temporaryTable: (name) => `temp.${q(name)}`,
};
