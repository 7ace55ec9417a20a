/** The PostgreSQL driver's text handling that needs no server: placeholders, masked passwords, key columns, loading libpq. */
import { describe, expect, it } from 'vitest';
import { keyColumns, maskPassword } from '../../src/backends/postgres/errors.js';
import { loadLibpq } from '../../src/backends/postgres/libpq.js';
import { translatePlaceholders } from '../../src/backends/postgres/placeholders.js';
import { DatabaseError } from '../../src/db/port.js';

describe('translatePlaceholders', () => {
  it('numbers each value placeholder in order', () => {
    expect(translatePlaceholders('SELECT * FROM t WHERE a = ? AND b IN (?, ?)')).toEqual({
      text: 'SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)',
      parameters: 3,
    });
    expect(translatePlaceholders('SELECT 1')).toEqual({ text: 'SELECT 1', parameters: 0 });
    expect(translatePlaceholders('?')).toEqual({ text: '$1', parameters: 1 });
  });

  it('leaves ? in literals, quoted identifiers and comments alone', () => {
    const cases: [string, string][] = [
      ["SELECT '?', ?", "SELECT '?', $1"],
      ["SELECT 'it''s ?', ?", "SELECT 'it''s ?', $1"],
      ["SELECT E'\\'?', ?", "SELECT E'\\'?', $1"],
      ["SELECT e'a\\\\', ?", "SELECT e'a\\\\', $1"],
      // Not an E string: a backslash in a plain literal is a plain character.
      ["SELECT 'a\\', ?", "SELECT 'a\\', $1"],
      ['SELECT "col?" FROM t WHERE x = ?', 'SELECT "col?" FROM t WHERE x = $1'],
      ['SELECT ? -- why?\n, ?', 'SELECT $1 -- why?\n, $2'],
      ['SELECT /* ? /* nested ? */ still ? */ ?', 'SELECT /* ? /* nested ? */ still ? */ $1'],
      ['SELECT $$?$$, ?', 'SELECT $$?$$, $1'],
      ['SELECT $fn$ a ? $x$ ? $fn$, ?', 'SELECT $fn$ a ? $x$ ? $fn$, $1'],
      // An identifier may hold $: that is no dollar quote.
      ['SELECT a$b$ FROM t WHERE c = ?', 'SELECT a$b$ FROM t WHERE c = $1'],
    ];
    for (const [sql, text] of cases) expect(translatePlaceholders(sql).text, sql).toBe(text);
  });

  it('treats an unterminated literal or comment as running to the end', () => {
    expect(translatePlaceholders("SELECT ?, 'open ?")).toEqual({ text: "SELECT $1, 'open ?", parameters: 1 });
    expect(translatePlaceholders('SELECT ? /* open ?')).toEqual({ text: 'SELECT $1 /* open ?', parameters: 1 });
  });
});

describe('maskPassword', () => {
  it('masks the password of URLs and key=value strings, and nothing else', () => {
    expect(maskPassword('postgres://bob:s3cret@db.example:5432/app')).toBe('postgres://bob:***@db.example:5432/app');
    expect(maskPassword('postgresql://bob:s3cret@/app?host=/run/postgresql')).toBe('postgresql://bob:***@/app?host=/run/postgresql');
    expect(maskPassword('postgresql:///app?user=bob&password=s3cret&sslmode=disable')).toBe('postgresql:///app?user=bob&password=***&sslmode=disable');
    expect(maskPassword("host=/tmp dbname=app password='a b' user=bob")).toBe('host=/tmp dbname=app password=*** user=bob');
    expect(maskPassword('host=/tmp password=s3cret')).toBe('host=/tmp password=***');
    expect(maskPassword('postgres://bob@localhost/app')).toBe('postgres://bob@localhost/app');
  });
});

describe('keyColumns', () => {
  it("reads the columns of a key violation's detail", () => {
    expect(keyColumns('Key (name)=(a) already exists.')).toEqual(['name']);
    expect(keyColumns('Key (org_id, slug)=(1, x) already exists.')).toEqual(['org_id', 'slug']);
    expect(keyColumns('Key ("Mixed, Case", b)=(1, 2) already exists.')).toEqual(['Mixed, Case', 'b']);
    expect(keyColumns('Key (lower(email::text))=(a@b) already exists.')).toEqual(['lower(email::text)']);
    expect(keyColumns(undefined)).toEqual([]);
  });
});

describe('loadLibpq', () => {
  it('says what to install when the package is missing', () => {
    const missing = () => {
      throw Object.assign(new Error("Cannot find module 'libpq'\nRequire stack: …"), { code: 'MODULE_NOT_FOUND' });
    };
    const error = (() => {
      try {
        loadLibpq(missing);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as Error).message).toMatch(/libpq-dev/);
    expect((error as Error).message).toMatch(/npm install/);
    expect((error as Error).message).toContain("Cannot find module 'libpq'");
    expect((error as Error).message).not.toContain('\n');
  });
});
