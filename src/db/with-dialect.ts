/**
 * A driver seen through another dialect: the same connection, statements and transactions, with
 * the dialect built for what the database really holds (its catalog). The engine then reads and
 * writes a database relocate did not make without knowing that it did not.
 */
import type { Dialect } from './dialect.js';
import type { Driver, SqlValue, Statement } from './port.js';

export function withDialect(driver: Driver, dialect: Dialect): Driver {
  const bulkInsert = driver.bulkInsert?.bind(driver);
  return {
    name: driver.name,
    dialect,
    exec: (sql: string) => driver.exec(sql),
    prepare: (sql: string): Statement => driver.prepare(sql),
    transaction: <T>(fn: () => T): T => driver.transaction(fn),
    get inTransaction() {
      return driver.inTransaction;
    },
    serialize: () => driver.serialize(),
    close: () => driver.close(),
    ...(bulkInsert !== undefined && {
      bulkInsert: (table: string, columns: readonly string[], rows: Iterable<readonly SqlValue[]>) => bulkInsert(table, columns, rows),
    }),
  };
}
