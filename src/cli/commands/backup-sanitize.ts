/**
 * `relocate backup sanitize DEST --src SRC [--days-offset N] [--decrypt-with K] [--encrypt-with K]`:
 * Sentry's sanitizer, for a backup to attach to a support ticket. DEST appears only when done.
 */
import type { CommandModule } from 'yargs';
import { ExportWriter } from '../../core/json/export-writer.js';
import { CompactExportWriter } from '../../core/json/compact-writer.js';
import { sanitizeExport } from '../../engine/sanitize/index.js';
import type { CommandContext, GlobalOptions } from '../context.js';
import { TextCollector, openInput, writeEncrypted } from '../encryption.js';
import { dash } from '../io.js';
import { openOutput } from '../output-sink.js';
import { UsageError } from '../exit.js';
import { chooseRegistry, sentryVersionOption } from '../sentry-version.js';

interface SanitizeArgs extends GlobalOptions {
  readonly dest: string;
  readonly src: string;
  readonly daysOffset: number;
  readonly decryptWith?: string;
  readonly encryptWith?: string;
  readonly silent: boolean;
  readonly sentryVersion?: string;
}

export function sanitizeCommand(context: CommandContext): CommandModule<GlobalOptions, GlobalOptions> {
  return {
    command: 'sanitize <dest>',
    describe: 'Replace every identifying value of an export (emails, names, tokens, IPs, URLs, dates) consistently',
    builder: (yargs) => yargs
      .positional('dest', { type: 'string', demandOption: true, describe: 'The sanitized export to write, or - for stdout' })
      .option('src', { type: 'string', demandOption: true, describe: 'The export to sanitize', requiresArg: true })
      .option('days-offset', { type: 'number', default: 0, describe: 'Move every datetime by this many days too', requiresArg: true })
      .option('decrypt-with', { type: 'string', describe: 'SRC is an encrypted tarball; its private key (PEM)', requiresArg: true })
      .option('encrypt-with', { type: 'string', describe: 'Write an encrypted tarball for this public key (PEM)', requiresArg: true })
      .option('silent', { type: 'boolean', default: false, describe: 'No summary on stderr' })
      .option('sentry-version', sentryVersionOption) as never,
    handler: (argv) => context.run(() => runSanitize(context, argv as unknown as SanitizeArgs)),
  };
}

async function runSanitize(context: CommandContext, parsed: SanitizeArgs): Promise<void> {
  const argv: SanitizeArgs = { ...parsed, dest: dash(parsed.dest), src: dash(parsed.src) };
  if (!Number.isInteger(argv.daysOffset)) throw new UsageError(`--days-offset must be a whole number of days, got ${argv.daysOffset}`);
  const { source, release } = await openInput(argv.src, argv.decryptWith, { verb: 'sanitize', keyOption: '--decrypt-with' });
  try {
    const run = sanitizeExport(source, { registry: chooseRegistry(argv.sentryVersion), daysOffset: argv.daysOffset, sourceName: argv.src === '-' ? 'stdin' : argv.src });
    let rows = 0;
    if (argv.encryptWith !== undefined) {
      const collector = new TextCollector();
      const writer = new CompactExportWriter();
      for (const object of run.objects) { collector.add(writer.object(object)); rows++; }
      collector.add(writer.end());
      await writeEncrypted(argv.dest, collector.bytes(), argv.encryptWith, context.io);
    } else {
      const sink = await openOutput(argv.dest, context.io);
      try {
        const writer = new ExportWriter(2);
        for (const object of run.objects) {
          const waiting = sink.write(writer.object(object));
          if (waiting !== undefined) await waiting;
          rows++;
        }
        await sink.write(writer.end());
        await sink.commit();
      } catch (error) {
        await sink.abandon();
        throw error;
      }
    }
    if (!argv.silent) {
      const dropped = [...run.dropped].map(([model, count]) => `${model} (${count})`).join(', ');
      context.io.stderr(`Sanitized ${rows} rows to ${argv.dest === '-' ? 'stdout' : argv.dest}${dropped === '' ? '' : `; dropped rows of unknown models: ${dropped}`}\n`);
    }
  } finally {
    await release();
  }
}
