import type { CommandModule } from 'yargs';
import { STORED_MODELS } from '../../core/registry/index.js';
import { withDatabase } from '../database.js';
import type { CommandContext, DatabaseArgs, GlobalOptions } from '../context.js';
import { databaseOptions } from '../context.js';

type InitOptions = GlobalOptions & DatabaseArgs;

/** `relocate init [--db FILE]`: create the database and its schema (nothing else). */
export function initCommand(context: CommandContext): CommandModule<GlobalOptions, InitOptions> {
  return {
    command: 'init',
    describe: 'Create a SQLite database with a table for every exportable Sentry model',
    builder: (yargs) => databaseOptions(yargs, true).example('$0 init --db sentry.sqlite', 'make sentry.sqlite'),
    handler: (argv) =>
      context.run(async () => {
        const status = await withDatabase({ db: argv.db, backend: argv.backend, create: true }, (_driver, schema) => schema);
        const what = status.created ? 'Created' : 'Already up to date:';
        context.io.stderr(`${what} ${argv.db} (${STORED_MODELS.length} tables, registry ${status.version})\n`);
      }),
  };
}
