/**
 * Two writers of one database file, as real CLI processes on every pair of backends: each waits
 * for SQLite's write lock (saying so), so both imports' rows land; a writer that waited too long
 * gives up cleanly; what a killed writer left beside the database is cleaned up by the next one.
 * (The SIGKILL case is in database-kill.test.ts.)
 */
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli, temporaryFolder } from '../helpers/cli.js';

const BACKENDS = ['better-sqlite3', 'sql.js'] as const;
const PAIRS = BACKENDS.flatMap((first) => BACKENDS.map((second) => [first, second] as const));
const WAITING = 'Waiting for another process to finish writing';

const cwd = temporaryFolder();
let organizationsInFile = 0;

function count(db: string, table: string): number {
  const connection = new Database(join(cwd, db), { readonly: true });
  try {
    return (connection.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  } finally {
    connection.close();
  }
}

/** Holds SQLite's write lock on the file, as any other program could. */
function holdLock(db: string): () => void {
  const holder = new Database(join(cwd, db));
  holder.exec('BEGIN IMMEDIATE');
  return () => {
    holder.exec('ROLLBACK');
    holder.close();
  };
}

beforeAll(() => {
  for (const args of [['init', '--db', 'empty.sqlite'], ['seed', 'exhaustive', '--db', 'seeded.sqlite'], ['export', 'organizations', 'orgs.json', '--db', 'seeded.sqlite', '--silent']]) {
    const result = runCli(args, cwd);
    expect(result.code, result.stderr).toBe(0);
  }
  organizationsInFile = (JSON.parse(readFileSync(join(cwd, 'orgs.json'), 'utf8')) as { model: string }[])
    .filter((object) => object.model === 'sentry.organization').length;
  expect(organizationsInFile).toBeGreaterThan(0);
}, 60_000);

describe.each(PAIRS)('two writers, %s then %s', (first, second) => {
  it('each waits for the lock and sees the other\'s rows: both imports land', async () => {
    const db = `race-${first}-${second}.sqlite`;
    copyFileSync(join(cwd, 'empty.sqlite'), join(cwd, db));
    const release = holdLock(db);
    const import_ = (backend: string) => startCli(['--backend', backend, 'import', 'organizations', 'orgs.json', '--db', db, '--silent'], cwd);
    let a;
    let b;
    try {
      a = import_(first);
      await a.said(WAITING);
      await new Promise((resolve) => setTimeout(resolve, 300));
      b = import_(second);
      await b.said(WAITING);
    } finally {
      release();
    }
    const results = await Promise.all([a.done, b.done]);
    for (const result of results) {
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining(WAITING)]);
    }
    // Organization scope renames the second import's slugs: every row of both is there.
    expect(count(db, 'sentry_organization')).toBe(2 * organizationsInFile);
  }, 60_000);
});

describe.each(BACKENDS)('the write lock (%s)', (backend) => {
  it('a writer that waited past RELOCATE_LOCK_TIMEOUT gives up with one line and changes nothing', async () => {
    const db = `timeout-${backend}.sqlite`;
    copyFileSync(join(cwd, 'seeded.sqlite'), join(cwd, db));
    const before = readFileSync(join(cwd, db));
    const release = holdLock(db);
    try {
      const result = await startCli(['--backend', backend, 'import', 'organizations', 'orgs.json', '--db', db, '--silent'], cwd, { RELOCATE_LOCK_TIMEOUT: '0.5' }).done;
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`^${WAITING} ${db} \\(up to 0.5 s\\)\\.\\.\\.\\nError: Another process is still writing ${db} after 0.5 s; nothing was changed\\. [^\\n]* \\[DatabaseBusy\\]\\n$`));
    } finally {
      release();
    }
    expect(readFileSync(join(cwd, db)).equals(before)).toBe(true);
  }, 30_000);

  it('a reader does not wait for a writer', () => {
    const db = `reader-${backend}.sqlite`;
    copyFileSync(join(cwd, 'seeded.sqlite'), join(cwd, db));
    const release = holdLock(db);
    try {
      const result = runCli(['--backend', backend, 'export', 'global', '-', '--db', db, '--silent'], cwd);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toBe('');
    } finally {
      release();
    }
  });

  it('the next writer removes what a killed writer left beside the database', () => {
    const db = `leftovers-${backend}.sqlite`;
    copyFileSync(join(cwd, 'seeded.sqlite'), join(cwd, db));
    // The whole-file copy an earlier relocate was about to rename over the database when it was killed.
    writeFileSync(join(cwd, `.${db}.4242.1700000000000.tmp`), readFileSync(join(cwd, db)));
    const result = runCli(['--backend', backend, 'init', '--db', db], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(cwd).filter((name) => name.includes(db))).toEqual([db]);
  });

  it('a writer that waited for one that created the file and failed writes into the file at the path', async () => {
    const db = `fresh-${backend}.sqlite`;
    writeFileSync(join(cwd, 'broken.json'), '[{"model": "sentry.user", "pk": 1, "fields": {}');
    const release = holdLock(db); // creates the empty file, as the failing writer would
    let failing;
    let succeeding;
    try {
      succeeding = startCli(['--backend', backend, 'import', 'organizations', 'orgs.json', '--db', db, '--silent'], cwd);
      await succeeding.said(WAITING);
      failing = startCli(['--backend', backend, 'import', 'organizations', 'broken.json', '--db', db, '--silent'], cwd);
      await failing.said(WAITING);
    } finally {
      release();
    }
    const [good, bad] = await Promise.all([succeeding.done, failing.done]);
    expect(bad.code).toBe(2);
    expect(good.code, good.stderr).toBe(0);
    expect(count(db, 'sentry_organization')).toBe(organizationsInFile);
  }, 60_000);
});
