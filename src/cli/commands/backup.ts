/**
 * `relocate backup …`: `compare LEFT RIGHT` (Sentry's, but with an exit code scripts can use:
 * 0 no differences, 1 differences, 2 a side cannot be read; and `--converted-through V` for a file
 * and its conversion to V and back), `comparators` (the default map in the shape of Sentry's
 * snapshot) and `roundtrip` (export → clear → import → export → validate).
 */
import type { CommandModule } from 'yargs';
import { stringify } from 'yaml';
import { defaultComparators, describeComparators } from '../../core/compare/default-comparators.js';
import { findingsFileText, prettyFinding } from '../../core/findings.js';
import type { Finding } from '../../core/findings.js';
import { compareExports } from '../../engine/compare/index.js';
import { openBetterSqlite3 } from '../../backends/better-sqlite3/index.js';
import type { CommandContext, GlobalOptions } from '../context.js';
import { EXIT, UsageError } from '../exit.js';
import { checkReadable } from '../file-source.js';
import { dash, writeFileAtomic } from '../io.js';
import { shown } from '../../core/text/shown-value.js';
import { roundtripCommand } from './backup-roundtrip.js';
import { cryptCommands } from './backup-crypt.js';
import { sanitizeCommand } from './backup-sanitize.js';
import { openInput } from '../encryption.js';
import { InputFileError } from '../file-source.js';
import { RelocateError } from '../../core/errors.js';
import { chooseRegistry, registryNamed, sentryVersionOption } from '../sentry-version.js';
import { registryForModelNames } from '../../core/registry/index.js';
import type { Registry } from '../../core/registry/index.js';
import { fileModelNames } from '../../engine/import/index.js';
import type { ImportSource } from '../../engine/import/index.js';
import { findingHints } from '../../core/compare/finding-hints.js';
import type { ComparatorFinding } from '../../core/compare/comparator-findings.js';
import { BACKUP_COMMANDS, commandEntry } from '../command-table.js';

/** Sentry's "Invalid left side tarball: …". */
class UnreadableTarballError extends RelocateError {
  readonly kind = 'InvalidTarball';
}

interface CompareArgs extends GlobalOptions {
  readonly left: string;
  readonly right: string;
  readonly findingsFile?: string;
  readonly acrossVersions: boolean;
  readonly convertedThrough?: string;
  readonly decryptLeftWith?: string;
  readonly decryptRightWith?: string;
  readonly sentryVersion?: string;
}

/** Findings as Sentry prints them, then the count. */
export function findingsText(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'Done, found 0 differences!\n';
  return `Done, found ${findings.length} differences:\n\n${findings.map(prettyFinding).join('\n\n')}\n`;
}

/** Every `backup` subcommand, in the order help and messages list them. */

export function backupCommand(context: CommandContext): CommandModule<GlobalOptions, GlobalOptions> {
  return {
    command: commandEntry('backup').command,
    describe: commandEntry('backup').describe,
    builder: (yargs) =>
      yargs
        .command('compare <left> <right>', 'Compare two exports with Sentry\'s default comparators', (sub) =>
          sub
            .positional('left', { type: 'string', demandOption: true, describe: 'The expected export' })
            .positional('right', { type: 'string', demandOption: true, describe: 'The actual export' })
            .option('findings-file', { type: 'string', describe: 'Write the findings as Sentry findings JSON to this file', requiresArg: true })
            .option('across-versions', { type: 'boolean', default: false, describe: 'Leave out models and fields only one Sentry version has, and compare values by field class' })
            .option('converted-through', { type: 'string', describe: 'RIGHT is LEFT converted (relocate convert) to these versions (comma separated) and back: leave out what they cannot hold; implies --across-versions', requiresArg: true })
            .option('decrypt-left-with', { type: 'string', describe: 'LEFT is an encrypted tarball; its private key (PEM)', requiresArg: true })
            .option('decrypt-right-with', { type: 'string', describe: 'RIGHT is an encrypted tarball; its private key (PEM)', requiresArg: true })
            .option('sentry-version', sentryVersionOption),
        (argv) => context.run(() => runCompare(context, argv as unknown as CompareArgs)))
        .command('comparators', 'Print the default comparator map (the shape of Sentry\'s snapshot)', (sub) => sub.option('sentry-version', sentryVersionOption),
          (argv) => context.run(async () => {
            const described = describeComparators(defaultComparators(chooseRegistry((argv as { sentryVersion?: string }).sentryVersion))).map((entry) => ({ comparators: entry.comparators, model_name: entry.model_name }));
            await context.io.writeStdout(stringify(described, { indentSeq: false }));
          }))
        .command(roundtripCommand(context))
        .command(cryptCommands(context)[0] as never)
        .command(cryptCommands(context)[1] as never)
        .command(sanitizeCommand(context))
        .demandCommand(1, `Name a backup command: ${BACKUP_COMMANDS.join(', ')}`),
    handler: () => undefined,
  };
}

async function runCompare(context: CommandContext, parsed: CompareArgs): Promise<number> {
  const argv: CompareArgs = { ...parsed, left: dash(parsed.left), right: dash(parsed.right) };
  if (argv.left === '-' && argv.right === '-') throw new UsageError('LEFT and RIGHT cannot both be - (stdin can be read only once)');
  const through = argv.convertedThrough?.split(',').map((version) => registryNamed(version.trim(), '--converted-through'));
  for (const path of [argv.left, argv.right, argv.decryptLeftWith, argv.decryptRightWith]) {
    if (path !== undefined && path !== '-') await checkReadable(path, path === argv.left || path === argv.right ? 'compare' : 'read the private key');
  }
  const side = async (path: string, key: string | undefined, name: 'left' | 'right') => {
    try {
      return await openInput(path, key, { verb: 'compare', keyOption: `--decrypt-${name}-with` });
    } catch (error) {
      // A file that cannot be read, or of the wrong kind, is named as such; the tarball's own problems as Sentry words them.
      if (error instanceof RelocateError && !(error instanceof InputFileError)) throw new UnreadableTarballError(`Invalid ${name} side tarball: ${error.message}`, { cause: error });
      throw error;
    }
  };
  const left = await side(argv.left, argv.decryptLeftWith, 'left');
  const right = await side(argv.right, argv.decryptRightWith, 'right');
  try {
    const registry = argv.sentryVersion !== undefined ? chooseRegistry(argv.sentryVersion) : registryForBoth(left.source, right.source);
    const acrossVersions = argv.acrossVersions || through !== undefined;
    const result = compareExports(left.source, right.source, {
      registry,
      // Sides not in the same model order are staged in a temporary SQLite file (deleted when closed).
      stagingDatabase: () => openBetterSqlite3(''),
      acrossVersions,
      ...(through !== undefined && { convertedThrough: through }),
    });
    for (const model of result.unknownModels) {
      context.io.stderr(`Left out (not a model of this registry): ${shown(model.model)}, ${model.left} left and ${model.right} right rows\n`);
    }
    for (const field of result.oneSidedFields) {
      context.io.stderr(`Left out (only on the ${field.side}): ${shown(field.model)}.${shown(field.field)}\n`);
    }
    for (const away of result.convertedAway) {
      const what = away.field === undefined ? `${shown(away.model)}, ${away.left} left and ${away.right} right rows` : `${shown(away.model)}.${shown(away.field)}`;
      context.io.stderr(`Left out (Sentry ${away.version} cannot hold it): ${what}\n`);
    }
    if (argv.findingsFile !== undefined) await writeFileAtomic(argv.findingsFile, findingsFileText(result.findings));
    await context.io.writeStdout(findingsText(result.findings));
    const notInThisVersion = new Set(result.findings.map((finding) => finding.on.model).filter((model) => registry.find(registry.resolve(model)) === undefined || registry.removedModels.has(model)));
    for (const hint of findingHints(result.findings as ComparatorFinding[], { acrossVersions, notInThisVersion })) context.io.stderr(`${hint}\n`);
    return result.findings.length === 0 ? EXIT.ok : EXIT.findings;
  } finally {
    await left.release();
    await right.release();
  }
}

/**
 * The version both files are read with, unless --sentry-version says: one that knows every model
 * either file names (the newer file's), so that nothing of it is left out as unknown.
 */
function registryForBoth(left: ImportSource, right: ImportSource): Registry {
  return registryForModelNames([...fileModelNames(left), ...fileModelNames(right)]);
}
