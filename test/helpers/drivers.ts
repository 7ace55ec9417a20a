/**
 * The drivers every contract and engine test runs on. `describe.each(DRIVERS)` gives each test a
 * title that names its driver; `open()` makes a fresh in-memory database.
 *
 * `ALL_DRIVERS` adds PostgreSQL when the test run has a server (test/helpers/postgres-server.ts):
 * its `open()` gives a fresh, empty schema in the test file's own database. The contract, schema
 * and engine tests run on `ALL_DRIVERS`; a test stays on `DRIVERS` only where it is about SQLite.
 */
import { openBetterSqlite3 } from '../../src/backends/better-sqlite3/index.js';
import { loadSqlJs, openSqlJs } from '../../src/backends/sql-js/index.js';
import type { SqlJsStatic } from '../../src/backends/sql-js/index.js';
import type { Driver, DriverName } from '../../src/db/port.js';
import type { Registry } from '../../src/core/registry/registry.js';
import { ensureSchema } from '../../src/db/open-database.js';
import { HAS_POSTGRES, openPostgresTest, openPostgresWithSchema } from './postgres.js';

const SQL: SqlJsStatic = await loadSqlJs();

export interface TestDriver {
  readonly name: DriverName;
  /** A fresh empty database, or (SQLite only) one from a serialized database's bytes. */
  open(bytes?: Uint8Array): Driver;
  /** A fresh database with relocate's schema for `registry` and no rows. */
  withSchema(registry: Registry): Driver;
}

function sqlite(name: DriverName, open: (bytes?: Uint8Array) => Driver): TestDriver {
  return {
    name,
    open,
    withSchema(registry) {
      const driver = open();
      ensureSchema(driver, registry);
      return driver;
    },
  };
}

export const DRIVERS: readonly TestDriver[] = [
  sqlite('better-sqlite3', (bytes) => openBetterSqlite3(bytes ?? ':memory:')),
  sqlite('sql.js', (bytes) => openSqlJs(SQL, bytes)),
];

export const POSTGRES_DRIVER: TestDriver = {
  name: 'postgres',
  open: (bytes) => {
    if (bytes !== undefined) throw new TypeError('Expected no bytes: a PostgreSQL database cannot be opened from a SQLite file');
    return openPostgresTest();
  },
  withSchema: openPostgresWithSchema,
};

/** Both SQLite drivers, and PostgreSQL when there is a server for the tests. */
export const ALL_DRIVERS: readonly TestDriver[] = HAS_POSTGRES ? [...DRIVERS, POSTGRES_DRIVER] : DRIVERS;
