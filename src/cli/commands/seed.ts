/**
 * `relocate seed exhaustive` (Sentry's exhaustive test instance: every exportable model has rows)
 * and `relocate seed synthetic --rows N` (a large, deterministic instance for benchmarks).
 */
import type { CommandModule } from 'yargs';
import type { Registry } from '../../core/registry/index.js';
import { createExhaustiveInstance, createSyntheticInstance } from '../../engine/seed/index.js';
import { withDatabase } from '../database.js';
import type { DatabaseOptions } from '../database.js';
import { shownDatabase } from '../postgres-database.js';
import type { CommandContext, DatabaseArgs, GlobalOptions } from '../context.js';
import { databaseOptions, wantedRegistry } from '../context.js';
import { startProgress } from '../progress.js';
import { CommandError, UsageError } from '../exit.js';
import { countRows } from '../../db/store.js';
import type { Driver } from '../../db/port.js';
import { commandEntry } from '../command-table.js';

interface SeedArgs extends GlobalOptions, DatabaseArgs {
  readonly rows: number;
  readonly silent: boolean;
}

const total = (inserted: ReadonlyMap<string, number>): number => [...inserted.values()].reduce((a, b) => a + b, 0);

/** Seeds make fixed usernames and slugs: a second seed into the same database would collide. */
function refuseIfSeeded(driver: Driver, registry: Registry, db: string): void {
  const rows = registry.exportable.filter((entry) => entry.stored).reduce((sum, entry) => sum + countRows(driver, entry), 0);
  if (rows > 0) throw new CommandError(`${db} already holds ${rows} rows; seed into a new database (another --db, or delete this one)`);
}

/** The database a seed goes into: made when missing, for the version --sentry-version names. */
function databaseFor(args: SeedArgs, context: CommandContext): DatabaseOptions {
  return { db: args.db, backend: args.backend, create: true, registry: wantedRegistry(args), notice: (line) => args.silent || context.io.stderr(`${line}\n`) };
}

export function seedCommand(context: CommandContext): CommandModule<GlobalOptions, GlobalOptions> {
  return {
    command: commandEntry('seed').command,
    describe: commandEntry('seed').describe,
    builder: (yargs) =>
      yargs
        .command('exhaustive', "Sentry's exhaustive instance: every exportable model gets rows", (sub) =>
          databaseOptions(sub, true).option('silent', { type: 'boolean', default: false, describe: 'No summary on stderr' }),
        (argv) =>
          context.run(async () => {
            const args = argv as unknown as SeedArgs;
            await withDatabase(databaseFor(args, context), (driver, { registry }) => {
              refuseIfSeeded(driver, registry, shownDatabase(args.db));
              const instance = createExhaustiveInstance(driver, { registry });
              if (!args.silent) {
                const exportable = registry.exportable.filter((entry) => entry.stored);
                const covered = exportable.filter((entry) => instance.inserted.has(entry.name)).length;
                context.io.stderr(`Seeded ${total(instance.inserted)} rows: ${covered} of ${exportable.length} exportable models of Sentry ${registry.version}\n`);
              }
            });
          }))
        .command('synthetic', 'A large, realistic instance of about --rows rows, for benchmarks', (sub) =>
          databaseOptions(sub, true)
            .option('rows', { type: 'number', demandOption: true, describe: 'About how many rows to make', requiresArg: true })
            .option('silent', { type: 'boolean', default: false, describe: 'No progress on stderr' }),
        (argv) =>
          context.run(async () => {
            const args = argv as unknown as SeedArgs;
            if (!Number.isInteger(args.rows) || args.rows < 1) throw new UsageError(`--rows must be a positive whole number, got ${args.rows}`);
            const progress = startProgress(context.io, args.silent);
            await withDatabase(databaseFor(args, context), (driver, { registry }) => {
              refuseIfSeeded(driver, registry, shownDatabase(args.db));
              const inserted = createSyntheticInstance(driver, { registry, rows: args.rows, onProgress: (done) => progress.update(done, args.rows, 'rows') });
              progress.finish(`Seeded ${total(inserted)} rows in ${inserted.size} models`);
            });
          }))
        .demandCommand(1, 'Name a kind: exhaustive or synthetic'),
    handler: () => undefined,
  };
}
