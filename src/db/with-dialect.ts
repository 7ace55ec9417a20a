/**
 * A driver seen through another dialect: the same connection, statements and transactions, with
 * the dialect built for what the database really holds (its catalog). The engine then reads and
 * writes a database relocate did not make without knowing that it did not.
 */
import type { Dialect } from './dialect.js';
import type { BulkInsertOptions, Driver, SqlValue, Statement } from './port.js';

export function withDialect(driver: Driver, dialect: Dialect): Driver {
  const bulkInsert = driver.bulkInsert?.bind(driver);
  const settle = driver.settle?.bind(driver);
  const sendStatements = driver.sendStatements?.bind(driver);
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
      bulkInsert: (table: string, columns: readonly string[], rows: Iterable<readonly SqlValue[]>, options?: BulkInsertOptions) => bulkInsert(table, columns, rows, options),
    }),
    ...(settle !== undefined && { settle: () => settle() }),
    ...(sendStatements !== undefined && { sendStatements: (sql: string) => sendStatements(sql) }),
  };
}
