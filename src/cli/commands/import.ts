/**
 * `relocate import {users|organizations|config|global} SRC`: Sentry's `sentry import`, with its
 * options, plus `--import-uuid` (resume or repeat an import without duplicating rows), `--dry-run`
 * (do everything, print the report, roll back) and `--report FILE`. Diagnostics go to stderr; the
 * dry run's report is data and goes to stdout.
 */
import type { Argv, CommandModule } from 'yargs';
import { findingsFileText } from '../../core/findings.js';
import { dumpPythonJson } from '../../core/json/python-json.js';
import { REGISTRIES, describeFileVersions, fileVersionsOf, registryForFile } from '../../core/registry/index.js';
import type { Registry } from '../../core/registry/index.js';
import { stat } from 'node:fs/promises';
import { chooseRegistry, sentryVersionOption } from '../sentry-version.js';
import type { ImportScope } from '../../core/scopes.js';
import { countRows } from '../../db/store.js';
import { HOLD_OBJECTS_UP_TO, INTEGRITY_ERROR_HINT, ImportingError, canonicalUuid, importInScope, fileModelNames } from '../../engine/import/index.js';
import { shown } from '../../core/text/shown-value.js';
import type { ImportOptions, ImportReport, ImportSource } from '../../engine/import/index.js';
import { withDatabase } from '../database.js';
import { shownDatabase } from '../postgres-database.js';
import type { CommandContext, DatabaseArgs, GlobalOptions } from '../context.js';
import { databaseOptions, wantedRegistry } from '../context.js';
import { CommandError, UsageError, reportError } from '../exit.js';
import { checkReadable } from '../file-source.js';
import { openInput } from '../encryption.js';
import { readFilter } from '../filter-options.js';
import { dash, writeFileAtomic } from '../io.js';
import { startProgress } from '../progress.js';
import { SRC_DESCRIPTION, commandEntry } from '../command-table.js';

interface ImportArgs extends GlobalOptions, DatabaseArgs {
  readonly src: string;
  readonly findingsFile?: string;
  readonly report?: string;
  readonly silent: boolean;
  readonly prompt: boolean;
  readonly dryRun: boolean;
  readonly importUuid?: string;
  readonly mergeUsers?: boolean;
  readonly overwriteConfigs?: boolean;
  readonly filterUsernames?: string;
  readonly filterUsernamesFile?: string;
  readonly filterOrgSlugs?: string;
  readonly decryptWith?: string;
  readonly createBookkeeping: boolean;
}

type Extra = 'usernames' | 'slugs' | 'merge' | 'overwrite';

const SCOPES: readonly { command: string; scope: ImportScope; describe: string; extras: readonly Extra[] }[] = [
  { command: 'users', scope: 'User', describe: 'Import users and their own data (User scope)', extras: ['usernames', 'merge'] },
  { command: 'organizations', scope: 'Organization', describe: 'Import organizations, their members and their data', extras: ['slugs', 'merge'] },
  { command: 'config', scope: 'Config', describe: 'Import instance configuration and its admin users', extras: ['merge', 'overwrite'] },
  { command: 'global', scope: 'Global', describe: 'Replace everything with the backup (deletes existing data first)', extras: [] },
];

/** What SRC is, for the help and for the message when it is missing. */

function options(yargs: Argv<GlobalOptions>, extras: readonly Extra[]): Argv<GlobalOptions> {
  let parser = databaseOptions(yargs, true)
    .positional('src', { type: 'string', demandOption: true, describe: SRC_DESCRIPTION })
    .option('findings-file', { type: 'string', describe: 'Write errors (or []) as Sentry findings JSON to this file', requiresArg: true })
    .option('report', { type: 'string', describe: 'Write per model the rows inserted, merged, overwritten, dropped and renamed', requiresArg: true })
    .option('dry-run', { type: 'boolean', default: false, describe: 'Do everything, print the report on stdout, then roll back' })
    .option('import-uuid', { type: 'string', describe: 'Name the import; a re-run with the same UUID skips the batches already written', requiresArg: true })
    .option('silent', { type: 'boolean', default: false, describe: 'No progress or summary on stderr' })
    .option('prompt', { type: 'boolean', default: true, describe: 'Ask before deleting existing data (--no-prompt answers yes)' })
    .option('decrypt-with', { type: 'string', describe: 'SRC is Sentry\'s encrypted tarball; decrypt it with this private key (PKCS#8 PEM)', requiresArg: true })
    .option('create-bookkeeping', { type: 'boolean', default: false, describe: 'In Sentry\'s own PostgreSQL database, make relocate\'s bookkeeping tables (relocate_*) where they are missing' });
  if (extras.includes('usernames')) {
    parser = parser
      .option('filter-usernames', { type: 'string', describe: 'Only these users (comma separated)', requiresArg: true })
      .option('filter-usernames-file', { type: 'string', describe: 'Only the users named in this file', requiresArg: true });
  }
  if (extras.includes('slugs')) {
    parser = parser.option('filter-org-slugs', { type: 'string', describe: 'Only these organizations (comma separated)', requiresArg: true });
  }
  if (extras.includes('merge')) {
    parser = parser.option('merge-users', { type: 'boolean', default: false, describe: 'Reuse existing users with the same username (and keep their own data) instead of adding suffixed ones' });
  }
  if (extras.includes('overwrite')) {
    parser = parser.option('overwrite-configs', { type: 'boolean', default: false, describe: 'A colliding option, relay or user role takes the imported value' });
  }
  return parser;
}

export function importCommand(context: CommandContext): CommandModule<GlobalOptions, GlobalOptions> {
  return {
    command: commandEntry('import').command,
    describe: commandEntry('import').describe,
    builder: (yargs) => {
      let parser = yargs;
      for (const spec of SCOPES) {
        parser = parser.command(`${spec.command} <src>`, spec.describe, (sub) => options(sub, spec.extras),
          (argv) => context.run(() => runImport(context, spec.scope, argv as unknown as ImportArgs)));
      }
      return parser.demandCommand(1, 'Name a scope: users, organizations, config or global');
    },
    handler: () => undefined,
  };
}

async function runImport(context: CommandContext, scope: ImportScope, parsed: ImportArgs): Promise<number | void> {
  const argv: ImportArgs = { ...parsed, src: dash(parsed.src) };
  if (argv.importUuid !== undefined && canonicalUuid(argv.importUuid) === undefined) {
    throw new UsageError(`--import-uuid must be a UUID (such as 8d4a3b6e-2f1c-4e5a-9b7d-0c6e1f2a3b4c), got ${JSON.stringify(shown(argv.importUuid))}`);
  }
  if (argv.src !== '-') await checkReadable(argv.src);
  if (argv.decryptWith !== undefined) await checkReadable(argv.decryptWith, 'read the private key');
  const filterUsernames = await readFilter('usernames', argv.filterUsernames, argv.filterUsernamesFile);
  const filterOrgSlugs = await readFilter('org-slugs', argv.filterOrgSlugs, undefined);
  const opened = await openInput(argv.src, argv.decryptWith);
  const { release } = opened;
  const progress = startProgress(context.io, argv.silent);
  // The first pass checks the whole file before anything is written: its progress is in bytes.
  const size = argv.src === '-' || argv.decryptWith !== undefined ? undefined : (await stat(argv.src)).size;
  const source = checkingProgress(opened.source, size, (done, total) => progress.update(done, total, 'checking the file', 'bytes'));
  const importOptions: Omit<ImportOptions, 'registry'> = {
    scope,
    mergeUsers: argv.mergeUsers ?? false,
    overwriteConfigs: argv.overwriteConfigs ?? false,
    dryRun: argv.dryRun,
    // Parsed once and held between the check and the write when that costs little memory.
    holdObjects: size !== undefined && size <= HOLD_OBJECTS_UP_TO,
    ...(argv.importUuid !== undefined && { importUuid: argv.importUuid }),
    ...(filterUsernames !== undefined && { filterUsernames }),
    ...(filterOrgSlugs !== undefined && { filterOrgSlugs }),
    onProgress: (step) => {
      if (step.phase === 'writing') progress.update(step.rowsDone, Math.max(step.rowsTotal, 1), step.model ?? '');
    },
  };
  const wanted = await registryForNewDatabase(context, argv, source);
  try {
    const database = {
      db: argv.db, backend: argv.backend, readOnly: argv.dryRun, create: true, registry: wanted ?? wantedRegistry(argv),
      createBookkeeping: argv.createBookkeeping, notice: (line: string) => argv.silent || context.io.stderr(`${line}\n`),
    };
    await withDatabase(database, async (driver, { registry, madeBy }) => {
      if (scope === 'Global' && !argv.dryRun) {
        const exportable = registry.exportable.filter((entry) => entry.stored);
        await confirmDeletion(context, argv, exportable.reduce((n, entry) => n + countRows(driver, entry), 0));
      }
      let report: ImportReport;
      try {
        // In Sentry's own database, what this version has no place for is kept only where the user let relocate make its tables.
        report = importInScope(driver, source, { ...importOptions, registry, keepTables: madeBy === 'sentry' && !argv.createBookkeeping ? 'if-present' : 'create' });
      } catch (error) {
        if (error instanceof ImportingError && argv.findingsFile !== undefined) {
          await writeFileAtomic(argv.findingsFile, findingsFileText([error.toFinding()]));
        }
        throw error;
      }
      if (argv.findingsFile !== undefined) await writeFileAtomic(argv.findingsFile, findingsFileText([]));
      const reportText = dumpPythonJson(report.toJSON(), { indent: 2, sortKeys: true }) + '\n';
      if (argv.report !== undefined) await writeFileAtomic(argv.report, reportText);
      if (argv.dryRun) await context.io.writeStdout(reportText);
      progress.finish(summary(report, argv));
      if (!argv.silent) for (const line of notes(report, registry, argv)) context.io.stderr(`${line}\n`);
    });
  } catch (error) {
    // A hint reads after the error it explains: Sentry's about versions and clean databases, or,
    // for a file the import refuses, where to see all that is wrong with it and have it repaired.
    if (!(error instanceof ImportingError) || argv.silent) throw error;
    const code = reportError(error, context.io);
    context.io.stderr(`${error.kind === 'IntegrityError' ? INTEGRITY_ERROR_HINT : fileHint(error, argv.src)}\n`);
    return code;
  } finally {
    await release();
  }
}

/** For a file the import refused: the commands that list all of its problems and repair what they can. */
function fileHint(error: ImportingError, src: string): string {
  const file = src === '-' ? 'FILE' : shown(src);
  const notArray = error.on.model === '' && error.kind === 'DeserializationFailed';
  return notArray
    ? `Hint: relocate check ${file} lists every problem of the file; relocate repair ${file} FIXED.json writes it without the text around the array (such as Sentry's progress lines) and what else it can repair safely.`
    : `Hint: relocate check ${file} lists every problem of the file at once, and what an import would do with each.`;
}

/** What `import global` is about to do to the database, in the words the question and the refusal share. */
function deletionNotice(db: string, rows: number): string {
  return `import global will delete all ${rows.toLocaleString('en-US')} row${rows === 1 ? '' : 's'} of ${db} before importing`;
}

/**
 * `import global` deletes everything first: ask, unless told not to or there is nothing to
 * delete. There is no asking without a terminal, or when stdin is the backup itself.
 */
async function confirmDeletion(context: CommandContext, argv: ImportArgs, rows: number): Promise<void> {
  if (!argv.prompt || rows === 0) return;
  const notice = deletionNotice(shownDatabase(argv.db), rows);
  if (context.io.confirm === undefined || argv.src === '-') {
    const why = argv.src === '-' ? 'stdin holds the backup, so there is no asking' : 'there is no terminal to ask on';
    throw new CommandError(`${notice}, and ${why}; pass --no-prompt to go ahead`);
  }
  if (!(await context.io.confirm(`${notice}. Continue?`))) throw new CommandError(`Import cancelled; ${shownDatabase(argv.db)} was left as it was`);
}

function summary(report: ImportReport, argv: ImportArgs): string {
  const written = report.total((m) => m.written);
  const models = [...report.models.values()].filter((m) => m.written > 0).length;
  const dropped = report.total((m) => m.droppedCount);
  const renamed = report.total((m) => m.renamed.length);
  const resumed = report.total((m) => m.resumedRows);
  const kept = report.total((m) => m.keptRows);
  const keptFields = report.total((m) => m.keptFields.size);
  const parts = [`${argv.dryRun ? 'Dry run: would import' : 'Imported'} ${written} rows of ${models} models (${report.scope} scope) from ${argv.src === '-' ? 'stdin' : argv.src}`];
  if (argv.dryRun && report.scope === 'Global') parts.push(`after deleting the ${report.clearedRows} rows ${argv.db} holds`);
  if (dropped > 0) parts.push(`dropped ${dropped}`);
  if (renamed > 0) parts.push(`renamed ${renamed}`);
  if (kept > 0) parts.push(`kept ${kept} rows of models this Sentry version does not know`);
  if (keptFields > 0) parts.push(`kept ${keptFields} fields its models do not have`);
  if (resumed > 0) parts.push(`${resumed} already imported by ${report.importUuid}`);
  // A dry run's report is on stdout already.
  if (!argv.dryRun && (dropped > 0 || renamed > 0 || kept > 0 || keptFields > 0)) parts.push(argv.report === undefined ? 'see --report FILE for details' : `details in ${argv.report}`);
  return parts.join('; ');
}

/** What the user should know besides the counts: filters that matched nothing, the file's version. */
function notes(report: ImportReport, registry: Registry, argv: ImportArgs): string[] {
  const lines: string[] = [];
  for (const name of report.unmatched.filterUsernames) lines.push(`Warning: --filter-usernames ${shown(name)} matched no user in ${argv.src}`);
  for (const slug of report.unmatched.filterOrgSlugs) lines.push(`Warning: --filter-org-slugs ${shown(slug)} matched no organization in ${argv.src}`);
  const versions = fileVersionsOf(report.fileShape);
  if (versions.reasons.length > 0 && !versions.consistent.includes(registry.version)) {
    lines.push(`Note: the file looks like ${describeFileVersions(versions)}; ${argv.db} is for Sentry ${registry.version}, so what that version lacks was kept or dropped as the report says`);
  }
  return lines;
}

/**
 * A new database is made for the Sentry version the file comes from, unless --sentry-version says
 * otherwise: the oldest known version that knows every model the file names (see registryForFile).
 */
async function registryForNewDatabase(context: CommandContext, argv: ImportArgs, source: ImportSource): Promise<Registry | undefined> {
  if (argv.sentryVersion !== undefined) return chooseRegistry(argv.sentryVersion);
  if (argv.db.startsWith('postgres')) return undefined;
  try {
    await stat(argv.db);
    return undefined;
  } catch {
    const shape = new Map([...fileModelNames(source)].map((name) => [name, new Set<string>()]));
    const registry = registryForFile(fileVersionsOf(shape), REGISTRIES);
    if (!argv.silent && registry !== REGISTRIES[0]) context.io.stderr(`The file names models of Sentry ${fileVersionsOf(shape).atLeast?.version ?? registry.version} or later: a new database is made for ${registry.version}\n`);
    return registry;
  }
}

/**
 * The source, reporting the bytes its first read (the checking pass) has gone through, of `size`
 * when it is known (a file; not stdin or a decrypted tarball); the writing pass reports rows.
 */
export function checkingProgress(source: ImportSource, size: number | undefined, onBytes: (done: number, total: number) => void): ImportSource {
  let passes = 0;
  const total = size ?? 0;
  return {
    ...source,
    *chunks() {
      const pass = ++passes;
      let done = 0;
      let last = 0;
      for (const chunk of source.chunks()) {
        done += chunk.length;
        if (pass === 1 && done - last >= 1 << 22) {
          onBytes(done, Math.max(total, done));
          last = done;
        }
        yield chunk;
      }
    },
  };
}
