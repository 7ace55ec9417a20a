/**
 * Where a command's data goes: stdout (`-`), or a file that appears only when the command
 * succeeds (written beside it, then renamed), so that a failed export never leaves half a backup.
 *
 * Text is encoded straight into one 4 MiB buffer (the only copy between the text and the file),
 * which goes out whole: to a file with a synchronous write (no promise per chunk), to stdout with
 * backpressure. `write` returns a promise only when it flushed to stdout, so that a writer of a
 * million small objects awaits a few dozen times, not a million.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { FileError, fileErrorMessage, withFileErrors } from './file-errors.js';
import type { CliIo } from './io.js';
import { temporaryPath } from './io.js';

const CHUNK = 4 << 20;

export interface OutputSink {
  /** Adds text; a promise when the caller must wait for it (stdout was written). */
  write(text: string): Promise<void> | undefined;
  /** Flushes and, for a file, puts it in place. */
  commit(): Promise<void>;
  /** Throws away what was written (a file is removed; stdout cannot be taken back). */
  abandon(): Promise<void>;
}

/**
 * Buffers encoded text for `flush` (which takes the filled part, and may keep it only until it
 * returns); `finish` and `discard` end it either way.
 */
function buffered(flush: (bytes: Uint8Array) => Promise<void> | undefined, finish: () => Promise<void>, discard: () => Promise<void>): OutputSink {
  let buffer = Buffer.allocUnsafe(CHUNK);
  let used = 0;
  const drain = (): Promise<void> | undefined => {
    if (used === 0) return undefined;
    const bytes = buffer.subarray(0, used);
    const waiting = flush(bytes);
    // An asynchronous flush holds the bytes until it is done: the next text goes to a new buffer.
    if (waiting !== undefined) buffer = Buffer.allocUnsafe(CHUNK);
    used = 0;
    return waiting;
  };
  return {
    write(text) {
      // A UTF-8 character takes at most 3 bytes per UTF-16 unit: check room before encoding.
      if (used + text.length * 3 <= CHUNK) {
        used += buffer.write(text, used, 'utf8');
        return undefined;
      }
      const waiting = drain();
      if (text.length * 3 > CHUNK) {
        const whole = Buffer.from(text, 'utf8');
        return waiting === undefined ? flush(whole) : waiting.then(() => flush(whole));
      }
      used += buffer.write(text, used, 'utf8');
      return waiting;
    },
    async commit() {
      await drain();
      await finish();
    },
    async abandon() {
      used = 0;
      await discard();
    },
  };
}

export async function openOutput(dest: string, io: CliIo): Promise<OutputSink> {
  if (dest === '-') return buffered((bytes) => io.writeStdout(bytes), async () => undefined, async () => undefined);
  // Refused now rather than at the rename, after all the work.
  if ((await stat(dest).catch(() => undefined))?.isDirectory() === true) throw new FileError(fileErrorMessage('EISDIR', dest, 'write'));
  const temporary = temporaryPath(dest);
  // Every failure names DEST: the temporary file is ours, not the user's.
  const fd = await withFileErrors(dest, 'write', async () => openSync(temporary, 'w'));
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return buffered(
    (bytes) => {
      try {
        for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
      } catch (error) {
        // Thrown as a promise's rejection, so that every caller sees it where it awaits.
        return withFileErrors(dest, 'write', () => Promise.reject(error));
      }
      return undefined;
    },
    () => withFileErrors(dest, 'write', async () => {
      close();
      try {
        await rename(temporary, dest);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    }),
    async () => {
      try {
        close();
      } catch { /* already failing: the temporary file goes either way */ }
      await rm(temporary, { force: true });
    },
  );
}
