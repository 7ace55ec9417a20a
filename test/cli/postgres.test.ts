/**
 * `--db postgres://…` as a user runs it: relocate's tables made in an empty database, the same
 * export bytes as from SQLite, Sentry's own database read as the version its tables follow (said
 * on stderr) by a role that may only read, the PG* variables, bookkeeping tables only with
 * --create-bookkeeping, one-line refusals with passwords masked, and a failed command that
 * leaves the database as it was. PostgreSQL only (skipped, saying so, without a server).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from '../../src/db/port.js';
import { runCli, temporaryFolder } from '../helpers/cli.js';
import { HAS_POSTGRES, POSTGRES_URL, openPostgresTest, schemaUrl } from '../helpers/postgres.js';
import { sentryTypes } from '../helpers/sentry-database.js';

/** A new, empty schema of this file's database, with a connection to it for looking (and changing). */
function emptySchema(): { driver: Driver; schema: string } {
  const driver = openPostgresTest();
  return { driver, schema: driver.prepare('SELECT current_schema() AS name').get()?.name as string };
}

const tablesOf = (driver: Driver): string[] =>
  driver.prepare('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1').all().map((row) => row.name as string);

/** The PG* variables that name the test server, from its URL (undefined when it is not a URL). */
function libpqEnvironment(schema: string): Record<string, string> | undefined {
  if (!/^postgres(?:ql)?:\/\//i.test(POSTGRES_URL)) return undefined;
  const url = new URL(POSTGRES_URL.replace(/^postgres(?:ql)?:/i, 'http:'));
  const base = (/[?&]dbname=([^&]+)/.exec(schemaUrl(schema)) ?? [])[1];
  const env: Record<string, string> = { PGOPTIONS: `-csearch_path=${schema}`, PGDATABASE: decodeURIComponent(base ?? '') };
  const host = url.searchParams.get('host') ?? url.hostname;
  if (host !== '') env.PGHOST = host;
  if (url.port !== '') env.PGPORT = url.port;
  const user = url.searchParams.get('user') ?? decodeURIComponent(url.username);
  if (user !== '') env.PGUSER = user;
  if (url.password !== '') env.PGPASSWORD = decodeURIComponent(url.password);
  return env;
}

describe.skipIf(!HAS_POSTGRES)('relocate on PostgreSQL (--db postgres://…)', () => {
  const cwd = temporaryFolder();
  const reader = `relocate_reader_${randomBytes(4).toString('hex')}`;
  let made: { driver: Driver; schema: string };
  let sentry: { driver: Driver; schema: string };

  beforeAll(() => {
    made = emptySchema();
    sentry = emptySchema();
    runCli(['seed', 'exhaustive', '--db', 'seed.sqlite', '--silent'], cwd);
    runCli(['export', 'global', 'sqlite.json', '--db', 'seed.sqlite', '--silent'], cwd);
  });
  afterAll(() => {
    sentry.driver.exec(`DROP OWNED BY ${reader}; DROP ROLE IF EXISTS ${reader}`);
    made.driver.close();
    sentry.driver.close();
  });

  it('makes relocate\'s tables in an empty database, and exports what SQLite does', () => {
    const seeded = runCli(['seed', 'exhaustive', '--db', schemaUrl(made.schema)], cwd);
    expect([seeded.code, seeded.stderr]).toEqual([0, 'Seeded 142 rows: 95 of 95 exportable models of Sentry 25.1.0\n']);
    const exported = runCli(['export', 'global', 'made.json', '--db', schemaUrl(made.schema)], cwd);
    expect([exported.code, exported.stderr]).toEqual([0, 'Exported 141 rows of 94 models (Global scope) to made.json\n']);
    // The same values; not the same bytes, as jsonb keeps an object's keys in an order of its own.
    const [sqlite, postgres] = ['sqlite.json', 'made.json'].map((name) => readFileSync(join(cwd, name), 'utf8'));
    expect(postgres).not.toBe(sqlite);
    expect(JSON.parse(postgres as string)).toEqual(JSON.parse(sqlite as string));
  });

  it('reads Sentry\'s own database as the version its tables follow, read-only, as a role that may only read', () => {
    expect(runCli(['seed', 'exhaustive', '--db', schemaUrl(sentry.schema), '--silent'], cwd).code).toBe(0);
    sentry.driver.transaction(() => {
      for (const statement of sentryTypes()) sentry.driver.exec(statement);
    });
    sentry.driver.exec(`CREATE ROLE ${reader} LOGIN; GRANT USAGE ON SCHEMA ${sentry.schema} TO ${reader}; GRANT SELECT ON ALL TABLES IN SCHEMA ${sentry.schema} TO ${reader}`);
    const url = schemaUrl(sentry.schema, reader);
    const exported = runCli(['export', 'global', 'sentry.json', '--db', url], cwd);
    expect(exported.code).toBe(0);
    expect(exported.stderr.split('\n')[0]).toBe(`PostgreSQL database ${url} has Sentry's tables and no record of relocate's: read as Sentry 25.1.0 ` +
      '(the newest version relocate knows whose tables and columns are all there; --sentry-version names another)');
    expect(readFileSync(join(cwd, 'sentry.json'), 'utf8')).toBe(readFileSync(join(cwd, 'made.json'), 'utf8'));
    // Named, a version whose tables are not there is refused in one line, before anything is read.
    const refused = runCli(['export', 'global', '-', '--db', url, '--sentry-version', '26.9.0'], cwd);
    expect([refused.code, refused.stdout]).toEqual([2, '']);
    expect(refused.stderr).toMatch(/^Error: PostgreSQL database .* does not have the tables of Sentry 26\.9\.0 \(--sentry-version\): \d+ differences: no table .*; nothing was read or written \[SchemaMismatch\]\n$/);
  });

  it.skipIf(libpqEnvironment('x') === undefined)('takes the server from the PG* variables when the URL leaves it out', () => {
    const exported = runCli(['export', 'global', 'env.json', '--db', 'postgresql://', '--silent'], cwd, undefined, libpqEnvironment(made.schema));
    expect([exported.code, exported.stderr]).toEqual([0, '']);
    expect(readFileSync(join(cwd, 'env.json'), 'utf8')).toBe(readFileSync(join(cwd, 'made.json'), 'utf8'));
  });

  it('imports into Sentry\'s tables, making relocate\'s bookkeeping tables only with --create-bookkeeping', () => {
    const before = tablesOf(sentry.driver);
    const url = schemaUrl(sentry.schema);
    expect(runCli(['import', 'organizations', 'sqlite.json', '--db', url, '--silent'], cwd).code).toBe(0);
    expect(tablesOf(sentry.driver)).toEqual(before);
    const bookkeeping = runCli(['import', 'organizations', 'sqlite.json', '--db', url, '--silent', '--create-bookkeeping'], cwd);
    expect(bookkeeping.code).toBe(0);
    expect(tablesOf(sentry.driver)).toEqual([...before, 'relocate_kept_fields', 'relocate_kept_rows', 'relocate_meta'].sort());
  });

  it('refuses in one line, with the password masked, and a failed command leaves the database as it was', () => {
    const wrong = POSTGRES_URL.startsWith('postgres') ? POSTGRES_URL.replace(/^(postgres(?:ql)?:\/\/)/, '$1nobody:s3cret@').replace(/&user=[^&]*/, '') : undefined;
    if (wrong !== undefined) {
      const refused = runCli(['export', 'global', '-', '--db', `${wrong}&dbname=relocate_no_such_database`], cwd);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/^Error: Cannot connect to PostgreSQL at postgres(ql)?:\/\/nobody:\*\*\*@.*\[DatabaseError\]\n$/);
      expect(refused.stderr).not.toContain('s3cret');
    }
    const empty = emptySchema();
    try {
      writeFileSync(join(cwd, 'broken.json'), '[{"model": "sentry.user", "pk": 1, "fields": {"username": 5}}]');
      const failed = runCli(['import', 'global', 'broken.json', '--db', schemaUrl(empty.schema), '--no-prompt'], cwd);
      expect(failed.code).toBe(2);
      expect(failed.stderr).toContain('sentry.user');
      expect(tablesOf(empty.driver)).toEqual([]);
      // An export refuses an empty database rather than making tables in it.
      const nothing = runCli(['export', 'global', '-', '--db', schemaUrl(empty.schema)], cwd);
      expect([nothing.code, nothing.stdout]).toEqual([2, '']);
      expect(nothing.stderr).toMatch(/has no tables: relocate init \(or seed, or import\) makes relocate's tables in it/);
      expect(tablesOf(empty.driver)).toEqual([]);
    } finally {
      empty.driver.close();
    }
  });
});
