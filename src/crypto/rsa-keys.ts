/**
 * The RSA side of Sentry's encrypted exports, over WebCrypto: PEM keys (PKCS#8 private, SPKI
 * public), RSA-OAEP with SHA-256 and MGF1-SHA256 and no label wrapping the Fernet key text, key
 * generation, and the public key a private key implies, as the SPKI PEM Python's cryptography
 * writes (64-character lines), which Sentry compares byte for byte with the tarball's key.pub.
 */
import { RelocateError } from '../core/errors.js';
import { decodeBase64, encodeBase64 } from './base64url.js';

const subtle = globalThis.crypto.subtle;
const OAEP = { name: 'RSA-OAEP', hash: 'SHA-256' } as const;
const bytes = (view: Uint8Array): BufferSource => view as unknown as BufferSource;

/** A key file that is not the kind of key asked for, or not a key. */
export class KeyFormatError extends RelocateError {
  readonly kind = 'KeyFormatError';
}

/** Sentry's DecryptionError: the data key cannot be unwrapped with this private key. */
export class DecryptionError extends RelocateError {
  readonly kind = 'DecryptionError';
}

const PEM = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;

function pemBlock(pem: Uint8Array | string, what: string): { label: string; der: Uint8Array } {
  const text = typeof pem === 'string' ? pem : new TextDecoder().decode(pem);
  const match = PEM.exec(text);
  if (match === null) throw new KeyFormatError(`Expected ${what} as a PEM file (-----BEGIN …-----), found no PEM block`);
  return { label: match[1] as string, der: decodeBase64(match[2] as string) };
}

/** PEM text as Python's cryptography writes it: base64 in 64-character lines, a final newline. */
export function toPem(label: string, der: Uint8Array): string {
  const base64 = new TextDecoder().decode(encodeBase64(der, 'standard'));
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

export async function importPublicKey(pem: Uint8Array | string): Promise<CryptoKey> {
  const { label, der } = pemBlock(pem, 'a public key');
  if (label !== 'PUBLIC KEY') {
    throw new KeyFormatError(`Expected a public key ("BEGIN PUBLIC KEY"), found "BEGIN ${label}"${label.includes('PRIVATE') ? ': give the public key (key.pub), not the private one' : ''}`);
  }
  try {
    return await subtle.importKey('spki', bytes(der), OAEP, true, ['encrypt']);
  } catch (error) {
    throw new KeyFormatError(`The public key is not an RSA key WebCrypto can read: ${(error as Error).message}`, { cause: error });
  }
}

export async function importPrivateKey(pem: Uint8Array | string): Promise<CryptoKey> {
  const { label, der } = pemBlock(pem, 'a private key');
  if (label === 'RSA PRIVATE KEY') {
    throw new KeyFormatError('This private key is PKCS#1 ("BEGIN RSA PRIVATE KEY"); convert it to PKCS#8 first: openssl pkcs8 -topk8 -nocrypt -in KEY.pem -out KEY.pkcs8.pem');
  }
  if (label === 'PUBLIC KEY') throw new KeyFormatError('Expected a private key ("BEGIN PRIVATE KEY"), but this is a public key');
  if (label !== 'PRIVATE KEY') throw new KeyFormatError(`Expected a private key ("BEGIN PRIVATE KEY"), found "BEGIN ${label}"`);
  try {
    return await subtle.importKey('pkcs8', bytes(der), OAEP, true, ['decrypt']);
  } catch (error) {
    throw new KeyFormatError(`The private key is not an RSA key WebCrypto can read: ${(error as Error).message}`, { cause: error });
  }
}

/** The SPKI PEM of the public half of a private key. */
export async function publicPemOf(privateKey: CryptoKey): Promise<string> {
  const { n, e } = await subtle.exportKey('jwk', privateKey);
  if (n === undefined || e === undefined) throw new KeyFormatError('The private key has no RSA modulus or exponent');
  const publicKey = await subtle.importKey('jwk', { kty: 'RSA', n, e, alg: 'RSA-OAEP-256', ext: true }, OAEP, true, ['encrypt']);
  return toPem('PUBLIC KEY', new Uint8Array(await subtle.exportKey('spki', publicKey)));
}

export async function wrapKey(publicKey: CryptoKey, keyText: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle.encrypt(OAEP, publicKey, bytes(keyText)));
}

export async function unwrapKey(privateKey: CryptoKey, wrapped: Uint8Array): Promise<Uint8Array> {
  try {
    return new Uint8Array(await subtle.decrypt(OAEP, privateKey, bytes(wrapped)));
  } catch (error) {
    throw new DecryptionError('The data key (data.key) cannot be decrypted with this private key', { cause: error });
  }
}

/** A new RSA-2048 key pair: PKCS#8 private PEM and SPKI public PEM. */
export async function generateKeyPair(): Promise<{ privatePem: string; publicPem: string }> {
  const pair = await subtle.generateKey({ ...OAEP, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) }, true, ['encrypt', 'decrypt']);
  return {
    privatePem: toPem('PRIVATE KEY', new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey))),
    publicPem: toPem('PUBLIC KEY', new Uint8Array(await subtle.exportKey('spki', pair.publicKey))),
  };
}
