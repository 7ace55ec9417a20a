/**
 * The sql.js driver: SQLite compiled to WebAssembly, the same in Node and in a browser. The
 * database lives in memory; the edge loads it from bytes and saves `serialize()` when it is done.
 *
 * sql.js quirks absorbed here: statements must be freed (all are, on close); `export()` closes and
 * reopens the database, which frees every statement and resets the pragmas, so both are
 * restored after it; integers are read as BigInt so that one beyond 2^53 is refused, not rounded.
 */
import { checkParams, toPortError, toSafeNumber } from '../../db/port.js';
import type { Driver, Params, Row, RunResult, SqlValue, Statement } from '../../db/port.js';
import { sqliteDialect } from '../../db/sqlite-dialect.js';

/** The structural subset of sql.js this driver uses (its published types lack `useBigInt`). */
export interface SqlJsStatement {
  bind(values?: readonly unknown[]): boolean;
  step(): boolean;
  get(params?: null, config?: { useBigInt?: boolean }): unknown[];
  getColumnNames(): string[];
  reset(): boolean;
  free(): boolean;
}
export interface SqlJsDatabase {
  exec(sql: string): unknown;
  prepare(sql: string): SqlJsStatement;
  getRowsModified(): number;
  export(): Uint8Array;
  close(): void;
}
export interface SqlJsStatic {
  Database: new (data?: ArrayLike<number> | Buffer | null) => SqlJsDatabase;
}

/**
 * Set on open and after every `export()`. The database file lives in Emscripten's in-memory file
 * system, so a rollback journal there is only a slower copy in memory (every page written through
 * JavaScript): SQLite keeps it in its own memory instead, with the same rollback. Nothing here
 * survives a crash anyway; the edge saves `serialize()` only when a command succeeds.
 */
const PRAGMAS = 'PRAGMA foreign_keys = ON; PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF';

function normalizeValue(value: unknown, column: string): SqlValue {
  if (typeof value === 'bigint') return toSafeNumber(value, `in column "${column}"`);
  return value as SqlValue;
}

/**
 * How many `?` parameters a statement takes. sql.js binds missing values as NULL without a word,
 * where better-sqlite3 refuses; counting them lets both refuse alike. Skips quoted text and comments.
 */
export function countParameters(sql: string): number {
  let count = 0;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i];
    if (ch === "'" || ch === '"' || ch === '`') {
      const end = sql.indexOf(ch, i + 1);
      i = end === -1 ? sql.length : end;
    } else if (ch === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end;
    } else if (ch === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? sql.length : end + 1;
    } else if (ch === '?') {
      count++;
    }
  }
  return count;
}

class SqlJsDriverStatement implements Statement {
  #columns: string[] | undefined;
  readonly #parameters: number;

  constructor(readonly driver: SqlJsDriver, readonly native: SqlJsStatement, sql: string) {
    this.#parameters = countParameters(sql);
  }

  #bind(params: Params | undefined): void {
    checkParams(params);
    const given = params?.length ?? 0;
    if (given !== this.#parameters) {
      throw new RangeError(`Expected ${this.#parameters} parameter value${this.#parameters === 1 ? '' : 's'}, got ${given}`);
    }
    // sql.js's bind resets the statement first and only reads the list; an empty list binds nothing.
    this.native.bind(params === undefined ? [] : (params as unknown[]));
  }

  #values(): SqlValue[] {
    const values = this.native.get(null, { useBigInt: true });
    this.#columns ??= this.native.getColumnNames();
    for (let i = 0; i < values.length; i++) values[i] = normalizeValue(values[i], this.#columns[i] as string);
    return values as SqlValue[];
  }

  #row(): Row {
    return this.#named(this.#values());
  }

  #named(values: SqlValue[]): Row {
    const row: Row = {};
    for (let i = 0; i < values.length; i++) row[(this.#columns as string[])[i] as string] = values[i] as SqlValue;
    return row;
  }

  run(params?: Params): RunResult {
    try {
      this.#bind(params);
      while (this.native.step()) { /* drain */ }
      return this.driver.lastChange();
    } catch (error) {
      throw toPortError(error);
    } finally {
      this.native.reset();
    }
  }

  get(params?: Params): Row | undefined {
    try {
      this.#bind(params);
      return this.native.step() ? this.#row() : undefined;
    } catch (error) {
      throw toPortError(error);
    } finally {
      this.native.reset();
    }
  }

  all(params?: Params): Row[] {
    return [...this.iterate(params)];
  }

  *iterate(params?: Params): IterableIterator<Row> {
    for (const values of this.values(params)) yield this.#named(values);
  }

  *values(params?: Params): IterableIterator<SqlValue[]> {
    try {
      this.#bind(params);
      while (this.native.step()) yield this.#values();
    } catch (error) {
      throw toPortError(error);
    } finally {
      this.native.reset();
    }
  }
}

export class SqlJsDriver implements Driver {
  readonly name = 'sql.js' as const;
  readonly dialect = sqliteDialect;
  readonly #db: SqlJsDatabase;
  readonly #statements = new Map<string, SqlJsDriverStatement>();
  #depth = 0;
  #lastRowid: SqlJsStatement | undefined;

  /** Opens an empty database, or one from the bytes of a database file (copied). */
  constructor(SQL: SqlJsStatic, bytes?: Uint8Array) {
    try {
      this.#db = new SQL.Database(bytes ?? null);
      this.#db.exec(PRAGMAS);
    } catch (error) {
      throw toPortError(error);
    }
  }

  get inTransaction(): boolean {
    return this.#depth > 0;
  }

  /** The changes and rowid of the statement that just ran. */
  lastChange(): RunResult {
    this.#lastRowid ??= this.#db.prepare('SELECT last_insert_rowid()');
    try {
      this.#lastRowid.step();
      // Read as a double (cheap), and again exactly only when that cannot be exact.
      let [rowid] = this.#lastRowid.get(null) as [number];
      if (!Number.isSafeInteger(rowid)) rowid = toSafeNumber(this.#lastRowid.get(null, { useBigInt: true })[0] as bigint, 'as a new row id');
      return { changes: this.#db.getRowsModified(), lastInsertRowid: rowid };
    } finally {
      this.#lastRowid.reset();
    }
  }

  exec(sql: string): void {
    try {
      this.#db.exec(sql);
    } catch (error) {
      throw toPortError(error);
    }
  }

  prepare(sql: string): Statement {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      try {
        statement = new SqlJsDriverStatement(this, this.#db.prepare(sql), sql);
      } catch (error) {
        throw toPortError(error);
      }
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  transaction<T>(fn: () => T): T {
    const depth = this.#depth;
    const savepoint = `relocate_${depth}`;
    this.exec(depth === 0 ? 'BEGIN' : `SAVEPOINT ${savepoint}`);
    this.#depth++;
    let result: T;
    try {
      result = fn();
      if (result instanceof Promise) throw new TypeError('Transaction function cannot return a promise');
      this.exec(depth === 0 ? 'COMMIT' : `RELEASE ${savepoint}`);
    } catch (error) {
      try {
        this.#db.exec(depth === 0 ? 'ROLLBACK' : `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`);
      } catch {
        // SQLite already rolled back (it does so itself after some errors); the first error is the news.
      }
      throw error;
    } finally {
      this.#depth = depth;
    }
    return result;
  }

  serialize(): Uint8Array {
    if (this.inTransaction) throw new TypeError('Expected no open transaction when serializing the database');
    this.#freeStatements();
    const bytes = this.#db.export();
    this.#db.exec(PRAGMAS);
    return bytes;
  }

  close(): void {
    this.#freeStatements();
    this.#db.close();
  }

  #freeStatements(): void {
    for (const statement of this.#statements.values()) statement.native.free();
    this.#statements.clear();
    this.#lastRowid?.free();
    this.#lastRowid = undefined;
  }
}
