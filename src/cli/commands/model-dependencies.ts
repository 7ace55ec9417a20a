import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import { renderModelDependencies } from '../../core/graph/index.js';
import { chooseRegistry, sentryVersionOption } from '../sentry-version.js';
import type { CommandContext, GlobalOptions } from '../context.js';
import { withFileErrors } from '../file-errors.js';
import { writeFileAtomic } from '../io.js';
import { commandEntry } from '../command-table.js';

interface ModelDependenciesOptions extends GlobalOptions {
  readonly out: string;
  readonly sentryVersion?: string;
}

/**
 * `relocate model-dependencies --out DIR`: Sentry's `bin/generate-model-dependency-fixtures`,
 * writing detailed.json, flat.json, sorted.json and truncate.json from the registry.
 */
export function modelDependenciesCommand(context: CommandContext): CommandModule<GlobalOptions, ModelDependenciesOptions> {
  return {
    command: commandEntry('model-dependencies').command,
    describe: commandEntry('model-dependencies').describe,
    builder: (yargs) =>
      yargs
        .option('out', { type: 'string', demandOption: true, describe: 'Folder to write the four JSON files to', requiresArg: true })
        .option('sentry-version', sentryVersionOption)
        .example('$0 model-dependencies --out deps', 'write deps/detailed.json and the others'),
    handler: (argv) =>
      context.run(async () => {
        const registry = chooseRegistry(argv.sentryVersion);
        const files = renderModelDependencies(registry.models);
        await withFileErrors(argv.out, 'create the folder', () => mkdir(argv.out, { recursive: true }));
        for (const [name, text] of Object.entries(files)) await writeFileAtomic(join(argv.out, name), text);
        context.io.stderr(`Wrote ${Object.keys(files).join(', ')} to ${argv.out} (${registry.models.length} models of Sentry ${registry.version})\n`);
      }),
  };
}
