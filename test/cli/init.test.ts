/** `relocate init` on both backends: the same schema, versions checked, nothing left on failure. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

import { runCli, temporaryFolder } from '../helpers/cli.js';
import { REGISTRY } from '../helpers/registry.js';

const BACKENDS = ['better-sqlite3', 'sql.js'] as const;

function schemaOf(path: string): unknown[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all();
  } finally {
    db.close();
  }
}

function hasSqlite3Shell(): boolean {
  try {
    execFileSync('sqlite3', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('relocate init', () => {
  it('makes the same schema with better-sqlite3 and with sql.js', () => {
    const cwd = temporaryFolder();
    expect(runCli(['init', '--db', 'a.sqlite'], cwd).code).toBe(0);
    expect(runCli(['--backend', 'sql.js', 'init', '--db', 'b.sqlite'], cwd).code).toBe(0);
    const a = schemaOf(join(cwd, 'a.sqlite'));
    expect(a.filter((row) => (row as { type: string }).type === 'table').length).toBe(REGISTRY.stored.length + 4); // + relocate_meta, sqlite_sequence and the two kept-data tables
    expect(schemaOf(join(cwd, 'b.sqlite'))).toEqual(a);
  });

  it.skipIf(!hasSqlite3Shell())('gives the same `sqlite3 .schema` on both backends', () => {
    const cwd = temporaryFolder();
    runCli(['init', '--db', 'a.sqlite'], cwd);
    runCli(['--backend', 'sql.js', 'init', '--db', 'b.sqlite'], cwd);
    const schema = (file: string) => execFileSync('sqlite3', [join(cwd, file), '.schema'], { encoding: 'utf8' });
    expect(schema('a.sqlite')).toMatch(/CREATE TABLE (IF NOT EXISTS )?"sentry_organization"/);
    expect(schema('b.sqlite')).toBe(schema('a.sqlite'));
  });

  it('uses ./relocate.sqlite by default, and is idempotent', () => {
    const cwd = temporaryFolder();
    expect(runCli(['init'], cwd).code).toBe(0);
    expect(existsSync(join(cwd, 'relocate.sqlite'))).toBe(true);
    const again = runCli(['init'], cwd);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('Already up to date');
  });

  it.each(BACKENDS)('%s: refuses a database made by another registry version, naming both', (backend) => {
    const cwd = temporaryFolder();
    const path = join(cwd, 'old.sqlite');
    runCli(['init', '--db', 'old.sqlite'], cwd);
    const db = new Database(path);
    db.prepare("UPDATE relocate_meta SET value = 'sentry-00000000/schema-0' WHERE key = 'registry_version'").run();
    db.close();
    const before = readFileSync(path);
    const result = runCli(['--backend', backend, 'init', '--db', 'old.sqlite'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('sentry-00000000/schema-0');
    expect(result.stderr).toContain(REGISTRY.schemaVersion);
    expect(result.stderr).toContain('[SchemaVersionMismatch]');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it.each(BACKENDS)('%s: refuses a SQLite database that relocate did not make', (backend) => {
    const cwd = temporaryFolder();
    const db = new Database(join(cwd, 'other.sqlite'));
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
    db.close();
    const result = runCli(['--backend', backend, 'init', '--db', 'other.sqlite'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not made by relocate');
  });

  it.each(BACKENDS)('%s: refuses a file that is not SQLite, and leaves it alone', (backend) => {
    const cwd = temporaryFolder();
    writeFileSync(join(cwd, 'notes.txt'), 'x'.repeat(4096));
    const result = runCli(['--backend', backend, 'init', '--db', 'notes.txt'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Error: .*not a database/m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(cwd, 'notes.txt'), 'utf8')).toBe('x'.repeat(4096));
  });
});
