import initSqlJs from 'sql.js';
import type { Driver } from '../../db/port.js';
import { SqlJsDriver } from './sql-js-driver.js';
import type { SqlJsStatic } from './sql-js-driver.js';

export { SqlJsDriver };
export type { SqlJsStatic };

export interface LoadSqlJsOptions {
  /** Where the page serves `sql-wasm.wasm` from (browser); Node finds it beside sql.js. */
  readonly locateFile?: (file: string) => string;
  /** The wasm bytes themselves, when the caller already has them. */
  readonly wasmBinary?: ArrayBuffer;
}

/** Loads the WebAssembly module: the only asynchronous step of this driver. */
export async function loadSqlJs(options: LoadSqlJsOptions = {}): Promise<SqlJsStatic> {
  return (await initSqlJs(options as Parameters<typeof initSqlJs>[0])) as unknown as SqlJsStatic;
}

/** An in-memory database, empty or from the bytes of a database file. */
export function openSqlJs(SQL: SqlJsStatic, bytes?: Uint8Array): Driver {
  return new SqlJsDriver(SQL, bytes);
}
