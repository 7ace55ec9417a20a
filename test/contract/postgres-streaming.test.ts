/**
 * The PostgreSQL driver with many rows: reading a large table a page at a time (in bounded
 * memory, in and out of a transaction, with other statements between rows, abandoned halfway),
 * and bulk insert through COPY. Skipped without a server, like every PostgreSQL test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConstraintViolation } from '../../src/db/port.js';
import type { Driver, SqlValue } from '../../src/db/port.js';
import { HAS_POSTGRES, openPostgresTest } from '../helpers/postgres.js';

const ROWS = 200_000;
/** Each row carries this many bytes of text: the whole table is ~ROWS × PAD ≈ 80 MB as JavaScript strings. */
const PAD = 200;
/** What reading may add to the process's memory; holding the whole result takes several times more. */
const MEMORY_BOUND = 40 * 1024 * 1024;

describe.skipIf(!HAS_POSTGRES)('postgres: large results and bulk insert', () => {
  let db: Driver;
  beforeAll(() => {
    db = openPostgresTest();
    db.exec(`CREATE TABLE big AS SELECT g::bigint AS id, repeat(chr(97 + g % 26), ${PAD}) AS pad FROM generate_series(1, ${ROWS}) g`);
  }, 60_000);
  afterAll(() => db.close());

  /**
   * Reads every row of `big` through `values()`, checking them, and returns the largest growth of
   * RSS seen. Halfway it asks the server which cursor the reading uses: RSS only grows, so after
   * a first reading has taken memory a second one could hold everything unseen.
   */
  const readAll = (): { growth: number; cursors: unknown[] } => {
    const before = process.memoryUsage.rss();
    let growth = 0;
    let expected = 1;
    let cursors: unknown[] = [];
    for (const [id, pad] of db.prepare('SELECT id, pad FROM big ORDER BY id').values()) {
      if (id !== expected || (pad as string).length !== PAD) throw new Error(`Row ${expected} came back as ${String(id)}`);
      if (expected % 10_000 === 0) growth = Math.max(growth, process.memoryUsage.rss() - before);
      if (expected === ROWS / 2) cursors = db.prepare("SELECT is_holdable FROM pg_cursors WHERE name LIKE 'relocate%'").all();
      expected++;
    }
    expect(expected - 1).toBe(ROWS);
    return { growth, cursors };
  };

  it('reads 200,000 rows outside a transaction without holding them all', () => {
    const { growth, cursors } = readAll();
    expect(growth).toBeLessThan(MEMORY_BOUND);
    // Outside a transaction the cursor must outlive the DECLARE's own: WITH HOLD.
    expect(cursors).toEqual([{ is_holdable: 1 }]);
    expect(db.inTransaction).toBe(false);
  });

  it('reads 200,000 rows inside a transaction without holding them all', () => {
    db.transaction(() => {
      const { growth, cursors } = readAll();
      expect(growth).toBeLessThan(MEMORY_BOUND);
      expect(cursors).toEqual([{ is_holdable: 0 }]);
    });
  });

  it('runs other statements between rows, and reads again after a reading left halfway', () => {
    const pick = db.prepare('SELECT id FROM big WHERE id <= ? ORDER BY id');
    const count = db.prepare('SELECT count(*) AS n FROM big WHERE id <= ?');
    let seen = 0;
    for (const row of pick.iterate([2_500])) {
      seen++;
      if (row.id === 1_500) expect(count.get([row.id])).toEqual({ n: 1_500 });
      if (seen === 2_000) break;
    }
    expect(seen).toBe(2_000);
    expect([...pick.iterate([3])]).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect([...pick.values([0])]).toEqual([]);
    // Every reading closed its cursor: none is left on the server.
    expect(db.prepare("SELECT count(*) AS n FROM pg_cursors WHERE name LIKE 'relocate%'").get()).toEqual({ n: 0 });
  });

  describe('bulkInsert', () => {
    beforeAll(() => {
      db.exec('CREATE TABLE bulk (id BIGINT PRIMARY KEY, name TEXT NOT NULL, note TEXT, data BYTEA, score FLOAT8)');
    });

    it('inserts rows with every kind of value through COPY', () => {
      const rows: SqlValue[][] = [
        [1, 'plain', null, null, 1.5],
        [2, 'tab\there, newline\nhere, return\rhere, backslash \\ and \\N', '\\N', new Uint8Array([0, 9, 10, 92, 255]), -0.25],
        [3, 'ünïcødé ✓', '', new Uint8Array(0), null],
      ];
      expect(db.bulkInsert?.('bulk', ['id', 'name', 'note', 'data', 'score'], rows)).toBe(3);
      expect([...db.prepare('SELECT id, name, note, data, score FROM bulk ORDER BY id').values()]).toEqual(rows);
    });

    it('streams many rows from a generator', () => {
      function* rows(): Generator<SqlValue[]> {
        for (let i = 0; i < 50_000; i++) yield [1_000 + i, `row ${i}`];
      }
      expect(db.bulkInsert?.('bulk', ['id', 'name'], rows())).toBe(50_000);
      expect(db.prepare('SELECT count(*) AS n, max(id) AS top FROM bulk WHERE id >= 1000').get()).toEqual({ n: 50_000, top: 50_999 });
    });

    it('inserts nothing when a row is refused, and names the row', () => {
      const before = db.prepare('SELECT count(*) AS n FROM bulk').get();
      const error = (() => {
        try {
          db.bulkInsert?.('bulk', ['id', 'name'], [[90_000, 'new'], [90_001, 'new'], [1, 'duplicate of row 1']]);
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(ConstraintViolation);
      expect(error).toMatchObject({ kind: 'UniqueViolation', table: 'bulk', columns: ['id'] });
      expect((error as Error).message).toContain('at row 3 of the bulk insert');
      expect(() => db.bulkInsert?.('bulk', ['id', 'name'], [[90_002, 'new'], [90_003]])).toThrow(RangeError);
      // The connection is usable, and nothing of either call went in.
      expect(db.prepare('SELECT count(*) AS n FROM bulk').get()).toEqual(before);
    });

    it('is part of the surrounding transaction', () => {
      expect(() =>
        db.transaction(() => {
          db.bulkInsert?.('bulk', ['id', 'name'], [[80_000, 'rolled back']]);
          throw new Error('undo');
        }),
      ).toThrow('undo');
      expect(db.prepare('SELECT count(*) AS n FROM bulk WHERE id = 80000').get()).toEqual({ n: 0 });
    });
  });
});
