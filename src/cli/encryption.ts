/**
 * The CLI's side of encrypted exports: keys and tarballs read from files, decrypted exports as
 * import sources (one buffer: WebCrypto cannot decrypt in pieces), encrypted ones written only
 * once complete, so that a failure leaves nothing at DEST.
 */
import { readFile } from 'node:fs/promises';
import { createEncryptedExport, decryptEncryptedExport } from '../crypto/index.js';
import type { ImportSource } from '../engine/import/index.js';
import type { CliIo } from './io.js';
import { writeFileAtomic } from './io.js';
import { openSource } from './file-source.js';

export async function readInput(path: string): Promise<Uint8Array> {
  if (path !== '-') return new Uint8Array(await readFile(path));
  const parts: Buffer[] = [];
  for await (const part of process.stdin) parts.push(part as Buffer);
  return new Uint8Array(Buffer.concat(parts));
}

/** The JSON inside an encrypted export tarball. */
export async function decryptFile(tarPath: string, privateKeyPath: string): Promise<Uint8Array> {
  const [tarball, key] = await Promise.all([readInput(tarPath), readFile(privateKeyPath)]);
  return decryptEncryptedExport(tarball, new Uint8Array(key));
}

export function bytesSource(bytes: Uint8Array): ImportSource {
  return { chunks: () => [bytes] };
}

/** SRC as a source, decrypted first when a private key is given; `release` removes what was spooled. */
export async function openInput(path: string, privateKeyPath: string | undefined): Promise<{ source: ImportSource; release: () => Promise<void> }> {
  if (privateKeyPath === undefined) return openSource(path);
  return { source: bytesSource(await decryptFile(path, privateKeyPath)), release: async () => undefined };
}

/** Encrypts `json` with the public key in `publicKeyPath` and writes the tarball to DEST (`-`: stdout). */
export async function writeEncrypted(dest: string, json: Uint8Array, publicKeyPath: string, io: CliIo): Promise<void> {
  const tarball = await createEncryptedExport(json, new Uint8Array(await readFile(publicKeyPath)));
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
