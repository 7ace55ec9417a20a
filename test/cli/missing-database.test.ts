/**
 * Only init, seed and import create a database. A command that only reads one (export, backup
 * roundtrip) refuses a --db that does not exist, naming it, and creates nothing: a typo in the
 * path must not print an empty export and leave an empty database behind. On both backends.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, temporaryFolder } from '../helpers/cli.js';

const BACKENDS = ['better-sqlite3', 'sql.js'] as const;
const REFUSAL = (path: string) => `Error: Cannot open database ${path}: there is no such file (check --db; relocate init or relocate import creates one)\n`;

describe.each(BACKENDS)('%s: a database that does not exist', (backend) => {
  let cwd: string;
  const cli = (...args: string[]) => runCli([...args, '--backend', backend], cwd);
  beforeAll(() => {
    cwd = temporaryFolder();
  });

  it.each([
    [['export', 'global', '--db', 'nosuch.sqlite']],
    [['export', 'users', 'out.json', '--db', 'nosuch.sqlite']],
    [['backup', 'roundtrip', '--db', 'nosuch.sqlite', '--keep', 'kept']],
    [['export', 'global', '--db', 'no/such/folder.sqlite']],
  ])('is refused by a reader, which creates nothing: %j', (args) => {
    const result = cli(...args);
    expect(result).toEqual({ code: 2, stdout: '', stderr: REFUSAL(args[args.indexOf('--db') + 1] as string) });
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('is created by init, seed and import', () => {
    expect(cli('init', '--db', 'init.sqlite').code).toBe(0);
    expect(cli('seed', 'exhaustive', '--db', 'seed.sqlite', '--silent').code).toBe(0);
    expect(cli('export', 'global', 'seed.json', '--db', 'seed.sqlite', '--silent').code).toBe(0);
    expect(cli('import', 'users', 'seed.json', '--db', 'import.sqlite', '--silent').code).toBe(0);
    for (const name of ['init.sqlite', 'seed.sqlite', 'import.sqlite']) expect(existsSync(join(cwd, name)), name).toBe(true);
  });
});
