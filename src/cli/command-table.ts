/**
 * The CLI's commands as a table: each one's words and one-line description, which `relocate
 * --help` and the usage messages need, and a loader for the module that defines it. Only the
 * command being run is loaded (its options, the engine, the registry, a backend): module loading
 * was most of `relocate --help`'s 0.8 s. Nothing here may import more than text.
 */
import type { CommandModule } from 'yargs';
import type { CommandContext, GlobalOptions } from './context.js';

type CommandFactory = (context: CommandContext) => CommandModule<GlobalOptions, GlobalOptions>;

export interface CommandEntry {
  /** The first word on the command line. */
  readonly name: string;
  /** yargs' command string: the name and its positionals, as help lists them. */
  readonly command: string;
  readonly describe: string;
  load(): Promise<CommandFactory>;
}

export const BACKUP_COMMANDS = ['compare', 'comparators', 'roundtrip', 'encrypt', 'decrypt', 'sanitize'];
export const SRC_DESCRIPTION = 'The export to import, or - for stdin';

const entry = (command: string, describe: string, load: () => Promise<unknown>): CommandEntry => ({
  name: command.split(' ')[0] as string,
  command,
  describe,
  load: load as () => Promise<CommandFactory>,
});

export const COMMAND_TABLE: readonly CommandEntry[] = [
  entry('init', 'Create a database (a SQLite file, or an empty PostgreSQL database) with a table for every exportable Sentry model',
    async () => (await import('./commands/init.js')).initCommand),
  entry('seed', 'Fill the database with an exhaustive or a large synthetic Sentry instance',
    async () => (await import('./commands/seed.js')).seedCommand),
  entry('export', 'Export the database to Sentry\'s JSON backup format',
    async () => (await import('./commands/export.js')).exportCommand),
  entry('import', 'Import a Sentry JSON backup into the database',
    async () => (await import('./commands/import.js')).importCommand),
  entry('check <src>', 'Find every problem of an export, and say what an import would do with it (writes nothing)',
    async () => (await import('./commands/check.js')).checkCommand),
  entry('repair <src> <dest>', 'Write the export again with what can be repaired safely repaired (text around the array, old encodings, duplicates, keys to nothing)',
    async () => (await import('./commands/repair.js')).repairCommand),
  entry('convert <src> <dest>', 'Rewrite an export of one Sentry version for the import of another (see relocate versions)',
    async () => (await import('./commands/convert.js')).convertCommand),
  entry('versions', 'List the Sentry versions relocate knows, oldest first (for --sentry-version, convert --to and --from)',
    async () => (await import('./commands/versions.js')).versionsCommand),
  entry('backup', `Work on backups: ${BACKUP_COMMANDS.join(', ')}`,
    async () => (await import('./commands/backup.js')).backupCommand),
  entry('keys', 'Make RSA keys for encrypted exports',
    async () => (await import('./commands/backup-crypt.js')).keysCommand),
  entry('model-dependencies', "Write Sentry's model dependency fixtures (detailed, flat, sorted, truncate) from the registry",
    async () => (await import('./commands/model-dependencies.js')).modelDependenciesCommand),
  entry('inspector', 'Serve the browser inspector (open, browse, compare, filter and sanitize exports in the page) on 127.0.0.1',
    async () => (await import('./commands/inspector.js')).inspectorCommand),
];

/** The entry of a command named `name`; throws for a name not in the table (a programming error). */
export function commandEntry(name: string): CommandEntry {
  const found = COMMAND_TABLE.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`No command ${name} in the command table`);
  return found;
}

/** A command as help lists it, for the commands not being run: never parsed into, never run. */
export function listedOnly(entry: CommandEntry): CommandModule<GlobalOptions, GlobalOptions> {
  return { command: entry.command, describe: entry.describe, handler: () => undefined };
}
