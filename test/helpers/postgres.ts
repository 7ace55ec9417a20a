/**
 * PostgreSQL for a test file: the server the global setup provides (test/helpers/postgres-server.ts),
 * a database of the file's own (CREATE DATABASE with a random name on first use, dropped after
 * the file's tests), and in it a fresh, empty schema for each `open()`, which is to PostgreSQL
 * what a new in-memory database is to SQLite (a schema costs well under a millisecond; a
 * database ~40 ms).
 *
 * A schema with relocate's tables costs far more (0.3–1 s for ~100 tables with their keys and
 * indexes on the 2-core CI machine), so `openPostgresWithSchema` hands out again the schemas of
 * drivers the tests closed, emptied (every row deleted and every sequence restarted: ~15 ms).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, inject, onTestFinished } from 'vitest';
import { openPostgres } from '../../src/backends/postgres/index.js';
import type { Registry } from '../../src/core/registry/registry.js';
import { ensureSchema } from '../../src/db/open-database.js';
import type { Driver } from '../../src/db/port.js';

/**
 * The server's URL, or '' when the PostgreSQL tests are skipped (the global setup said why, or
 * did not run: a vitest config without it provides nothing).
 */
export const POSTGRES_URL: string = inject('postgresUrl') ?? '';
export const HAS_POSTGRES = POSTGRES_URL !== '';

/** `url` with its database replaced by `database` (libpq lets a later dbname win, in both forms). */
export function withDatabase(url: string, database: string): string {
  if (/^postgres(?:ql)?:\/\//i.test(url)) return `${url}${url.includes('?') ? '&' : '?'}dbname=${encodeURIComponent(database)}`;
  return `${url} dbname='${database.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

let admin: Driver | undefined;
let database: string | undefined;
let schemas = 0;

/** This file's database (made on first use) and a connection to the server for making and dropping it. */
function fileDatabase(): string {
  if (!HAS_POSTGRES) throw new Error('There is no PostgreSQL server for the tests (see the line the test run printed first)');
  if (database !== undefined) return database;
  admin = openPostgres(POSTGRES_URL);
  const name = `relocate_test_${randomBytes(6).toString('hex')}`;
  const version = Number(admin.prepare('SELECT current_setting(?) AS v').get(['server_version_num'])?.v);
  // FILE_COPY (PostgreSQL 15+) copies the tiny template faster than the default WAL_LOG.
  admin.exec(`CREATE DATABASE ${name}${version >= 150000 ? ' STRATEGY FILE_COPY' : ''}`);
  database = name;
  return name;
}

// Registered when a test file imports this module, so it runs after that file's own afterAll hooks.
afterAll(() => {
  try {
    if (database !== undefined) admin?.exec(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  } finally {
    admin?.close();
    admin = undefined;
    database = undefined;
  }
});

/** The URL of this file's own database. */
export function testDatabaseUrl(): string {
  return withDatabase(POSTGRES_URL, fileDatabase());
}

/**
 * The URL of this file's database with `schema` as the connection's search_path (as a Sentry
 * database's public schema is), connecting as `user` when given.
 */
export function schemaUrl(schema: string, user?: string): string {
  const base = testDatabaseUrl();
  const options = `-csearch_path=${schema}`;
  if (/^postgres(?:ql)?:\/\//i.test(base)) {
    return `${base}&options=${encodeURIComponent(options)}${user === undefined ? '' : `&user=${encodeURIComponent(user)}`}`;
  }
  return `${base} options='${options}'${user === undefined ? '' : ` user='${user}'`}`;
}

/** A connection to this file's database whose tables go to a new, empty schema of its own. */
export function openPostgresTest(): Driver {
  const driver = openPostgres(testDatabaseUrl());
  const schema = `test_${++schemas}`;
  try {
    driver.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
  } catch (error) {
    driver.close();
    throw error;
  }
  return driver;
}

/** Schemas with relocate's tables whose drivers were closed, by registry, ready to be emptied and used again. */
const idle = new Map<Registry, string[]>();

/** Every row deleted and every id sequence restarted, as in a new schema. */
function emptyTables(driver: Driver, registry: Registry): void {
  const tables = [...registry.sorted].reverse().filter((entry) => entry.stored).map((entry) => entry.table);
  driver.transaction(() => driver.exec([...tables.map((table) => `DELETE FROM "${table}"`), ...driver.dialect.resetSequences(tables)].join('; ')));
}

/**
 * A connection to a schema with relocate's tables for `registry` and no rows: one a closed driver
 * left (emptied), or a new one. A test that changes the tables themselves must use
 * `openPostgresTest` and make them, so that no schema it changed is handed out again.
 */
export function openPostgresWithSchema(registry: Registry): Driver {
  const free = idle.get(registry) ?? [];
  idle.set(registry, free);
  const reused = free.pop();
  const schema = reused ?? `test_${++schemas}`;
  const driver = openPostgres(testDatabaseUrl());
  try {
    driver.exec(`${reused === undefined ? `CREATE SCHEMA ${schema}; ` : ''}SET search_path TO ${schema}`);
    if (reused === undefined) ensureSchema(driver, registry);
    else emptyTables(driver, registry);
  } catch (error) {
    driver.close();
    throw error;
  }
  const close = driver.close.bind(driver);
  let open = true;
  driver.close = () => {
    close();
    if (open) free.push(schema);
    open = false;
  };
  // A driver a test opened is done with when the test is (most tests leave theirs open); one a
  // beforeAll opened lives until its file's own afterAll closes it.
  try {
    onTestFinished(() => driver.close());
  } catch {
    // Not inside a test.
  }
  return driver;
}
