/**
 * PostgreSQL for a test file: the server the global setup provides (test/helpers/postgres-server.ts),
 * a database of the file's own (CREATE DATABASE with a random name on first use, dropped after
 * the file's tests), and in it a fresh, empty schema for each `open()`, which is to PostgreSQL
 * what a new in-memory database is to SQLite (a schema costs well under a millisecond; a
 * database ~40 ms).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { openPostgres } from '../../src/backends/postgres/index.js';
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
