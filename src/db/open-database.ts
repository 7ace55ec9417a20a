/**
 * Makes a driver's database a relocate database for one Sentry version: creates the schema on
 * first use, and refuses a database made for another version (or one that is not ours at all).
 * Which version a database was made for is recorded in it: `recordedSchemaVersion` reads it, so
 * that the caller can pick the registry before opening.
 */
import { NotRelocateDatabaseError, SchemaVersionError } from '../core/errors.js';
import type { Registry } from '../core/registry/registry.js';
import type { Driver } from './port.js';
import { META_TABLE, schemaStatements } from './schema.js';

export interface SchemaStatus {
  /** True when this call created the schema. */
  readonly created: boolean;
  readonly version: string;
}

function userTables(driver: Driver): string[] {
  return driver.prepare(driver.dialect.listTablesSql).all().map((row) => row.name as string);
}

/**
 * Who made a database: nobody yet (no tables), relocate (its meta table records the schema
 * version), or someone else (Sentry: tables without that record; relocate's bookkeeping may be
 * there, made with the user's consent, recording no version).
 */
export type DatabaseOrigin =
  | { readonly madeBy: 'nobody' }
  | { readonly madeBy: 'relocate'; readonly schemaVersion: string }
  | { readonly madeBy: 'other'; readonly bookkeeping: boolean };

export function databaseOrigin(driver: Driver): DatabaseOrigin {
  const tables = userTables(driver);
  if (tables.length === 0) return { madeBy: 'nobody' };
  if (!tables.includes(META_TABLE)) return { madeBy: 'other', bookkeeping: false };
  const row = driver.prepare(`SELECT value FROM "${META_TABLE}" WHERE key = 'registry_version'`).get();
  return typeof row?.value === 'string' ? { madeBy: 'relocate', schemaVersion: row.value } : { madeBy: 'other', bookkeeping: true };
}

/** The schema version the database records, undefined for an empty database; refuses a database that is not ours. */
export function recordedSchemaVersion(driver: Driver): string | undefined {
  const tables = userTables(driver);
  if (tables.length === 0) return undefined;
  if (!tables.includes(META_TABLE)) {
    throw new NotRelocateDatabaseError(`This database has tables but no ${META_TABLE} table: it was not made by relocate`);
  }
  const row = driver.prepare(`SELECT value FROM "${META_TABLE}" WHERE key = 'registry_version'`).get();
  return typeof row?.value === 'string' ? row.value : '(none)';
}

export function ensureSchema(driver: Driver, registry: Registry): SchemaStatus {
  const found = recordedSchemaVersion(driver);
  if (found === undefined) {
    driver.transaction(() => {
      for (const statement of schemaStatements(registry, driver.dialect)) driver.exec(statement);
    });
    return { created: true, version: registry.schemaVersion };
  }
  if (found !== registry.schemaVersion) throw new SchemaVersionError(found, registry.schemaVersion);
  return { created: false, version: found };
}
