import type { Argv } from 'yargs';
import type { DriverName } from '../db/port.js';
import { BACKENDS, DEFAULT_DB } from './database.js';
import type { CliIo } from './io.js';

/**
 * Options every command has: none today (`--backend` belongs to the commands with `--db`, so
 * that help shows it only where it means something); commands' argument types extend this.
 */
export interface GlobalOptions {}

/** The options of a command that opens a database. */
export interface DatabaseArgs {
  readonly db: string;
  readonly backend: DriverName;
}

/** What a command handler gets: the io, and `run`, which turns any error into an exit code. */
export interface CommandContext {
  readonly io: CliIo;
  run(body: () => Promise<number | void>): Promise<void>;
}

/**
 * `--db` and `--backend`. `creates`: the command makes a missing database (init, seed, import);
 * the others refuse one, and their help says so.
 */
export function databaseOptions<T>(yargs: Argv<T>, creates: boolean): Argv<T & DatabaseArgs> {
  return yargs
    .option('db', {
      type: 'string',
      default: DEFAULT_DB,
      describe: creates ? 'The SQLite database file (created, with its schema, if missing)' : 'The SQLite database file (it must exist)',
      requiresArg: true,
    })
    .option('backend', {
      choices: BACKENDS,
      default: BACKENDS[0],
      describe: 'SQLite engine: native better-sqlite3, or sql.js (WebAssembly, in memory)',
      requiresArg: true,
    }) as unknown as Argv<T & DatabaseArgs>;
}
