/**
 * The CLI: Sentry's `sentry export / import / backup ...` commands, on SQLite. This file only wires
 * yargs to the command modules; each command lives in `commands/`, and errors become text and exit
 * codes in `exit.ts`.
 */
import yargs from 'yargs';
import type { Argv } from 'yargs';
import { BACKENDS } from './database.js';
import { EXIT, UsageError, reportError, reportUsageError } from './exit.js';
import type { CommandContext, GlobalOptions } from './context.js';
import type { CliIo } from './io.js';
import { explainUsage } from './usage.js';
import { initCommand } from './commands/init.js';
import { modelDependenciesCommand } from './commands/model-dependencies.js';
import { exportCommand } from './commands/export.js';
import { seedCommand } from './commands/seed.js';
import { importCommand } from './commands/import.js';
import { backupCommand } from './commands/backup.js';
import { keysCommand } from './commands/backup-crypt.js';
import { inspectorCommand } from './commands/inspector.js';

const COMMANDS = ['init', 'model-dependencies', 'seed', 'export', 'import', 'backup', 'keys', 'inspector'];

function build(argv: readonly string[], context: CommandContext): Argv<GlobalOptions> {
  const withGlobals = yargs([...argv])
    .scriptName('relocate')
    .usage('$0 <command> [options]\n\nExport, import and validate Sentry relocation backups on SQLite.')
    .option('backend', {
      choices: BACKENDS,
      default: BACKENDS[0],
      describe: 'SQLite engine: native better-sqlite3, or sql.js (WebAssembly, in memory)',
      global: true,
      requiresArg: true,
    }) as unknown as Argv<GlobalOptions>;
  return withGlobals
    .command(initCommand(context))
    .command(modelDependenciesCommand(context))
    .command(seedCommand(context))
    .command(exportCommand(context))
    .command(importCommand(context))
    .command(backupCommand(context))
    .command(keysCommand(context))
    .command(inspectorCommand(context))
    .demandCommand(1, 'Name a command; see relocate --help')
    .recommendCommands()
    .strict()
    .help()
    .alias('help', 'h')
    .version(false)
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .exitProcess(false);
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const context: CommandContext = {
    io,
    async run(body) {
      try {
        const code = await body();
        exitCode = code ?? EXIT.ok;
      } catch (error) {
        exitCode = reportError(error, io);
      }
    },
  };
  const parser = build(argv, context);
  parser.fail((message, error) => {
    // yargs reports its own parsing problems as YError; anything else came from a command.
    if (error !== undefined && error !== null && error.name !== 'YError') throw error;
    // Thrown so that yargs stops here instead of running the command with half its arguments.
    throw new UsageError(explainUsage(message, argv, knownOptions(parser), COMMANDS));
  });
  try {
    await parser.parseAsync();
  } catch (error) {
    exitCode = error instanceof UsageError ? reportUsageError(error, io) : reportError(error, io);
  }
  return exitCode;
}

/** The options yargs knows at the point of failure (the failing command's included). */
function knownOptions(parser: Argv): string[] {
  const { key } = (parser as unknown as { getOptions(): { key: Record<string, unknown> } }).getOptions();
  return Object.keys(key).filter((name) => name !== '$0');
}
