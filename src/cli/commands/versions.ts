/** `relocate versions`: the Sentry versions relocate knows, oldest first, one a line (version, a tab, what it is). */
import type { CommandModule } from 'yargs';
import { describeRegistryVersions } from '../../core/registry/index.js';
import type { CommandContext, GlobalOptions } from '../context.js';

export function versionsCommand(context: CommandContext): CommandModule<GlobalOptions, GlobalOptions> {
  return {
    command: 'versions',
    describe: 'List the Sentry versions relocate knows, oldest first (for --sentry-version, convert --to and --from)',
    builder: (yargs) => yargs,
    handler: () => context.run(() => context.io.writeStdout(`${describeRegistryVersions()}\n`)),
  };
}
