/** `relocate versions`: the Sentry versions relocate knows, oldest first, one a line (version, a tab, what it is). */
import type { CommandModule } from 'yargs';
import { describeRegistryVersions } from '../../core/registry/index.js';
import type { CommandContext, GlobalOptions } from '../context.js';
import { commandEntry } from '../command-table.js';

export function versionsCommand(context: CommandContext): CommandModule<GlobalOptions, GlobalOptions> {
  return {
    command: commandEntry('versions').command,
    describe: commandEntry('versions').describe,
    builder: (yargs) => yargs,
    handler: () => context.run(() => context.io.writeStdout(`${describeRegistryVersions()}\n`)),
  };
}
