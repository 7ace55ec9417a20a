/**
 * `--db postgres://…` (or `postgresql://…`): a PostgreSQL database, relocate's or Sentry's own.
 * libpq reads the URL, so everything it accepts works: a host and port, a socket folder as
 * `?host=/run/postgresql`, `sslmode`, and the PG* environment variables for whatever the URL
 * leaves out (`postgresql://` alone is all of them).
 *
 * The command runs inside one transaction, so that it leaves the database exactly as it was if it
 * fails, relocate's tables in a new database included; a command that only reads runs in a
 * REPEATABLE READ READ ONLY transaction: one consistent snapshot while Sentry keeps writing, and
 * nothing that could write. A database Sentry made is read as the Sentry version its tables
 * follow (say which, on the notice line), and gets no DDL but relocate's bookkeeping tables, and
 * those only with --create-bookkeeping. `relocate check --db` opens its database here too, through
 * withDatabase.
 */
// Text only (no libpq): masking a URL's password needs no connection.
import { maskPassword } from '../backends/postgres/errors.js';
import { REGISTRIES, VERIFIED_REGISTRY } from '../core/registry/index.js';
import { openByCatalog } from '../db/open-by-catalog.js';
import type { CatalogDatabase } from '../db/open-by-catalog.js';
import type { Driver } from '../db/port.js';
import type { DatabaseOptions, OpenedDatabase } from './database.js';

/** Whether `--db` names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(db.trim());
}

/** `--db` as a message may show it: a URL's password masked. */
export function shownDatabase(db: string): string {
  return isPostgresUrl(db) ? maskPassword(db.trim()) : db;
}

/** The line that says which Sentry version a database Sentry made is read as, and why. */
function versionNotice(subject: string, opened: CatalogDatabase): string | undefined {
  if (opened.madeBy === 'relocate') return undefined;
  const why = opened.inferred
    ? 'the newest version relocate knows whose tables and columns are all there; --sentry-version names another'
    : 'named with --sentry-version';
  return `${subject} has Sentry's tables and no record of relocate's: read as Sentry ${opened.registry.version} (${why})`;
}

export async function withPostgresDatabase<T>(
  options: DatabaseOptions,
  command: (driver: Driver, database: OpenedDatabase) => T | Promise<T>,
): Promise<T> {
  // Loaded here: SQLite users need neither the driver nor the libpq binding it loads.
  const { openPostgres } = await import('../backends/postgres/index.js');
  const subject = `PostgreSQL database ${shownDatabase(options.db)}`;
  const raw = openPostgres(options.db.trim());
  const snapshot = options.snapshot === true;
  let succeeded = false;
  try {
    raw.exec(snapshot ? raw.dialect.beginReadSnapshot : 'BEGIN');
    const opened = openByCatalog(raw, {
      registries: REGISTRIES,
      wanted: options.registry,
      fallback: VERIFIED_REGISTRY,
      create: options.create && !snapshot,
      write: !snapshot,
      createBookkeeping: options.createBookkeeping === true,
      subject,
    });
    const notice = versionNotice(subject, opened);
    if (notice !== undefined) options.notice?.(notice);
    const result = await command(opened.driver, {
      created: opened.created,
      version: opened.version,
      registry: opened.registry,
      madeBy: opened.madeBy,
      bookkeeping: opened.bookkeeping,
    });
    raw.exec('COMMIT');
    succeeded = true;
    return result;
  } finally {
    try {
      // Closing in a transaction rolls it back; ROLLBACK first says so to a pooler too.
      if (!succeeded && raw.inTransaction) raw.exec('ROLLBACK');
    } catch {
      // The connection is gone: the server rolls back by itself, and the command's error is the news.
    }
    raw.close();
  }
}
