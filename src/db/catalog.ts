/**
 * What a database holds, as the database itself describes it: each table of the current schema
 * with its columns, their types as the database writes them (`bigint`, `character varying(64)`,
 * `text[]`, `jsonb`), and whether each may be null and has a default. A database relocate did
 * not make (Sentry's own) is read through this, never through what relocate would have made.
 */
import type { Driver } from './port.js';

export interface CatalogColumn {
  readonly name: string;
  /** The type as the database names it, lower case (`timestamp with time zone`, `text[]`; SQLite's `integer`). */
  readonly type: string;
  readonly nullable: boolean;
  /** A default, an identity or a serial: an INSERT may leave the column out. */
  readonly hasDefault: boolean;
}

/** Table → its columns, in the order the table declares them. */
export type Catalog = ReadonlyMap<string, ReadonlyMap<string, CatalogColumn>>;

/** Reads the catalog through the dialect's query (one round trip). */
export function readCatalog(driver: Driver): Catalog {
  const catalog = new Map<string, Map<string, CatalogColumn>>();
  for (const row of driver.prepare(driver.dialect.catalogSql).iterate()) {
    const table = row.table_name as string;
    let columns = catalog.get(table);
    if (columns === undefined) catalog.set(table, (columns = new Map()));
    const name = row.column_name as string;
    columns.set(name, {
      name,
      type: String(row.type ?? '').toLowerCase(),
      nullable: Number(row.not_null) === 0,
      hasDefault: Number(row.has_default) !== 0,
    });
  }
  return catalog;
}
