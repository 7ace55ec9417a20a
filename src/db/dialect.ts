/**
 * The SQL dialect a backend supplies with its driver: every piece of SQL that is not the same on
 * SQLite and PostgreSQL. The engine and `db/` build statements from these pieces and never ask
 * which backend they have. Values cross the port in one form on every backend (booleans as 0/1,
 * datetimes as Sentry's text, JSON and arrays as JSON text); a dialect's read and write
 * expressions convert where its columns hold them otherwise.
 */
import type { Field, ModelEntry } from '../core/registry/types.js';
import type { Catalog } from './catalog.js';
import type { SqlValue } from './port.js';

export interface Dialect {
  readonly name: 'sqlite' | 'postgres';

  // ---- schema (only for databases relocate makes) ------------------------------------------
  /** The column type of a field in DDL. */
  columnType(field: Field): string;
  /** A column default, given in the port's form (booleans 0/1, JSON as text). */
  defaultValue(field: Field, value: string | number | null): string;
  /** The `"id"` column of a new table. */
  readonly primaryKey: string;
  /** Text after `CREATE TABLE … (…)`: SQLite's STRICT. */
  readonly tableSuffix: string;
  /** A constraint for a text field's maximum length, where the type does not enforce it. */
  lengthCheck(field: Field): string | undefined;
  /** The clause after `REFERENCES t ("id")`: PostgreSQL's deferrable keys, as Django makes them. */
  readonly foreignKeySuffix: string;
  /**
   * Foreign keys inside CREATE TABLE (SQLite, which cannot add them later and accepts a table not
   * made yet), or added by ALTER TABLE once every table exists (PostgreSQL, which needs the target).
   */
  readonly foreignKeysAfterTables: boolean;
  /** The longest name the database keeps whole (PostgreSQL cuts identifiers to 63 bytes). */
  readonly maxIdentifierLength: number;
  /** An index for lookups that ignore case. */
  caseInsensitiveIndex(name: string, table: string, column: string): string;
  /** The names of the database's own tables (not the engine's temporary ones, not the system's). */
  readonly listTablesSql: string;

  // ---- a database as it is (made by relocate or not) ----------------------------------------
  /**
   * Every column of every table of the current schema, one row each: `table_name`,
   * `column_name`, `type`, `not_null` (0/1) and `has_default` (0/1), in declared order.
   */
  readonly catalogSql: string;
  /** Whether a column of this type (as the catalog names it) can hold the field's values. */
  columnFits(field: Field, type: string): boolean;
  /** The types a field needs, in words, for a message about a column that does not fit. */
  neededTypes(field: Field): string;
  /**
   * This dialect with reads and writes following the column types `catalog` describes (a database
   * relocate did not make may keep a field in another type than relocate would give it).
   */
  forCatalog(catalog: Catalog): Dialect;
  /** Starts a transaction that reads one consistent snapshot and writes nothing. */
  readonly beginReadSnapshot: string;

  // ---- reading and writing rows ------------------------------------------------------------
  /** The select expression that reads a field's column in the port's form. */
  readColumn(entry: ModelEntry, field: Field): string;
  /** The parameter expression that writes a field's value (given in the port's form). */
  writeParam(entry: ModelEntry, field: Field): string;
  /** A condition comparing a column with one parameter, ignoring ASCII case. */
  equalsIgnoringCase(column: string): string;
  /** A boolean column compared with true, in a WHERE clause. */
  isTrue(column: string): string;
  /** Appended to an INSERT so that `run()` reports the new row's id. */
  readonly returningId: string;
  /** Statements to run after rows were inserted with their ids given (sequences move past them, never back). */
  afterExplicitIds(table: string): string[];
  /**
   * A query with one parameter, n, whose one row's `ids` is n new ids drawn from the table's id
   * sequence, comma-separated in the order drawn, for writers that send rows with their ids in
   * bulk; undefined where ids come from inserts alone (SQLite).
   */
  reserveIds(table: string): string | undefined;
  /**
   * A statement with two parameters, the last id used and the last id reserved, that hands the
   * unused reserved ids back to the sequence if no one else drew from it since.
   */
  releaseIds(table: string): string | undefined;
  /**
   * How a value in the port's form becomes what the driver's bulk insert takes for this field's
   * column (PostgreSQL's COPY parses arrays as array literals), or undefined when it is the same.
   */
  bulkValue(entry: ModelEntry, field: Field): ((value: SqlValue) => SqlValue) | undefined;
  /**
   * An UPDATE of many rows in one statement, or undefined where an UPDATE a row costs nothing
   * (SQLite). Its one parameter is the JSON text of an array of objects: `id`, and each field's
   * column → its value in the port's form as a JSON string (or null).
   */
  updateManySql(entry: ModelEntry, fields: readonly Field[]): string | undefined;
  /** Statements that restart every table's id sequence (the tables are empty). */
  resetSequences(tables: readonly string[]): string[];
  /** A table that lives as long as the connection and that no one else sees. */
  createTemporaryTable(name: string, columns: string): string;
  /** How such a table is named in statements. */
  temporaryTable(name: string): string;
}

export const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;
