/**
 * Encrypted exports against Python's `cryptography` (Debian's python3-cryptography), both ways,
 * with inline scripts that follow Sentry's src/sentry/backup/crypto.py step for step:
 * - Python makes the keys (PKCS#8 / SPKI PEM) and a tarball as `create_encrypted_export_tarball`
 *   does (Fernet key, token over compact JSON, OAEP-SHA256 data.key, tarfile "w" with export.json,
 *   data.key, key.pub), also gzip-compressed (tarfile "w:gz", which Sentry's "r:*" reads) and with a
 *   header summed as signed chars (which tarfile accepts); `relocate backup decrypt` gives its JSON
 *   bytes exactly and `relocate import global --decrypt-with` imports it (plain and gzipped) on both backends.
 * - relocate makes the keys and tarballs (`export global --encrypt-with`, `backup encrypt`); Python
 *   opens them as `decrypt_encrypted_tarball` does (regular files only, unknown member refused,
 *   key.pub byte-equal to the SPKI PEM of the private key, OAEP then Fernet) and finds the export.
 * orjson is not installed: `json.dumps(..., separators=(",", ":"), ensure_ascii=False)` stands in
 * for Sentry's `orjson.dumps` (the same bytes for an export: no floats orjson writes differently).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, temporaryFolder } from '../helpers/cli.js';

const PYTHON = '/usr/bin/python3';
const HAS_CRYPTOGRAPHY = spawnSync(PYTHON, ['-c', 'import cryptography.fernet'], { stdio: 'ignore' }).status === 0;
const BACKENDS = ['better-sqlite3', 'sql.js'] as const;

const COMMON = `
import io, json, sys, tarfile
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
OAEP = padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None)
def orjson_dumps(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
`;

/** Keys and a tarball the way Sentry makes them: argv = plain export, output folder. */
const MAKE = `${COMMON}
plain, out = sys.argv[1], sys.argv[2]
key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
private_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
public_pem = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
with open(plain, "rb") as f:
    payload = orjson_dumps(json.load(f))
data_encryption_key = Fernet.generate_key()
encrypted_json_export = Fernet(data_encryption_key).encrypt(payload)
encrypted_dek = serialization.load_pem_public_key(public_pem).encrypt(data_encryption_key, OAEP)
buffer = io.BytesIO()
with tarfile.open(fileobj=buffer, mode="w") as tar:
    for name, body in (("export.json", encrypted_json_export), ("data.key", encrypted_dek), ("key.pub", public_pem)):
        info = tarfile.TarInfo(name)
        info.size = len(body)
        tar.addfile(info, fileobj=io.BytesIO(body))
# The same members gzip-compressed, as tarfile mode "w:gz" writes them (Sentry reads with "r:*").
gzipped = io.BytesIO()
with tarfile.open(fileobj=gzipped, mode="w:gz") as tar:
    for name, body in (("export.json", encrypted_json_export), ("data.key", encrypted_dek), ("key.pub", public_pem)):
        info = tarfile.TarInfo(name)
        info.size = len(body)
        tar.addfile(info, fileobj=io.BytesIO(body))
# A header summed as signed chars (old tars did): a uname byte above 127, the checksum its signed sum.
signed = bytearray(buffer.getvalue())
signed[265] = 0xE9
signed[148:156] = b"        "
signed_sum = 256 + sum(b - 256 if b > 127 else b for i, b in enumerate(signed[:512]) if not 148 <= i < 156)
signed[148:156] = b"%06o\\0 " % signed_sum
assert [m.name for m in tarfile.open(fileobj=io.BytesIO(bytes(signed))).getmembers()] == ["export.json", "data.key", "key.pub"]
for name, body in (("key.pem", private_pem), ("key.pub", public_pem), ("export.tar", buffer.getvalue()), ("payload.json", payload),
                   ("export.tar.gz", gzipped.getvalue()), ("signed.tar", bytes(signed))):
    with open(out + "/" + name, "wb") as f:
        f.write(body)
`;

/** Sentry's unwrap + LocalFileDecryptor + decrypt: argv = private key, plain export, tarballs. */
const OPEN = `${COMMON}
def decrypt_encrypted_tarball(path, private_pem):
    export = encrypted_dek = public_key_pem = None
    names = []
    with tarfile.open(path, mode="r") as tar:
        for member in tar.getmembers():
            names.append([member.name, member.isfile()])
            if member.isfile():
                content = tar.extractfile(member).read()
                if member.name == "export.json":
                    export = content.decode("utf-8")
                elif member.name == "data.key":
                    encrypted_dek = content
                elif member.name == "key.pub":
                    public_key_pem = content
                else:
                    raise ValueError(f"Unknown tarball entity {member.name}")
    if export is None or encrypted_dek is None or public_key_pem is None:
        raise ValueError("A required file was missing from the temporary test tarball")
    private_key = serialization.load_pem_private_key(private_pem, password=None)
    derived = private_key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    if derived != public_key_pem:
        raise ValueError("The public key does not match that generated by the \`decrypt_with\` private key.")
    dek = private_key.decrypt(encrypted_dek, OAEP)
    return names, len(encrypted_dek), dek, Fernet(dek).decrypt(export)
with open(sys.argv[1], "rb") as f:
    private_pem = f.read()
with open(sys.argv[2], "rb") as f:
    plain = json.load(f)
results = {}
for path in sys.argv[3:]:
    names, wrapped_length, dek, decrypted = decrypt_encrypted_tarball(path, private_pem)
    results[path] = {"members": names, "wrapped": wrapped_length, "dek": len(dek), "equal": json.loads(decrypted) == plain,
                     "orjson_bytes": decrypted == orjson_dumps(plain),
                     "head": decrypted[:64].decode("utf-8"), "orjson_head": orjson_dumps(plain)[:64].decode("utf-8")}
print(json.dumps(results))
`;

function python(script: string, args: readonly string[], cwd: string): string {
  const run = spawnSync(PYTHON, ['-c', script, ...args], { cwd, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

const TITLE = HAS_CRYPTOGRAPHY ? 'encrypted exports with Python cryptography' : 'encrypted exports with Python (skipped: /usr/bin/python3 cannot import cryptography)';

describe.skipIf(!HAS_CRYPTOGRAPHY)(TITLE, () => {
  let dir: string;
  const read = (name: string): Buffer => readFileSync(join(dir, name));
  const ok = (...args: string[]): void => {
    const run = runCli(args, dir);
    expect(run.stderr.startsWith('Error'), run.stderr).toBe(false);
    expect(run.code).toBe(0);
  };
  let opened: Record<string, { members: [string, boolean][]; wrapped: number; dek: number; equal: boolean; orjson_bytes: boolean; head: string; orjson_head: string }>;

  beforeAll(() => {
    dir = temporaryFolder();
    ok('seed', 'exhaustive', '--db', 'a.sqlite');
    ok('export', 'global', 'plain.json', '--db', 'a.sqlite', '--silent');
    ok('keys', 'generate', '--out', 'rk');
    ok('export', 'global', 'exported.tar', '--db', 'a.sqlite', '--silent', '--encrypt-with', 'rk/key.pub');
    ok('backup', 'encrypt', 'encrypted.tar', '--src', 'plain.json', '--encrypt-with', 'rk/key.pub');
    mkdirSync(join(dir, 'py'));
    python(MAKE, ['plain.json', 'py'], dir);
    opened = JSON.parse(python(OPEN, ['rk/key.pem', 'plain.json', 'exported.tar', 'encrypted.tar'], dir)) as typeof opened;
  }, 120_000);

  describe('Python makes, relocate opens', () => {
    it('backup decrypt gives the exact JSON bytes Python encrypted', () => {
      expect(runCli(['backup', 'decrypt', 'py.json', '--src', 'py/export.tar', '--decrypt-with', 'py/key.pem'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(read('py.json').equals(read('py/payload.json'))).toBe(true);
      expect(JSON.parse(read('py.json').toString('utf8'))).toEqual(JSON.parse(read('plain.json').toString('utf8')));
    });

    it('backup decrypt reads Python\'s gzip-compressed tarball (tarfile "w:gz") and its signed-sum header, as tarfile does', () => {
      for (const tarball of ['py/export.tar.gz', 'py/signed.tar']) {
        expect(runCli(['backup', 'decrypt', 'py-other.json', '--src', tarball, '--decrypt-with', 'py/key.pem'], dir), tarball).toEqual({ code: 0, stdout: '', stderr: '' });
        expect(read('py-other.json').equals(read('py/payload.json')), tarball).toBe(true);
      }
    });

    it('compare --decrypt-left-with reads the Python tarball as the plain export', () => {
      const plain = runCli(['backup', 'compare', 'plain.json', 'plain.json'], dir);
      expect(runCli(['backup', 'compare', 'py/export.tar', 'plain.json', '--decrypt-left-with', 'py/key.pem'], dir)).toEqual(plain);
    });

    it('refuses the Python tarball with relocate\'s key, in Sentry\'s words', () => {
      const run = runCli(['backup', 'decrypt', 'dest/x.json', '--src', 'py/export.tar', '--decrypt-with', 'rk/key.pem'], dir);
      expect(run).toEqual({ code: 2, stdout: '', stderr: 'Error: The public key does not match that generated by the `decrypt_with` private key. [DecryptionError]\n' });
    });

    for (const [backend, tarball] of BACKENDS.flatMap((backend) => [[backend, 'export.tar'], [backend, 'export.tar.gz']] as const)) {
      it(`${backend}: import global --decrypt-with imports ${tarball}, and it exports back as the plain export`, () => {
        const cli = (...args: string[]) => runCli(['--backend', backend, ...args], dir);
        const rows = (JSON.parse(read('plain.json').toString('utf8')) as unknown[]).length;
        const run = cli('import', 'global', `py/${tarball}`, '--db', `py-${backend}.sqlite`, '--decrypt-with', 'py/key.pem', '--no-prompt');
        expect(run.stderr).toMatch(new RegExp(`^Imported ${rows} rows of \\d+ models \\(Global scope\\) from py/${tarball.replaceAll('.', '\\.')}\\n$`));
        expect(run.code).toBe(0);
        expect(cli('export', 'global', `py-${backend}.json`, '--db', `py-${backend}.sqlite`, '--silent').code).toBe(0);
        // An import renews UUIDs and subscription ids, and drops geo data: as in test/cli/import.test.ts.
        const strip = (text: string) => text.replace(/"(guid|subscription_id|detection_uuid|notification_uuid|country_code|region_code)": [^\n]*/g, '"$1": _');
        expect(strip(read(`py-${backend}.json`).toString('utf8'))).toBe(strip(read('plain.json').toString('utf8')));
      });
    }
  });

  describe('relocate makes, Python opens as Sentry does', () => {
    it('export global --encrypt-with: three regular members, a 256-byte data.key over a 44-byte Fernet key, the export inside', () => {
      expect(opened['exported.tar']).toMatchObject({
        members: [['export.json', true], ['data.key', true], ['key.pub', true]], wrapped: 256, dek: 44, equal: true,
      });
    });

    it('backup encrypt: the same', () => {
      expect(opened['encrypted.tar']).toMatchObject({
        members: [['export.json', true], ['data.key', true], ['key.pub', true]], wrapped: 256, dek: 44, equal: true,
      });
    });

    it('the Python checker is not vacuous: it refuses a tarball whose key.pub is not of the key given', () => {
      const run = spawnSync(PYTHON, ['-c', OPEN, 'py/key.pem', 'plain.json', 'exported.tar'], { cwd: dir, encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('ValueError: The public key does not match that generated by the `decrypt_with` private key.');
    });

    it('export global --encrypt-with encrypts compact JSON, as Sentry\'s orjson.dumps writes it', () => {
      const exported = opened['exported.tar'];
      expect(exported?.head).toBe(exported?.orjson_head);
      expect(exported?.orjson_bytes).toBe(true);
    });
  });
});
