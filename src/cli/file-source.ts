/**
 * Import sources for the CLI: a regular file read in 1 MiB slices (so a backup larger than any
 * string Node can hold still imports), and everything that can be read only once (stdin, a FIFO,
 * a character device, `/dev/stdin`, a shell's `<(…)`), first spooled to a temporary file, because
 * an import reads its input twice (a checking pass before anything is written, then the writing
 * pass): reading a FIFO a second time waits forever for a writer that is gone.
 */
import { closeSync, createReadStream, createWriteStream, fstatSync, openSync, readSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { access, constants, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ImportSource } from '../engine/import/index.js';
import { FileError, asFileError, fileErrorMessage } from './file-errors.js';

const SLICE = 1024 * 1024;

export function fileSource(path: string): ImportSource {
  return {
    *chunks() {
      const fd = openSync(path, 'r');
      try {
        for (;;) {
          const buffer = new Uint8Array(SLICE);
          const read = readSync(fd, buffer, 0, SLICE, null);
          if (read === 0) return;
          yield buffer.subarray(0, read);
        }
      } finally {
        closeSync(fd);
      }
    },
  };
}

/**
 * Refuses, before any work, an input the user named that cannot be read: missing, a folder, no
 * permission. Never opens it: opening a FIFO waits for its writer.
 */
export async function checkReadable(path: string): Promise<Stats> {
  try {
    const found = await stat(path);
    if (found.isDirectory()) throw new FileError(fileErrorMessage('EISDIR', path, 'read'));
    await access(path, constants.R_OK);
    return found;
  } catch (error) {
    throw asFileError(error, path, 'read');
  }
}

/** A source for `path`, or for stdin when it is "-"; `release` removes what was spooled. */
export async function openSource(path: string): Promise<{ source: ImportSource; release: () => Promise<void> }> {
  if (path === '-') return spool(process.stdin, 'stdin');
  const found = await checkReadable(path);
  if (found.isFile()) return { source: fileSource(path), release: async () => undefined };
  // /dev/stdin names our own stdin, which cannot be opened again when it is a socket (as when
  // another program runs relocate): read it as "-".
  if (isStdin(found)) return spool(process.stdin, 'stdin');
  return spool(createReadStream(path), path);
}

function isStdin(found: Stats): boolean {
  try {
    const input = fstatSync(0);
    return input.dev === found.dev && input.ino === found.ino;
  } catch {
    return false;
  }
}

/** Copies a stream that can be read once into a temporary file, read from there as often as needed. */
async function spool(input: Readable, name: string): Promise<{ source: ImportSource; release: () => Promise<void> }> {
  const folder = await mkdtemp(join(tmpdir(), 'relocate-input-'));
  const release = () => rm(folder, { recursive: true, force: true });
  const spooled = join(folder, 'input.json');
  try {
    await pipeline(input, createWriteStream(spooled));
  } catch (error) {
    await release();
    throw name === 'stdin' ? error : asFileError(error, name, 'read');
  }
  return { source: fileSource(spooled), release };
}
