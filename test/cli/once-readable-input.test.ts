/**
 * SRC that can be read only once (a FIFO, /dev/stdin, a shell's `<(…)`) is read once and spooled,
 * as `-` is: an import reads its input twice, and a FIFO read a second time waits forever for a
 * writer that is gone. On both backends.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli, startCli, temporaryFolder } from '../helpers/cli.js';

const BACKENDS = ['better-sqlite3', 'sql.js'] as const;

const cwd = temporaryFolder();
let backup: Buffer;
beforeAll(() => {
  expect(runCli(['seed', 'exhaustive', '--db', 'seed.sqlite', '--silent'], cwd).code).toBe(0);
  expect(runCli(['export', 'global', 'backup.json', '--db', 'seed.sqlite', '--silent'], cwd).code).toBe(0);
  backup = readFileSync(join(cwd, 'backup.json'));
});

describe.each(BACKENDS)('%s: import from a source read once', (backend) => {
  it('imports from a FIFO', async () => {
    const fifo = join(cwd, `backup-${backend}.fifo`);
    execFileSync('mkfifo', [fifo]);
    const run = startCli(['import', 'global', fifo, '--db', `fifo-${backend}.sqlite`, '--backend', backend], cwd);
    // Opening a FIFO for writing waits for its reader: relocate, started above.
    const writer = createWriteStream(fifo);
    writer.end(backup);
    const result = await run.done;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(`Imported 141 rows of 94 models (Global scope) from ${fifo}\n`);
  });

  it('imports from /dev/stdin, a socket (as another program runs relocate) or a pipe', () => {
    const result = runCli(['import', 'global', '/dev/stdin', '--db', `stdin-${backend}.sqlite`, '--backend', backend], cwd, backup);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('Imported 141 rows of 94 models (Global scope) from /dev/stdin\n');
    const again = runCli(['export', 'global', '-', '--db', `stdin-${backend}.sqlite`, '--backend', backend, '--silent'], cwd);
    expect(again.stdout.length).toBe(backup.length);
    const script = `cat backup.json | "${process.execPath}" "${BIN}" import global /dev/stdin --db pipe-${backend}.sqlite --backend ${backend}`;
    expect(execFileSync('bash', ['-c', `${script} 2>&1; echo "exit $?"`], { cwd, encoding: 'utf8' }))
      .toBe('Imported 141 rows of 94 models (Global scope) from /dev/stdin\nexit 0\n');
  });

  it('imports from a shell\'s process substitution', () => {
    const script = `"${process.execPath}" "${BIN}" import global <(cat backup.json) --db subst-${backend}.sqlite --backend ${backend}`;
    const output = execFileSync('bash', ['-c', `${script} 2>&1; echo "exit $?"`], { cwd, encoding: 'utf8' });
    expect(output).toMatch(/^Imported 141 rows of 94 models \(Global scope\) from \/dev\/fd\/\d+\nexit 0\n$/);
  });
});
