/**
 * Files of the wrong kind, given to every command that reads one: Sentry's encrypted tarball
 * (plain or gzip-compressed) without its key, a SQLite database, another compressed file, plain
 * JSON to decrypt, a missing file, a folder. Each is named for what it is, with what to do instead,
 * in one `Error:` line (exit 2, nothing on stdout, nothing at DEST, the database as it was on
 * both backends), and `backup sanitize` speaks of its source, never of an import.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliResult } from '../helpers/cli.js';
import { runCli, temporaryFolder } from '../helpers/cli.js';

const BACKENDS = ['better-sqlite3', 'sql.js'] as const;
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'relocate.js');
const TARBALL = 'Sentry\'s encrypted tarball (export.json, data.key, key.pub)';
const SQLITE = (path: string) => `Error: ${path} is a SQLite database, not an export: export it first (relocate export global OUT.json --db ${path}) [WrongFileKind]`;
const KEY_NEEDED = (path: string, option: string, verb: string, gzipped = false) =>
  `Error: ${path} is ${TARBALL}${gzipped ? ', gzip-compressed' : ''}: pass ${option} PRIVATE_KEY.pem to ${verb} it [WrongFileKind]`;

let dir: string;
const at = (name: string): string => join(dir, name);

/** Exit 2, exactly this one line on stderr, nothing on stdout, and the folder of DEST never made. */
function expectRefused(result: CliResult, line: string): void {
  expect(result.stderr).toBe(`${line}\n`);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(existsSync(at('dest'))).toBe(false);
}

beforeAll(() => {
  dir = temporaryFolder();
  for (const args of [['seed', 'exhaustive', '--db', 'a.sqlite'], ['export', 'global', 'plain.json', '--db', 'a.sqlite', '--silent'],
    ['keys', 'generate', '--out', 'k'], ['backup', 'encrypt', 'out.tar', '--src', 'plain.json', '--encrypt-with', 'k/key.pub']]) {
    const run = runCli(args, dir);
    expect(run.code, run.stderr).toBe(0);
  }
  writeFileSync(at('out.tgz'), gzipSync(readFileSync(at('out.tar'))));
  writeFileSync(at('plain.json.gz'), gzipSync(readFileSync(at('plain.json'))));
  writeFileSync(at('plain.json.bz2'), 'BZh91AY&SY\x00\x01');
  writeFileSync(at('bad.json'), 'nope');
}, 60_000);

describe.each(BACKENDS)('%s: import of a file that is not a JSON export', (backend) => {
  const cli = (...args: string[]) => runCli(['--backend', backend, ...args], dir);
  const db = `target-${backend}.sqlite`;
  beforeAll(() => {
    copyFileSync(at('a.sqlite'), at(db));
    expect(cli('export', 'global', `before-${backend}.json`, '--db', db, '--silent').code).toBe(0);
  }, 60_000);

  for (const [src, line] of [
    ['out.tar', KEY_NEEDED('out.tar', '--decrypt-with', 'read')],
    ['out.tgz', KEY_NEEDED('out.tgz', '--decrypt-with', 'read', true)],
    ['a.sqlite', SQLITE('a.sqlite')],
    ['plain.json.gz', 'Error: plain.json.gz is gzip-compressed: decompress it first (gunzip -k) and read what it holds [WrongFileKind]'],
    ['plain.json.bz2', 'Error: plain.json.bz2 is bzip2-compressed: decompress it first (bunzip2 -k) and read what it holds [WrongFileKind]'],
    ['missing.json', 'Error: Cannot read missing.json: there is no such file (check the path)'],
    ['k', 'Error: Cannot read k: it is a folder; name a file instead'],
  ] as const) {
    it(`refuses ${src} by name and leaves the database as it was`, () => {
      expectRefused(cli('import', 'global', src, '--db', db, '--no-prompt', '--findings-file', 'dest/f.json', '--report', 'dest/r.json'), line);
      expect(cli('export', 'global', `after-${backend}.json`, '--db', db, '--silent').code).toBe(0);
      expect(readFileSync(at(`after-${backend}.json`)).equals(readFileSync(at(`before-${backend}.json`)))).toBe(true);
    });
  }

  it('names stdin when the tarball comes that way', () => {
    const run = spawnSync(process.execPath, [BIN, '--backend', backend, 'import', 'global', '-', '--db', db, '--no-prompt'], { cwd: dir, input: readFileSync(at('out.tar')), encoding: 'utf8' });
    expectRefused({ code: run.status, stdout: run.stdout, stderr: run.stderr }, KEY_NEEDED('stdin', '--decrypt-with', 'read'));
  });
});

describe('backup compare of a side that is not a JSON export', () => {
  const compare = (left: string, right: string) => runCli(['backup', 'compare', left, right, '--findings-file', 'dest/f.json'], dir);

  it('names the side\'s own option for a tarball without its key', () => {
    expectRefused(compare('out.tar', 'plain.json'), KEY_NEEDED('out.tar', '--decrypt-left-with', 'compare'));
    expectRefused(compare('plain.json', 'out.tgz'), KEY_NEEDED('out.tgz', '--decrypt-right-with', 'compare', true));
  });

  it('names a SQLite database, a missing file, and plain JSON given a key', () => {
    expectRefused(compare('plain.json', 'a.sqlite'), SQLITE('a.sqlite'));
    expectRefused(compare('missing.json', 'plain.json'), 'Error: Cannot compare missing.json: there is no such file (check the path)');
    const keyed = runCli(['backup', 'compare', 'plain.json', 'plain.json', '--decrypt-right-with', 'k/key.pem', '--findings-file', 'dest/f.json'], dir);
    expectRefused(keyed, `Error: plain.json is JSON, not ${TARBALL}: compare it without --decrypt-right-with [WrongFileKind]`);
  });
});

describe('backup sanitize of a source that is not a JSON export', () => {
  const sanitize = (src: string) => runCli(['backup', 'sanitize', 'dest/out.json', '--src', src], dir);

  it('names a tarball without its key, a SQLite database, a missing file', () => {
    expectRefused(sanitize('out.tar'), KEY_NEEDED('out.tar', '--decrypt-with', 'sanitize'));
    expectRefused(sanitize('a.sqlite'), SQLITE('a.sqlite'));
    expectRefused(sanitize('missing.json'), 'Error: Cannot sanitize missing.json: there is no such file (check the path)');
  });

  it('speaks of its source, not of an import, when the source is not JSON', () => {
    expectRefused(sanitize('bad.json'), 'Error: Invalid source JSON in bad.json at line 1: Expected a JSON array at line 1, found "n" [DeserializationFailed]');
    writeFileSync(at('object.json'), '[{"model": "sentry.option", "pk": "one", "fields": {}}]');
    expectRefused(sanitize('object.json'), 'Error: Invalid source JSON in object.json at line 1 (sentry.option): expected "pk" to be an integer, got "one" [DeserializationFailed]');
  });
});

describe('backup encrypt and decrypt of the wrong kind of file', () => {
  it('encrypt refuses a tarball (already encrypted) and a SQLite database', () => {
    const encrypt = (src: string) => runCli(['backup', 'encrypt', 'dest/out.tar', '--src', src, '--encrypt-with', 'k/key.pub'], dir);
    expectRefused(encrypt('out.tgz'), `Error: out.tgz is already ${TARBALL}, gzip-compressed: give the JSON export itself [WrongFileKind]`);
    expectRefused(encrypt('a.sqlite'), SQLITE('a.sqlite'));
  });

  it('decrypt refuses a SQLite database, gzip-compressed JSON and a missing key file', () => {
    const decrypt = (src: string, key = 'k/key.pem') => runCli(['backup', 'decrypt', 'dest/out.json', '--src', src, '--decrypt-with', key], dir);
    expectRefused(decrypt('a.sqlite'), SQLITE('a.sqlite'));
    expectRefused(decrypt('plain.json.gz'), `Error: plain.json.gz is gzip-compressed and holds no tarball, so not ${TARBALL}: a compressed JSON export needs gunzip, and no --decrypt-with [WrongFileKind]`);
    expectRefused(decrypt('out.tar', 'k/missing.pem'), 'Error: Cannot read the private key k/missing.pem: there is no such file (check the path)');
  });
});
