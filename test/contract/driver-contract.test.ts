/** The driver port's contract, the same on both drivers. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConstraintViolation, IntegerOutOfRange } from '../../src/db/port.js';
import type { Driver } from '../../src/db/port.js';
import { DRIVERS } from '../helpers/drivers.js';

const SCHEMA = `
  CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT;
  CREATE TABLE child (
    id INTEGER PRIMARY KEY,
    parent_id INTEGER NOT NULL REFERENCES parent (id),
    big INTEGER,
    data BLOB
  ) STRICT;
`;

describe.each(DRIVERS)('$name: driver contract', (testDriver) => {
  let db: Driver;
  beforeEach(() => {
    db = testDriver.open();
    db.exec(SCHEMA);
  });
  afterEach(() => db.close());

  const count = (table: string): number => db.prepare(`SELECT count(*) AS n FROM ${table}`).get()?.n as number;
  const addParent = (name: string) => db.prepare('INSERT INTO parent (name) VALUES (?)').run([name]);

  it('runs statements and reports changes and the new row id', () => {
    expect(addParent('a')).toEqual({ changes: 1, lastInsertRowid: 1 });
    expect(addParent('b')).toEqual({ changes: 1, lastInsertRowid: 2 });
    expect(db.prepare('UPDATE parent SET name = name || ?').run(['!']).changes).toBe(2);
    expect(db.prepare('SELECT id, name FROM parent ORDER BY id').all()).toEqual([
      { id: 1, name: 'a!' },
      { id: 2, name: 'b!' },
    ]);
    expect(db.prepare('SELECT * FROM parent WHERE id = ?').get([9])).toBeUndefined();
    expect([...db.prepare('SELECT name FROM parent ORDER BY id').iterate()].map((row) => row.name)).toEqual(['a!', 'b!']);
    expect([...db.prepare('SELECT id, name FROM parent ORDER BY id').values()]).toEqual([[1, 'a!'], [2, 'b!']]);
  });

  it('commits a transaction, and rolls it back when it throws', () => {
    db.transaction(() => addParent('kept'));
    expect(() =>
      db.transaction(() => {
        addParent('lost');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(db.prepare('SELECT name FROM parent').all()).toEqual([{ name: 'kept' }]);
    expect(db.inTransaction).toBe(false);
  });

  it('turns nested transactions into savepoints that roll back alone', () => {
    db.transaction(() => {
      addParent('outer');
      expect(() =>
        db.transaction(() => {
          addParent('inner');
          db.transaction(() => addParent('innermost'));
          throw new Error('inner fails');
        }),
      ).toThrow('inner fails');
      expect(db.inTransaction).toBe(true);
      db.transaction(() => addParent('second inner'));
    });
    expect(db.prepare('SELECT name FROM parent ORDER BY id').all().map((row) => row.name)).toEqual(['outer', 'second inner']);
  });

  it('rolls back everything, savepoints included, when the outer transaction throws', () => {
    expect(() =>
      db.transaction(() => {
        db.transaction(() => addParent('inner committed'));
        throw new Error('outer fails');
      }),
    ).toThrow('outer fails');
    expect(count('parent')).toBe(0);
  });

  it('reports a unique violation with its table and columns', () => {
    addParent('same');
    const error = catchError(() => addParent('same'));
    expect(error).toBeInstanceOf(ConstraintViolation);
    expect(error).toMatchObject({ kind: 'UniqueViolation', table: 'parent', columns: ['name'] });
  });

  it('reports a NOT NULL violation with its table and column', () => {
    const error = catchError(() => db.prepare('INSERT INTO parent (name) VALUES (NULL)').run());
    expect(error).toMatchObject({ kind: 'NotNullViolation', table: 'parent', columns: ['name'] });
  });

  it('enforces foreign keys', () => {
    const error = catchError(() => db.prepare('INSERT INTO child (parent_id) VALUES (?)').run([42]));
    expect(error).toBeInstanceOf(ConstraintViolation);
    expect(error).toMatchObject({ kind: 'ForeignKeyViolation' });
    addParent('p');
    db.prepare('INSERT INTO child (parent_id) VALUES (?)').run([1]);
    expect(catchError(() => db.prepare('DELETE FROM parent').run())).toMatchObject({ kind: 'ForeignKeyViolation' });
  });

  it('still enforces foreign keys after serializing, and in a copy opened from the bytes', () => {
    addParent('p');
    const bytes = db.serialize();
    expect(catchError(() => db.prepare('INSERT INTO child (parent_id) VALUES (?)').run([42]))).toMatchObject({
      kind: 'ForeignKeyViolation',
    });
    // Statements prepared before serializing still work (sql.js frees them in export()).
    expect(addParent('after').lastInsertRowid).toBe(2);
    const copy = testDriver.open(bytes);
    try {
      expect(copy.prepare('SELECT name FROM parent').all()).toEqual([{ name: 'p' }]);
      expect(catchError(() => copy.prepare('INSERT INTO child (parent_id) VALUES (?)').run([42]))).toMatchObject({
        kind: 'ForeignKeyViolation',
      });
    } finally {
      copy.close();
    }
  });

  it('refuses integers beyond 2^53 instead of rounding them', () => {
    addParent('p');
    db.prepare('INSERT INTO child (parent_id, big) VALUES (1, 9007199254740993)').run();
    const read = catchError(() => db.prepare('SELECT big FROM child').get());
    expect(read).toBeInstanceOf(IntegerOutOfRange);
    // better-sqlite3 reads it already rounded (…992); sql.js reads it exactly (…993).
    expect(read).toMatchObject({ kind: 'IntegerOutOfRange' });
    expect((read as IntegerOutOfRange).value).toMatch(/^900719925474099[23]$/);
    expect(catchError(() => [...db.prepare('SELECT big FROM child').values()])).toMatchObject({ kind: 'IntegerOutOfRange' });
    expect((read as Error).message).toContain('"big"');
    const bound = catchError(() => db.prepare('INSERT INTO child (parent_id, big) VALUES (1, ?)').run([2 ** 53 + 2]));
    expect(bound).toMatchObject({ kind: 'IntegerOutOfRange' });
    db.prepare('INSERT INTO child (parent_id, big) VALUES (1, ?)').run([Number.MAX_SAFE_INTEGER]);
    expect(db.prepare('SELECT max(big) AS big FROM child WHERE big < 9007199254740992').get()).toEqual({
      big: Number.MAX_SAFE_INTEGER,
    });
  });

  it('returns BLOBs as Uint8Array and floats as numbers', () => {
    addParent('p');
    db.prepare('INSERT INTO child (parent_id, data) VALUES (1, ?)').run([new Uint8Array([1, 2, 255])]);
    const row = db.prepare("SELECT data, 1.5 AS f, 'x' AS s, NULL AS n FROM child").get();
    expect(row?.data).toBeInstanceOf(Uint8Array);
    expect([...(row?.data as Uint8Array)]).toEqual([1, 2, 255]);
    expect(row).toMatchObject({ f: 1.5, s: 'x', n: null });
  });

  it('refuses to serialize inside a transaction', () => {
    expect(() => db.transaction(() => db.serialize())).toThrow(TypeError);
  });

  it('refuses too few or too many parameter values', () => {
    expect(() => db.prepare('INSERT INTO parent (id, name) VALUES (?, ?)').run([1])).toThrow(RangeError);
    expect(() => db.prepare('INSERT INTO parent (name) VALUES (?)').run(['a', 'b'])).toThrow(RangeError);
    expect(db.prepare("SELECT '?' AS q, ? AS v -- ?").get([7])).toEqual({ q: '?', v: 7 });
    expect(count('parent')).toBe(0);
  });

  it('reports SQL errors as DatabaseError', () => {
    expect(catchError(() => db.prepare('SELECT * FROM nowhere'))).toMatchObject({ kind: 'DatabaseError' });
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('Expected an error');
}
