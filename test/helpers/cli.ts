/** Runs the built CLI (bin/relocate.js) as a user would, in a fresh temporary folder. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'relocate.js');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], cwd: string): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, RELOCATE_DEBUG: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function temporaryFolder(): string {
  return mkdtempSync(join(tmpdir(), 'relocate-test-'));
}
