import type { DriverName } from '../db/port.js';
import { DEFAULT_DB } from './database.js';
import type { CliIo } from './io.js';

/** Options every command has. */
export interface GlobalOptions {
  readonly backend: DriverName;
}

/** What a command handler gets: the io, and `run`, which turns any error into an exit code. */
export interface CommandContext {
  readonly io: CliIo;
  run(body: () => Promise<number | void>): Promise<void>;
}

export const dbOption = {
  type: 'string',
  default: DEFAULT_DB,
  describe: 'The SQLite database file (created, with its schema, if missing)',
  requiresArg: true,
} as const;
