/**
 * Fernet (spec version 0x80) over WebCrypto, so the same module runs in Node and in a page:
 * base64url(0x80 ‖ big-endian seconds ‖ IV ‖ AES-128-CBC/PKCS7 ciphertext ‖ HMAC-SHA256) with
 * the key base64url(signing 16 B ‖ encryption 16 B). WebCrypto has no incremental AES or HMAC, so
 * one export is one buffer; the token is kept as bytes, never as one string.
 */
import { RelocateError } from '../core/errors.js';
import { decodeBase64, encodeBase64 } from './base64url.js';

const subtle = globalThis.crypto.subtle;
/** WebCrypto's types want ArrayBuffer-backed views; ours always are. */
const bytes = (view: Uint8Array): BufferSource => view as unknown as BufferSource;

/** A token that is not Fernet, or was made with another key, or was changed (Python's InvalidToken). */
export class InvalidTokenError extends RelocateError {
  readonly kind = 'InvalidToken';
}

async function keys(keyText: Uint8Array | string): Promise<{ sign: CryptoKey; encrypt: CryptoKey }> {
  const raw = decodeBase64(keyText);
  if (raw.length !== 32) throw new InvalidTokenError('A Fernet key must be 32 url-safe base64-encoded bytes');
  return {
    sign: await subtle.importKey('raw', bytes(raw.slice(0, 16)), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']),
    encrypt: await subtle.importKey('raw', bytes(raw.slice(16)), { name: 'AES-CBC' }, false, ['encrypt', 'decrypt']),
  };
}

/** A new key as Python's `Fernet.generate_key()` gives it: 44 ASCII bytes. */
export function generateFernetKey(): Uint8Array {
  return encodeBase64(globalThis.crypto.getRandomValues(new Uint8Array(32)));
}

export interface FernetParts {
  /** Unix seconds to stamp (default now). */
  readonly time?: number;
  /** The 16-byte IV (default random). */
  readonly iv?: Uint8Array;
}

/** The token (ASCII bytes, padded) of `plaintext` under `keyText`. */
export async function fernetEncrypt(keyText: Uint8Array | string, plaintext: Uint8Array, parts: FernetParts = {}): Promise<Uint8Array> {
  const { sign, encrypt } = await keys(keyText);
  const iv = parts.iv ?? globalThis.crypto.getRandomValues(new Uint8Array(16));
  const ciphertext = new Uint8Array(await subtle.encrypt({ name: 'AES-CBC', iv: bytes(iv) }, encrypt, bytes(plaintext)));
  const signed = new Uint8Array(25 + ciphertext.length + 32);
  signed[0] = 0x80;
  new DataView(signed.buffer).setBigUint64(1, BigInt(parts.time ?? Math.floor(Date.now() / 1000)), false);
  signed.set(iv, 9);
  signed.set(ciphertext, 25);
  const body = signed.subarray(0, 25 + ciphertext.length);
  signed.set(new Uint8Array(await subtle.sign('HMAC', sign, bytes(body))), body.length);
  return encodeBase64(signed);
}

/** The plaintext of a token; InvalidTokenError when the token is malformed, altered or of another key. */
export async function fernetDecrypt(keyText: Uint8Array | string, token: Uint8Array | string): Promise<Uint8Array> {
  const { sign, encrypt } = await keys(keyText);
  let data: Uint8Array;
  try {
    data = decodeBase64(token);
  } catch {
    throw new InvalidTokenError('The export is not a Fernet token (not url-safe base64)');
  }
  if (data.length < 57 || data[0] !== 0x80 || (data.length - 57) % 16 !== 0) throw new InvalidTokenError('The export is not a Fernet token of version 0x80');
  const mac = data.subarray(data.length - 32);
  const body = data.subarray(0, data.length - 32);
  if (!(await subtle.verify('HMAC', sign, bytes(mac), bytes(body)))) {
    throw new InvalidTokenError('The export\'s Fernet token failed its HMAC check: it was changed, or made with another key');
  }
  try {
    return new Uint8Array(await subtle.decrypt({ name: 'AES-CBC', iv: bytes(data.slice(9, 25)) }, encrypt, bytes(data.subarray(25, data.length - 32))));
  } catch {
    throw new InvalidTokenError('The export\'s Fernet token has invalid padding');
  }
}
