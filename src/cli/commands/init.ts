import type { CommandModule } from 'yargs';
import { withDatabase } from '../database.js';
import { shownDatabase } from '../postgres-database.js';
import { CommandError } from '../exit.js';
import type { CommandContext, DatabaseArgs, GlobalOptions } from '../context.js';
import { databaseOptions, wantedRegistry } from '../context.js';
import { chooseRegistry } from '../sentry-version.js';
import { commandEntry } from '../command-table.js';

type InitOptions = GlobalOptions & DatabaseArgs;

/** `relocate init [--db FILE]`: create the database and its schema (nothing else). */
export function initCommand(context: CommandContext): CommandModule<GlobalOptions, InitOptions> {
  return {
    command: commandEntry('init').command,
    describe: commandEntry('init').describe,
    builder: (yargs) =>
      databaseOptions(yargs, true)
        .example('$0 init --db sentry.sqlite', 'make sentry.sqlite')
        .example('$0 init --db new.sqlite --sentry-version 26.9.0', 'a database for a newer Sentry'),
    handler: (argv) =>
      context.run(async () => {
        const wanted = chooseRegistry(argv.sentryVersion);
        const status = await withDatabase({
          db: argv.db, backend: argv.backend, registry: wantedRegistry(argv), create: true, notice: (line) => context.io.stderr(`${line}\n`),
        }, (_driver, database) => database);
        if (status.madeBy === 'sentry') {
          context.io.stderr(`Nothing to create: ${shownDatabase(argv.db)} holds Sentry's own tables (Sentry ${status.registry.version}), which export and import use as they are\n`);
          return;
        }
        if (!status.created && argv.sentryVersion !== undefined && status.registry !== wanted) {
          throw new CommandError(`${shownDatabase(argv.db)} already exists for Sentry ${status.registry.version}, not ${wanted.version}; choose another --db for a ${wanted.version} database`);
        }
        const what = status.created ? 'Created' : 'Already up to date:';
        context.io.stderr(`${what} ${shownDatabase(argv.db)} for Sentry ${status.registry.version} (${status.registry.stored.length} tables, schema ${status.version})\n`);
      }),
  };
}
