/**
 * Base64 over bytes, both alphabets, without going through strings of the payload's size: btoa /
 * atob are ten times slower on an export and a token near the 512 MB string limit must stay bytes.
 * Encoding always pads (Python's urlsafe_b64decode requires it); decoding accepts either.
 */
const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const STANDARD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const PAD = 0x3d;

function table(alphabet: string): Uint8Array {
  const codes = new Uint8Array(64);
  for (let i = 0; i < 64; i++) codes[i] = alphabet.charCodeAt(i);
  return codes;
}
const ENCODE = { url: table(URL_SAFE), standard: table(STANDARD) };
const DECODE = new Int16Array(256).fill(-1);
for (let i = 0; i < 64; i++) {
  DECODE[URL_SAFE.charCodeAt(i)] = i;
  DECODE[STANDARD.charCodeAt(i)] = i;
}

export class Base64Error extends Error {}

/** The base64 text of `bytes` as ASCII bytes, padded. */
export function encodeBase64(bytes: Uint8Array, alphabet: 'url' | 'standard' = 'url'): Uint8Array {
  const codes = ENCODE[alphabet];
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out[o++] = codes[n >>> 18] as number;
    out[o++] = codes[(n >>> 12) & 63] as number;
    out[o++] = codes[(n >>> 6) & 63] as number;
    out[o++] = codes[n & 63] as number;
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = ((bytes[i] as number) << 16) | (rest === 2 ? (bytes[i + 1] as number) << 8 : 0);
    out[o++] = codes[n >>> 18] as number;
    out[o++] = codes[(n >>> 12) & 63] as number;
    out[o++] = rest === 2 ? (codes[(n >>> 6) & 63] as number) : PAD;
    out[o++] = PAD;
  }
  return out;
}

/** Bytes from base64 text (either alphabet; padding optional; ASCII whitespace ignored). */
export function decodeBase64(text: Uint8Array | string): Uint8Array {
  const input = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const out = new Uint8Array(Math.floor((input.length * 3) / 4) + 3);
  let o = 0;
  let bits = 0;
  let count = 0;
  let padding = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i] as number;
    if (c === PAD) {
      padding = true;
      continue;
    }
    if (c === 0x0a || c === 0x0d || c === 0x20 || c === 0x09) continue;
    const v = DECODE[c] as number;
    if (v < 0 || padding) throw new Base64Error(`Invalid base64 at byte ${i}`);
    bits = (bits << 6) | v;
    count++;
    if (count === 4) {
      out[o++] = (bits >>> 16) & 255;
      out[o++] = (bits >>> 8) & 255;
      out[o++] = bits & 255;
      bits = 0;
      count = 0;
    }
  }
  if (count === 1) throw new Base64Error('Invalid base64: a lone final character');
  if (count === 2) out[o++] = (bits >>> 4) & 255;
  if (count === 3) {
    out[o++] = (bits >>> 10) & 255;
    out[o++] = (bits >>> 2) & 255;
  }
  return out.subarray(0, o);
}
