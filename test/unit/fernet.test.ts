/**
 * Fernet (src/crypto/fernet.ts) and the RSA keys (src/crypto/rsa-keys.ts) over WebCrypto: the
 * Fernet spec's test vector both ways, tokens equal to an independent node:crypto build of the
 * spec for lengths around the AES block, a 1 MB round trip, any flipped bit or another key refused
 * as InvalidTokenError; generated key pairs that import back, whose public PEM is what the private
 * key implies (byte for byte, as Sentry compares key.pub) and what OpenSSL writes; OAEP-SHA256
 * interop with node:crypto; and the encrypted-export tarball's members.
 */
import { createCipheriv, createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, privateDecrypt, publicEncrypt, constants } from 'node:crypto';
import { unpackTar } from 'modern-tar';
import { describe, expect, it } from 'vitest';
import {
  createEncryptedExport, decodeBase64, decryptEncryptedExport, encodeBase64, fernetDecrypt, fernetEncrypt, generateFernetKey,
  generateKeyPair, importPrivateKey, importPublicKey, InvalidTokenError, KeyFormatError, publicPemOf,
} from '../../src/crypto/index.js';
import { unwrapKey, wrapKey } from '../../src/crypto/rsa-keys.js';

const SPEC_KEY = 'cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=';
const SPEC_TIME = 499162800;
const SPEC_IV = Uint8Array.from({ length: 16 }, (_, i) => i);
const SPEC_TOKEN = 'gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKZ_eEwCGM4BLLF_5CV9dOPmrhuVUPgJobwOz7JcbmrR64jVmpU4IwqDA==';

const ascii = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
const utf8 = (value: string): Uint8Array => new TextEncoder().encode(value);

/** The spec, built from node:crypto (OpenSSL), to compare our WebCrypto tokens with. */
function referenceToken(keyText: string, plaintext: Uint8Array, time: number, iv: Uint8Array): string {
  const key = Buffer.from(keyText, 'base64url');
  const cipher = createCipheriv('aes-128-cbc', key.subarray(16), iv);
  const head = Buffer.alloc(9);
  head[0] = 0x80;
  head.writeBigUInt64BE(BigInt(time), 1);
  const signed = Buffer.concat([head, iv, cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([signed, createHmac('sha256', key.subarray(0, 16)).update(signed).digest()]).toString('base64');
}
const urlSafe = (base64: string): string => base64.replaceAll('+', '-').replaceAll('/', '_');

describe('Fernet', () => {
  it('makes the spec\'s token for "hello" and decrypts it', async () => {
    const token = await fernetEncrypt(SPEC_KEY, utf8('hello'), { time: SPEC_TIME, iv: SPEC_IV });
    expect(ascii(token)).toBe(SPEC_TOKEN);
    expect(ascii(await fernetDecrypt(SPEC_KEY, SPEC_TOKEN))).toBe('hello');
    expect(ascii(await fernetDecrypt(utf8(SPEC_KEY), utf8(SPEC_TOKEN)))).toBe('hello');
  });

  it('decrypts the spec\'s token written without padding', async () => {
    expect(ascii(await fernetDecrypt(SPEC_KEY, SPEC_TOKEN.replace(/=+$/, '')))).toBe('hello');
  });

  for (const length of [0, 1, 15, 16, 17, 31, 32, 33]) {
    it(`encrypts ${length} bytes exactly as the spec (node:crypto) does, padded, and back`, async () => {
      const key = ascii(generateFernetKey());
      const plaintext = Uint8Array.from({ length }, (_, i) => (i * 37 + 11) & 255);
      const iv = Uint8Array.from({ length: 16 }, (_, i) => 255 - i);
      const token = await fernetEncrypt(key, plaintext, { time: 1_700_000_000, iv });
      expect(ascii(token)).toBe(urlSafe(referenceToken(key, plaintext, 1_700_000_000, iv)));
      const blocks = Math.floor(length / 16) + 1;
      expect(token.length).toBe(4 * Math.ceil((57 + 16 * blocks) / 3));
      expect(await fernetDecrypt(key, token)).toEqual(plaintext);
    });
  }

  it('round-trips 1 MB, stamping the current time and a fresh IV', async () => {
    const key = generateFernetKey();
    const plaintext = new Uint8Array(1 << 20);
    for (let i = 0; i < plaintext.length; i++) plaintext[i] = (i * 7919) & 255;
    const before = Math.floor(Date.now() / 1000);
    const token = await fernetEncrypt(key, plaintext);
    const again = await fernetEncrypt(key, plaintext);
    const data = decodeBase64(token);
    expect(data[0]).toBe(0x80);
    const stamped = Number(Buffer.from(data).readBigUInt64BE(1));
    expect(stamped).toBeGreaterThanOrEqual(before);
    expect(stamped).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(data.length).toBe(57 + (1 << 20) + 16);
    expect(ascii(again.subarray(0, 60))).not.toBe(ascii(token.subarray(0, 60)));
    expect(await fernetDecrypt(key, token)).toEqual(plaintext);
  });

  it('generates 44-character url-safe keys of 32 bytes, different each time', () => {
    const key = ascii(generateFernetKey());
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}=$/);
    expect(Buffer.from(key, 'base64url').length).toBe(32);
    expect(ascii(generateFernetKey())).not.toBe(key);
  });

  it('refuses the spec token with any one bit flipped: version, timestamp, IV, ciphertext or HMAC', async () => {
    const data = decodeBase64(SPEC_TOKEN);
    expect(data.length).toBe(1 + 8 + 16 + 16 + 32);
    for (let at = 0; at < data.length; at++) {
      for (let bit = 0; bit < 8; bit++) {
        const changed = data.slice();
        changed[at] = (changed[at] as number) ^ (1 << bit);
        await expect(fernetDecrypt(SPEC_KEY, encodeBase64(changed)), `byte ${at} bit ${bit}`).rejects.toThrow(InvalidTokenError);
      }
    }
  });

  it('refuses tokens of another key, cut short, extended, or not base64', async () => {
    const other = generateFernetKey();
    await expect(fernetDecrypt(other, SPEC_TOKEN)).rejects.toThrow(InvalidTokenError);
    await expect(fernetDecrypt(other, SPEC_TOKEN)).rejects.toThrow('failed its HMAC check');
    const data = decodeBase64(SPEC_TOKEN);
    await expect(fernetDecrypt(SPEC_KEY, encodeBase64(data.subarray(0, data.length - 1)))).rejects.toThrow(InvalidTokenError);
    await expect(fernetDecrypt(SPEC_KEY, encodeBase64(data.subarray(0, 56)))).rejects.toThrow(InvalidTokenError);
    await expect(fernetDecrypt(SPEC_KEY, encodeBase64(new Uint8Array([...data, ...new Uint8Array(16)])))).rejects.toThrow(InvalidTokenError);
    await expect(fernetDecrypt(SPEC_KEY, `${SPEC_TOKEN.slice(0, 10)}!${SPEC_TOKEN.slice(11)}`)).rejects.toThrow(InvalidTokenError);
    await expect(fernetDecrypt(SPEC_KEY, '')).rejects.toThrow(InvalidTokenError);
  });
});

describe('RSA keys', () => {
  it('generates a PKCS#8 / SPKI pair that imports back, and the private key implies the public PEM byte for byte', async () => {
    const { privatePem, publicPem } = await generateKeyPair();
    expect(privatePem).toMatch(/^-----BEGIN PRIVATE KEY-----\n([A-Za-z0-9+/]{64}\n)+[A-Za-z0-9+/=]{1,64}\n-----END PRIVATE KEY-----\n$/);
    expect(publicPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n([A-Za-z0-9+/]{64}\n)+[A-Za-z0-9+/=]{1,64}\n-----END PUBLIC KEY-----\n$/);
    const privateKey = await importPrivateKey(privatePem);
    await importPublicKey(utf8(publicPem));
    expect(await publicPemOf(privateKey)).toBe(publicPem);
    // The same text OpenSSL (and so Python's cryptography) writes for it.
    expect(createPublicKey(privatePem).export({ type: 'spki', format: 'pem' })).toBe(publicPem);
    expect((createPrivateKey(privatePem).asymmetricKeyDetails ?? {}).modulusLength).toBe(2048);
  });

  it('derives OpenSSL\'s SPKI PEM from a private key OpenSSL made', async () => {
    const pair = generateKeyPairSync('rsa', { modulusLength: 3072, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    expect(await publicPemOf(await importPrivateKey(pair.privateKey))).toBe(pair.publicKey);
  });

  it('wraps with OAEP-SHA256 as OpenSSL unwraps it, and unwraps what OpenSSL wraps', async () => {
    const { privatePem, publicPem } = await generateKeyPair();
    const keyText = generateFernetKey();
    const oaep = { oaepHash: 'sha256', padding: constants.RSA_PKCS1_OAEP_PADDING };
    const wrapped = await wrapKey(await importPublicKey(publicPem), keyText);
    expect(wrapped.length).toBe(256);
    expect(new Uint8Array(privateDecrypt({ key: privatePem, ...oaep }, wrapped))).toEqual(keyText);
    const theirs = publicEncrypt({ key: publicPem, ...oaep }, keyText);
    expect(await unwrapKey(await importPrivateKey(privatePem), new Uint8Array(theirs))).toEqual(keyText);
  });

  it('refuses PKCS#1 private keys, saying how to convert them', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    await expect(importPrivateKey(privateKey)).rejects.toThrow(KeyFormatError);
    await expect(importPrivateKey(privateKey)).rejects.toThrow('convert it to PKCS#8 first: openssl pkcs8 -topk8 -nocrypt -in KEY.pem -out KEY.pkcs8.pem');
  });

  it('refuses a public key as the private one, a private key as the public one, and text that is no PEM', async () => {
    const { privatePem, publicPem } = await generateKeyPair();
    await expect(importPrivateKey(publicPem)).rejects.toThrow('Expected a private key ("BEGIN PRIVATE KEY"), but this is a public key');
    await expect(importPublicKey(privatePem)).rejects.toThrow('give the public key (key.pub), not the private one');
    await expect(importPublicKey('hello')).rejects.toThrow(KeyFormatError);
  });
});

describe('encrypted export tarball', () => {
  it('holds export.json, data.key and key.pub, in that order, as regular files, and decrypts to the same bytes', async () => {
    const { privatePem, publicPem } = await generateKeyPair();
    const json = utf8('[{"model": "sentry.option", "pk": 1, "fields": {"key": "caf\u00e9 \u2713"}}]');
    const tarball = await createEncryptedExport(json, utf8(publicPem));
    const entries = await unpackTar(tarball);
    expect(entries.map((entry) => [entry.header.name, entry.header.type])).toEqual([['export.json', 'file'], ['data.key', 'file'], ['key.pub', 'file']]);
    const [token, wrapped, pub] = entries.map((entry) => entry.data ?? new Uint8Array(0));
    expect(ascii(pub as Uint8Array)).toBe(publicPem);
    expect((wrapped as Uint8Array).length).toBe(256);
    const keyText = new Uint8Array(privateDecrypt({ key: privatePem, oaepHash: 'sha256', padding: constants.RSA_PKCS1_OAEP_PADDING }, wrapped as Uint8Array));
    expect(ascii(keyText)).toMatch(/^[A-Za-z0-9_-]{43}=$/);
    expect(await fernetDecrypt(keyText, token as Uint8Array)).toEqual(json);
    expect(await decryptEncryptedExport(tarball, utf8(privatePem))).toEqual(json);
  });
});
