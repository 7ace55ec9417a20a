/**
 * The PostgreSQL driver: a server database opened by connection string through libpq, synchronous
 * like the SQLite drivers. Statements are prepared on the server once per SQL text and freed on
 * close; values are normalised to what SQLite gives (see values.ts); failures become the port's
 * error kinds by SQLSTATE (see errors.ts).
 *
 * One difference the port cannot hide: after a failed statement PostgreSQL refuses the rest of its
 * transaction. A nested `transaction()` (a savepoint) contains such a failure; a transaction whose
 * function caught a failure and returned is not committed but refused with the failure named,
 * where PostgreSQL itself would roll it back and answer COMMIT as if all were well.
 */
import { DatabaseError } from '../../db/port.js';
import type { BulkInsertOptions, Driver, SqlValue, Statement } from '../../db/port.js';
import { postgresDialect } from '../../db/postgres-dialect.js';
import { copyRows } from './bulk-insert.js';
import { PostgresConnection, TRANSACTION } from './connection.js';
import { PostgresStatement } from './postgres-statement.js';

export class PostgresDriver implements Driver {
  readonly name = 'postgres' as const;
  readonly dialect = postgresDialect;
  readonly #connection: PostgresConnection;
  readonly #statements = new Map<string, PostgresStatement>();
  #depth = 0;

  /** Connects to the database `url` names (a postgres:// URL, key=value pairs, or '' for the PG* variables). */
  constructor(url: string) {
    this.#connection = new PostgresConnection(url);
  }


  get inTransaction(): boolean {
    if (!this.#connection.isOpen) return false;
    return this.#connection.transactionStatus === TRANSACTION.inTransaction || this.#connection.transactionStatus === TRANSACTION.failed;
  }

  exec(sql: string): void {
    this.#connection.command(sql);
  }

  prepare(sql: string): Statement {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = new PostgresStatement(this.#connection, `relocate_${this.#statements.size + 1}`, sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  transaction<T>(fn: () => T): T {
    const connection = this.#connection;
    const depth = this.#depth;
    const nested = this.inTransaction;
    const savepoint = `relocate_savepoint_${depth}`;
    if (nested) {
      connection.ensureNotFailed('transaction');
      connection.command(`SAVEPOINT ${savepoint}`);
    } else {
      connection.command('BEGIN');
      connection.transactionsBegun++;
      connection.lastFailure = '';
    }
    this.#depth++;
    let result: T;
    try {
      result = fn();
      if (result instanceof Promise) throw new TypeError('Transaction function cannot return a promise');
      // PostgreSQL answers COMMIT in a failed transaction by rolling back without an error.
      connection.ensureNotFailed(nested ? 'savepoint' : 'transaction');
      connection.command(nested ? `RELEASE SAVEPOINT ${savepoint}` : 'COMMIT');
    } catch (error) {
      this.#rollback(nested, savepoint);
      throw error;
    } finally {
      this.#depth = depth;
    }
    return result;
  }

  #rollback(nested: boolean, savepoint: string): void {
    const connection = this.#connection;
    // After a failed COMMIT the server has already ended the transaction; nothing is left to undo.
    if (!connection.isOpen || connection.transactionStatus === TRANSACTION.idle) return;
    try {
      connection.command(nested ? `ROLLBACK TO SAVEPOINT ${savepoint}; RELEASE SAVEPOINT ${savepoint}` : 'ROLLBACK');
    } catch {
      // The connection is lost (the server then rolls back by itself); the first error is the news.
    }
  }

  bulkInsert(table: string, columns: readonly string[], rows: Iterable<readonly SqlValue[]>, options?: BulkInsertOptions): number {
    return copyRows(this.#connection, table, columns, rows, options?.wait ?? true);
  }

  settle(): void {
    this.#connection.settle();
  }

  sendStatements(sql: string): void {
    this.#connection.commandLater(sql);
  }

  serialize(): Uint8Array {
    throw new DatabaseError(
      'A PostgreSQL database is not a file and cannot be serialized; export its data with relocate export, or copy it with pg_dump',
    );
  }

  close(): void {
    const connection = this.#connection;
    if (!connection.isOpen) return;
    try {
      // A pooler may hand this session to someone else: leave it without our prepared statements.
      if (this.#statements.size > 0 && connection.transactionStatus !== TRANSACTION.failed) connection.command('DEALLOCATE ALL');
    } catch {
      // The server has gone; finishing the connection is all that is left to do.
    } finally {
      this.#statements.clear();
      connection.close();
    }
  }
}
