/**
 * `relocate export {users|organizations|config|global} [DEST]`: Sentry's `sentry export`, with its
 * options, plus `--report FILE` (why each row was left out). Data goes to DEST (stdout by
 * default), progress and the summary to stderr.
 */
import type { Argv, CommandModule } from 'yargs';
import { findingsFileText } from '../../core/findings.js';
import { ExportWriter } from '../../core/json/export-writer.js';
import { CompactExportWriter } from '../../core/json/compact-writer.js';
import { dumpPythonJson } from '../../core/json/python-json.js';
import type { ExportScope } from '../../core/scopes.js';
import { shown } from '../../core/text/shown-value.js';
import { ExportingError, exportRowsInScope, modelsInScope } from '../../engine/export/index.js';
import { countRows } from '../../db/store.js';
import type { ExportOptions } from '../../engine/export/index.js';
import { withDatabase } from '../database.js';
import type { CommandContext, DatabaseArgs, GlobalOptions } from '../context.js';
import { databaseOptions, wantedRegistry } from '../context.js';
import { checkReadable } from '../file-source.js';
import { readFilter } from '../filter-options.js';
import { writeFileAtomic } from '../io.js';
import { openOutput } from '../output-sink.js';
import type { OutputSink } from '../output-sink.js';
import { TextCollector, writeEncrypted } from '../encryption.js';
import { startProgress } from '../progress.js';
import { commandEntry } from '../command-table.js';

interface ExportArgs extends GlobalOptions, DatabaseArgs {
  readonly dest: string;
  readonly indent: number;
  readonly findingsFile?: string;
  readonly report?: string;
  readonly silent: boolean;
  readonly prompt: boolean;
  readonly filterUsernames?: string;
  readonly filterUsernamesFile?: string;
  readonly filterOrgSlugs?: string;
  readonly encryptWith?: string;
}

const SCOPES: readonly { command: string; scope: ExportScope; describe: string; filters: 'usernames' | 'slugs' | 'none' }[] = [
  { command: 'users', scope: 'User', describe: 'Export users and their own data (User scope)', filters: 'usernames' },
  { command: 'organizations', scope: 'Organization', describe: 'Export organizations, their members and their data', filters: 'slugs' },
  { command: 'config', scope: 'Config', describe: 'Export instance configuration and its admin users', filters: 'none' },
  { command: 'global', scope: 'Global', describe: 'Export everything relocatable (a full backup)', filters: 'none' },
];

function commonOptions(yargs: Argv<GlobalOptions>): Argv<GlobalOptions> {
  return databaseOptions(yargs, false)
    .positional('dest', { type: 'string', default: '-', describe: 'File to write, or - for stdout' })
    .option('indent', { type: 'number', default: 2, describe: 'Spaces of indentation (Sentry writes 2)', requiresArg: true })
    .option('findings-file', { type: 'string', describe: 'Write errors (or []) as Sentry findings JSON to this file', requiresArg: true })
    .option('report', { type: 'string', describe: 'Write per-model counts and why each left-out row was left out', requiresArg: true })
    .option('silent', { type: 'boolean', default: false, describe: 'No progress or summary on stderr' })
    .option('prompt', { type: 'boolean', default: true, describe: 'Ask before anything destructive (export never asks; --no-prompt is accepted)' })
    .option('encrypt-with', { type: 'string', describe: 'Write Sentry\'s encrypted tarball for this public key (PEM) instead of JSON', requiresArg: true });
}

export function exportCommand(context: CommandContext): CommandModule<GlobalOptions, GlobalOptions> {
  return {
    command: commandEntry('export').command,
    describe: commandEntry('export').describe,
    builder: (yargs) => {
      let parser = yargs;
      for (const spec of SCOPES) {
        parser = parser.command(`${spec.command} [dest]`, spec.describe, (sub) => {
          let options = commonOptions(sub);
          if (spec.filters === 'usernames') {
            options = options
              .option('filter-usernames', { type: 'string', describe: 'Only these users (comma separated)', requiresArg: true })
              .option('filter-usernames-file', { type: 'string', describe: 'Only the users named in this file', requiresArg: true });
          }
          if (spec.filters === 'slugs') {
            options = options.option('filter-org-slugs', { type: 'string', describe: 'Only these organizations (comma separated)', requiresArg: true });
          }
          return options;
        }, (argv) => context.run(() => runExport(context, spec.scope, argv as unknown as ExportArgs)));
      }
      return parser.demandCommand(1, 'Name a scope: users, organizations, config or global');
    },
    handler: () => undefined,
  };
}

async function runExport(context: CommandContext, scope: ExportScope, argv: ExportArgs): Promise<void> {
  if (argv.encryptWith !== undefined) await checkReadable(argv.encryptWith, 'read the public key');
  const filterUsernames = await readFilter('usernames', argv.filterUsernames, argv.filterUsernamesFile);
  const filterOrgSlugs = await readFilter('org-slugs', argv.filterOrgSlugs, undefined);
  const progress = startProgress(context.io, argv.silent);
  const database = {
    db: argv.db, backend: argv.backend, readOnly: true, create: false, snapshot: true, registry: wantedRegistry(argv),
    notice: (line: string) => argv.silent || context.io.stderr(`${line}\n`),
  };
  await withDatabase(database, async (driver, { registry }) => {
  const models = modelsInScope(registry, scope);
  // Counted in rows, not models: one model may hold most of them.
  const rowsTotal = argv.silent ? 0 : models.reduce((sum, entry) => sum + countRows(driver, entry), 0);
  const options: ExportOptions = {
    registry,
    scope,
    ...(filterUsernames !== undefined && { filterUsernames }),
    ...(filterOrgSlugs !== undefined && { filterOrgSlugs }),
    onProgress: (step) => progress.update(step.rowsExported, Math.max(rowsTotal, step.rowsExported, 1), step.model),
  };
    // Encrypted, the export is one buffer (Fernet has no streaming form): compact, as Sentry's.
    const collector = argv.encryptWith === undefined ? undefined : new TextCollector();
    const sink = collector === undefined ? await openOutput(argv.dest, context.io) : collectingSink(collector);
    const run = exportRowsInScope(driver, options);
    try {
      const writer = collector === undefined ? new ExportWriter(argv.indent) : new CompactExportWriter();
      for (const row of run.rows) {
        const waiting = sink.write(writer.object(row));
        if (waiting !== undefined) await waiting;
      }
      await sink.write(writer.end());
      await sink.commit();
      if (collector !== undefined) await writeEncrypted(argv.dest, collector.bytes(), argv.encryptWith as string, context.io);
    } catch (error) {
      await sink.abandon();
      if (error instanceof ExportingError && argv.findingsFile !== undefined) {
        await writeFileAtomic(argv.findingsFile, findingsFileText([error.toFinding()]));
      }
      throw error;
    }
    if (argv.findingsFile !== undefined) await writeFileAtomic(argv.findingsFile, findingsFileText([]));
    if (argv.report !== undefined) await writeFileAtomic(argv.report, dumpPythonJson(run.report.toJSON(), { indent: 2 }) + '\n');
    const modelsWithRows = [...run.report.models.values()].filter((model) => model.exported > 0).length;
    progress.finish(`Exported ${run.report.exported} rows of ${modelsWithRows} models (${scope} scope) to ${argv.dest === '-' ? 'stdout' : argv.dest}`);
    if (!argv.silent) {
      for (const name of run.report.unmatched.filterUsernames) context.io.stderr(`Warning: --filter-usernames ${shown(name)} matched no user in ${argv.db}\n`);
      for (const slug of run.report.unmatched.filterOrgSlugs) context.io.stderr(`Warning: --filter-org-slugs ${shown(slug)} matched no organization in ${argv.db}\n`);
      const notWritten = [...run.report.keptRowsNotWritten.values()].reduce((a, b) => a + b, 0);
      if (notWritten > 0) context.io.stderr(`Note: ${notWritten} kept rows of models Sentry ${registry.version} does not know are written only by export global\n`);
    }
  });
}

function collectingSink(collector: TextCollector): OutputSink {
  return { write: (text) => { collector.add(text); return undefined; }, commit: async () => undefined, abandon: async () => undefined };
}
