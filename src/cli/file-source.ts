/**
 * Import sources for the CLI: a file read in 1 MiB slices (so a backup larger than any string Node
 * can hold still imports), and stdin, first spooled to a temporary file because an import reads
 * its input twice (a checking pass before anything is written, then the writing pass).
 */
import { closeSync, createWriteStream, openSync, readSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ImportSource } from '../engine/import/index.js';

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

/** A source for `path`, or for stdin when it is "-"; `release` removes what was spooled. */
export async function openSource(path: string): Promise<{ source: ImportSource; release: () => Promise<void> }> {
  if (path !== '-') {
    // Fail now, with the file system's message, rather than inside the import.
    closeSync(openSync(path, 'r'));
    return { source: fileSource(path), release: async () => undefined };
  }
  const folder = await mkdtemp(join(tmpdir(), 'relocate-stdin-'));
  const spooled = join(folder, 'stdin.json');
  try {
    await pipeline(process.stdin, createWriteStream(spooled));
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  return { source: fileSource(spooled), release: () => rm(folder, { recursive: true, force: true }) };
}
