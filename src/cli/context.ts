import type { Argv } from 'yargs';
import type { DriverName } from '../db/port.js';
import { BACKENDS, DEFAULT_DB } from './database.js';
import type { CliIo } from './io.js';
import { REGISTRIES } from '../core/registry/index.js';
import type { Registry } from '../core/registry/index.js';
import { chooseRegistry } from './sentry-version.js';

/**
 * Options every command has: none today (`--backend` belongs to the commands with `--db`, so
 * that help shows it only where it means something); commands' argument types extend this.
 */
export interface GlobalOptions {}

/** The options of a command that opens a database. */
export interface DatabaseArgs {
  readonly db: string;
  readonly backend: DriverName;
  readonly sentryVersion?: string;
}

/** What a command handler gets: the io, and `run`, which turns any error into an exit code. */
export interface CommandContext {
  readonly io: CliIo;
  run(body: () => Promise<number | void>): Promise<void>;
}

/**
 * `--db`, `--backend` and `--sentry-version`. `creates`: the command makes a missing database
 * (init, seed, import); the others refuse one, and their help says so.
 */
export function databaseOptions<T>(yargs: Argv<T>, creates: boolean): Argv<T & DatabaseArgs> {
  const postgres = 'or a PostgreSQL database as postgres://user@host:port/dbname (a socket folder as ?host=/path; PG* variables fill the rest)';
  return yargs
    .option('db', {
      type: 'string',
      default: DEFAULT_DB,
      describe: creates
        ? `The SQLite database file (created, with its schema, if missing), ${postgres}`
        : `The SQLite database file (it must exist), ${postgres}`,
      requiresArg: true,
    })
    .option('backend', {
      choices: BACKENDS,
      default: BACKENDS[0],
      describe: 'SQLite engine: native better-sqlite3, or sql.js (WebAssembly, in memory); a postgres:// --db is PostgreSQL',
      requiresArg: true,
    })
    .option('sentry-version', {
      type: 'string',
      describe: `The Sentry version of a new database, or of Sentry's own PostgreSQL database (inferred from its tables when not given): ${REGISTRIES.map((registry) => registry.version).join(', ')}`,
      requiresArg: true,
    }) as unknown as Argv<T & DatabaseArgs>;
}

/** The version `--sentry-version` names, or undefined (a database's own, or the default for a new one). */
export function wantedRegistry(argv: DatabaseArgs): Registry | undefined {
  return argv.sentryVersion === undefined ? undefined : chooseRegistry(argv.sentryVersion);
}
