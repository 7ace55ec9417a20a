/**
 * The CLI's side of encrypted exports: keys and tarballs read from files, decrypted exports as
 * import sources (one buffer: WebCrypto cannot decrypt in pieces), encrypted ones written only
 * once complete, so that a failure leaves nothing at DEST.
 */
import { readFile } from 'node:fs/promises';
import { createEncryptedExport, decryptEncryptedExport, identifyFile, SNIFF_BYTES } from '../crypto/index.js';
import type { ImportSource } from '../engine/import/index.js';
import type { CliIo } from './io.js';
import { writeFileAtomic } from './io.js';
import { DEFAULT_READER, openSource, readInput, refuseWrongKind, shown, unreadable } from './file-source.js';
import type { InputReader } from './file-source.js';

export { readInput };

async function readKey(path: string, what: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw unreadable(path, `read the ${what}`, error);
  }
}

/** The JSON inside an encrypted export tarball (plain or gzip-compressed). */
export async function decryptFile(tarPath: string, privateKeyPath: string, reader: InputReader = DEFAULT_READER): Promise<Uint8Array> {
  const [tarball, key] = await Promise.all([readInput(tarPath, reader.verb), readKey(privateKeyPath, 'private key')]);
  refuseWrongKind(await identifyFile(tarball.subarray(0, SNIFF_BYTES)), tarPath, reader, true);
  return decryptEncryptedExport(tarball, key, shown(tarPath));
}

export function bytesSource(bytes: Uint8Array): ImportSource {
  return { chunks: () => [bytes] };
}

/**
 * SRC as a source, decrypted first when a private key is given, refused by name when it is not
 * the kind of file expected (see `refuseWrongKind`); `release` removes what was spooled.
 */
export async function openInput(path: string, privateKeyPath: string | undefined, reader: InputReader = DEFAULT_READER): Promise<{ source: ImportSource; release: () => Promise<void> }> {
  if (privateKeyPath === undefined) return openSource(path, reader);
  return { source: bytesSource(await decryptFile(path, privateKeyPath, reader)), release: async () => undefined };
}

/** Encrypts `json` with the public key in `publicKeyPath` and writes the tarball to DEST (`-`: stdout). */
export async function writeEncrypted(dest: string, json: Uint8Array, publicKeyPath: string, io: CliIo): Promise<void> {
  const tarball = await createEncryptedExport(json, await readKey(publicKeyPath, 'public key'));
  if (dest === '-') await io.writeStdout(tarball);
  else await writeFileAtomic(dest, tarball);
}

/** Collects text into one UTF-8 buffer (what Fernet encrypts). */
export class TextCollector {
  readonly #parts: Uint8Array[] = [];
  #length = 0;
  readonly #encoder = new TextEncoder();

  add(text: string): void {
    const part = this.#encoder.encode(text);
    this.#parts.push(part);
    this.#length += part.length;
  }

  bytes(): Uint8Array {
    const all = new Uint8Array(this.#length);
    let at = 0;
    for (const part of this.#parts) {
      all.set(part, at);
      at += part.length;
    }
    return all;
  }
}
