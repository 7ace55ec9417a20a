/** Runs the built CLI (bin/relocate.js) as a user would, in a fresh temporary folder. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'relocate.js');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const ENV = { ...process.env, RELOCATE_DEBUG: '' };

/** Runs the CLI to its end; `input` (if any) is its stdin, else stdin is empty; `env` adds to the environment. */
export function runCli(args: readonly string[], cwd: string, input?: string | Uint8Array, env?: Readonly<Record<string, string>>): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...ENV, ...env }, ...(input !== undefined && { input }) });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the CLI while the test goes on (to feed a FIFO, say); a run that outlives `timeoutMs` is
 * killed and ends with code null, so that a hang fails the test instead of stalling it.
 */
export function startCli(args: readonly string[], cwd: string, timeoutMs = 20_000): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: ENV, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function temporaryFolder(): string {
  return mkdtempSync(join(tmpdir(), 'relocate-test-'));
}
