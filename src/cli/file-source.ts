/**
 * Import sources for the CLI: a regular file read in 1 MiB slices (so a backup larger than any
 * string Node can hold still imports), and everything that can be read only once (stdin, a FIFO,
 * a character device, `/dev/stdin`, a shell's `<(…)`), first spooled to a temporary file, because
 * an import reads its input twice (a checking pass before anything is written, then the writing
 * pass): reading a FIFO a second time waits forever for a writer that is gone. Before a JSON
 * reader starts, the file's first bytes say what it is (crypto/file-kind.ts): a tarball, a
 * compressed file or a SQLite database is refused by name, with what to do instead.
 */
import { closeSync, createReadStream, createWriteStream, fstatSync, openSync, readSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { access, constants, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileError, fileErrorMessage, systemError } from './file-errors.js';
import { RelocateError } from '../core/errors.js';
import { ENCRYPTED_TARBALL, SNIFF_BYTES, identifyFile } from '../crypto/index.js';
import type { FileKind } from '../crypto/index.js';
import type { ImportSource } from '../engine/import/index.js';

const SLICE = 1024 * 1024;

/** The command reading a file, for its messages. */
export interface InputReader {
  /** What it does with the file: "import", "compare", "sanitize", … */
  readonly verb: string;
  /** The option that makes it decrypt this file, if it has one. */
  readonly keyOption?: string;
  /** What to say when it was told to decrypt a plain JSON file (default: do so without keyOption). */
  readonly plainAdvice?: string;
}

/** Any command that reads SRC and can decrypt it with --decrypt-with (import, sanitize). */
export const DEFAULT_READER: InputReader = { verb: 'read', keyOption: '--decrypt-with' };

/** A file that cannot be read, or is not the kind of file the command reads. */
export class InputFileError extends RelocateError {
  constructor(readonly kind: 'WrongFileKind', message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** How the user's path is named in messages. */
export const shown = (path: string): string => (path === '-' ? 'stdin' : path);

/**
 * A file-system error as a located line that says what went wrong in words (file-errors.ts has
 * the words), and what the command was doing: `Cannot compare x.json: there is no such file …`.
 */
export function unreadable(path: string, what: string, error: unknown): unknown {
  const system = systemError(error);
  if (system === undefined) return error;
  return new FileError(readSentence(system.code, path, what, system.errno), { cause: error });
}

function readSentence(code: string, path: string, what: string, errno?: number): string {
  return fileErrorMessage(code, shown(path), 'read', errno).replace(/^Cannot read /, `Cannot ${what} `);
}

/** The whole file (or stdin), with file-system errors as `Cannot <verb> PATH: …`. */
export async function readInput(path: string, what = 'read'): Promise<Uint8Array> {
  try {
    if (path !== '-') return new Uint8Array(await readFile(path));
    const parts: Buffer[] = [];
    for await (const part of process.stdin) parts.push(part as Buffer);
    return new Uint8Array(Buffer.concat(parts));
  } catch (error) {
    throw unreadable(path, what, error);
  }
}

/**
 * Refuses a file of `kind` that the reader cannot take: for a JSON reader (`encrypted` false)
 * anything but JSON (or what its parser will report on); for a decrypting one anything but a
 * tarball.
 */
export function refuseWrongKind(kind: FileKind, path: string, reader: InputReader, encrypted: boolean): void {
  const name = shown(path);
  const refuse = (message: string): never => {
    throw new InputFileError('WrongFileKind', message);
  };
  const decompress = (format: string, tool: string) =>
    refuse(`${name} is ${format}-compressed: decompress it first (${tool}) and ${reader.verb} what it holds`);
  if (kind === 'sqlite') refuse(`${name} is a SQLite database, not an export: export it first (relocate export global OUT.json --db ${path === '-' ? 'THAT_FILE' : name})`);
  if (kind === 'bzip2') decompress('bzip2', 'bunzip2 -k');
  if (kind === 'xz') decompress('xz', 'unxz -k');
  if (encrypted) {
    if (kind === 'gzip') refuse(`${name} is gzip-compressed and holds no tarball, so not ${ENCRYPTED_TARBALL}: a compressed JSON export needs gunzip, and no ${reader.keyOption ?? 'key'}`);
    if (kind === 'json') refuse(`${name} is JSON, not ${ENCRYPTED_TARBALL}: ${reader.plainAdvice ?? `${reader.verb} it without ${reader.keyOption ?? 'a key'}`}`);
    return;
  }
  if (kind === 'gzip') decompress('gzip', 'gunzip -k');
  if (kind === 'tar' || kind === 'gzipped-tar') {
    const compressed = kind === 'gzipped-tar' ? ', gzip-compressed' : '';
    if (reader.keyOption === undefined) refuse(`${name} is already ${ENCRYPTED_TARBALL}${compressed}: give the JSON export itself`);
    refuse(`${name} is ${ENCRYPTED_TARBALL}${compressed}: pass ${reader.keyOption} PRIVATE_KEY.pem to ${reader.verb} it`);
  }
}

/** The first bytes of a file, for `identifyFile`. */
function readHead(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const head = new Uint8Array(SNIFF_BYTES);
    return head.subarray(0, readSync(fd, head, 0, SNIFF_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

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
export async function checkReadable(path: string, what = 'read'): Promise<Stats> {
  let found: Stats;
  try {
    found = await stat(path);
    await access(path, constants.R_OK);
  } catch (error) {
    throw unreadable(path, what, error);
  }
  if (found.isDirectory()) throw new FileError(readSentence('EISDIR', path, what));
  return found;
}

/**
 * A JSON source for `path`, or for stdin when it is "-", refused when it is not one (see
 * `refuseWrongKind`); `release` removes what was spooled.
 */
export async function openSource(path: string, reader: InputReader = DEFAULT_READER): Promise<{ source: ImportSource; release: () => Promise<void> }> {
  if (path === '-') return spool(process.stdin, path, reader);
  const found = await checkReadable(path, reader.verb);
  if (!found.isFile()) {
    // /dev/stdin names our own stdin, which cannot be opened again when it is a socket (as when
    // another program runs relocate): read it as "-".
    return isStdin(found) ? spool(process.stdin, '-', reader) : spool(createReadStream(path), path, reader);
  }
  let head: Uint8Array;
  try {
    head = readHead(path);
  } catch (error) {
    throw unreadable(path, reader.verb, error);
  }
  refuseWrongKind(await identifyFile(head), path, reader, false);
  return { source: fileSource(path), release: async () => undefined };
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
async function spool(input: Readable, path: string, reader: InputReader): Promise<{ source: ImportSource; release: () => Promise<void> }> {
  const folder = await mkdtemp(join(tmpdir(), 'relocate-input-'));
  const release = () => rm(folder, { recursive: true, force: true });
  const spooled = join(folder, 'input.json');
  try {
    try {
      await pipeline(input, createWriteStream(spooled));
    } catch (error) {
      throw path === '-' ? error : unreadable(path, reader.verb, error);
    }
    refuseWrongKind(await identifyFile(readHead(spooled)), path, reader, false);
  } catch (error) {
    await release();
    throw error;
  }
  return { source: fileSource(spooled), release };
}
