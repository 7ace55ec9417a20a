/**
 * What the CLI touches of the outside world, injected so that tests can run `main()` in-process
 * and so that data (stdout) and diagnostics (stderr) never mix.
 */
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { OutputClosedError } from './exit.js';
import { asFileError } from './file-errors.js';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** stderr when it is a terminal: progress bars go there, and only then. */
  readonly progressStream?: NodeJS.WriteStream | undefined;
  /** Writes data to stdout, waiting when the reader is slower than we are. */
  readonly writeStdout: (data: string | Uint8Array) => Promise<void>;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Asks a yes/no question on the terminal; absent when there is no terminal to ask on. */
  readonly confirm?: ((question: string) => Promise<boolean>) | undefined;
}

export function nodeIo(): CliIo {
  // A reader that goes away (`relocate export global - | head`) makes the next write fail with
  // EPIPE, and an 'error' event nobody listens to crashes Node with a stack. Listening turns it
  // into OutputClosedError for writeStdout, which exit.ts ends quietly; lost diagnostics on a
  // closed stderr are dropped.
  let stdoutClosed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') stdoutClosed = true;
  });
  process.stderr.on('error', () => undefined);
  return {
    stdout: (text) => void (stdoutClosed || process.stdout.write(text)),
    stderr: (text) => void process.stderr.write(text),
    progressStream: process.stderr.isTTY === true ? process.stderr : undefined,
    writeStdout: (data) =>
      new Promise((resolve, reject) => {
        if (stdoutClosed) return reject(new OutputClosedError());
        process.stdout.write(data, (error) => {
          if (error === undefined || error === null) return resolve();
          reject((error as NodeJS.ErrnoException).code === 'EPIPE' ? new OutputClosedError() : error);
        });
      }),
    env: process.env,
    confirm: process.stdin.isTTY === true && process.stderr.isTTY === true ? askOnTerminal : undefined,
  };
}

async function askOnTerminal(question: string): Promise<boolean> {
  const readline = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await readline.question(`${question} [y/N]: `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    readline.close();
  }
}

export async function fileExists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export async function directoryExists(path: string): Promise<boolean> {
  try {
    return (await stat(path === '' ? '.' : path)).isDirectory();
  } catch {
    return false;
  }
}

/** yargs reads a lone "-" given for a string positional or option as "": stdin or stdout, as the help says. */
export function dash(path: string): string {
  return path === '' ? '-' : path;
}

/**
 * Writes a file so that readers see the old bytes or the new, never half: temp file + rename.
 * The folder must exist (as for every file a command writes); a failure names `path`, never
 * the temporary file.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array | string): Promise<void> {
  const temporary = temporaryPath(path);
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw asFileError(error, path, 'write');
  }
}

/** Where a file is written before it is renamed to `path`: beside it, hidden, unique to this run. */
export function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
}

export { readFile, rm };
