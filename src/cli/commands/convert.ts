/**
 * `relocate convert SRC DEST --to VERSION [--from VERSION] [--report FILE] [--decrypt-with K]
 * [--encrypt-with K]`: an export of one Sentry version rewritten so that `sentry import` of
 * another accepts it. Without --from, the version is the one the file's models and fields are
 * consistent with, said on stderr with why. DEST is written once the conversion ran; values the
 * target refuses are listed, DEST is still written (as they were), and the exit code is 1.
 */
import { dirname } from 'node:path';
import type { CommandModule } from 'yargs';
import { CompactExportWriter } from '../../core/json/compact-writer.js';
import { ExportWriter } from '../../core/json/export-writer.js';
import type { ExportObject } from '../../core/json/export-writer.js';
import { dumpPythonJson } from '../../core/json/python-json.js';
import { REGISTRIES, describeFileVersions, fileVersionsOf, registryForFile } from '../../core/registry/index.js';
import type { Registry } from '../../core/registry/index.js';
import { convertExport, fileShape } from '../../engine/convert/index.js';
import type { ConvertReport } from '../../engine/convert/index.js';
import type { ImportSource } from '../../engine/import/index.js';
import type { CommandContext, GlobalOptions } from '../context.js';
import { TextCollector, openInput, writeEncrypted } from '../encryption.js';
import { EXIT } from '../exit.js';
import { checkReadable, shown } from '../file-source.js';
import { FileError, fileErrorMessage } from '../file-errors.js';
import { dash, directoryExists, writeFileAtomic } from '../io.js';
import { openOutput } from '../output-sink.js';
import { registryNamed } from '../sentry-version.js';
import { commandEntry } from '../command-table.js';

interface ConvertArgs extends GlobalOptions {
  readonly src: string;
  readonly dest: string;
  readonly to: string;
  readonly from?: string;
  readonly report?: string;
  readonly decryptWith?: string;
  readonly encryptWith?: string;
  readonly silent: boolean;
}

/** How many refused values stderr lists (all of them are in --report FILE). */
const LISTED_ERRORS = 20;

export function convertCommand(context: CommandContext): CommandModule<GlobalOptions, GlobalOptions> {
  const versions = REGISTRIES.map((registry) => registry.version).join(', ');
  return {
    command: commandEntry('convert').command,
    describe: commandEntry('convert').describe,
    builder: (yargs) => yargs
      .positional('src', { type: 'string', demandOption: true, describe: 'The export to convert, or - for stdin' })
      .positional('dest', { type: 'string', demandOption: true, describe: 'The converted export to write, or - for stdout' })
      .option('to', { type: 'string', demandOption: true, describe: `The Sentry version to convert for: ${versions}`, requiresArg: true })
      .option('from', { type: 'string', describe: 'The Sentry version SRC was exported by (default: the one its models and fields are consistent with)', requiresArg: true })
      .option('report', { type: 'string', describe: 'Write every change (renamed, dropped, derived, defaulted, repaired, rebuilt) and every refused value as JSON', requiresArg: true })
      .option('decrypt-with', { type: 'string', describe: 'SRC is Sentry\'s encrypted tarball; its private key (PEM)', requiresArg: true })
      .option('encrypt-with', { type: 'string', describe: 'Write Sentry\'s encrypted tarball for this public key (PEM)', requiresArg: true })
      .option('silent', { type: 'boolean', default: false, describe: 'No summary on stderr (refused values are still listed)' })
      .example('$0 convert old.json new.json --to 26.9.0', 'an export of an older self-hosted Sentry, for a newer one') as never,
    handler: (argv) => context.run(() => runConvert(context, argv as unknown as ConvertArgs)),
  };
}

async function runConvert(context: CommandContext, parsed: ConvertArgs): Promise<number> {
  const argv: ConvertArgs = { ...parsed, src: dash(parsed.src), dest: dash(parsed.dest) };
  const to = registryNamed(argv.to, '--to');
  const named = argv.from === undefined ? undefined : registryNamed(argv.from, '--from');
  if (argv.src !== '-') await checkReadable(argv.src);
  if (argv.decryptWith !== undefined) await checkReadable(argv.decryptWith, 'read the private key');
  if (argv.encryptWith !== undefined) await checkReadable(argv.encryptWith, 'read the public key');
  // The report is written after DEST: a folder that is not there must stop the command before DEST is.
  if (argv.report !== undefined && !(await directoryExists(dirname(argv.report)))) throw new FileError(fileErrorMessage('ENOENT', argv.report, 'write'));
  const { source, release } = await openInput(argv.src, argv.decryptWith, { verb: 'convert', keyOption: '--decrypt-with' });
  try {
    const from = named ?? inferredVersion(context, source, argv);
    const { objects, report } = convertExport(source, { from, to, sourceName: shown(argv.src) });
    await writeObjects(context, argv, objects);
    if (argv.report !== undefined) await writeFileAtomic(argv.report, dumpPythonJson(report.toJSON(), { indent: 2, sortKeys: true }) + '\n');
    for (const error of report.errors.slice(0, LISTED_ERRORS)) {
      context.io.stderr(`Refused by Sentry ${to.version}: ${error.model} pk ${error.pk}${error.line === undefined ? '' : ` (line ${error.line})`}, field ${error.field}: ${error.reason}\n`);
    }
    if (report.errors.length > LISTED_ERRORS) context.io.stderr(`… and ${report.errors.length - LISTED_ERRORS} more refused values${argv.report === undefined ? ' (pass --report FILE for all of them)' : ` (all in ${argv.report})`}\n`);
    if (!argv.silent || report.errors.length > 0) context.io.stderr(`${summary(report, argv)}\n`);
    return report.errors.length > 0 ? EXIT.findings : EXIT.ok;
  } finally {
    await release();
  }
}

/** The version SRC is read as when --from is not given, said on stderr with why. */
function inferredVersion(context: CommandContext, source: ImportSource, argv: ConvertArgs): Registry {
  const versions = fileVersionsOf(fileShape(source, shown(argv.src)));
  const registry = registryForFile(versions, REGISTRIES);
  if (!argv.silent) context.io.stderr(`Reading ${shown(argv.src)} as Sentry ${registry.version} (pass --from to choose): ${describeFileVersions(versions)}\n`);
  return registry;
}

/** DEST in export's bytes (indent 2), or Sentry's encrypted tarball of the compact JSON; written only whole. */
async function writeObjects(context: CommandContext, argv: ConvertArgs, objects: readonly ExportObject[]): Promise<void> {
  if (argv.encryptWith !== undefined) {
    const collector = new TextCollector();
    const writer = new CompactExportWriter();
    for (const object of objects) collector.add(writer.object(object));
    collector.add(writer.end());
    await writeEncrypted(argv.dest, collector.bytes(), argv.encryptWith, context.io);
    return;
  }
  const sink = await openOutput(argv.dest, context.io);
  try {
    const writer = new ExportWriter(2);
    for (const object of objects) await sink.write(writer.object(object));
    await sink.write(writer.end());
    await sink.commit();
  } catch (error) {
    await sink.abandon();
    throw error;
  }
}

function summary(report: ConvertReport, argv: ConvertArgs): string {
  const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const parts = [`Converted ${plural(report.objectsIn, 'row')} of Sentry ${report.from} from ${shown(argv.src)} to ${plural(report.objectsOut, 'row')} for Sentry ${report.to} in ${argv.dest === '-' ? 'stdout' : argv.dest}`];
  const counts: [number, string][] = [
    [report.total('renamed-model'), 'renamed'], [report.total('dropped-rows'), 'dropped'], [report.total('rebuilt-rows'), 'rebuilt'],
  ];
  const rows = counts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  if (rows.length > 0) parts.push(`rows: ${rows.join(', ')}`);
  const values: [number, string][] = [
    [report.total('dropped-field'), 'dropped'], [report.total('renamed-field'), 'renamed'], [report.total('derived-field'), 'derived'],
    [report.total('defaulted-field'), 'defaulted'], [report.total('repaired-field'), 'repaired'],
  ];
  const fields = values.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  if (fields.length > 0) parts.push(`field values: ${fields.join(', ')}`);
  if (report.errors.length > 0) {
    parts.push(`${plural(report.errors.length, 'value')} Sentry ${report.to} refuses, written as they were: its import fails on them until they are fixed`);
  }
  if (rows.length + fields.length + report.errors.length > 0) parts.push(argv.report === undefined ? 'see --report FILE for every change' : `every change in ${argv.report}`);
  return parts.join('; ');
}
