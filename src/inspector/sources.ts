/**
 * Byte sources over what the page was given (a picked or dropped File, a fetched Blob, decrypted
 * bytes), in the shape the engine reads: re-readable, synchronous chunks. In a worker a File is
 * read slice by slice with FileReaderSync, so a large export is never one buffer; on the page's
 * own thread (opened from disk, where workers are not allowed) it is read whole first.
 */
import { SNIFF_BYTES, decryptEncryptedExport, identifyFile } from '../crypto/index.js';
import type { ImportSource } from '../engine/import/index.js';
import type { GivenFile } from './session-protocol.js';

const SLICE = 1 << 20;

/** The synchronous reader workers have (not in TypeScript's DOM library). */
interface FileReaderSyncLike {
  readAsArrayBuffer(blob: Blob): ArrayBuffer;
}
type FileReaderSyncClass = new () => FileReaderSyncLike;

/** Told the bytes read so far in the current pass and the file's size. */
export type ReadProgress = (bytesRead: number, bytesTotal: number) => void;

/** A source that can report how far each pass has got. */
export interface CountedSource extends ImportSource {
  readonly size: number;
  onRead: ReadProgress | undefined;
}

export function bytesSource(bytes: Uint8Array): CountedSource {
  const source: CountedSource = {
    size: bytes.length,
    onRead: undefined,
    *chunks() {
      for (let at = 0; at < bytes.length; at += SLICE) {
        const end = Math.min(at + SLICE, bytes.length);
        yield bytes.subarray(at, end);
        source.onRead?.(end, bytes.length);
      }
    },
  };
  return source;
}

function blobSource(blob: Blob, Reader: FileReaderSyncClass): CountedSource {
  const reader = new Reader();
  const source: CountedSource = {
    size: blob.size,
    onRead: undefined,
    *chunks() {
      for (let at = 0; at < blob.size; at += SLICE) {
        const end = Math.min(at + SLICE, blob.size);
        yield new Uint8Array(reader.readAsArrayBuffer(blob.slice(at, end)));
        source.onRead?.(end, blob.size);
      }
    },
  };
  return source;
}

/**
 * What the file is decides how it is read (crypto/file-kind.ts, the CLI's sniffing too): Sentry's
 * encrypted tarball (plain or gzip-compressed) needs its key; a SQLite database or another
 * compressed file is named for what it is; anything else is read as JSON.
 */
export async function openGivenFile(given: GivenFile): Promise<CountedSource> {
  const kind = await identifyFile(new Uint8Array(await given.file.slice(0, SNIFF_BYTES).arrayBuffer()));
  if (kind === 'tar' || kind === 'gzipped-tar') {
    if (given.privateKey === undefined) {
      throw new InspectorInputError('KeyRequired', `${given.name} is an encrypted export (a tarball): choose its private key (PEM) first`);
    }
    const tarball = new Uint8Array(await given.file.arrayBuffer());
    const key = new Uint8Array(await given.privateKey.arrayBuffer());
    return bytesSource(await decryptEncryptedExport(tarball, key));
  }
  if (kind === 'sqlite') {
    throw new InspectorInputError('WrongFileKind', `${given.name} is a SQLite database, not an export: export it first (relocate export global OUT.json --db ${given.name})`);
  }
  if (kind === 'gzip' || kind === 'bzip2' || kind === 'xz') {
    throw new InspectorInputError('WrongFileKind', `${given.name} is ${kind}-compressed${kind === 'gzip' ? ' and holds no tarball' : ''}: decompress it first and open what it holds`);
  }
  const Reader = (globalThis as { FileReaderSync?: FileReaderSyncClass }).FileReaderSync;
  if (Reader !== undefined) return blobSource(given.file, Reader);
  return bytesSource(new Uint8Array(await given.file.arrayBuffer()));
}

/** A problem with what the user chose (rather than with the file's contents). */
export class InspectorInputError extends Error {
  constructor(readonly kind: string, message: string) {
    super(message);
  }
}
