/**
 * The drivers every contract and engine test runs on. `describe.each(DRIVERS)` gives each test a
 * title that names its driver; `open()` makes a fresh in-memory database.
 */
import { openBetterSqlite3 } from '../../src/backends/better-sqlite3/index.js';
import { loadSqlJs, openSqlJs } from '../../src/backends/sql-js/index.js';
import type { SqlJsStatic } from '../../src/backends/sql-js/index.js';
import type { Driver, DriverName } from '../../src/db/port.js';

const SQL: SqlJsStatic = await loadSqlJs();

export interface TestDriver {
  readonly name: DriverName;
  /** A fresh in-memory database, or one from a serialized database's bytes. */
  open(bytes?: Uint8Array): Driver;
}

export const DRIVERS: readonly TestDriver[] = [
  { name: 'better-sqlite3', open: (bytes) => openBetterSqlite3(bytes ?? ':memory:') },
  { name: 'sql.js', open: (bytes) => openSqlJs(SQL, bytes) },
];
