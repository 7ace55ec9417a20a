/**
 * Global imports start from an empty database (Sentry's `_clear_model_tables_before_import`):
 * every table's rows deleted, dependents first, and every id sequence reset, so that a Global
 * import of a backup taken right after a clean install gives back the same pks.
 */
import { reversedDependencies } from '../../core/graph/index.js';
import { STORED_MODELS } from '../../core/registry/index.js';
import type { Driver } from '../../db/port.js';
import { quoteIdentifier as q } from '../../db/schema.js';

export function clearAllTables(driver: Driver, resetSequences = true): void {
  for (const entry of reversedDependencies(STORED_MODELS)) driver.prepare(`DELETE FROM ${q(entry.table)}`).run();
  if (resetSequences) driver.prepare('DELETE FROM "sqlite_sequence"').run();
}
