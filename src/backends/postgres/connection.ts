/**
 * One libpq connection, with every command's result checked: a failed command throws the port's
 * error and is remembered, because PostgreSQL refuses the rest of a transaction after a failure
 * and a later COMMIT must be able to say which statement caused it.
 */
import { DatabaseError } from '../../db/port.js';
import { maskPassword, oneLine, toPostgresError } from './errors.js';
import { loadLibpq } from './libpq.js';
import type { Libpq } from './libpq.js';

/** libpq's PQtransactionStatus values this driver acts on. */
export const TRANSACTION = { idle: 0, inTransaction: 2, failed: 3 } as const;

/** SQLSTATE 25P02: a command sent to a transaction that an earlier failure has doomed. */
const IN_FAILED_TRANSACTION = '25P02';

/**
 * Set on open, so that values read back are the same whatever the server's or the user's
 * defaults: UTF-8 text (the binding decodes UTF-8), UTC timestamps, hex bytea (what the reader
 * decodes), ISO dates, and backslashes as plain characters in '…' (what the placeholder scanner
 * assumes).
 */
const SESSION_SETTINGS = [
  "SET client_encoding TO 'UTF8'",
  "SET TimeZone TO 'UTC'",
  "SET bytea_output TO 'hex'",
  "SET DateStyle TO 'ISO, YMD'",
  "SET IntervalStyle TO 'postgres'",
  'SET standard_conforming_strings TO on',
  // libpq prints the server's notices on stderr itself ("…does not exist, skipping"); a driver
  // prints nothing. Warnings and errors still come through.
  'SET client_min_messages TO warning',
].join('; ');

/** Finished connections whose socket watcher libuv has not closed yet (see keepUntilClosed). */
const closing = new Set<Libpq>();

/**
 * The binding's finish() asks libuv to close the connection's socket watcher, which lives inside
 * the native object, and lets go of the object at once. libuv closes it only when the event loop
 * next turns; if the garbage collector frees the object first (a synchronous run of tests opening
 * and closing connections does exactly that), the process aborts in uv__finish_close. So the
 * object is held until two turns of the loop have passed: the first turn's close phase comes
 * after its check phase, where the first setImmediate runs.
 */
function keepUntilClosed(pq: Libpq): void {
  closing.add(pq);
  setImmediate(() => setImmediate(() => closing.delete(pq)));
}

export class PostgresConnection {
  readonly pq: Libpq;
  #open = true;
  /** The last failure inside a transaction, for the COMMIT that cannot happen because of it. */
  lastFailure = '';
  /** How many transactions the driver has begun: a cursor knows by it whether its transaction is over. */
  transactionsBegun = 0;
  /** Reads the answer to a COPY sent without waiting (see settle). */
  #unsettled: (() => void) | undefined;

  constructor(url: string) {
    const Pq = loadLibpq();
    this.pq = new Pq();
    const where = url.trim() === '' ? 'the server the PG* environment variables name' : maskPassword(url);
    try {
      this.pq.connectSync(url);
    } catch (error) {
      const reason = oneLine(error instanceof Error ? error.message : String(error));
      throw new DatabaseError(`Cannot connect to PostgreSQL at ${where}: ${maskPassword(reason)}`, { cause: error });
    }
    try {
      this.command(SESSION_SETTINGS);
    } catch (error) {
      this.close();
      throw error;
    }
  }

  get transactionStatus(): number {
    this.settle();
    return this.pq.transactionStatus();
  }

  /** Leaves the answer to a COPY for later: the next command, or settle(), reads it first. */
  deferAnswer(read: () => void): void {
    this.#unsettled = read;
  }

  /** Reads an answer left for later, throwing its failure. */
  settle(): void {
    const read = this.#unsettled;
    if (read === undefined) return;
    this.#unsettled = undefined;
    read();
  }

  /** Throws the port error for the result libpq holds now, if it is a failure. */
  checkResult(): void {
    const status = this.pq.resultStatus();
    if (status === 'PGRES_COMMAND_OK' || status === 'PGRES_TUPLES_OK' || status === 'PGRES_EMPTY_QUERY' || status === 'PGRES_COPY_IN') return;
    const fields = this.pq.resultErrorFields();
    const error = toPostgresError(fields, this.pq.resultErrorMessage() || this.pq.errorMessage());
    if (fields?.sqlState === IN_FAILED_TRANSACTION) {
      // "current transaction is aborted…" says nothing of why: name the failure that did it.
      if (this.lastFailure !== '') error.message += `; the statement that failed: ${this.lastFailure}`;
    } else if (this.pq.transactionStatus() === TRANSACTION.failed) {
      this.lastFailure = error.message;
    }
    throw error;
  }

  #ensureOpen(): void {
    if (!this.#open) throw new TypeError('The database connection is not open');
    this.settle();
  }

  /** One or more statements without parameters (the simple query protocol). */
  command(sql: string): void {
    this.#ensureOpen();
    this.pq.exec(sql);
    this.checkResult();
  }

  /**
   * One or more statements without parameters, sent without waiting: the answer is read by the
   * next command or settle(), which throws the first failure.
   */
  commandLater(sql: string): void {
    this.#ensureOpen();
    if (!this.pq.sendQuery(sql)) throw new DatabaseError(`Sending a command to PostgreSQL failed: ${oneLine(this.pq.errorMessage())}`);
    this.deferAnswer(() => {
      let failure: unknown;
      while (this.pq.getResult()) {
        if (failure !== undefined) continue;
        try {
          this.checkResult();
        } catch (error) {
          failure = error;
        }
      }
      if (failure !== undefined) throw failure;
    });
  }

  /**
   * One statement without parameters, sent without waiting; `onResult` is called with its result
   * current on the connection (or with its failure) when the answer is read: by the next command,
   * or settle(). It must read what it needs right then, and not throw.
   */
  sendLater(sql: string, onResult: (failure: unknown) => void): void {
    this.#ensureOpen();
    if (!this.pq.sendQuery(sql)) throw new DatabaseError(`Sending a command to PostgreSQL failed: ${oneLine(this.pq.errorMessage())}`);
    this.deferAnswer(() => {
      let first = true;
      while (this.pq.getResult()) {
        if (!first) continue;
        first = false;
        let failure: unknown;
        try {
          this.checkResult();
        } catch (error) {
          failure = error;
        }
        onResult(failure);
      }
    });
  }

  /** One statement with parameters, parsed for this call only. */
  commandWithParams(sql: string, params: (string | null)[]): void {
    this.#ensureOpen();
    this.pq.execParams(sql, params);
    this.checkResult();
  }

  prepare(name: string, sql: string, parameters: number): void {
    this.#ensureOpen();
    this.pq.prepare(name, sql, parameters);
    this.checkResult();
  }

  execute(name: string, params: (string | null)[]): void {
    this.#ensureOpen();
    this.pq.execPrepared(name, params);
    this.checkResult();
  }

  /** Throws, naming the earlier failure, when the transaction (or savepoint) can no longer commit. */
  ensureNotFailed(scope: 'transaction' | 'savepoint'): void {
    if (this.transactionStatus !== TRANSACTION.failed) return;
    throw new DatabaseError(
      `PostgreSQL rolled back the ${scope} because a statement in it failed: ${this.lastFailure || 'no message was kept'}`,
    );
  }

  get isOpen(): boolean {
    return this.#open;
  }

  close(): void {
    if (!this.#open) return;
    // An answer no one asked for is dropped with the connection (the server rolls back).
    this.#unsettled = undefined;
    this.#open = false;
    this.pq.finish();
    keepUntilClosed(this.pq);
  }
}
