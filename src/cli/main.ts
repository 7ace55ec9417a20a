/**
 * The CLI: Sentry's `sentry export / import / backup ...` commands, on SQLite. This file only wires
 * yargs to the command modules; each command lives in `commands/`, and errors become text and exit
 * codes in `exit.ts`.
 */
import yargs from 'yargs';
import type { Argv } from 'yargs';
import { EXIT, UsageError, reportError, reportUsageError } from './exit.js';
import type { CommandContext, GlobalOptions } from './context.js';
import type { CliIo } from './io.js';
import { explainUsage } from './usage.js';
import type { UsageSpec } from './usage.js';
import { COMMAND_TABLE, BACKUP_COMMANDS, SRC_DESCRIPTION, listedOnly } from './command-table.js';

const COMMANDS = COMMAND_TABLE.map((entry) => entry.name);
const SCOPES = ['users', 'organizations', 'config', 'global'];

/** What usage.ts needs to explain a failure: the words each command expects. */
const USAGE: UsageSpec = {
  commands: COMMANDS,
  subcommands: {
    export: { noun: 'scope', names: SCOPES, pathFollows: true, synopsis: 'relocate export SCOPE [DEST]' },
    import: { noun: 'scope', names: SCOPES, pathFollows: true, synopsis: 'relocate import SCOPE SRC' },
    seed: { noun: 'kind', names: ['exhaustive', 'synthetic'], synopsis: 'relocate seed KIND' },
    backup: { noun: 'backup command', names: BACKUP_COMMANDS, synopsis: 'relocate backup COMMAND' },
    keys: { noun: 'keys command', names: ['generate'], synopsis: 'relocate keys generate --out DIR' },
  },
  positionals: {
    import: [{ name: 'SRC', describe: SRC_DESCRIPTION }],
    check: [{ name: 'SRC', describe: 'The export to check, or - for stdin' }],
    repair: [{ name: 'SRC', describe: 'The export to repair, or - for stdin' }, { name: 'DEST', describe: 'The repaired export to write, or - for stdout' }],
    convert: [{ name: 'SRC', describe: 'The export to convert, or - for stdin' }, { name: 'DEST', describe: 'The converted export to write, or - for stdout' }],
    'backup compare': [{ name: 'LEFT', describe: 'The expected export' }, { name: 'RIGHT', describe: 'The actual export' }],
    'backup encrypt': [{ name: 'DEST', describe: 'The tarball to write, or - for stdout' }],
    'backup decrypt': [{ name: 'DEST', describe: 'The JSON file to write, or - for stdout' }],
    'backup sanitize': [{ name: 'DEST', describe: 'The sanitized export to write, or - for stdout' }],
  },
};

/**
 * The parser: the command being run (the first word that is not an option) defined in full, the
 * others only listed, so that only its modules load.
 */
async function build(argv: readonly string[], context: CommandContext): Promise<Argv<GlobalOptions>> {
  const running = argv.find((word) => !word.startsWith('-'));
  let parser = (yargs([...argv]) as unknown as Argv<GlobalOptions>)
    .scriptName('relocate')
    .usage('$0 <command> [options]\n\nExport, import and validate Sentry relocation backups on SQLite.');
  for (const entry of COMMAND_TABLE) parser = parser.command(entry.name === running ? (await entry.load())(context) : listedOnly(entry));
  // The text is read only when asked for: package.json and the registry load at run time, not at every start.
  const version = argv.includes('--version') ? (await import('./version.js')).versionText() : '';
  return parser
    .demandCommand(1, `Name a command: ${COMMANDS.join(', ')}`)
    .strict()
    .help()
    .alias('help', 'h')
    // The text is read only when asked for: package.json is read at run time, not at every start.
    .version('version', 'Show the version of relocate and of Sentry it follows', version)
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .exitProcess(false);
}

/**
 * `--backend X` given before the command, as older versions documented it (a global option then):
 * moved after the command, where the commands with a database define it.
 */
function backendAfterCommand(argv: readonly string[]): readonly string[] {
  const at = argv[0] === '--backend' ? 2 : argv[0]?.startsWith('--backend=') === true ? 1 : 0;
  if (at === 0 || argv.length <= at) return argv;
  const end = argv.includes('--') ? argv.indexOf('--') : argv.length;
  return [...argv.slice(at, end), ...argv.slice(0, at), ...argv.slice(end)];
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(given: readonly string[], io: CliIo): Promise<number> {
  const argv = backendAfterCommand(given);
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
  const parser = await build(argv, context);
  parser.fail((message, error) => {
    // yargs reports its own parsing problems as YError; anything else came from a command.
    if (error !== undefined && error !== null && error.name !== 'YError') throw error;
    // Thrown so that yargs stops here instead of running the command with half its arguments.
    const { known, booleans } = knownOptions(parser);
    throw new UsageError(explainUsage(message, argv, known, booleans, USAGE));
  });
  try {
    await parser.parseAsync();
  } catch (error) {
    exitCode = error instanceof UsageError ? reportUsageError(error, io) : reportError(error, io);
  }
  return exitCode;
}

/** The options yargs knows at the point of failure (the failing command's included), and which are flags. */
function knownOptions(parser: Argv): { known: string[]; booleans: string[] } {
  const options = (parser as unknown as { getOptions(): { key: Record<string, unknown>; boolean: string[] } }).getOptions();
  return { known: Object.keys(options.key).filter((name) => name !== '$0'), booleans: options.boolean };
}
