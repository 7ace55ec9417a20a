/**
 * Opens the database a command names with `--db` on the backend it names with `--backend`, makes
 * sure it has our schema (for the Sentry version it records, or the one asked for when it is
 * new), runs the command, and closes it. Only a caller that says `create` gets a new database for
 * a missing file. A command that writes holds SQLite's write lock on the file for its whole run,
 * on either backend, so that two writers never lose each other's changes (a second one waits,
 * saying so on stderr; see database-lock.ts). With sql.js the file is read into memory and its
 * changes copied back into the file, in one SQLite transaction, only when the command succeeds
 * (see sql-js-write-back.ts); with better-sqlite3 the command runs in one transaction. A failed
 * command leaves the file as it was, and a database file this call created is removed again.
 */
import { ensureSchema, recordedSchemaVersion } from '../db/open-database.js';
import type { Driver, DriverName } from '../db/port.js';
import type { SchemaStatus } from '../db/open-database.js';
import { REGISTRIES, VERIFIED_REGISTRY, registryForSchema } from '../core/registry/index.js';
import type { Registry } from '../core/registry/index.js';
import { SchemaVersionError } from '../core/errors.js';
import { checkDatabaseFile } from './database-file.js';
import { fileSize, lockTimeoutMs } from './database-lock.js';
import { openSession } from './database-session.js';
import { isPostgresUrl, withPostgresDatabase } from './postgres-database.js';

export const BACKENDS: readonly DriverName[] = ['better-sqlite3', 'sql.js'];
export const DEFAULT_DB = './relocate.sqlite';

export interface DatabaseOptions {
  readonly db: string;
  readonly backend: DriverName;
  /** A command that only reads: it takes no write lock, and sql.js has nothing to write back. */
  readonly readOnly?: boolean;
  /** The Sentry version a new database is made for (an existing one keeps the version it records). */
  readonly registry?: Registry | undefined;
  /**
   * Whether a missing file becomes a new database (init, seed, import). Without it a missing
   * file is refused, naming the path: a reader must not create an empty database by a typo.
   */
  readonly create: boolean;
  /** Where to say that the command waits for another writer (default: the process's stderr). */
  readonly stderr?: (text: string) => void;
  /** The environment RELOCATE_LOCK_TIMEOUT is read from (default: the process's). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The command only reads, from one consistent snapshot (PostgreSQL: a read-only transaction). */
  readonly snapshot?: boolean;
  /** Make relocate's bookkeeping tables in a database Sentry made (--create-bookkeeping). */
  readonly createBookkeeping?: boolean;
  /** Where a line for the user goes: which Sentry version a database Sentry made is read as. */
  readonly notice?: (line: string) => void;
}

/** What a command gets with its driver: the schema's state and the Sentry version it was made for. */
export interface OpenedDatabase extends SchemaStatus {
  readonly registry: Registry;
  /** Who made the tables; a SQLite file is always relocate's. */
  readonly madeBy?: 'relocate' | 'sentry';
  /** Whether relocate's own tables (relocate_meta, …) are there: false in a database Sentry made without --create-bookkeeping. */
  readonly bookkeeping?: boolean;
}

/** The registry a database records, or the one asked for when it is new. */
function registryOf(driver: Driver, wanted: Registry | undefined): Registry {
  const recorded = recordedSchemaVersion(driver);
  if (recorded === undefined) return wanted ?? VERIFIED_REGISTRY;
  const registry = registryForSchema(recorded);
  if (registry === undefined) throw new SchemaVersionError(recorded, REGISTRIES.map((known) => known.schemaVersion).join(' or '));
  return registry;
}

export async function withDatabase<T>(
  options: DatabaseOptions,
  command: (driver: Driver, database: OpenedDatabase) => T | Promise<T>,
): Promise<T> {
  if (isPostgresUrl(options.db)) return withPostgresDatabase(options, command);
  const existed = await checkDatabaseFile(options.db, options.create);
  const size = fileSize(options.db);
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
    const registry = registryOf(session.driver, options.registry);
    const schema = ensureSchema(session.driver, registry);
    const result = await command(session.driver, { ...schema, registry });
    settled = true; // finish lets the file go whether or not its commit succeeds
    // A command that only reads (a dry run) leaves no database behind where there was none.
    if (options.readOnly === true && !existed) session.abandon();
    else session.finish(options.readOnly !== true || schema.created);
    return result;
  } finally {
    if (!settled) session.abandon();
  }
}
