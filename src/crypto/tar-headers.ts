/**
 * Every header of a tar checked before modern-tar reads it: modern-tar (outside its strict mode,
 * whose errors name no member and which knows only the unsigned sum) reads a header whose checksum
 * is wrong, so one flipped bit in a size, a mode or a name would be taken at its word. Python's
 * tarfile refuses such a header, accepting the checksum as the unsigned or the signed sum of the
 * header's bytes with the checksum field read as eight spaces (old tars summed signed chars).
 * The walk follows modern-tar's (pax and GNU long-name blocks, bodyless types, a lone zero block
 * skipped), so every header modern-tar will parse has been checked, and a member whose data runs
 * past the end of the file is refused here as cut short rather than read short.
 */
import { RelocateError } from '../core/errors.js';
import { ENCRYPTED_TARBALL } from './file-kind.js';

const BLOCK = 512;
/** Types whose size field says nothing of data blocks (modern-tar's `isBodyless`). */
const BODYLESS = new Set('123456');
/** Metadata entries whose data describes the next header. */
const PAX = new Set('xg');
const GNU_LONG = new Set('LK');

/** A tarball that is not one of Sentry's encrypted exports, or is damaged. */
export class InvalidTarballError extends RelocateError {
  readonly kind = 'InvalidTarball';
}

/** Sums of a header block as Python's `calc_chksums`: [unsigned, signed], checksum field as spaces. */
export function headerChecksums(block: Uint8Array): [number, number] {
  let unsigned = 8 * 0x20;
  let signed = 8 * 0x20;
  for (let i = 0; i < BLOCK; i++) {
    if (i >= 148 && i < 156) continue;
    const byte = block[i] as number;
    unsigned += byte;
    signed += byte < 128 ? byte : byte - 256;
  }
  return [unsigned, signed];
}

/** A numeric field as modern-tar's `readNumeric` reads it (base-256 or octal); undefined if unreadable. */
function readNumber(block: Uint8Array, at: number, length: number): number | undefined {
  if (((block[at] as number) & 0x80) !== 0) {
    let value = (block[at] as number) & 0x7f;
    for (let i = 1; i < length; i++) value = value * 256 + (block[at + i] as number);
    return Number.isSafeInteger(value) ? value : undefined;
  }
  // Python's nti: up to the first NUL, surrounding whitespace ignored, octal digits (or nothing: 0).
  let text = '';
  for (let i = at; i < at + length && block[i] !== 0; i++) text += String.fromCharCode(block[i] as number);
  text = text.trim();
  return /^[0-7]*$/.test(text) ? (text === '' ? 0 : parseInt(text, 8)) : undefined;
}

function readText(bytes: Uint8Array, at: number, length: number): string {
  const field = bytes.subarray(at, at + length);
  const end = field.indexOf(0);
  return new TextDecoder().decode(end === -1 ? field : field.subarray(0, end));
}

const notTar = (name: string) => new InvalidTarballError(`${name} is not a tar file (it does not start with a tar header), so not ${ENCRYPTED_TARBALL}`);

const isZero = (block: Uint8Array): boolean => block.every((byte) => byte === 0);

/** The `size` (and `path`) records of a pax extended header's data. */
function paxRecords(data: Uint8Array): Map<string, string> {
  const records = new Map<string, string>();
  for (const line of new TextDecoder().decode(data).split('\n')) {
    const match = /^\d+ ([^=]+)=(.*)$/s.exec(line);
    if (match !== null) records.set(match[1] as string, match[2] as string);
  }
  return records;
}

/**
 * Refuses, with an InvalidTarballError naming `name`, the header and its byte offset, a tar any of
 * whose headers fails its checksum or holds an unreadable number, or whose data runs past the end.
 */
export function verifyTarHeaders(tar: Uint8Array, name = 'the tarball'): void {
  if (tar.length < BLOCK) throw notTar(name);
  let offset = 0;
  let index = 0;
  let globalSize: number | undefined;
  let next: { size?: number; name?: string } = {};
  while (offset + BLOCK <= tar.length) {
    const block = tar.subarray(offset, offset + BLOCK);
    if (isZero(block)) {
      const following = tar.subarray(offset + BLOCK, offset + 2 * BLOCK);
      if (following.length < BLOCK || isZero(following)) return;
      offset += BLOCK;
      continue;
    }
    index++;
    const type = String.fromCharCode(block[156] as number);
    const prefix = readText(block, 345, 155);
    // The member's name as modern-tar will give it (a pax path, else the POSIX prefix and name).
    const path = next.name ?? (readText(block, 257, 6) === 'ustar' && prefix !== '' ? `${prefix}/` : '') + readText(block, 0, 100);
    // JSON quoting keeps a damaged name (control characters, newlines) on the error's one line.
    const member = PAX.has(type) ? 'a pax header' : GNU_LONG.has(type) ? 'a GNU long-name header' : `member ${JSON.stringify(path)}`;
    const where = `${name}: tar header ${index} (${member}, at byte ${offset})`;
    const stored = readNumber(block, 148, 8);
    const [unsigned, signed] = headerChecksums(block);
    if (stored !== unsigned && stored !== signed) {
      if (index === 1 && offset === 0 && readText(block, 257, 5) !== 'ustar') throw notTar(name);
      const said = stored === undefined ? 'unreadable' : stored.toString(8);
      throw new InvalidTarballError(`${where} fails its checksum (stored ${said}, computed ${unsigned.toString(8)}, in octal): the tarball is damaged; get an intact copy`);
    }
    // modern-tar skips, without a word, a header with an unreadable number (and reads its data as headers).
    for (const [field, at, length] of [['mode', 100, 8], ['uid', 108, 8], ['gid', 116, 8], ['size', 124, 12], ['mtime', 136, 12]] as const) {
      // It reads the mode as octal only; the others may be base-256 too.
      const number = field === 'mode' && ((block[at] as number) & 0x80) !== 0 ? undefined : readNumber(block, at, length);
      if (number === undefined) throw new InvalidTarballError(`${where} has an unreadable ${field} field: the tarball is damaged; get an intact copy`);
    }
    const headerSize = readNumber(block, 124, 12) as number;
    // modern-tar reads a "file" whose name ends in "/" as a directory, without data.
    const bodyless = BODYLESS.has(type) || path.endsWith('/');
    const size = PAX.has(type) || GNU_LONG.has(type) ? headerSize : bodyless ? 0 : next.size ?? globalSize ?? headerSize;
    const dataEnd = offset + BLOCK + size;
    if (dataEnd > tar.length) {
      throw new InvalidTarballError(`${where} is cut short: its ${size} bytes of data run past the end of the file (${tar.length} bytes); get an intact copy`);
    }
    const data = tar.subarray(offset + BLOCK, dataEnd);
    if (PAX.has(type)) {
      const records = paxRecords(data);
      // modern-tar takes a pax size only when it is all digits.
      const text = records.get('size');
      const paxSize = text !== undefined && /^\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : undefined;
      if (type === 'g') globalSize = paxSize ?? globalSize;
      else next = { ...(paxSize !== undefined && { size: paxSize }), ...(records.has('path') && { name: records.get('path') as string }) };
    } else if (GNU_LONG.has(type)) {
      if (type === 'L') next = { ...next, name: readText(data, 0, data.length) };
    } else {
      next = {};
    }
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
}
