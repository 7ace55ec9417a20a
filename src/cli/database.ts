/**
 * Opens the database a command names with `--db` on the backend it names with `--backend`, makes
 * sure it has our schema, runs the command, and closes it. A command that writes holds SQLite's
 * write lock on the file for its whole run, on either backend, so that two writers never lose
 * each other's changes (a second one waits, saying so on stderr; see database-lock.ts). With
 * sql.js the file is read into memory and its changes copied back into the file, in one SQLite
 * transaction, only when the command succeeds (see sql-js-write-back.ts); with better-sqlite3 the
 * command runs in one transaction. A failed command leaves the file as it was, and a database
 * file this call created is removed again.
 */
import { ensureSchema } from '../db/open-database.js';
import type { Driver, DriverName } from '../db/port.js';
import type { SchemaStatus } from '../db/open-database.js';
import { dirname } from 'node:path';
import { DatabaseError } from '../db/port.js';
import { fileSize, lockTimeoutMs } from './database-lock.js';
import { openSession } from './database-session.js';
import { directoryExists } from './io.js';

export const BACKENDS: readonly DriverName[] = ['better-sqlite3', 'sql.js'];
export const DEFAULT_DB = './relocate.sqlite';

export interface DatabaseOptions {
  readonly db: string;
  readonly backend: DriverName;
  /** A command that only reads: it takes no write lock, and sql.js has nothing to write back. */
  readonly readOnly?: boolean;
  /** Where to say that the command waits for another writer (default: the process's stderr). */
  readonly stderr?: (text: string) => void;
  /** The environment RELOCATE_LOCK_TIMEOUT is read from (default: the process's). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export async function withDatabase<T>(
  options: DatabaseOptions,
  command: (driver: Driver, schema: SchemaStatus) => T | Promise<T>,
): Promise<T> {
  const size = fileSize(options.db);
  if (size === undefined && !(await directoryExists(dirname(options.db)))) {
    throw new DatabaseError(`Cannot open database ${options.db} because the directory does not exist`);
  }
  const session = await openSession({
    backend: options.backend,
    path: options.db,
    // Reading a missing or empty database creates its schema: that is a write.
    write: options.readOnly !== true || size === undefined || size === 0,
    timeoutMs: lockTimeoutMs(options.env ?? process.env),
    onWait: options.stderr ?? ((text) => void process.stderr.write(text)),
  });
  let settled = false;
  try {
    const schema = ensureSchema(session.driver);
    const result = await command(session.driver, schema);
    settled = true; // finish lets the file go whether or not its commit succeeds
    session.finish(options.readOnly !== true || schema.created);
    return result;
  } finally {
    if (!settled) session.abandon();
  }
}
