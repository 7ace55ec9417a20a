import { BetterSqlite3Driver } from './better-sqlite3-driver.js';
import type { Driver } from '../../db/port.js';

export { BetterSqlite3Driver };

/** Opens a database file (created if missing), `:memory:`, or a serialized database's bytes. */
export function openBetterSqlite3(source: string | Uint8Array): Driver {
  return new BetterSqlite3Driver(source);
}
