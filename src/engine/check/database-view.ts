/**
 * The database a check looks at (`--db`), through the same row access the import uses
 * (db/store.ts, in the driver's own dialect): lookups by field values, the last pk of a table,
 * and the instance's options. Nothing here writes.
 */
import type { StoredValue } from '../../core/registry/import-rules.js';
import type { ModelEntry } from '../../core/registry/types.js';
import type { Driver, SqlValue } from '../../db/port.js';
import { columnsOf } from '../../db/schema.js';
import { findRow, maxId } from '../../db/store.js';
import type { DatabaseView } from './picture.js';

export function databaseView(driver: Driver): DatabaseView {
  const firstFree = new Map<string, number>();
  return {
    find(entry: ModelEntry, where: Readonly<Record<string, StoredValue>>, nocase: readonly string[]): number | undefined {
      const names = Object.keys(where);
      const columns = columnsOf(entry, names);
      return findRow(driver, entry, names.map((name, i) => ({ column: columns[i] as string, value: where[name] as SqlValue, nocase: nocase.includes(name) })));
    },
    firstFreePk(entry: ModelEntry): number {
      let pk = firstFree.get(entry.name);
      if (pk === undefined) firstFree.set(entry.name, (pk = maxId(driver, entry) + 1));
      return pk;
    },
    option(key: string): string | undefined {
      const row = driver.prepare('SELECT "value" FROM "sentry_option" WHERE "key" = ?').get([key]);
      if (row === undefined || typeof row.value !== 'string') return undefined;
      const value = JSON.parse(row.value) as unknown;
      return typeof value === 'string' ? value : undefined;
    },
  };
}
