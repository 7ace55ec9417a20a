/**
 * Where a command's data goes: stdout (`-`), or a file that appears only when the command
 * succeeds (written beside it, then renamed), so that a failed export never leaves half a backup.
 * Text is gathered into chunks of about 1 MiB and written with backpressure.
 */
import { open, rename, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { CliIo } from './io.js';

const CHUNK = 1 << 20;

export interface OutputSink {
  write(text: string): Promise<void>;
  /** Flushes and, for a file, puts it in place. */
  commit(): Promise<void>;
  /** Throws away what was written (a file is removed; stdout cannot be taken back). */
  abandon(): Promise<void>;
}

export async function openOutput(dest: string, io: CliIo): Promise<OutputSink> {
  let buffer = '';
  if (dest === '-') {
    return {
      async write(text) {
        buffer += text;
        if (buffer.length >= CHUNK) {
          const chunk = buffer;
          buffer = '';
          await io.writeStdout(chunk);
        }
      },
      async commit() {
        if (buffer.length > 0) await io.writeStdout(buffer);
        buffer = '';
      },
      async abandon() {
        buffer = '';
      },
    };
  }
  const temporary = join(dirname(dest), `.${basename(dest)}.${process.pid}.tmp`);
  const handle: FileHandle = await open(temporary, 'w');
  let closed = false;
  const close = async (): Promise<void> => {
    if (!closed) await handle.close();
    closed = true;
  };
  return {
    async write(text) {
      buffer += text;
      if (buffer.length >= CHUNK) {
        const chunk = buffer;
        buffer = '';
        await handle.write(chunk);
      }
    },
    async commit() {
      if (buffer.length > 0) await handle.write(buffer);
      buffer = '';
      await close();
      await rename(temporary, dest);
    },
    async abandon() {
      buffer = '';
      await close();
      await rm(temporary, { force: true });
    },
  };
}
