/**
 * The `libpq` package (a synchronous Node binding to PostgreSQL's own client library), loaded only
 * when a PostgreSQL database is opened. It is an optional dependency that builds from source
 * against libpq's headers, so an install without them still works for SQLite: the missing
 * package is reported here, when someone asks for PostgreSQL, with what to install.
 */
import { createRequire } from 'node:module';
import { DatabaseError } from '../../db/port.js';

/** The error fields libpq reports for a failed command (PQresultErrorField). */
export interface LibpqErrorFields {
  readonly sqlState?: string;
  readonly messagePrimary?: string;
  readonly messageDetail?: string;
  readonly schemaName?: string;
  readonly tableName?: string;
  readonly columnName?: string;
  readonly constraintName?: string;
  /** Where it happened, e.g. `COPY parent, line 3: "…"`. */
  readonly context?: string;
}

/**
 * The part of the binding this driver uses (the package ships no types). Every command stores
 * its result on the connection, read through the accessors until the next command replaces it.
 */
export interface Libpq {
  connectSync(connection: string): void;
  finish(): void;
  errorMessage(): string;
  /** 0 idle, 1 active, 2 in a transaction, 3 in a failed transaction, 4 unknown (connection lost). */
  transactionStatus(): number;
  exec(sql: string): void;
  execParams(sql: string, params: (string | null)[]): void;
  prepare(name: string, sql: string, parameters: number): void;
  execPrepared(name: string, params: (string | null)[]): void;
  resultStatus(): string;
  resultErrorMessage(): string;
  resultErrorFields(): LibpqErrorFields | null;
  ntuples(): number;
  nfields(): number;
  fname(column: number): string;
  ftype(column: number): number;
  getvalue(row: number, column: number): string;
  getisnull(row: number, column: number): boolean;
  cmdStatus(): string;
  cmdTuples(): string;
  putCopyData(data: Buffer): number;
  putCopyEnd(errorMessage?: string): number;
  getResult(): boolean;
  /** Sends a command without waiting for its answer (read with getResult); false when it could not be sent. */
  sendQuery(sql: string): boolean;
}

export type LibpqConstructor = new () => Libpq;

let loaded: LibpqConstructor | undefined;

/**
 * The binding's constructor, loaded once. `load` replaces the module loader (the tests use it to
 * stand for a machine where the package is missing); what it loads is not kept.
 */
export function loadLibpq(load?: (name: string) => unknown): LibpqConstructor {
  if (load === undefined && loaded !== undefined) return loaded;
  let constructor: LibpqConstructor;
  try {
    constructor = (load ?? createRequire(import.meta.url))('libpq') as LibpqConstructor;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new DatabaseError(
      `PostgreSQL needs the optional package libpq, which could not be loaded (${reason}); it builds from source against ` +
        "libpq's headers: install Debian's libpq-dev (or your platform's libpq headers and pg_config), then run npm install again",
      { cause: error },
    );
  }
  if (load === undefined) loaded = constructor;
  return constructor;
}
