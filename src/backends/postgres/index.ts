/**
 * PostgreSQL through libpq (Node only: never part of the browser bundle). The `libpq` package is
 * an optional dependency, loaded when the first database is opened.
 */
import type { Driver } from '../../db/port.js';
import { PostgresDriver } from './postgres-driver.js';

export { PostgresDriver };
export { maskPassword } from './errors.js';

/**
 * Connects to a PostgreSQL database: `postgres://user:password@host:port/dbname`, a socket folder
 * as `postgresql:///dbname?host=/run/postgresql`, libpq's `key=value` form, or '' to use only
 * libpq's PG* environment variables (PGHOST, PGDATABASE, …).
 */
export function openPostgres(url: string): Driver {
  return new PostgresDriver(url);
}
