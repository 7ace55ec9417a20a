/**
 * Global imports start from an empty database (Sentry's `_clear_model_tables_before_import`):
 * every table's rows deleted, dependents first, and every id sequence reset, so that a Global
 * import of a backup taken right after a clean install gives back the same pks.
 */
import type { Registry } from '../../core/registry/registry.js';
import type { Driver } from '../../db/port.js';
import { quoteIdentifier as q } from '../../db/schema.js';

export function clearAllTables(driver: Driver, registry: Registry, resetSequences = true): void {
  // Dependents first: the reverse of the sorted order (the engine's own tables sort with the graph).
  for (const entry of [...registry.sorted].reverse()) if (entry.stored) driver.prepare(`DELETE FROM ${q(entry.table)}`).run();
  if (resetSequences) driver.prepare('DELETE FROM "sqlite_sequence"').run();
}
