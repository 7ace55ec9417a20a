/**
 * `relocate check SRC [--scope S] [--filter-…] [--db DB] [--decrypt-with KEY] [--json] [--strict]`:
 * every problem of an export in one read, and what an import in the scope would do with it
 * (into `--db`, or into a new database for the file's own Sentry version), without writing
 * anything. Exit 0 when the file imports cleanly, 1 when an import would refuse it or lose what it
 * holds (or, with --strict, when there are notes), 2 when it cannot be read at all.
 */
import { stat } from 'node:fs/promises';
import type { CommandModule } from 'yargs';
import { registryForModelNames } from '../../core/registry/index.js';
import type { Registry } from '../../core/registry/index.js';
import type { ImportScope } from '../../core/scopes.js';
import type { Problem } from '../../core/check/problem.js';
import type { Driver, DriverName } from '../../db/port.js';
import { checkExport } from '../../engine/check/index.js';
import type { CheckSummary } from '../../engine/check/index.js';
import { fileModelNames } from '../../engine/import/index.js';
import type { ImportSource } from '../../engine/import/index.js';
import { ProblemDigest, checkText, jsonDocument, summaryJson } from '../check-output.js';
import type { CommandContext, GlobalOptions } from '../context.js';
import { BACKENDS, withDatabase } from '../database.js';
import { openInput } from '../encryption.js';
import { EXIT, UsageError } from '../exit.js';
import { readFilter } from '../filter-options.js';
import { dash } from '../io.js';
import { openOutput } from '../output-sink.js';
import { startProgress } from '../progress.js';
import { chooseRegistry, sentryVersionOption } from '../sentry-version.js';
import { checkingProgress } from './import.js';
import { commandEntry } from '../command-table.js';

interface CheckArgs extends GlobalOptions {
  readonly src: string;
  readonly db?: string;
  readonly backend: DriverName;
  readonly scope: string;
  readonly filterUsernames?: string;
  readonly filterUsernamesFile?: string;
  readonly filterOrgSlugs?: string;
  readonly mergeUsers: boolean;
  readonly overwriteConfigs: boolean;
  readonly decryptWith?: string;
  readonly json: boolean;
  readonly strict: boolean;
  readonly silent: boolean;
  readonly sentryVersion?: string;
}

export const CHECK_SCOPES: Readonly<Record<string, ImportScope>> = { users: 'User', organizations: 'Organization', config: 'Config', global: 'Global' };

export function checkCommand(context: CommandContext): CommandModule<GlobalOptions, GlobalOptions> {
  return {
    command: commandEntry('check').command,
    describe: commandEntry('check').describe,
    builder: (yargs) => yargs
      .positional('src', { type: 'string', demandOption: true, describe: 'The export to check, or - for stdin' })
      .option('scope', { choices: Object.keys(CHECK_SCOPES), default: 'global', describe: 'The scope of the import to predict' })
      .option('filter-usernames', { type: 'string', describe: 'Predict an import of only these users (comma separated)', requiresArg: true })
      .option('filter-usernames-file', { type: 'string', describe: 'Predict an import of only the users named in this file', requiresArg: true })
      .option('filter-org-slugs', { type: 'string', describe: 'Predict an import of only these organizations (comma separated)', requiresArg: true })
      .option('merge-users', { type: 'boolean', default: false, describe: 'Predict an import with --merge-users' })
      .option('overwrite-configs', { type: 'boolean', default: false, describe: 'Predict an import with --overwrite-configs' })
      .option('decrypt-with', { type: 'string', describe: 'SRC is Sentry\'s encrypted tarball; decrypt it with this private key (PKCS#8 PEM)', requiresArg: true })
      .option('json', { type: 'boolean', default: false, describe: 'Print one JSON document with every problem and a summary' })
      .option('strict', { type: 'boolean', default: false, describe: 'Exit 1 on notes too (what the import drops, renames or changes)' })
      .option('silent', { type: 'boolean', default: false, describe: 'No progress on stderr' })
      .option('sentry-version', { ...sentryVersionOption, describe: `${sentryVersionOption.describe}; without --db only (default: the version the file comes from)` })
      .option('db', { type: 'string', describe: 'Check against this database (it must exist): rows that collide with its unique values, and what the import rules do with each', requiresArg: true })
      .option('backend', { choices: BACKENDS, default: BACKENDS[0], describe: 'SQLite engine for --db: native better-sqlite3, or sql.js (WebAssembly, in memory)', requiresArg: true }) as never,
    handler: (argv) => context.run(() => runCheck(context, argv as unknown as CheckArgs)),
  };
}

/** The registry a file is read as without a database: the one named, or the file's own version. */
export function fileRegistry(source: ImportSource, sentryVersion: string | undefined): Registry {
  if (sentryVersion !== undefined) return chooseRegistry(sentryVersion);
  return registryForModelNames(fileModelNames(source));
}

async function runCheck(context: CommandContext, parsed: CheckArgs): Promise<number> {
  const argv: CheckArgs = { ...parsed, src: dash(parsed.src) };
  if (argv.db !== undefined && argv.sentryVersion !== undefined) {
    throw new UsageError(`--sentry-version is for a check without --db: ${argv.db} records the Sentry version it is for`);
  }
  const filterUsernames = await readFilter('usernames', argv.filterUsernames, argv.filterUsernamesFile);
  const filterOrgSlugs = await readFilter('org-slugs', argv.filterOrgSlugs, undefined);
  const opened = await openInput(argv.src, argv.decryptWith, { verb: 'check', keyOption: '--decrypt-with' });
  // Progress only on a terminal: the report is the output, and a closing line would only repeat it.
  const progress = startProgress(context.io, argv.silent || context.io.progressStream === undefined);
  const size = argv.src === '-' || argv.decryptWith !== undefined ? undefined : (await stat(argv.src)).size;
  const source = checkingProgress(opened.source, size, (done, total) => progress.update(done, total, `checking ${argv.src}`, 'bytes'));
  const name = argv.src === '-' ? 'stdin' : argv.src;
  const run = (registry: Registry, database?: Driver) => report(context, argv, name, checkExport(source, {
    registry, scope: CHECK_SCOPES[argv.scope] as ImportScope, mergeUsers: argv.mergeUsers, overwriteConfigs: argv.overwriteConfigs, database,
    ...(filterUsernames !== undefined && { filterUsernames }),
    ...(filterOrgSlugs !== undefined && { filterOrgSlugs }),
  }));
  try {
    const code = argv.db === undefined
      ? await run(fileRegistry(source, argv.sentryVersion))
      : await withDatabase({ db: argv.db, backend: argv.backend, readOnly: true, create: false }, (driver, { registry }) => run(registry, driver));
    progress.finish(`Checked ${name}.`);
    return code;
  } finally {
    await opened.release();
  }
}

/** Writes what the check finds (streamed with --json) and returns the exit code. */
async function report(context: CommandContext, argv: CheckArgs, name: string, run: Generator<Problem, CheckSummary>): Promise<number> {
  const digest = new ProblemDigest();
  const sink = argv.json ? await openOutput('-', context.io) : undefined;
  await sink?.write(jsonDocument.start);
  let any = false;
  let next = run.next();
  while (next.done !== true) {
    if (sink !== undefined) await sink.write(jsonDocument.problem(next.value, !any));
    else digest.add(next.value);
    any = true;
    next = run.next();
  }
  const summary = next.value;
  const code = summary.errors > 0 || (argv.strict && summary.notes > 0) ? EXIT.findings : EXIT.ok;
  if (sink !== undefined) {
    await sink.write(jsonDocument.end(summaryJson(summary, name, code), any));
    await sink.commit();
  } else {
    await context.io.writeStdout(checkText(summary, digest, name, argv.strict));
  }
  return code;
}
