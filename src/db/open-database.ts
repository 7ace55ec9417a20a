/**
 * Makes a driver's database a relocate database: creates the schema on first use, and refuses a
 * database made by another registry version (or one that is not ours at all).
 */
import { NotRelocateDatabaseError, SchemaVersionError } from '../core/errors.js';
import { REGISTRY_VERSION, STORED_MODELS } from '../core/registry/index.js';
import type { Driver } from './port.js';
import { META_TABLE, schemaStatements } from './schema.js';

export interface SchemaStatus {
  /** True when this call created the schema. */
  readonly created: boolean;
  readonly version: string;
}

export function ensureSchema(driver: Driver): SchemaStatus {
  const tables = driver.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all();
  if (tables.length === 0) {
    driver.transaction(() => {
      for (const statement of schemaStatements(STORED_MODELS, REGISTRY_VERSION)) driver.exec(statement);
    });
    return { created: true, version: REGISTRY_VERSION };
  }
  if (!tables.some((row) => row.name === META_TABLE)) {
    throw new NotRelocateDatabaseError(
      `This database has tables but no ${META_TABLE} table: it was not made by relocate`,
    );
  }
  const row = driver.prepare(`SELECT value FROM "${META_TABLE}" WHERE key = 'registry_version'`).get();
  const found = typeof row?.value === 'string' ? row.value : '(none)';
  if (found !== REGISTRY_VERSION) throw new SchemaVersionError(found, REGISTRY_VERSION);
  return { created: false, version: found };
}
