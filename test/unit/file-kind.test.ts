/**
 * What kind of file a reader was given (src/crypto/file-kind.ts), from its first bytes: the one
 * sniffing every CLI reader and the inspector use. A gzip stream is looked into (its head only)
 * to tell Sentry's gzip-compressed tarball from another compressed file.
 */
import { gzipSync } from 'node:zlib';
import { packTar } from 'modern-tar';
import { describe, expect, it } from 'vitest';
import { gunzipHead, identifyFile, sniffFileKind } from '../../src/crypto/index.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('sniffFileKind', () => {
  it.each([
    ['a JSON export', bytes('[\n  {"model": "sentry.user"}'), 'json'],
    ['a JSON object after whitespace', bytes(' \r\n\t{"model": 1}'), 'json'],
    ['JSON after a byte order mark', Uint8Array.from([0xef, 0xbb, 0xbf, 0x5b, 0x5d]), 'json'],
    ['text', bytes('not json'), 'unknown'],
    ['nothing', new Uint8Array(0), 'unknown'],
    ['a SQLite database', bytes('SQLite format 3\0\x10\0'), 'sqlite'],
    ['"SQLite format 3" without its NUL', bytes('SQLite format 3 is a file format'), 'unknown'],
    ['gzip', Uint8Array.from([0x1f, 0x8b, 8, 0]), 'gzip'],
    ['bzip2', bytes('BZh91AY&SY'), 'bzip2'],
    ['xz', Uint8Array.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0, 4]), 'xz'],
  ])('%s', (_, head, kind) => {
    expect(sniffFileKind(head)).toBe(kind);
  });

  it('a tar by its ustar magic at byte 257 (POSIX and GNU), not before', async () => {
    const tar = await packTar([{ header: { name: 'export.json', size: 1, type: 'file' }, body: bytes('x') }]);
    expect(sniffFileKind(tar)).toBe('tar');
    const gnu = tar.slice();
    gnu.set(bytes('ustar  \0'), 257);
    expect(sniffFileKind(gnu)).toBe('tar');
    expect(sniffFileKind(tar.subarray(0, 260))).toBe('unknown');
  });
});

describe('identifyFile', () => {
  it('tells a gzip-compressed tarball from gzip-compressed JSON, from the head alone', async () => {
    const tar = await packTar([{ header: { name: 'export.json', size: 40_000, type: 'file' }, body: crypto.getRandomValues(new Uint8Array(40_000)) }]);
    const gz = gzipSync(tar);
    expect(await identifyFile(gz.subarray(0, 4096))).toBe('gzipped-tar');
    expect(await identifyFile(gzipSync(bytes('[{"model": "sentry.user"}]')))).toBe('gzip');
    expect(await identifyFile(bytes('[]'))).toBe('json');
  });

  it('reads what a cut or damaged gzip head holds, without throwing', async () => {
    const gz = gzipSync(bytes('x'.repeat(100_000)));
    expect(await gunzipHead(gz.subarray(0, 100), 512)).toEqual(bytes('x'.repeat(512)));
    expect((await gunzipHead(Uint8Array.from([0x1f, 0x8b, 0xff, 0xff]), 512)).length).toBe(0);
  });
});
