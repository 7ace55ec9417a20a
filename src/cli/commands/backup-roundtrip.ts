/**
 * `relocate backup roundtrip [--db FILE] [--reset-pks | --no-reset-pks] [--keep DIR]`: Sentry's
 * `import_export_then_validate` on the database. Prints per-model counts and the findings; exits 1
 * on any. The two exports go to files (in DIR with `--keep`, else a temporary folder), so that
 * a database of any size round-trips without holding an export in memory.
 */
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import { findingsFileText } from '../../core/findings.js';
import { roundtrip } from '../../engine/roundtrip/index.js';
import type { RoundtripResult, RoundtripStore } from '../../engine/roundtrip/index.js';
import { withDatabase } from '../database.js';
import { shownDatabase } from '../postgres-database.js';
import type { CommandContext, DatabaseArgs, GlobalOptions } from '../context.js';
import { databaseOptions, wantedRegistry } from '../context.js';
import { EXIT } from '../exit.js';
import { withFileErrors } from '../file-errors.js';
import { fileSource } from '../file-source.js';
import { writeFileAtomic } from '../io.js';
import { startProgress } from '../progress.js';
import { findingsText } from './backup.js';

interface RoundtripArgs extends GlobalOptions, DatabaseArgs {
  readonly resetPks: boolean;
  readonly keep?: string;
  readonly findingsFile?: string;
  readonly silent: boolean;
}

/** Writes each export to `folder/<name>.json` and reads it back from there. */
function fileStore(folder: string): RoundtripStore {
  return {
    save(name, text) {
      const path = join(folder, `${name}.json`);
      const fd = openSync(path, 'w');
      try {
        for (const part of text) writeSync(fd, part);
      } finally {
        closeSync(fd);
      }
      return fileSource(path);
    },
  };
}

export function roundtripCommand(context: CommandContext): CommandModule<GlobalOptions, GlobalOptions> {
  return {
    command: 'roundtrip',
    describe: 'Export Global, clear, import it back, export again and validate the two (replaces the data with its round trip)',
    builder: (yargs) =>
      databaseOptions(yargs, false)
        .option('reset-pks', { type: 'boolean', default: true, describe: 'Restart id sequences, so every pk must come back the same, which holds when each table\'s pks run 1…n without gaps (--no-reset-pks: every pk must differ)' })
        .option('keep', { type: 'string', describe: 'Leave expect.json and actual.json in this folder', requiresArg: true })
        .option('findings-file', { type: 'string', describe: 'Write the findings as Sentry findings JSON to this file', requiresArg: true })
        .option('silent', { type: 'boolean', default: false, describe: 'No progress on stderr' }) as never,
    handler: (argv) => context.run(() => runRoundtrip(context, argv as unknown as RoundtripArgs)),
  };
}

async function runRoundtrip(context: CommandContext, argv: RoundtripArgs): Promise<number> {
  const folder = argv.keep ?? mkdtempSync(join(tmpdir(), 'relocate-roundtrip-'));
  const progress = startProgress(context.io, argv.silent);
  const steps = ['export', 'import', 'export again', 'validate'];
  try {
    const database = {
      db: argv.db, backend: argv.backend, create: false, registry: wantedRegistry(argv), notice: (line: string) => argv.silent || context.io.stderr(`${line}\n`),
    };
    const result = await withDatabase(database, async (driver, { registry }) => {
      // Made once the database is known to exist: a refused command creates nothing.
      if (argv.keep !== undefined) await withFileErrors(folder, 'create the folder', async () => mkdirSync(folder, { recursive: true }));
      return roundtrip(driver, { registry, resetPks: argv.resetPks, store: fileStore(folder), onStep: (step) => progress.update(steps.indexOf(step), steps.length, step) });
    });
    progress.finish(`Round trip of ${shownDatabase(argv.db)} (${argv.resetPks ? 'reset' : 'continued'} pks)${argv.keep === undefined ? '' : `; exports kept in ${folder}`}`);
    if (argv.findingsFile !== undefined) await writeFileAtomic(argv.findingsFile, findingsFileText(result.findings));
    await context.io.writeStdout(countsTable(result) + (result.findings.length > 0 ? `\n${findingsText(result.findings)}` : ''));
    return result.findings.length === 0 ? EXIT.ok : EXIT.findings;
  } finally {
    if (argv.keep === undefined) rmSync(folder, { recursive: true, force: true });
  }
}

function countsTable(result: RoundtripResult): string {
  const rows = [...result.counts];
  const width = Math.max(5, ...rows.map(([model]) => model.length));
  const lines = [`${'model'.padEnd(width)}  expect  actual`];
  let total = 0;
  for (const [model, { expect, actual }] of rows) {
    lines.push(`${model.padEnd(width)}  ${String(expect).padStart(6)}  ${String(actual).padStart(6)}`);
    total += expect;
  }
  lines.push(`${total} rows of ${rows.length} models; ${result.findings.length} findings`);
  return `${lines.join('\n')}\n`;
}
