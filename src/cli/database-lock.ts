/**
 * One writer at a time per database file, whatever the backend, through SQLite's own file locks:
 * a writing command holds `BEGIN IMMEDIATE` (SQLite's RESERVED lock: other writers wait, readers
 * go on) on the real file from before it reads the database until its changes are committed. Any
 * SQLite client honours that lock, so a relocate command on either backend, or another program,
 * can never interleave with it. A second writer waits for the first, saying so on stderr, for at
 * most RELOCATE_LOCK_TIMEOUT seconds (default 60), and then gives up with one line and exit 2.
 *
 * Two things the lock alone would not protect against, handled here:
 * - A file at the path replaced or removed while a process was waiting for the lock (a command
 *   that created the file and failed removes it again): the waiter would hold the old file. After
 *   taking the lock, the file at the path must still be the one that was opened, or it starts over.
 * - POSIX locks belong to the process and to the file, and closing ANY descriptor of the file drops
 *   them all. So while the lock is held, this process never opens the database file through
 *   `node:fs` (no readFile, no writeFile): it reads and writes it through SQLite's connection only.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { RelocateError } from '../core/errors.js';
import { UsageError } from './exit.js';

/** Another process held the write lock longer than we were willing to wait. */
export class DatabaseBusyError extends RelocateError {
  readonly kind = 'DatabaseBusy';
}

export const DEFAULT_LOCK_TIMEOUT_SECONDS = 60;

/** How long a writer waits for another one: RELOCATE_LOCK_TIMEOUT seconds, or the default. */
export function lockTimeoutMs(env: Readonly<Record<string, string | undefined>>): number {
  const text = env.RELOCATE_LOCK_TIMEOUT;
  if (text === undefined || text.trim() === '') return DEFAULT_LOCK_TIMEOUT_SECONDS * 1000;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new UsageError(`Expected RELOCATE_LOCK_TIMEOUT to be a number of seconds, got ${JSON.stringify(text)}`);
  }
  return Math.round(seconds * 1000);
}

/** The part of a connection (better-sqlite3's own, or a driver over it) that taking the lock needs. */
export interface LockingConnection {
  exec(sql: string): unknown;
}

/** Whether SQLite said another connection holds a lock we need (the error or one of its causes). */
export function isBusy(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) return true;
  }
  return false;
}

export interface WriteLockOptions {
  readonly path: string;
  readonly timeoutMs: number;
  /** Told once, when the lock is taken by someone else and we start waiting. */
  readonly onWait: (message: string) => void;
}

/**
 * Starts the connection's write transaction: at once if the file is free, else after saying so
 * and waiting (SQLite's busy handler) up to the timeout. The busy timeout stays set for the rest
 * of the command, whose commit waits for readers to finish.
 */
export function beginWrite(connection: LockingConnection, options: WriteLockOptions): void {
  connection.exec('PRAGMA busy_timeout = 0');
  try {
    connection.exec('BEGIN IMMEDIATE');
  } catch (error) {
    if (!isBusy(error)) throw error;
    const seconds = options.timeoutMs / 1000;
    try {
      if (options.timeoutMs === 0) throw error; // not willing to wait at all
      options.onWait(`Waiting for another process to finish writing ${options.path} (up to ${seconds} s)...\n`);
      connection.exec(`PRAGMA busy_timeout = ${options.timeoutMs}`);
      connection.exec('BEGIN IMMEDIATE');
    } catch (again) {
      if (!isBusy(again)) throw again;
      throw new DatabaseBusyError(
        `Another process is still writing ${options.path} after ${seconds} s; nothing was changed. ` +
        'Run the command again when it is done (RELOCATE_LOCK_TIMEOUT sets the wait, in seconds)',
        { cause: again },
      );
    }
  }
  connection.exec(`PRAGMA busy_timeout = ${options.timeoutMs}`);
}

/** The file at `path` as device and inode, or undefined when there is none. */
export function fileIdentity(path: string): string | undefined {
  try {
    const stats = statSync(path);
    return `${stats.dev}:${stats.ino}`;
  } catch {
    return undefined;
  }
}

export function fileSize(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}

/**
 * The whole-file copies (`.NAME.PID.MS.tmp`) an earlier relocate wrote before renaming them over
 * the database when it wrote back for sql.js, left there when it was killed; removed by the next
 * writer once it holds the lock, so that no live writer can still be using one. (Today's write-back
 * makes none. A killed writer's `NAME-journal` is SQLite's own: SQLite rolls it back when it is hot,
 * on the next open by any program, and otherwise ignores it until the next write replaces it;
 * deleting it here could delete a live writer's journal.)
 */
export function removeLeftovers(path: string): string[] {
  const folder = dirname(path) || '.';
  const prefix = `.${basename(path)}.`;
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^\d+\.\d+\.tmp$/.test(name.slice(prefix.length))) continue;
    rmSync(join(folder, name), { force: true });
    removed.push(name);
  }
  return removed;
}
