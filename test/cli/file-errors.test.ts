/**
 * File-system problems as one `Error:` line that names the user's path and says what to do:
 * never a Node error code, a syscall, or our temporary file's name; on both backends where a
 * database is involved.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, temporaryFolder } from '../helpers/cli.js';
import type { CliResult } from '../helpers/cli.js';

const BACKENDS = ['better-sqlite3', 'sql.js'] as const;

/** One line, `Error: …`, exit 2, and nothing of Node's own wording. */
function expectOneLine(result: CliResult, line: string): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).toBe(`Error: ${line}\n`);
  expect(result.stderr).not.toMatch(/\bE[A-Z]{3,}\b|\.tmp\b|rename|open '|unable to open/);
}

describe('reading', () => {
  const cwd = temporaryFolder();
  mkdirSync(join(cwd, 'folder'));
  writeFileSync(join(cwd, 'empty.json'), '[]');

  it('names a missing SRC', () => {
    expectOneLine(runCli(['import', 'users', 'nofile.json', '--db', 'a.sqlite'], cwd), 'Cannot read nofile.json: there is no such file (check the path)');
    expect(readdirSync(cwd)).not.toContain('a.sqlite');
  });

  it('names a folder given as a file to read', () => {
    expectOneLine(runCli(['import', 'users', 'folder', '--db', 'a.sqlite'], cwd), 'Cannot read folder: it is a folder; name a file instead');
    expectOneLine(runCli(['backup', 'compare', 'empty.json', 'folder'], cwd), 'Cannot compare folder: it is a folder; name a file instead');
    expectOneLine(runCli(['backup', 'decrypt', 'out.json', '--src', 'folder', '--decrypt-with', 'key.pem'], cwd), 'Cannot read folder: it is a folder; name a file instead');
    expectOneLine(runCli(['backup', 'encrypt', 'out.tar', '--src', 'empty.json', '--encrypt-with', 'folder'], cwd), 'Cannot read the public key folder: it is a folder; name a file instead');
  });

  it('reads - given as a side of compare from stdin', () => {
    expect(runCli(['backup', 'compare', '-', 'empty.json'], cwd, '[]')).toEqual({ code: 0, stdout: 'Done, found 0 differences!\n', stderr: '' });
    expect(runCli(['backup', 'compare', 'empty.json', '-'], cwd, '[]').code).toBe(0);
    expect(runCli(['backup', 'compare', '-', '-'], cwd, '[]').stderr).toContain('Error: LEFT and RIGHT cannot both be - (stdin can be read only once)\n');
  });
});

describe.each(BACKENDS)('%s: writing', (backend) => {
  let cwd: string;
  const cli = (...args: string[]) => runCli([...args, '--backend', backend], cwd);
  beforeAll(() => {
    cwd = temporaryFolder();
    mkdirSync(join(cwd, 'folder'));
    expect(cli('init', '--db', 'db.sqlite').code).toBe(0);
  });

  it('says the folder of DEST does not exist, never naming the temporary file', () => {
    expectOneLine(cli('export', 'global', 'missing/out.json', '--db', 'db.sqlite'), 'Cannot write missing/out.json: the folder missing/ does not exist (create it first)');
    expectOneLine(cli('export', 'global', 'out.json', '--db', 'db.sqlite', '--findings-file', 'missing/f.json'), 'Cannot write missing/f.json: the folder missing/ does not exist (create it first)');
  });

  it('says DEST is a folder', () => {
    expectOneLine(cli('export', 'global', 'folder', '--db', 'db.sqlite'), 'Cannot write folder: it is a folder; name a file instead');
    expect(readdirSync(join(cwd, 'folder'))).toEqual([]);
    expect(readdirSync(cwd).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('says --db is a folder, or in a folder that does not exist', () => {
    expectOneLine(cli('export', 'global', '--db', 'folder'), 'Cannot open database folder: it is a folder, not a database file');
    expectOneLine(cli('init', '--db', 'folder'), 'Cannot open database folder: it is a folder, not a database file');
    expectOneLine(cli('init', '--db', 'missing/db.sqlite'), 'Cannot write missing/db.sqlite: the folder missing/ does not exist (create it first)');
  });
});
