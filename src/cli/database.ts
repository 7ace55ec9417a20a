/**
 * Opens the database a command names with `--db` on the backend it names with `--backend`, makes
 * sure it has our schema, runs the command, and closes it. With sql.js the file is loaded into
 * memory and written back (atomically) only when the command succeeds; a database file this
 * call created is removed again if the command fails, so a failed command leaves nothing behind.
 * Only a caller that says `create` gets a new database for a missing file.
 */
import { openBetterSqlite3 } from '../backends/better-sqlite3/index.js';
import { loadSqlJs, openSqlJs } from '../backends/sql-js/index.js';
import { ensureSchema, recordedSchemaVersion } from '../db/open-database.js';
import type { Driver, DriverName } from '../db/port.js';
import type { SchemaStatus } from '../db/open-database.js';
import { REGISTRIES, VERIFIED_REGISTRY, registryForSchema } from '../core/registry/index.js';
import type { Registry } from '../core/registry/index.js';
import { SchemaVersionError } from '../core/errors.js';
import { checkDatabaseFile } from './database-file.js';
import { readFile, rm, writeFileAtomic } from './io.js';
import { isPostgresUrl, withPostgresDatabase } from './postgres-database.js';

export const BACKENDS: readonly DriverName[] = ['better-sqlite3', 'sql.js'];
export const DEFAULT_DB = './relocate.sqlite';

export interface DatabaseOptions {
  readonly db: string;
  readonly backend: DriverName;
  /** A command that only reads: sql.js then has nothing to write back. */
  readonly readOnly?: boolean;
  /** The Sentry version a new database is made for (an existing one keeps the version it records). */
  readonly registry?: Registry | undefined;
  /**
   * Whether a missing file becomes a new database (init, seed, import). Without it a missing
   * file is refused, naming the path: a reader must not create an empty database by a typo.
   */
  readonly create: boolean;
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
  const driver = options.backend === 'sql.js'
    ? openSqlJs(await loadSqlJs(), existed ? await readFile(options.db) : undefined)
    : openBetterSqlite3(options.db);
  let succeeded = false;
  try {
    const registry = registryOf(driver, options.registry);
    const schema = ensureSchema(driver, registry);
    const result = await command(driver, { ...schema, registry });
    if (driver.name === 'sql.js' && (!options.readOnly || schema.created)) {
      await writeFileAtomic(options.db, driver.serialize());
    }
    succeeded = true;
    return result;
  } finally {
    try {
      driver.close();
    } catch (error) {
      // A command that failed mid-read (a closed stdout during an export) may leave a statement
      // open, and better-sqlite3 then refuses to close: the command's own error is the one to tell.
      if (succeeded) throw error;
    }
    if (!succeeded && !existed) await rm(options.db, { force: true });
  }
}
