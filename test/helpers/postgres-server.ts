/**
 * Global setup: a PostgreSQL server for the tests. `RELOCATE_TEST_POSTGRES_URL` names one to use;
 * otherwise, where Debian's server binaries are installed, a throwaway server is made in a
 * temporary folder (initdb, then pg_ctl with a unix socket in that folder and no TCP port, and
 * durability off: the data dies with the run), and stopped and removed at teardown, or when the
 * process exits. Tests get the URL through `inject('postgresUrl')`: '' when there is no server,
 * and then the PostgreSQL tests are skipped, with one line saying why.
 *
 * initdb refuses to run as root (CI runs as root): there, the server runs as the `postgres` user
 * through runuser, in a folder that user owns.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL connection URL whose user may create databases, or '' when there is no server. */
    postgresUrl: string;
  }
}

const POSTGRES_ROOT = '/usr/lib/postgresql';

/** The bin folder of the newest Debian PostgreSQL with initdb, if any. */
function newestPostgresBin(): string | undefined {
  if (!existsSync(POSTGRES_ROOT)) return undefined;
  const versions = readdirSync(POSTGRES_ROOT)
    .filter((name) => /^\d+(?:\.\d+)?$/.test(name) && existsSync(join(POSTGRES_ROOT, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(POSTGRES_ROOT, versions[0], 'bin');
}

/** Why the driver cannot load, or undefined when it can. */
function libpqProblem(): string | undefined {
  try {
    createRequire(import.meta.url)('libpq');
    return undefined;
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).split('\n')[0];
  }
}

interface Server {
  readonly url: string;
  stop(): void;
}

function startServer(bin: string): Server {
  const asRoot = process.getuid?.() === 0;
  // As root, every server command runs as postgres; otherwise as whoever runs the tests.
  const run = (command: string, args: string[]): void => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]] : [join(bin, command), args];
    execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  };
  const folder = mkdtempSync(join(tmpdir(), 'relocate-pg-'));
  const data = join(folder, 'data');
  const log = join(folder, 'server.log');
  let started = false;
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    try {
      if (started) run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch (error) {
      console.error(`Could not stop the tests' PostgreSQL server in ${data}: ${String(error)}`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  };
  try {
    if (asRoot) {
      const id = (flag: string): number => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(folder, id('-u'), id('-g'));
    }
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    // Written into the server's own configuration: no quoting through pg_ctl's shell.
    appendFileSync(
      join(data, 'postgresql.conf'),
      [
        "listen_addresses = ''",
        `unix_socket_directories = '${folder.replaceAll("'", "''")}'`,
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        '',
      ].join('\n'),
    );
    started = true;
    run('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', 'start']);
  } catch (error) {
    const detail = existsSync(log) ? `\n${readFileSync(log, 'utf8')}` : '';
    const output = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    stop();
    throw new Error(`Could not start a PostgreSQL server for the tests with ${bin}: ${output || String(error)}${detail}`, { cause: error });
  }
  process.once('exit', stop);
  return { url: `postgresql:///postgres?host=${encodeURIComponent(folder)}&user=postgres`, stop };
}

/** Why there will be no PostgreSQL tests, or undefined when there will be. */
function skipReason(given: string, bin: string | undefined): string | undefined {
  const problem = libpqProblem();
  if (problem !== undefined) return `the libpq package does not load (${problem}); install libpq-dev, then run npm install`;
  if (given === '' && bin === undefined) {
    return `RELOCATE_TEST_POSTGRES_URL is not set and no ${POSTGRES_ROOT}/*/bin/initdb is installed (apt-get install postgresql)`;
  }
  return undefined;
}

export default function setup(project: TestProject): (() => void) | undefined {
  const given = process.env['RELOCATE_TEST_POSTGRES_URL'] ?? '';
  const bin = given === '' ? newestPostgresBin() : undefined;
  const skipped = skipReason(given, bin);
  if (skipped !== undefined) {
    console.log(`PostgreSQL tests skipped: ${skipped}`);
    project.provide('postgresUrl', '');
    return undefined;
  }
  if (bin === undefined) {
    project.provide('postgresUrl', given);
    return undefined;
  }
  const server = startServer(bin);
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
