/**
 * The better-sqlite3 driver: native SQLite, opened by path. Integers are read as numbers; one
 * beyond 2^53 (already rounded by then) is recognised and refused rather than passed on.
 */
import Database from 'better-sqlite3';
import type { Database as NativeDatabase, Statement as NativeStatement } from 'better-sqlite3';
import { DatabaseError, checkIntegers, checkParams, toPortError, toSafeNumber } from '../../db/port.js';
import type { Driver, Params, Row, RunResult, SqlValue, Statement } from '../../db/port.js';
import { sqliteDialect } from '../../db/sqlite-dialect.js';

function bind(params: Params | undefined): readonly unknown[] {
  checkParams(params);
  return params ?? [];
}

function normalizeValues(values: unknown[]): SqlValue[] {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value instanceof Buffer) values[i] = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  }
  return values as SqlValue[];
}

class BetterSqlite3Statement implements Statement {
  readonly #names: string[];
  readonly #checked: boolean[];
  #raw: NativeStatement | undefined;

  constructor(readonly native: NativeStatement, readonly db: NativeDatabase, readonly sql: string) {
    const columns = native.reader ? native.columns() : [];
    this.#names = columns.map((column) => column.name);
    this.#checked = columns.map((column) => column.type?.toUpperCase() !== 'REAL');
  }

  #row(values: unknown[]): Row {
    const checked = normalizeValues(values);
    checkIntegers(checked, this.#checked, this.#names);
    const row: Row = {};
    for (let i = 0; i < checked.length; i++) row[this.#names[i] as string] = checked[i] as SqlValue;
    return row;
  }

  /** A second native statement in raw (array) mode: toggling one statement would race its users. */
  #rawStatement(): NativeStatement {
    return (this.#raw ??= this.db.prepare(this.sql).raw(true));
  }

  run(params?: Params): RunResult {
    try {
      const result = this.native.run(...bind(params));
      return { changes: result.changes, lastInsertRowid: toSafeNumber(BigInt(result.lastInsertRowid), 'as a new row id') };
    } catch (error) {
      throw toPortError(error);
    }
  }

  get(params?: Params): Row | undefined {
    try {
      const values = this.#rawStatement().get(...bind(params)) as unknown[] | undefined;
      return values === undefined ? undefined : this.#row(values);
    } catch (error) {
      throw toPortError(error);
    }
  }

  all(params?: Params): Row[] {
    return [...this.iterate(params)];
  }

  *iterate(params?: Params): IterableIterator<Row> {
    for (const values of this.values(params)) {
      const row: Row = {};
      for (let i = 0; i < values.length; i++) row[this.#names[i] as string] = values[i] as SqlValue;
      yield row;
    }
  }

  *values(params?: Params): IterableIterator<SqlValue[]> {
    try {
      for (const values of this.#rawStatement().iterate(...bind(params))) {
        const checked = normalizeValues(values as unknown[]);
        checkIntegers(checked, this.#checked, this.#names);
        yield checked;
      }
    } catch (error) {
      throw toPortError(error);
    }
  }
}

export class BetterSqlite3Driver implements Driver {
  readonly name = 'better-sqlite3' as const;
  readonly dialect = sqliteDialect;
  readonly #db: NativeDatabase;
  readonly #statements = new Map<string, BetterSqlite3Statement>();

  /**
   * Opens (or creates) the file at `source`, `:memory:` for a private in-memory database, or a
   * serialized database given as bytes (opened in memory; the bytes are copied).
   */
  constructor(source: string | Uint8Array) {
    try {
      this.#db = typeof source === 'string'
        ? new Database(source)
        : new Database(Buffer.from(source.buffer, source.byteOffset, source.byteLength));
      this.#db.pragma('foreign_keys = ON');
    } catch (error) {
      // Opening fails on the caller's input (a missing folder, a file that is not SQLite).
      throw new DatabaseError(error instanceof Error ? error.message : String(error), { cause: error });
    }
  }

  get inTransaction(): boolean {
    return this.#db.inTransaction;
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
        statement = new BetterSqlite3Statement(this.#db.prepare(sql), this.#db, sql);
      } catch (error) {
        throw toPortError(error);
      }
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  transaction<T>(fn: () => T): T {
    // better-sqlite3 turns a nested call into a savepoint by itself.
    return this.#db.transaction(fn)();
  }

  serialize(): Uint8Array {
    if (this.inTransaction) throw new TypeError('Expected no open transaction when serializing the database');
    const buffer = this.#db.serialize();
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }

  close(): void {
    this.#statements.clear();
    this.#db.close();
  }
}
