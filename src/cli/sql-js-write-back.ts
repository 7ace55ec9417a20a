/**
 * Writing a sql.js command's in-memory database back into its file, in place and through SQLite:
 * the rows of every table (and the AUTOINCREMENT counters) are copied, in one transaction, into
 * the real file by the better-sqlite3 connection that has held the write lock since the file was
 * read. Why not write the bytes to a temporary file and rename it over the database:
 * - a process waiting for the lock has the old file open, and would write its changes into that
 *   replaced file once it gets the lock: an update lost without a word (and nothing on the other
 *   side of a rename can be locked);
 * - writing the bytes in place with `node:fs` would drop this process's SQLite locks (closing any
 *   descriptor of a file drops all of a process's POSIX locks on it) and is not crash-safe.
 * A copy through SQLite is both: its rollback journal makes the transaction all or nothing (a
 * process killed mid-copy leaves a hot journal that SQLite, in any program, rolls back on the next
 * open: the file is then exactly as it was), and the lock is held until the commit is on disk.
 * Tables empty on both sides are skipped, so a small database costs little.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { quoteIdentifier as q } from '../db/schema.js';
import { DatabaseError } from '../db/port.js';
import type { Driver, SqlValue } from '../db/port.js';

const SCHEMA_SQL = "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name";

interface SchemaRow {
  readonly type: string;
  readonly name: string;
  readonly tbl_name: string;
  readonly sql: string;
}

/** better-sqlite3 binds blobs from Buffers only. */
function bindable(value: SqlValue): unknown {
  return value instanceof Uint8Array ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value;
}

/**
 * Makes the file `target` (inside its open write transaction) hold what `source` holds. The
 * schema is created when the file has none; otherwise it must be the same, since no command
 * changes the schema of an existing database.
 */
export function copyIntoFile(source: Driver, target: BetterSqlite3.Database, path: string): void {
  const wanted = source.prepare(SCHEMA_SQL).all() as unknown as SchemaRow[];
  const present = target.prepare(SCHEMA_SQL).all() as SchemaRow[];
  if (present.length === 0) {
    // Tables before the indexes on them: sqlite_master's own order of creation.
    const ordered = source.prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid").all();
    for (const row of ordered) target.exec(row.sql as string);
  } else if (JSON.stringify(present) !== JSON.stringify(wanted)) {
    throw new DatabaseError(`The schema of ${path} was changed by another program while this command ran; nothing was written`);
  }
  const tables = wanted.filter((row) => row.type === 'table').map((row) => row.name);
  if (source.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").get() !== undefined) tables.push('sqlite_sequence');
  for (const table of tables) {
    const has = `SELECT 1 FROM ${q(table)} LIMIT 1`;
    const sourceHasRows = source.prepare(has).get() !== undefined;
    if (!sourceHasRows && target.prepare(has).get() === undefined) continue;
    target.prepare(`DELETE FROM ${q(table)}`).run();
    if (!sourceHasRows) continue;
    let insert: BetterSqlite3.Statement | undefined;
    for (const values of source.prepare(`SELECT * FROM ${q(table)}`).values()) {
      insert ??= target.prepare(`INSERT INTO ${q(table)} VALUES (${values.map(() => '?').join(', ')})`);
      insert.run(...values.map(bindable));
    }
  }
}
