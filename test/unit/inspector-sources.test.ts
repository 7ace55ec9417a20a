/**
 * The inspector's reading of what the user chose (src/inspector/sources.ts), in Node: it asks the
 * same sniffing as the CLI (crypto/file-kind.ts), so a gzip-compressed tarball is Sentry's
 * encrypted export (key required, then decrypted), a SQLite database or compressed JSON is named
 * for what it is, and a damaged tar header is refused.
 */
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEncryptedExport, generateKeyPair } from '../../src/crypto/index.js';
import { openGivenFile } from '../../src/inspector/sources.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const EXPORT = '[{"model": "sentry.option", "pk": 1, "fields": {"key": "a", "value": "1"}}]';
let tarball: Uint8Array;
let privateKey: Blob;

const blob = (bytes: Uint8Array): Blob => new Blob([bytes as unknown as ArrayBuffer]);
async function text(given: Parameters<typeof openGivenFile>[0]): Promise<string> {
  const source = await openGivenFile(given);
  return [...source.chunks()].map((chunk) => new TextDecoder().decode(chunk)).join('');
}
async function refusal(given: Parameters<typeof openGivenFile>[0]): Promise<{ kind: string; message: string }> {
  const error = await openGivenFile(given).then(() => undefined, (reason: unknown) => reason as { kind: string; message: string });
  expect(error).toBeDefined();
  return { kind: (error as { kind: string }).kind, message: (error as { message: string }).message };
}

beforeAll(async () => {
  const keys = await generateKeyPair();
  privateKey = blob(utf8(keys.privatePem));
  tarball = await createEncryptedExport(utf8(EXPORT), utf8(keys.publicPem));
}, 30_000);

describe('openGivenFile', () => {
  it('reads plain JSON as it is', async () => {
    expect(await text({ file: blob(utf8(EXPORT)), name: 'a.json' })).toBe(EXPORT);
  });

  it('takes a gzip-compressed tarball as Sentry\'s encrypted export: key first, then its JSON', async () => {
    const gz = blob(gzipSync(tarball));
    expect(await refusal({ file: gz, name: 'a.tgz' })).toEqual({ kind: 'KeyRequired', message: 'a.tgz is an encrypted export (a tarball): choose its private key (PEM) first' });
    expect(await text({ file: gz, name: 'a.tgz', privateKey })).toBe(EXPORT);
  });

  it('names a SQLite database and gzip-compressed JSON', async () => {
    expect(await refusal({ file: blob(utf8('SQLite format 3\0 and pages')), name: 'r.sqlite' })).toEqual({
      kind: 'WrongFileKind', message: 'r.sqlite is a SQLite database, not an export: export it first (relocate export global OUT.json --db r.sqlite)',
    });
    expect(await refusal({ file: blob(gzipSync(utf8(EXPORT))), name: 'a.json.gz' })).toEqual({
      kind: 'WrongFileKind', message: 'a.json.gz is gzip-compressed and holds no tarball: decompress it first and open what it holds',
    });
  });

  it('refuses a tarball with a damaged header', async () => {
    const damaged = tarball.slice();
    damaged[1024 + 136 + 2] = (damaged[1024 + 136 + 2] as number) ^ 0x01;
    const { kind, message } = await refusal({ file: blob(damaged), name: 'a.tar', privateKey });
    expect(kind).toBe('InvalidTarball');
    expect(message).toMatch(/^the tarball: tar header 2 \(member "data\.key", at byte 1024\) fails its checksum/);
  });
});
