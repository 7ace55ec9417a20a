/**
 * A command's hold on its database file, per backend (see database-lock.ts for the locking and
 * sql-js-write-back.ts for how sql.js's changes reach the file):
 * - better-sqlite3 writes the file itself: a writing command runs inside one `BEGIN IMMEDIATE`
 *   transaction (the engine's own transactions become savepoints in it), committed on success and
 *   rolled back on failure, so a failed command changes nothing;
 * - sql.js works on a copy in memory: a writing command holds the lock through a better-sqlite3
 *   connection to the file from before the copy is read until it is copied back; a reading command
 *   takes a consistent snapshot (SQLite's shared lock while the bytes are read) and lets go.
 * A command that only reads a database that is missing or empty writes too (it creates the
 * schema). A file this command found empty, and leaves empty because it failed, is removed while
 * the lock is still held.
 */
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { openBetterSqlite3 } from '../backends/better-sqlite3/index.js';
import { loadSqlJs, openSqlJs } from '../backends/sql-js/index.js';
import { toPortError } from '../db/port.js';
import type { Driver, DriverName } from '../db/port.js';
import { beginWrite, fileIdentity, fileSize, removeLeftovers } from './database-lock.js';
import type { WriteLockOptions } from './database-lock.js';
import { copyIntoFile } from './sql-js-write-back.js';

export interface DatabaseSession {
  readonly driver: Driver;
  /** Makes the command's changes durable (when it wrote) and lets the file go. */
  finish(writeBack: boolean): void;
  /** Undoes whatever the command did and lets the file go. */
  abandon(): void;
}

export interface SessionOptions extends WriteLockOptions {
  readonly backend: DriverName;
  /** Whether the command writes (or must create the schema). */
  readonly write: boolean;
}

export async function openSession(options: SessionOptions): Promise<DatabaseSession> {
  return options.backend === 'sql.js' ? openSqlJsSession(options) : openBetterSqlite3Session(options);
}

/**
 * Takes the write lock on a connection just opened on the path, then checks that the path still
 * names the file that was opened (a writer that created it and failed removes it again, maybe while
 * we waited); false when it does not (SQLite may also have refused to lock or write a file that was
 * removed), and the caller starts over with a new connection.
 */
function lockOpenedFile(connection: { exec(sql: string): unknown }, opened: string | undefined, options: SessionOptions): boolean {
  try {
    beginWrite(connection, options);
  } catch (error) {
    if (opened !== undefined && fileIdentity(options.path) === opened) throw error;
    return false;
  }
  if (opened !== undefined && fileIdentity(options.path) === opened) return true;
  connection.exec('ROLLBACK');
  return false;
}

/** After a failed command: the file it found empty goes again (the lock is still held). */
function removeIfStillEmpty(path: string, wasEmpty: boolean): void {
  if (wasEmpty && fileSize(path) === 0) rmSync(path, { force: true });
}

function openBetterSqlite3Session(options: SessionOptions): DatabaseSession {
  for (;;) {
    const driver = openBetterSqlite3(options.path);
    if (!options.write) return { driver, finish: () => driver.close(), abandon: () => driver.close() };
    let wasEmpty: boolean;
    try {
      if (!lockOpenedFile(driver, fileIdentity(options.path), options)) {
        driver.close();
        continue;
      }
      wasEmpty = fileSize(options.path) === 0;
      removeLeftovers(options.path);
    } catch (error) {
      driver.close();
      throw error;
    }
    return {
      driver,
      finish() {
        try {
          driver.exec('COMMIT');
        } finally {
          if (driver.inTransaction) driver.exec('ROLLBACK');
          driver.close();
        }
      },
      abandon() {
        try {
          if (driver.inTransaction) driver.exec('ROLLBACK');
          removeIfStillEmpty(options.path, wasEmpty);
        } finally {
          driver.close();
        }
      },
    };
  }
}

/** better-sqlite3 errors as the port's, so that the CLI reports them like the driver's. */
function guarded<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    throw toPortError(error);
  }
}

async function openSqlJsSession(options: SessionOptions): Promise<DatabaseSession> {
  const SQL = await loadSqlJs();
  let write = options.write;
  for (;;) {
    const holder: BetterSqlite3.Database = guarded(() => new Database(options.path, { timeout: options.timeoutMs }));
    // The write-back deletes and refills whole tables: keys are checked by the command, on sql.js.
    // (A no-op inside a transaction, so set before the lock is taken.)
    guarded(() => holder.pragma('foreign_keys = OFF'));
    let bytes: Uint8Array;
    let driver: Driver;
    let wasEmpty = false;
    try {
      if (write) {
        if (!guarded(() => lockOpenedFile(holder, fileIdentity(options.path), options))) {
          holder.close();
          continue;
        }
        wasEmpty = fileSize(options.path) === 0;
        removeLeftovers(options.path);
      } else {
        guarded(() => holder.exec('BEGIN'));
      }
      // Reading sqlite_master takes SQLite's shared lock (and rolls back a hot journal a killed
      // writer left); the bytes then come through the same connection, never through node:fs.
      const tables = guarded(() => holder.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()) as { n: number };
      if (!write && tables.n === 0) {
        // A database without tables gets the schema: that is a write.
        holder.exec('COMMIT');
        holder.close();
        write = true;
        continue;
      }
      bytes = guarded(() => holder.serialize());
      if (!write) {
        holder.exec('COMMIT');
        holder.close();
      }
      driver = openSqlJs(SQL, bytes);
    } catch (error) {
      if (holder.open) {
        if (holder.inTransaction) holder.exec('ROLLBACK');
        holder.close();
      }
      throw error;
    }
    if (!write) return { driver, finish: () => driver.close(), abandon: () => driver.close() };
    return {
      driver,
      finish(writeBack) {
        try {
          if (writeBack) guarded(() => copyIntoFile(driver, holder, options.path));
          guarded(() => holder.exec('COMMIT'));
        } finally {
          if (holder.inTransaction) holder.exec('ROLLBACK');
          holder.close();
          driver.close();
        }
      },
      abandon() {
        try {
          if (holder.inTransaction) holder.exec('ROLLBACK');
          removeIfStillEmpty(options.path, wasEmpty);
        } finally {
          holder.close();
          driver.close();
        }
      },
    };
  }
}
