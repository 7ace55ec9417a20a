/**
 * The byte-level base64 codec under Fernet tokens, keys and PEM files (src/crypto/base64url.ts):
 * encoding equals Node's Buffer codecs (url-safe and standard, always padded, as Python's
 * urlsafe_b64encode) on pseudo-random inputs of every length 0..300; decoding takes padded and
 * unpadded text of either alphabet, skips PEM whitespace, and refuses what is not base64.
 */
import { describe, expect, it } from 'vitest';
import { Base64Error, decodeBase64, encodeBase64 } from '../../src/crypto/index.js';

/** Reproducible bytes (xorshift32), so a failure names an input that can be made again. */
function pseudoRandom(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed || 1;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = state & 255;
  }
  return out;
}

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
const LENGTHS = Array.from({ length: 301 }, (_, n) => n);

describe('encodeBase64', () => {
  it('encodes the RFC 4648 test vectors, padded, in both alphabets', () => {
    const vectors: [string, string][] = [['', ''], ['f', 'Zg=='], ['fo', 'Zm8='], ['foo', 'Zm9v'], ['foob', 'Zm9vYg=='], ['fooba', 'Zm9vYmE='], ['foobar', 'Zm9vYmFy']];
    for (const [plain, encoded] of vectors) {
      expect(text(encodeBase64(new TextEncoder().encode(plain)))).toBe(encoded);
      expect(text(encodeBase64(new TextEncoder().encode(plain), 'standard'))).toBe(encoded);
    }
  });

  it('uses - and _ for url, + and / for standard', () => {
    const bytes = new Uint8Array([0xfb, 0xff, 0xbf, 0xfe]);
    expect(text(encodeBase64(bytes))).toBe('-_-__g==');
    expect(text(encodeBase64(bytes, 'standard'))).toBe('+/+//g==');
  });

  it('equals Buffer\'s base64 and base64url (plus padding) for every length 0..300', () => {
    for (const length of LENGTHS) {
      const bytes = pseudoRandom(length, length + 7);
      const standard = Buffer.from(bytes).toString('base64');
      const url = text(encodeBase64(bytes));
      expect(url, `length ${length}`).toBe(standard.replaceAll('+', '-').replaceAll('/', '_'));
      expect(url.replace(/=+$/, ''), `length ${length}`).toBe(Buffer.from(bytes).toString('base64url'));
      expect(text(encodeBase64(bytes, 'standard')), `length ${length}`).toBe(standard);
      expect(url.length % 4, `length ${length}`).toBe(0);
    }
  });

  it('encodes a 1 MB buffer as Buffer does', () => {
    const bytes = pseudoRandom(1 << 20, 99);
    expect(text(encodeBase64(bytes, 'standard'))).toBe(Buffer.from(bytes).toString('base64'));
  });
});

describe('decodeBase64', () => {
  it('decodes padded and unpadded text, url-safe and standard, for every length 0..300', () => {
    for (const length of LENGTHS) {
      const bytes = pseudoRandom(length, length + 1000);
      const standard = Buffer.from(bytes).toString('base64');
      const unpadded = Buffer.from(bytes).toString('base64url');
      expect(decodeBase64(encodeBase64(bytes)), `length ${length}`).toEqual(bytes);
      expect(decodeBase64(unpadded), `length ${length}`).toEqual(bytes);
      expect(decodeBase64(standard), `length ${length}`).toEqual(bytes);
      expect(decodeBase64(new TextEncoder().encode(standard)), `length ${length}`).toEqual(bytes);
    }
  });

  it('skips the line breaks, spaces and tabs of PEM bodies', () => {
    expect(text(decodeBase64('Zm9v\nYmFy\r\n'))).toBe('foobar');
    expect(text(decodeBase64(' Zm9v\tYg== '))).toBe('foob');
  });

  it('decodes the empty text to no bytes', () => {
    expect(decodeBase64('')).toEqual(new Uint8Array(0));
    expect(decodeBase64('\n')).toEqual(new Uint8Array(0));
  });

  it('refuses characters outside both alphabets', () => {
    expect(() => decodeBase64('Zm9v!mFy')).toThrow(Base64Error);
    expect(() => decodeBase64('Zm9v!mFy')).toThrow('Invalid base64 at byte 4');
    expect(() => decodeBase64('Zm9vYmF\u00e9')).toThrow(Base64Error);
  });

  it('refuses data after padding', () => {
    expect(() => decodeBase64('Zg==Zg==')).toThrow('Invalid base64 at byte 4');
  });

  it('refuses a lone final character (no whole byte)', () => {
    expect(() => decodeBase64('Zm9vY')).toThrow(Base64Error);
    expect(() => decodeBase64('Zm9vY')).toThrow('Invalid base64: a lone final character');
  });
});
