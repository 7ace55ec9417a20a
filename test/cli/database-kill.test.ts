/**
 * A writer killed (SIGKILL) while it writes the database file, on both backends: the next open
 * finds the database either as it was or as the command left it, never corrupt, and nothing the
 * killed writer made is left beside it. The kill lands while the write is provably under way:
 * SQLite's rollback journal beside the file is hot (its header complete), which it only is from
 * the moment the file itself may be overwritten until the commit is done. (An older relocate
 * wrote sql.js's database to a temporary copy and renamed it over the file: it is killed while
 * that copy exists.)
 */
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, temporaryFolder } from '../helpers/cli.js';

const BACKENDS = ['better-sqlite3', 'sql.js'] as const;
const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'relocate.js');
const JOURNAL_MAGIC = Buffer.from('d9d505f920a163d7', 'hex');

const cwd = temporaryFolder();
let before: string;
let after: string;

function exportOf(db: string, backend = 'better-sqlite3'): string {
  const result = runCli(['--backend', backend, 'export', 'global', `${db}.json`, '--db', db, '--silent'], cwd);
  expect(result.code, result.stderr).toBe(0);
  return readFileSync(join(cwd, `${db}.json`), 'utf8');
}

function hotJournal(db: string): boolean {
  try {
    const fd = openSync(join(cwd, `${db}-journal`), 'r');
    try {
      const head = Buffer.alloc(8);
      return readSync(fd, head, 0, 8, 0) === 8 && head.equals(JOURNAL_MAGIC);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

function writingInProgress(db: string): boolean {
  return hotJournal(db) || readdirSync(cwd).some((name) => name.startsWith(`.${db}.`) && name.endsWith('.tmp'));
}

/** Whether the process has ended (a zombie until reaped counts as ended). */
function ended(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z') === true;
  } catch {
    return true;
  }
}

/**
 * Runs the import on a copy of the seeded database and kills it the moment its write is seen in
 * progress (spinning, so that a commit of a few milliseconds is not missed). False when the
 * command ended first.
 */
async function killMidWrite(backend: string, db: string): Promise<boolean> {
  copyFileSync(join(cwd, 'seeded.sqlite'), join(cwd, db));
  const child = spawn(process.execPath, [BIN, '--backend', backend, 'import', 'global', 'backup.json', '--db', db, '--no-prompt', '--silent'], { cwd, stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const pid = child.pid as number;
  let killed = false;
  const deadline = Date.now() + 120_000;
  for (let spins = 0; Date.now() < deadline; spins++) {
    if (writingInProgress(db)) {
      child.kill('SIGKILL');
      killed = true;
      break;
    }
    if (spins % 256 === 0 && ended(pid)) break;
  }
  await exited;
  return killed;
}

beforeAll(() => {
  for (const args of [
    ['seed', 'synthetic', '--rows', '5000', '--db', 'seeded.sqlite', '--silent'],
    ['export', 'global', 'backup.json', '--db', 'seeded.sqlite', '--silent'],
  ]) {
    const result = runCli(args, cwd);
    expect(result.code, result.stderr).toBe(0);
  }
  before = exportOf('seeded.sqlite');
  copyFileSync(join(cwd, 'seeded.sqlite'), join(cwd, 'imported.sqlite'));
  const result = runCli(['import', 'global', 'backup.json', '--db', 'imported.sqlite', '--no-prompt', '--silent'], cwd);
  expect(result.code, result.stderr).toBe(0);
  after = exportOf('imported.sqlite');
  expect(after).not.toBe(before); // (user IPs lose their country) so that the test can tell them apart
}, 120_000);

describe.each(BACKENDS)('a writer killed while writing the database (%s)', (backend) => {
  it('leaves it as it was or as the command made it, never corrupt, and nothing beside it', async () => {
    const db = `killed-${backend}.sqlite`;
    let killed = false;
    for (let attempt = 0; attempt < 5 && !killed; attempt++) killed = await killMidWrite(backend, db);
    expect(killed, 'the write was never seen in progress').toBe(true);

    // The next writer: SQLite rolls a hot journal back when it takes the lock; relocate removes the rest.
    const next = runCli(['--backend', backend, 'init', '--db', db], cwd);
    expect(next.code, next.stderr).toBe(0);
    expect(readdirSync(cwd).filter((name) => name.includes(db))).toEqual([db]);
    const exported = exportOf(db, backend);
    const check = new Database(join(cwd, db), { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
    expect(exported === before || exported === after, 'the database is in neither state').toBe(true);
    expect(existsSync(join(cwd, `${db}-journal`))).toBe(false);
  }, 300_000);
});
