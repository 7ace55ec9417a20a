// Benchmarks of the foundation: schema creation, and the driver port's cost over each raw driver
// (the baseline, measured in the same run), for writes and reads of a registry table.
// Prints figures and ratios; asserts nothing. Part of `npm run bench` (PORT_ROWS=N to resize).
import Database from 'better-sqlite3';
import initSqlJs from 'sql.js';
import { openBetterSqlite3 } from '../dist/backends/better-sqlite3/index.js';
import { openSqlJs } from '../dist/backends/sql-js/index.js';
import { ensureSchema, schemaStatements, VERIFIED_REGISTRY } from '../dist/index.js';
import { sqliteDialect } from '../dist/db/sqlite-dialect.js';

const STORED_MODELS = VERIFIED_REGISTRY.stored;

const ROWS = Number(process.env.PORT_ROWS ?? 200_000);
const SQL = await initSqlJs();
const INSERT = 'INSERT INTO "sentry_email" ("email", "date_added") VALUES (?, ?)';
const SELECT = 'SELECT "id", "email", "date_added" FROM "sentry_email" ORDER BY "id"';
const row = (i) => [`user${i}@example.com`, '2024-07-01T10:56:54.842Z'];

function time(fn) {
  const start = process.hrtime.bigint();
  const result = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

function rawBetterSqlite3() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const statement of schemaStatements(VERIFIED_REGISTRY, sqliteDialect)) db.exec(statement);
  const insert = db.prepare(INSERT);
  const write = time(() => db.transaction(() => { for (let i = 0; i < ROWS; i++) insert.run(row(i)); })());
  const read = time(() => { let n = 0; for (const _ of db.prepare(SELECT).iterate()) n++; return n; });
  db.close();
  return { write: write.ms, read: read.ms };
}

function rawSqlJs() {
  const db = new SQL.Database();
  db.exec('PRAGMA foreign_keys = ON');
  for (const statement of schemaStatements(VERIFIED_REGISTRY, sqliteDialect)) db.exec(statement);
  const insert = db.prepare(INSERT);
  const write = time(() => { db.exec('BEGIN'); for (let i = 0; i < ROWS; i++) insert.run(row(i)); db.exec('COMMIT'); });
  insert.free();
  const select = db.prepare(SELECT);
  const read = time(() => { let n = 0; while (select.step()) { select.getAsObject(); n++; } return n; });
  select.free();
  db.close();
  return { write: write.ms, read: read.ms };
}

function throughPort(open) {
  const db = open();
  const schema = time(() => ensureSchema(db, VERIFIED_REGISTRY));
  const insert = db.prepare(INSERT);
  const write = time(() => db.transaction(() => { for (let i = 0; i < ROWS; i++) insert.run(row(i)); }));
  const read = time(() => { let n = 0; for (const _ of db.prepare(SELECT).iterate()) n++; return n; });
  db.close();
  return { schema: schema.ms, write: write.ms, read: read.ms };
}

const rate = (ms) => `${Math.round(ROWS / (ms / 1000)).toLocaleString('en-US')} rows/s`;
const ratio = (ours, base) => `${(ours / base).toFixed(2)}x the raw driver's time`;

console.log(`relocate bench: ${ROWS.toLocaleString('en-US')} rows into sentry_email (unique email), ${STORED_MODELS.length} tables`);
for (const [name, raw, open] of [
  ['better-sqlite3', rawBetterSqlite3, () => openBetterSqlite3(':memory:')],
  ['sql.js', rawSqlJs, () => openSqlJs(SQL)],
]) {
  const base = raw();
  const ours = throughPort(open);
  console.log(`\n${name}`);
  console.log(`  schema (create ${STORED_MODELS.length} tables): ${ours.schema.toFixed(1)} ms`);
  console.log(`  insert via port: ${rate(ours.write)} (raw: ${rate(base.write)}; ${ratio(ours.write, base.write)})`);
  console.log(`  read via port:   ${rate(ours.read)} (raw: ${rate(base.read)}; ${ratio(ours.read, base.read)})`);
}
