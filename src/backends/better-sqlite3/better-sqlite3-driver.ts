/**
 * The better-sqlite3 driver: native SQLite, opened by path. Integers are read as BigInt
 * (`safeIntegers`) so that one beyond 2^53 is refused instead of silently rounded.
 */
import Database from 'better-sqlite3';
import type { Database as NativeDatabase, Statement as NativeStatement } from 'better-sqlite3';
import { checkParams, toPortError, toSafeNumber } from '../../db/port.js';
import type { Driver, Params, Row, RunResult, Statement } from '../../db/port.js';

function normalizeRow(row: Record<string, unknown>): Row {
  for (const key in row) {
    const value = row[key];
    if (typeof value === 'bigint') row[key] = toSafeNumber(value, `in column "${key}"`);
    else if (value instanceof Buffer) row[key] = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  }
  return row as Row;
}

function bind(params: Params | undefined): readonly unknown[] {
  checkParams(params);
  return params ?? [];
}

class BetterSqlite3Statement implements Statement {
  constructor(readonly native: NativeStatement) {}

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
      const row = this.native.get(...bind(params)) as Record<string, unknown> | undefined;
      return row === undefined ? undefined : normalizeRow(row);
    } catch (error) {
      throw toPortError(error);
    }
  }

  all(params?: Params): Row[] {
    try {
      return (this.native.all(...bind(params)) as Record<string, unknown>[]).map((row) => normalizeRow(row));
    } catch (error) {
      throw toPortError(error);
    }
  }

  *iterate(params?: Params): IterableIterator<Row> {
    try {
      for (const row of this.native.iterate(...bind(params))) yield normalizeRow(row as Record<string, unknown>);
    } catch (error) {
      throw toPortError(error);
    }
  }
}

export class BetterSqlite3Driver implements Driver {
  readonly name = 'better-sqlite3' as const;
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
      this.#db.defaultSafeIntegers(true);
      this.#db.pragma('foreign_keys = ON');
    } catch (error) {
      throw toPortError(error);
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
        statement = new BetterSqlite3Statement(this.#db.prepare(sql));
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

