/**
 * Opens the database a command names with `--db` on the backend it names with `--backend`, makes
 * sure it has our schema, runs the command, and closes it. With sql.js the file is loaded into
 * memory and written back (atomically) only when the command succeeds; a database file this
 * call created is removed again if the command fails, so a failed command leaves nothing behind.
 */
import { openBetterSqlite3 } from '../backends/better-sqlite3/index.js';
import { loadSqlJs, openSqlJs } from '../backends/sql-js/index.js';
import { ensureSchema, recordedSchemaVersion } from '../db/open-database.js';
import type { Driver, DriverName } from '../db/port.js';
import type { SchemaStatus } from '../db/open-database.js';
import { REGISTRIES, VERIFIED_REGISTRY, registryForSchema } from '../core/registry/index.js';
import type { Registry } from '../core/registry/index.js';
import { SchemaVersionError } from '../core/errors.js';
import { dirname } from 'node:path';
import { DatabaseError } from '../db/port.js';
import { directoryExists, fileExists, readFile, rm, writeFileAtomic } from './io.js';

export const BACKENDS: readonly DriverName[] = ['better-sqlite3', 'sql.js'];
export const DEFAULT_DB = './relocate.sqlite';

export interface DatabaseOptions {
  readonly db: string;
  readonly backend: DriverName;
  /** A command that only reads: sql.js then has nothing to write back. */
  readonly readOnly?: boolean;
  /** The Sentry version a new database is made for (an existing one keeps the version it records). */
  readonly registry?: Registry;
}

/** What a command gets with its driver: the schema's state and the Sentry version it was made for. */
export interface OpenedDatabase extends SchemaStatus {
  readonly registry: Registry;
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
  const existed = await fileExists(options.db);
  if (!existed && !(await directoryExists(dirname(options.db)))) {
    throw new DatabaseError(`Cannot open database ${options.db} because the directory does not exist`);
  }
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
    driver.close();
    if (!succeeded && !existed) await rm(options.db, { force: true });
  }
}
