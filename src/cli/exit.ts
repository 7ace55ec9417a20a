/**
 * Errors to text and exit codes, in one place. Exit codes: 0 done; 1 done, and differences or
 * findings were found; 2 the command could not do its job (bad arguments, bad input, a database
 * that refuses); 70 a bug in relocate (the message asks for a report; the stack only with
 * RELOCATE_DEBUG=1).
 */
import { RelocateError } from '../core/errors.js';
import type { CliIo } from './io.js';

export const EXIT = { ok: 0, findings: 1, failure: 2, internal: 70 } as const;

/** A problem with how the command was called, found by a command after parsing. */
export class UsageError extends Error {}

export function reportUsageError(error: UsageError, io: CliIo): number {
  io.stderr(`Error: ${error.message}\nRun "relocate --help" for usage.\n`);
  return EXIT.failure;
}

export function reportError(error: unknown, io: CliIo): number {
  if (error instanceof RelocateError) {
    io.stderr(`Error: ${error.message} [${error.kind}]\n`);
    return EXIT.failure;
  }
  if (error instanceof UsageError) return reportUsageError(error, io);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code) && error instanceof Error) {
    // A file-system error (ENOENT, EACCES, ...): the message already names the path.
    io.stderr(`Error: ${error.message}\n`);
    return EXIT.failure;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`Error: internal error in relocate: ${message}\nPlease report it; run with RELOCATE_DEBUG=1 for details.\n`);
  if (io.env.RELOCATE_DEBUG === '1' && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return EXIT.internal;
}
