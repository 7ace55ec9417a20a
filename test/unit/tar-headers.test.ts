/**
 * The tar under an encrypted export (src/crypto/tar-headers.ts, gzip.ts, encrypted-export.ts):
 * every header's checksum verified as Python's tarfile does (the unsigned or the signed sum, the
 * checksum field read as spaces), bit flips anywhere in a header refused with the header's
 * number, member and byte offset, the walk through pax headers as modern-tar reads them, data cut
 * short refused, and gzip-compressed tarballs read (a damaged one refused).
 */
import { gzipSync } from 'node:zlib';
import { packTar } from 'modern-tar';
import type { TarHeader } from 'modern-tar';
import { beforeAll, describe, expect, it } from 'vitest';
import { headerChecksums, InvalidTarballError, readEncryptedExport, verifyTarHeaders } from '../../src/crypto/index.js';

/** XORs one byte of `bytes` with `mask`. */
const flip = (bytes: Uint8Array, at: number, mask: number): void => {
  bytes[at] = (bytes[at] as number) ^ mask;
};
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const member = (name: string, body: Uint8Array, type: TarHeader['type'] = 'file') => ({
  header: { name, size: body.length, type, mode: 0o644, mtime: new Date(0) }, body,
});
const MEMBERS = { 'export.json': utf8('gAAAAAB-token'), 'data.key': new Uint8Array(256).fill(7), 'key.pub': utf8('-----BEGIN PUBLIC KEY-----\n') };

/** Writes the checksum field as tar does: six octal digits, NUL, space. */
function setChecksum(tar: Uint8Array, offset: number, value: number): void {
  const field = `${value.toString(8).padStart(6, '0')}\0 `;
  for (let i = 0; i < 8; i++) tar[offset + 148 + i] = field.charCodeAt(i);
}

const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidTarballError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

let tar: Uint8Array;
beforeAll(async () => {
  tar = await packTar(Object.entries(MEMBERS).map(([name, body]) => member(name, body)));
});

describe('verifyTarHeaders', () => {
  it('accepts what modern-tar writes, and locates headers by number, member and byte', () => {
    expect(() => verifyTarHeaders(tar, 'x.tar')).not.toThrow();
    const flipped = tar.slice();
    flip(flipped, 1024 + 100 + 4, 0x02); // the mode of data.key, header 2 at byte 1024 (export.json's 13 bytes take one block)
    expect(refusal(() => verifyTarHeaders(flipped, 'x.tar'))).toMatch(
      /^x\.tar: tar header 2 \(member "data\.key", at byte 1024\) fails its checksum \(stored \d+, computed \d+, in octal\): the tarball is damaged; get an intact copy$/);
    // A damaged name stays on the message's one line.
    const newline = tar.slice();
    newline[1024 + 2] = 0x0a;
    expect(refusal(() => verifyTarHeaders(newline))).toContain('tar header 2 (member "da\\na.key", at byte 1024)');
  });

  it('refuses a flip of the lowest or the highest bit of every header byte outside the checksum field', () => {
    const copy = tar.slice();
    const headers = [0, 1024, 2048];
    let refused = 0;
    for (const [index, offset] of headers.entries()) {
      for (let at = 0; at < 512; at++) {
        if (at >= 148 && at < 156) continue;
        for (const bit of [0, 7]) {
          flip(copy, offset + at, 1 << bit);
          const message = refusal(() => verifyTarHeaders(copy));
          // A flip in header 1 can also unmake the ustar magic, which reads as "not a tar file".
          expect(message.startsWith(`the tarball: tar header ${index + 1} `) || (index === 0 && message.includes('is not a tar file'))).toBe(true);
          flip(copy, offset + at, 1 << bit);
          refused++;
        }
      }
    }
    expect(refused).toBe(3 * 504 * 2);
    expect(copy).toEqual(tar);
  });

  it('accepts the signed sum too (old tars summed signed chars), as Python does, and nothing else', () => {
    const high = tar.slice();
    high[1024 + 265] = 0xe9; // a uname byte above 127: the two sums now differ by 256
    const [unsigned, signed] = headerChecksums(high.subarray(1024, 1536));
    expect(unsigned - signed).toBe(256);
    for (const sum of [unsigned, signed]) {
      setChecksum(high, 1024, sum);
      expect(() => verifyTarHeaders(high)).not.toThrow();
    }
    setChecksum(high, 1024, unsigned + 1);
    expect(refusal(() => verifyTarHeaders(high))).toContain('tar header 2 (member "data.key", at byte 1024) fails its checksum');
  });

  it('walks pax headers as modern-tar does: the pax header and the member after it are both checked', async () => {
    const long = `${'e'.repeat(120)}.json`; // one name of more than 100 bytes: only pax can hold it
    const withPax = await packTar([member(long, MEMBERS['export.json']), member('data.key', MEMBERS['data.key'])]);
    expect(String.fromCharCode(withPax[156] as number)).toBe('x');
    expect(() => verifyTarHeaders(withPax)).not.toThrow();
    const paxFlip = withPax.slice();
    flip(paxFlip, 136 + 3, 0x01);
    expect(refusal(() => verifyTarHeaders(paxFlip))).toContain('tar header 1 (a pax header, at byte 0) fails its checksum');
    const memberFlip = withPax.slice();
    flip(memberFlip, 1024 + 136 + 3, 0x01);
    expect(refusal(() => verifyTarHeaders(memberFlip))).toContain(`tar header 2 (member "${long}", at byte 1024) fails its checksum`);
  });

  it('refuses a header whose data runs past the end, and a file that is no tar', () => {
    expect(refusal(() => verifyTarHeaders(tar.subarray(0, 2048 + 520), 'cut.tar'))).toBe(
      'cut.tar: tar header 3 (member "key.pub", at byte 2048) is cut short: its 27 bytes of data run past the end of the file (2568 bytes); get an intact copy');
    // A last member's padding and the end-of-archive blocks may be missing (Python and modern-tar agree).
    expect(() => verifyTarHeaders(tar.subarray(0, 2048 + 512 + 27))).not.toThrow();
    const json = utf8(`[${' '.repeat(600)}]`);
    expect(refusal(() => verifyTarHeaders(utf8('not json'), 'text.json'))).toMatch(/^text\.json is not a tar file/);
    expect(refusal(() => verifyTarHeaders(json, 'plain.json'))).toMatch(/^plain\.json is not a tar file \(it does not start with a tar header\), so not Sentry's encrypted tarball/);
  });

  it('refuses a number field that is not octal even under a right checksum', () => {
    const bad = tar.slice();
    bad[1024 + 124 + 2] = 0x39; // a "9" in the size of data.key
    setChecksum(bad, 1024, headerChecksums(bad.subarray(1024, 1536))[0]);
    expect(refusal(() => verifyTarHeaders(bad))).toBe('the tarball: tar header 2 (member "data.key", at byte 1024) has an unreadable size field: the tarball is damaged; get an intact copy');
  });
});

describe('readEncryptedExport of a gzip-compressed tarball', () => {
  it('reads the members as from the plain tar', async () => {
    const members = await readEncryptedExport(gzipSync(tar));
    expect(members).toEqual(MEMBERS);
  });

  it('verifies the headers of what it inflates to', async () => {
    const flipped = tar.slice();
    flip(flipped, 2048 + 140, 0x04);
    await expect(readEncryptedExport(gzipSync(flipped), 'x.tar.gz')).rejects.toThrow(/^x\.tar\.gz: tar header 3 \(member "key\.pub", at byte 2048\) fails its checksum/);
  });

  it('refuses a damaged or cut gzip stream, and gzip of something else than a tar', async () => {
    const gz = gzipSync(tar);
    const damaged = gz.slice();
    flip(damaged, gz.length - 6, 0xff); // the CRC-32 of the content
    await expect(readEncryptedExport(damaged, 'x.tar.gz')).rejects.toThrow(/^x\.tar\.gz is gzip-compressed but does not decompress \(.+\): it is damaged or cut short; get an intact copy$/);
    await expect(readEncryptedExport(gz.subarray(0, gz.length >> 1), 'x.tar.gz')).rejects.toThrow(/does not decompress/);
    await expect(readEncryptedExport(gzipSync(utf8('[]')), 'x.json.gz')).rejects.toThrow(
      'x.json.gz is gzip-compressed, but what it holds is not a tar, so not Sentry\'s encrypted tarball (export.json, data.key, key.pub)');
  });
});
