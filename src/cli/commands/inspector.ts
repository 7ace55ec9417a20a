/**
 * `relocate inspector [--port N] [--open FILE]`: serves the browser inspector on 127.0.0.1 and
 * prints its address on stdout. The page runs the engine itself (sql.js, in the browser); the
 * server only hands it files, and stops on Ctrl-C.
 */
import type { Argv, CommandModule } from 'yargs';
import type { CommandContext, GlobalOptions } from '../context.js';
import { startInspectorServer } from '../inspector-server.js';
import { commandEntry } from '../command-table.js';

interface InspectorArgs extends GlobalOptions {
  readonly port: number;
  readonly open?: string;
}

export const DEFAULT_INSPECTOR_PORT = 8740;

export function inspectorCommand(context: CommandContext): CommandModule<GlobalOptions, GlobalOptions> {
  return {
    command: commandEntry('inspector').command,
    describe: commandEntry('inspector').describe,
    builder: (yargs: Argv<GlobalOptions>) => yargs
      .option('port', { type: 'number', default: DEFAULT_INSPECTOR_PORT, describe: 'Port on 127.0.0.1 (0: any free port)', requiresArg: true })
      .option('open', { type: 'string', describe: 'An export the page opens at once (served to the page only)', requiresArg: true }),
    handler: (argv) => context.run(() => runInspector(context, argv as unknown as InspectorArgs)),
  };
}

async function runInspector(context: CommandContext, argv: InspectorArgs): Promise<void> {
  const server = await startInspectorServer({ port: argv.port, openFile: argv.open });
  context.io.stdout(`${server.url}\n`);
  context.io.stderr('The inspector runs in your browser; nothing is uploaded. Press Ctrl-C to stop.\n');
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
}
