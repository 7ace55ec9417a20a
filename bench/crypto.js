// Encrypt and decrypt speed of Sentry's encrypted export tarball (Fernet over the whole export,
// RSA-OAEP on the key, tar) on a large export, against Python's `cryptography` Fernet on the same
// bytes in the same run. Prints figures and ratios; asserts nothing. Part of `npm run bench`
// (CRYPTO_ROWS=N to resize; the default makes an export of about 220 MB).
import { createEncryptedExport, decryptEncryptedExport, generateKeyPair } from '../dist/crypto/index.js';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = fileURLToPath(new URL('../bin/relocate.js', import.meta.url));
const ROWS = Number(process.env.CRYPTO_ROWS ?? 700_000);
const folder = mkdtempSync(join(tmpdir(), 'relocate-bench-'));
const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;

execFileSync(process.execPath, [BIN, 'seed', 'synthetic', '--rows', String(ROWS), '--db', join(folder, 'source.sqlite'), '--silent']);
execFileSync(process.execPath, [BIN, 'export', 'global', join(folder, 'export.json'), '--db', join(folder, 'source.sqlite'), '--silent']);
const json = new Uint8Array(readFileSync(join(folder, 'export.json')));
const mb = json.length / 1e6;
const keys = await generateKeyPair();
const encoder = new TextEncoder();

let start = process.hrtime.bigint();
const tarball = await createEncryptedExport(json, encoder.encode(keys.publicPem));
const encrypt = seconds(start);
start = process.hrtime.bigint();
const back = await decryptEncryptedExport(tarball, encoder.encode(keys.privatePem));
const decrypt = seconds(start);
if (back.length !== json.length) throw new Error('the round trip lost bytes');

const python = spawnSync('/usr/bin/python3', ['-c', `
import sys, time
from cryptography.fernet import Fernet
data = open(sys.argv[1], 'rb').read()
f = Fernet(Fernet.generate_key())
t = time.perf_counter(); token = f.encrypt(data); e = time.perf_counter() - t
t = time.perf_counter(); f.decrypt(token); d = time.perf_counter() - t
print(e, d)`, join(folder, 'export.json')], { encoding: 'utf8' });
rmSync(folder, { recursive: true, force: true });

console.log(`\ncrypto: an export of ${mb.toFixed(0)} MB (${ROWS.toLocaleString('en-US')}-row synthetic instance)`);
console.log(`  relocate encrypt (Fernet + RSA-OAEP + tar): ${(mb / encrypt).toFixed(0)} MB/s (${encrypt.toFixed(2)} s)`);
console.log(`  relocate decrypt (tar + key check + Fernet): ${(mb / decrypt).toFixed(0)} MB/s (${decrypt.toFixed(2)} s)`);
if (python.status === 0) {
  const [pe, pd] = python.stdout.trim().split(' ').map(Number);
  console.log(`  Python cryptography Fernet encrypt / decrypt: ${(mb / pe).toFixed(0)} / ${(mb / pd).toFixed(0)} MB/s (${pe.toFixed(2)} / ${pd.toFixed(2)} s)`);
  console.log(`  ratio: encrypt ${(encrypt / pe).toFixed(2)}x, decrypt ${(decrypt / pd).toFixed(2)}x Python's time`);
} else {
  console.log(`  Python baseline skipped: /usr/bin/python3 with python3-cryptography is not available (${python.stderr.trim().split('\n').pop()})`);
}
