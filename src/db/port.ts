/**
 * The driver port: the whole of what the engine needs from a database. Every driver (two for
 * SQLite, one for PostgreSQL) is synchronous once open, so the port is too. Drivers normalise
 * values once (BLOBs to Uint8Array, integers to number; PostgreSQL's booleans to 1/0) and report
 * failures as the error kinds below, so that the engine never asks which driver it has.
 */
import { RelocateError } from '../core/errors.js';
import type { Dialect } from './dialect.js';

export type SqlValue = null | number | string | Uint8Array;
/** Positional parameters (`?`); the drivers name parameters differently, so the port uses none. */
export type Params = readonly SqlValue[];
export type Row = Record<string, SqlValue>;

export interface RunResult {
  readonly changes: number;
  readonly lastInsertRowid: number;
}

export interface Statement {
  run(params?: Params): RunResult;
  get(params?: Params): Row | undefined;
  all(params?: Params): Row[];
  /** Rows one at a time; the statement may not be used for anything else until it is done. */
  iterate(params?: Params): IterableIterator<Row>;
  /** Rows one at a time as arrays in select order: the fast path for bulk reads. */
  values(params?: Params): IterableIterator<SqlValue[]>;
}

export type DriverName = 'better-sqlite3' | 'sql.js' | 'postgres';

export interface Driver {
  readonly name: DriverName;
  /** The SQL that differs between backends: the engine builds its statements from these pieces. */
  readonly dialect: Dialect;
  /** DDL, or several statements separated by semicolons; no parameters, no rows. */
  exec(sql: string): void;
  /** A prepared statement; the driver owns it and frees it on close. */
  prepare(sql: string): Statement;
  /**
   * Runs fn and commits, or rolls back if it throws. A nested call is a savepoint. After a failed
   * statement PostgreSQL refuses the rest of its transaction (SQLite goes on): a failure that fn
   * catches and means to survive belongs in a nested call, or the commit is refused.
   */
  transaction<T>(fn: () => T): T;
  readonly inTransaction: boolean;
  /** The database file as bytes (refused inside a transaction; PostgreSQL, no file, always refuses). */
  serialize(): Uint8Array;
  close(): void;
  /**
   * Optional: inserts many rows into one table in one go, for a driver whose statements each cost
   * a round trip to a server (PostgreSQL: COPY, measured 7–19x faster than one prepared INSERT a
   * row and 1.1–2.6x faster than INSERTs of 500 rows; bench/postgres.js). Values are in `columns`
   * order; returns how many rows went in. All or nothing: a row the table refuses (a constraint,
   * a value of the wrong type) inserts none and throws the usual error kind, with `bulkRow` naming
   * the row when the database does. Embedded SQLite, where an INSERT is a function call, has none.
   * The import writes through it where it can (db/bulk-writer.ts).
   */
  bulkInsert?(table: string, columns: readonly string[], rows: Iterable<readonly SqlValue[]>, options?: BulkInsertOptions): number;
  /**
   * Reads the database's answer to a bulk insert sent with `wait: false`, throwing its failure;
   * nothing when none is outstanding. Present with `bulkInsert`.
   */
  settle?(): void;
  /**
   * Runs statements (no parameters, no rows) without waiting for the database's answer, which is
   * read like that of a bulk insert sent without waiting. Present with `bulkInsert`.
   */
  sendStatements?(sql: string): void;
}

export interface BulkInsertOptions {
  /**
   * False: return once the rows are sent, while the database is still writing them, so that the
   * caller's own work goes on meanwhile. The answer is read by `settle()` or, first, by the
   * driver's next call of any kind, which then throws the bulk insert's failure if it failed.
   */
  readonly wait?: boolean;
}

// ---- the error kinds every driver reports -------------------------------------------------------

export type ConstraintKind = 'UniqueViolation' | 'ForeignKeyViolation' | 'NotNullViolation' | 'CheckViolation';

/** A row that breaks a constraint; `table` and `columns` are known for all but foreign keys. */
export class ConstraintViolation extends RelocateError {
  /** For a bulk insert: which of its rows (1 = the first) the database refused, when it says. */
  bulkRow: number | undefined;

  constructor(
    readonly kind: ConstraintKind,
    message: string,
    readonly table: string | undefined,
    readonly columns: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** An integer the database holds exactly but a JavaScript number cannot (beyond ±2^53 − 1). */
export class IntegerOutOfRange extends RelocateError {
  readonly kind = 'IntegerOutOfRange';

  constructor(readonly value: string, readonly where: string) {
    super(`Integer ${value} ${where} is beyond ±2^53 − 1, the largest a JavaScript number holds exactly (a driver may show it rounded)`);
  }
}

/** Any other database failure, with the database's own message. */
export class DatabaseError extends RelocateError {
  readonly kind = 'DatabaseError';
  /** For a bulk insert: which of its rows (1 = the first) the database refused, when it says. */
  bulkRow: number | undefined;
}

const CONSTRAINT_PATTERNS: readonly [RegExp, ConstraintKind][] = [
  [/^UNIQUE constraint failed: (.+)$/, 'UniqueViolation'],
  [/^PRIMARY KEY constraint failed$/, 'UniqueViolation'],
  [/^NOT NULL constraint failed: (.+)$/, 'NotNullViolation'],
  [/^CHECK constraint failed: (.+)$/, 'CheckViolation'],
  [/^FOREIGN KEY constraint failed$/, 'ForeignKeyViolation'],
];

/** Turns a driver's SQLite error (better-sqlite3 `SqliteError`, sql.js `Error`) into a port error. */
export function toPortError(error: unknown): Error {
  // Misuse (wrong parameter count, a value SQLite cannot bind) is a programming error: kept as is.
  if (error instanceof RelocateError || error instanceof RangeError || error instanceof TypeError) return error;
  const message = error instanceof Error ? error.message : String(error);
  for (const [pattern, kind] of CONSTRAINT_PATTERNS) {
    const match = pattern.exec(message);
    if (match === null) continue;
    const qualified = (match[1] ?? '').split(', ').filter((part) => part.length > 0);
    const table = qualified[0]?.split('.')[0];
    const columns = qualified.map((part) => part.slice(part.indexOf('.') + 1));
    return new ConstraintViolation(kind, message, table, columns, { cause: error });
  }
  return new DatabaseError(message, { cause: error });
}

const MAX = BigInt(Number.MAX_SAFE_INTEGER);
const MIN = BigInt(Number.MIN_SAFE_INTEGER);

/**
 * Refuses a value that came from an INTEGER column beyond ±2^53 − 1: a driver that reads numbers
 * gets such a value already rounded, and |rounded| ≥ 2^53 is the sign of it. `checked[i]` says
 * which columns may hold integers (anything not declared REAL).
 */
export function checkIntegers(values: SqlValue[], checked: readonly boolean[], names: readonly string[]): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value === 'number' && checked[i] === true && !Number.isSafeInteger(value) && Number.isInteger(value)) {
      throw new IntegerOutOfRange(BigInt(value).toString(), `in column "${names[i]}"`);
    }
  }
}

/** An integer read as a BigInt, as a number, or refused when a number would round it. */
export function toSafeNumber(value: bigint, where: string): number {
  if (value > MAX || value < MIN) throw new IntegerOutOfRange(value.toString(), where);
  return Number(value);
}

/** Refuses, before binding, a number that is already not exact. */
export function checkParams(params: Params | undefined): void {
  if (params === undefined) return;
  for (const value of params) {
    if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) {
      throw new IntegerOutOfRange(String(value), 'given as a parameter');
    }
  }
}
