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
  const tables = [...registry.sorted].reverse().filter((entry) => entry.stored).map((entry) => entry.table);
  for (const table of tables) driver.prepare(`DELETE FROM ${q(table)}`).run();
  if (resetSequences) for (const statement of driver.dialect.resetSequences(tables)) driver.exec(statement);
}
