/**
 * A reader that closes stdout early (`relocate export global - | head`) stops relocate quietly,
 * as it stops a Unix tool: no message, no stack, exit 141 (what a shell reports for a tool
 * killed by SIGPIPE). Every command that writes data to stdout, on both backends where a
 * database is involved. The reader here closes its end before relocate writes anything.
 */
import { spawn, spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli, temporaryFolder } from '../helpers/cli.js';

const BACKENDS = ['better-sqlite3', 'sql.js'] as const;

function runWithClosedStdout(args: readonly string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

const cwd = temporaryFolder();
beforeAll(() => {
  expect(runCli(['seed', 'exhaustive', '--db', 'seed.sqlite', '--silent'], cwd).code).toBe(0);
  expect(runCli(['export', 'global', 'seed.json', '--db', 'seed.sqlite', '--silent'], cwd).code).toBe(0);
  expect(runCli(['keys', 'generate', '--out', 'keys'], cwd).code).toBe(0);
  expect(runCli(['backup', 'encrypt', 'seed.tar', '--src', 'seed.json', '--encrypt-with', 'keys/key.pub'], cwd).code).toBe(0);
});

describe.each(BACKENDS)('%s: stdout closed by its reader', (backend) => {
  it.each([
    [['export', 'global', '-', '--db', 'seed.sqlite']],
    [['export', 'global', '-', '--db', 'seed.sqlite', '--encrypt-with', 'keys/key.pub']],
    [['import', 'users', 'seed.json', '--db', 'seed.sqlite', '--dry-run', '--silent']],
    [['backup', 'roundtrip', '--db', 'seed.sqlite', '--silent']],
  ])('ends a command with a database quietly: %j', async (args) => {
    expect(await runWithClosedStdout([...args, '--backend', backend], cwd)).toEqual({ code: 141, stderr: '' });
  });
});

describe('stdout closed by its reader', () => {
  it.each([
    [['backup', 'comparators']],
    [['backup', 'compare', 'seed.json', 'seed.json']],
    [['backup', 'sanitize', '-', '--src', 'seed.json', '--silent']],
    [['backup', 'encrypt', '-', '--src', 'seed.json', '--encrypt-with', 'keys/key.pub']],
    [['backup', 'decrypt', '-', '--src', 'seed.tar', '--decrypt-with', 'keys/key.pem']],
  ])('ends a command quietly: %j', async (args) => {
    expect(await runWithClosedStdout(args, cwd)).toEqual({ code: 141, stderr: '' });
  });

  it('also in a shell pipeline to head, on an export larger than the pipe holds', () => {
    expect(runCli(['seed', 'synthetic', '--rows', '3000', '--db', 'large.sqlite', '--silent'], cwd).code).toBe(0);
    const pipeline = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" export global - --db large.sqlite | head -c 100 > /dev/null`], { cwd, encoding: 'utf8' });
    expect({ code: pipeline.status, stderr: pipeline.stderr }).toEqual({ code: 141, stderr: '' });
  });
});
