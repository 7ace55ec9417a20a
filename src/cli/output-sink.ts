/**
 * Where a command's data goes: stdout (`-`), or a file that appears only when the command
 * succeeds (written beside it, then renamed), so that a failed export never leaves half a backup.
 * Text is gathered into chunks of about 1 MiB and written with backpressure.
 */
import { open, rename, rm, stat } from 'node:fs/promises';
import { FileError, fileErrorMessage, withFileErrors } from './file-errors.js';
import type { CliIo } from './io.js';
import { temporaryPath } from './io.js';

const CHUNK = 1 << 20;

export interface OutputSink {
  write(text: string): Promise<void>;
  /** Flushes and, for a file, puts it in place. */
  commit(): Promise<void>;
  /** Throws away what was written (a file is removed; stdout cannot be taken back). */
  abandon(): Promise<void>;
}

/** Chunks text for `flush`; `finish` and `discard` end it either way. */
function chunked(flush: (chunk: string) => Promise<unknown>, finish: () => Promise<void>, discard: () => Promise<void>): OutputSink {
  let buffer = '';
  return {
    async write(text) {
      buffer += text;
      if (buffer.length < CHUNK) return;
      const chunk = buffer;
      buffer = '';
      await flush(chunk);
    },
    async commit() {
      if (buffer.length > 0) await flush(buffer);
      buffer = '';
      await finish();
    },
    async abandon() {
      buffer = '';
      await discard();
    },
  };
}

export async function openOutput(dest: string, io: CliIo): Promise<OutputSink> {
  if (dest === '-') return chunked(io.writeStdout, async () => undefined, async () => undefined);
  // Refused now rather than at the rename, after all the work.
  if ((await stat(dest).catch(() => undefined))?.isDirectory() === true) throw new FileError(fileErrorMessage('EISDIR', dest, 'write'));
  const temporary = temporaryPath(dest);
  // Every failure names DEST: the temporary file is ours, not the user's.
  const handle = await withFileErrors(dest, 'write', () => open(temporary, 'w'));
  return chunked(
    (chunk) => withFileErrors(dest, 'write', () => handle.write(chunk)),
    () => withFileErrors(dest, 'write', async () => {
      await handle.close();
      try {
        await rename(temporary, dest);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    }),
    async () => {
      await handle.close().catch(() => undefined);
      await rm(temporary, { force: true });
    },
  );
}
