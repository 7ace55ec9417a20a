/**
 * What kind of file a user gave, from its first bytes: every reader (the CLI's import, compare,
 * sanitize, encrypt and decrypt, and the inspector) asks here, so that a tarball, a compressed
 * file or a SQLite database handed to a JSON reader is named for what it is instead of failing
 * as "Expected a JSON array". Pure and browser-safe; only `identifyFile` looks inside gzip.
 */
import { gunzipHead } from './gzip.js';

export type FileKind =
  /** A tar (ustar magic at byte 257): Sentry's encrypted export is one. */
  | 'tar'
  /** A gzip stream holding a tar (only `identifyFile` tells this from plain 'gzip'). */
  | 'gzipped-tar'
  /** A gzip stream (of what, `sniffFileKind` cannot say). */
  | 'gzip'
  | 'bzip2'
  | 'xz'
  /** A SQLite database file. */
  | 'sqlite'
  /** Starts (after whitespace) with `[` or `{`. */
  | 'json'
  | 'unknown';

/** How many leading bytes the sniffing wants (a tar header is 512; gzip needs some to inflate). */
export const SNIFF_BYTES = 4096;

/** Sentry's encrypted export, as the messages name it. */
export const ENCRYPTED_TARBALL = 'Sentry\'s encrypted tarball (export.json, data.key, key.pub)';

const startsWith = (head: Uint8Array, magic: readonly number[], at = 0): boolean =>
  head.length >= at + magic.length && magic.every((byte, i) => head[at + i] === byte);

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));
const USTAR = ascii('ustar');
const SQLITE = [...ascii('SQLite format 3'), 0];
const GZIP = [0x1f, 0x8b];
const BZIP2 = ascii('BZh');
const XZ = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];

/** Whether bytes start a tar: the ustar magic of POSIX ("ustar\0") and GNU ("ustar ") headers. */
export function isTar(head: Uint8Array): boolean {
  return startsWith(head, USTAR, 257);
}

export function isGzip(head: Uint8Array): boolean {
  return startsWith(head, GZIP);
}

/** The kind of file that starts with `head` (give it at least SNIFF_BYTES when the file has them). */
export function sniffFileKind(head: Uint8Array): FileKind {
  if (isTar(head)) return 'tar';
  if (isGzip(head)) return 'gzip';
  if (startsWith(head, SQLITE)) return 'sqlite';
  if (startsWith(head, XZ)) return 'xz';
  if (startsWith(head, BZIP2) && head[3] !== undefined && head[3] >= 0x31 && head[3] <= 0x39) return 'bzip2';
  // A UTF-8 byte order mark may come before the JSON.
  for (const byte of head.subarray(startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0)) {
    if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) continue;
    return byte === 0x5b || byte === 0x7b ? 'json' : 'unknown';
  }
  return 'unknown';
}

/** `sniffFileKind`, and for gzip whether what it holds is a tar (inflating only the head). */
export async function identifyFile(head: Uint8Array): Promise<FileKind> {
  const kind = sniffFileKind(head);
  if (kind !== 'gzip') return kind;
  return isTar(await gunzipHead(head, 512)) ? 'gzipped-tar' : 'gzip';
}
