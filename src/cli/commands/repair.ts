/**
 * `relocate repair SRC DEST [--report FILE] [--decrypt-with KEY] [--encrypt-with KEY]`: the file
 * written again with what can be repaired safely repaired (engine/repair), in export's bytes (or
 * Sentry's encrypted tarball). The repaired text is checked before DEST is written: DEST appears
 * only when it checks clean. What cannot be repaired is listed and nothing is written (exit 1).
 */
import type { CommandModule } from 'yargs';
import { problemJson, problemPlace } from '../../core/check/problem.js';
import type { Problem } from '../../core/check/problem.js';
import { CompactExportWriter } from '../../core/json/compact-writer.js';
import { ExportWriter } from '../../core/json/export-writer.js';
import { dumpPythonJson } from '../../core/json/python-json.js';
import type { Registry } from '../../core/registry/index.js';
import { checkExport } from '../../engine/check/index.js';
import type { CheckSummary, RepairPlan } from '../../engine/check/index.js';
import type { ImportSource } from '../../engine/import/index.js';
import { planRepair, repairedObjects } from '../../engine/repair/index.js';
import type { CommandContext, GlobalOptions } from '../context.js';
import { TextCollector, openInput, writeEncrypted } from '../encryption.js';
import { CommandError, EXIT } from '../exit.js';
import { dash, directoryExists, writeFileAtomic } from '../io.js';
import { FileError, fileErrorMessage } from '../file-errors.js';
import { dirname } from 'node:path';
import { openOutput } from '../output-sink.js';
import { sentryVersionOption } from '../sentry-version.js';
import { fileRegistry } from './check.js';
import { commandEntry } from '../command-table.js';

interface RepairArgs extends GlobalOptions {
  readonly src: string;
  readonly dest: string;
  readonly report?: string;
  readonly decryptWith?: string;
  readonly encryptWith?: string;
  readonly silent: boolean;
  readonly sentryVersion?: string;
}

/** Unrepairable problems listed on stderr (every one is in --report). */
const LISTED = 10;

export function repairCommand(context: CommandContext): CommandModule<GlobalOptions, GlobalOptions> {
  return {
    command: commandEntry('repair').command,
    describe: commandEntry('repair').describe,
    builder: (yargs) => yargs
      .positional('src', { type: 'string', demandOption: true, describe: 'The export to repair, or - for stdin' })
      .positional('dest', { type: 'string', demandOption: true, describe: 'The repaired export to write, or - for stdout' })
      .option('report', { type: 'string', describe: 'Write every change (and what could not be repaired) as JSON to this file', requiresArg: true })
      .option('decrypt-with', { type: 'string', describe: 'SRC is Sentry\'s encrypted tarball; decrypt it with this private key (PKCS#8 PEM)', requiresArg: true })
      .option('encrypt-with', { type: 'string', describe: 'Write DEST as Sentry\'s encrypted tarball for this public key (PEM)', requiresArg: true })
      .option('silent', { type: 'boolean', default: false, describe: 'No summary on stderr' })
      .option('sentry-version', { ...sentryVersionOption, describe: `${sentryVersionOption.describe}; default: the version the file comes from` }) as never,
    handler: (argv) => context.run(() => runRepair(context, argv as unknown as RepairArgs)),
  };
}

/** The repaired file as a source, made again each time it is read (for the check before writing). */
function repairedSource(source: ImportSource, registry: Registry, plan: RepairPlan): ImportSource {
  return {
    *chunks() {
      const encoder = new TextEncoder();
      const writer = new ExportWriter(2);
      for (const object of repairedObjects(source, registry, plan)) yield encoder.encode(writer.object(object));
      yield encoder.encode(writer.end());
    },
  };
}

/** The repaired text checked as a Global import of its version would read it: it must have no error. */
function recheckRepaired(repaired: ImportSource, registry: Registry, name: string): CheckSummary {
  const run = checkExport(repaired, { registry, scope: 'Global' });
  let firstError: Problem | undefined;
  for (let next = run.next(); ; next = run.next()) {
    if (next.done === true) {
      if (firstError === undefined) return next.value;
      throw new CommandError(`the repaired ${name} would still not import (${firstError.kind} at ${problemPlace(firstError)}: ${firstError.message}); nothing was written. Please report this`);
    }
    if (next.value.severity === 'error') firstError ??= next.value;
  }
}

function reportJson(argv: RepairArgs, registry: Registry, changes: readonly Problem[], unrepairable: readonly Problem[], written: boolean): string {
  const entry = (found: Problem) => ({ action: found.repair ?? null, ...problemJson(found) });
  return dumpPythonJson({
    source: argv.src === '-' ? 'stdin' : argv.src,
    dest: written ? (argv.dest === '-' ? 'stdout' : argv.dest) : null,
    sentry_version: registry.version,
    written,
    changes: changes.map(entry),
    unrepairable: unrepairable.map(entry),
  }, { indent: 2, sortKeys: true }) + '\n';
}

async function runRepair(context: CommandContext, parsed: RepairArgs): Promise<number> {
  const argv: RepairArgs = { ...parsed, src: dash(parsed.src), dest: dash(parsed.dest) };
  // Refused before the work, not after it: the files repair writes need a folder that exists.
  for (const path of [argv.dest, argv.report]) {
    if (path !== undefined && path !== '-' && !(await directoryExists(dirname(path)))) throw new FileError(fileErrorMessage('ENOENT', path, 'write'));
  }
  const opened = await openInput(argv.src, argv.decryptWith, { verb: 'repair', keyOption: '--decrypt-with' });
  const name = argv.src === '-' ? 'stdin' : argv.src;
  try {
    const registry = fileRegistry(opened.source, argv.sentryVersion);
    const { summary, changes, unrepairable } = planRepair(opened.source, registry);
    if (unrepairable.length > 0) {
      if (argv.report !== undefined) await writeFileAtomic(argv.report, reportJson(argv, registry, changes, unrepairable, false));
      const listed = unrepairable.slice(0, LISTED).map((found) => `  ${found.kind} at ${problemPlace(found)}: ${found.message}\n`).join('');
      const more = unrepairable.length > LISTED ? `  … and ${unrepairable.length - LISTED} more${argv.report === undefined ? ' (--report FILE lists every one)' : ` (in ${argv.report})`}\n` : '';
      context.io.stderr(`Cannot repair ${name}: ${unrepairable.length} problem${unrepairable.length === 1 ? '' : 's'} need a change by hand (relocate check ${name} says more); nothing was written:\n${listed}${more}`);
      return EXIT.findings;
    }
    const repaired = repairedSource(opened.source, registry, summary.plan);
    const recheck = recheckRepaired(repaired, registry, name);
    const rows = await write(context, argv, registry, summary.plan, opened.source);
    if (argv.report !== undefined) await writeFileAtomic(argv.report, reportJson(argv, registry, changes, [], true));
    if (!argv.silent) {
      const kinds = new Map<string, number>();
      for (const found of changes) kinds.set(found.kind, (kinds.get(found.kind) ?? 0) + 1);
      const what = [...kinds].map(([kind, count]) => `${kind} ${count}`).join(', ');
      context.io.stderr(`Repaired ${name} to ${argv.dest === '-' ? 'stdout' : argv.dest}: ${changes.length} change${changes.length === 1 ? '' : 's'}${what === '' ? '' : ` (${what})`}; ${rows} objects written; it checks clean for Sentry ${registry.version}${recheck.notes > 0 ? `, with ${recheck.notes} notes` : ''}\n`);
    }
    return EXIT.ok;
  } finally {
    await opened.release();
  }
}

/** Writes DEST (a file that appears only when complete, stdout, or an encrypted tarball); returns the objects written. */
async function write(context: CommandContext, argv: RepairArgs, registry: Registry, plan: RepairPlan, source: ImportSource): Promise<number> {
  let rows = 0;
  if (argv.encryptWith !== undefined) {
    const collector = new TextCollector();
    const writer = new CompactExportWriter();
    for (const object of repairedObjects(source, registry, plan)) { collector.add(writer.object(object)); rows++; }
    collector.add(writer.end());
    await writeEncrypted(argv.dest, collector.bytes(), argv.encryptWith, context.io);
    return rows;
  }
  const sink = await openOutput(argv.dest, context.io);
  try {
    const writer = new ExportWriter(2);
    for (const object of repairedObjects(source, registry, plan)) { await sink.write(writer.object(object)); rows++; }
    await sink.write(writer.end());
    await sink.commit();
  } catch (error) {
    await sink.abandon();
    throw error;
  }
  return rows;
}
