/**
 * Errors to text and exit codes, in one place. Exit codes: 0 done; 1 done, and differences or
 * findings were found; 2 the command could not do its job (bad arguments, bad input, a database
 * that refuses); 70 a bug in relocate (the message asks for a report; the stack only with
 * RELOCATE_DEBUG=1); 141 stdout was closed by its reader (`relocate export global - | head`):
 * nothing is printed, as a Unix tool killed by SIGPIPE prints nothing, and the shell sees the
 * same 141 it reports for one, so that a script with `pipefail` knows the output was cut short.
 */
import { RelocateError } from '../core/errors.js';
import { FileError, systemError, unwrappedFileErrorMessage } from './file-errors.js';
import type { CliIo } from './io.js';

export const EXIT = { ok: 0, findings: 1, failure: 2, internal: 70, outputClosed: 141 } as const;

/** A problem with how the command was called: the only errors followed by the pointer to --help. */
export class UsageError extends Error {}

/** The command refuses to go on (something exists, a question could not be asked): exit 2. */
export class CommandError extends Error {}

/** The reader of stdout went away (EPIPE): stop quietly. */
export class OutputClosedError extends Error {
  constructor() {
    super('stdout was closed by its reader');
  }
}

export function reportUsageError(error: UsageError, io: CliIo): number {
  io.stderr(`Error: ${error.message}\nRun "relocate --help" for usage.\n`);
  return EXIT.failure;
}

export function reportError(error: unknown, io: CliIo): number {
  if (error instanceof OutputClosedError) return EXIT.outputClosed;
  if (error instanceof RelocateError) {
    io.stderr(`Error: ${error.message} [${error.kind}]\n`);
    return EXIT.failure;
  }
  if (error instanceof UsageError) return reportUsageError(error, io);
  if (error instanceof CommandError || error instanceof FileError) {
    io.stderr(`Error: ${error.message}\n`);
    return EXIT.failure;
  }
  const system = systemError(error);
  if (system !== undefined) {
    // A file-system error no command wrapped with the user's path: the same words, never the code.
    io.stderr(`Error: ${unwrappedFileErrorMessage(system)}\n`);
    debugStack(error, io);
    return EXIT.failure;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`Error: internal error in relocate: ${message}\nPlease report it; run with RELOCATE_DEBUG=1 for details.\n`);
  debugStack(error, io);
  return EXIT.internal;
}

function debugStack(error: unknown, io: CliIo): void {
  if (io.env.RELOCATE_DEBUG === '1' && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
}
