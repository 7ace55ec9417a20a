/** Runs the built CLI (bin/relocate.js) as a user would, in a fresh temporary folder. */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
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

export function temporaryFolder(): string {
  return mkdtempSync(join(tmpdir(), 'relocate-test-'));
}

export interface RunningCli {
  readonly child: ChildProcess;
  /** Resolves once stderr has said `text`. */
  said(text: string): Promise<void>;
  readonly done: Promise<CliResult>;
}

/**
 * Starts the built CLI without waiting for it (processes that run at the same time, a FIFO to
 * feed); a run that outlives `timeoutMs` is killed and ends with code null, so that a hang fails
 * the test instead of stalling it.
 */
export function startCli(args: readonly string[], cwd: string, env: Record<string, string> = {}, timeoutMs = 60_000): RunningCli {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...ENV, ...env }, timeout: timeoutMs });
  let stdout = '';
  let stderr = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout.setEncoding('utf8').on('data', (text: string) => { stdout += text; });
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
    for (const waiter of waiters.filter((w) => stderr.includes(w.text))) waiter.resolve();
  });
  const done = new Promise<CliResult>((resolve) => {
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return {
    child,
    done,
    said: (text) => new Promise<void>((resolve, reject) => {
      if (stderr.includes(text)) return resolve();
      waiters.push({ text, resolve });
      void done.then((result) => reject(new Error(`The command ended (exit ${String(result.code)}) without saying ${JSON.stringify(text)}: ${result.stderr}`)));
    }),
  };
}
