// PostgreSQL driver benchmark: 100,000 five-column rows written three ways inside one transaction
// (one prepared INSERT a row, one INSERT of 500 rows at a time, COPY through bulkInsert), then
// read back whole (all) and through the driver's cursor (values), in and out of a transaction.
// Needs a server: RELOCATE_BENCH_POSTGRES_URL (or RELOCATE_TEST_POSTGRES_URL) names a database
// where a table "relocate_bench" may be made and dropped, or a throwaway one is started
// (bench/postgres-server.js). Prints figures; asserts nothing.
import { openPostgres } from '../dist/backends/postgres/index.js';
import { benchPostgres } from './postgres-server.js';

const server = benchPostgres();
const url = server.url;
const ROWS = Number(process.env.PG_ROWS ?? 100_000);
const BATCH = 500;
const COLUMNS = ['id', 'name', 'email', 'date_added', 'flags'];
const row = (i) => [i, `user${i}`, `user${i}@example.com`, '2024-07-01T10:56:54.842Z', i % 7];

function time(fn) {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const rate = (ms) => `${Math.round(ROWS / (ms / 1000)).toLocaleString('en-US')} rows/s`;

if (url === undefined) {
  console.log(`postgres bench skipped: ${server.skipped}`);
} else {
  const db = openPostgres(url);
  const reset = () =>
    db.exec(`DROP TABLE IF EXISTS relocate_bench; CREATE TABLE relocate_bench (id BIGINT PRIMARY KEY, name TEXT NOT NULL,
      email TEXT NOT NULL, date_added TIMESTAMPTZ NOT NULL, flags INTEGER NOT NULL)`);
  const insertSql = (rows) => `INSERT INTO relocate_bench (${COLUMNS.join(', ')}) VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?)').join(', ')}`;
  const ways = {
    'one INSERT a row': () => {
      const insert = db.prepare(insertSql(1));
      for (let i = 0; i < ROWS; i++) insert.run(row(i));
    },
    [`one INSERT per ${BATCH} rows`]: () => {
      const insert = db.prepare(insertSql(BATCH));
      for (let i = 0; i < ROWS; i += BATCH) {
        const params = [];
        for (let j = i; j < Math.min(i + BATCH, ROWS); j++) params.push(...row(j));
        if (params.length === BATCH * COLUMNS.length) insert.run(params);
        else db.prepare(insertSql(params.length / COLUMNS.length)).run(params);
      }
    },
    'COPY (bulkInsert)': () => {
      db.bulkInsert('relocate_bench', COLUMNS, (function* () {
        for (let i = 0; i < ROWS; i++) yield row(i);
      })());
    },
  };
  console.log(`postgres bench: ${ROWS.toLocaleString('en-US')} rows of ${COLUMNS.length} columns, each way in one transaction`);
  const figures = {};
  for (const [name, write] of Object.entries(ways)) {
    reset();
    figures[name] = time(() => db.transaction(write));
    console.log(`  write, ${name.padEnd(24)} ${figures[name].toFixed(0).padStart(6)} ms  ${rate(figures[name])}`);
  }
  const first = figures['one INSERT a row'];
  console.log(`  COPY: ${(first / figures['COPY (bulkInsert)']).toFixed(1)}x one INSERT a row, ${(figures[`one INSERT per ${BATCH} rows`] / figures['COPY (bulkInsert)']).toFixed(1)}x INSERTs of ${BATCH}`);
  const select = db.prepare(`SELECT ${COLUMNS.join(', ')} FROM relocate_bench ORDER BY id`);
  const reads = {
    'all()': () => select.all(),
    'values(), no transaction': () => { for (const _ of select.values()) { /* read */ } },
    'values(), in a transaction': () => db.transaction(() => { for (const _ of select.values()) { /* read */ } }),
  };
  for (const [name, read] of Object.entries(reads)) {
    const ms = time(read);
    console.log(`  read, ${name.padEnd(26)} ${ms.toFixed(0).padStart(6)} ms  ${rate(ms)}`);
  }
  db.exec('DROP TABLE relocate_bench');
  db.close();
}
