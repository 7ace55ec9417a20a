/**
 * The schema on every backend: one valid row goes into every table, and a row breaking each
 * NOT NULL, each UNIQUE set and each FOREIGN KEY is refused with the matching error kind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sortedDependencies } from '../../src/core/graph/index.js';

import type { Field, ModelEntry } from '../../src/core/registry/types.js';
import { ConstraintViolation } from '../../src/db/port.js';
import type { Driver } from '../../src/db/port.js';
import { columnsOf } from '../../src/db/schema.js';
import { postgresDialect } from '../../src/db/postgres-dialect.js';
import { sqliteDialect } from '../../src/db/sqlite-dialect.js';
import { ALL_DRIVERS as DRIVERS } from '../helpers/drivers.js';
import { LETTERS, ROW_ID, insertSql, validRow } from '../helpers/valid-rows.js';
import { REGISTRY } from '../helpers/registry.js';

const stored = new Set(REGISTRY.stored.map((entry) => entry.name));
const tablesInOrder = sortedDependencies(REGISTRY.stored);

describe.each(DRIVERS)('$name: schema', (testDriver) => {
  let db: Driver;
  beforeAll(() => {
    db = testDriver.withSchema(REGISTRY);
  });
  afterAll(() => db.close());

  /** Runs `fn` in a savepoint that is always rolled back, and returns what it threw. */
  const refusal = (fn: () => void): unknown => {
    let caught: unknown;
    try {
      db.transaction(() => {
        try {
          fn();
        } catch (error) {
          caught = error;
        }
        throw new Error('rollback');
      });
    } catch {
      // the rollback itself
    }
    return caught;
  };

  it('takes two valid rows in every table, parents first', () => {
    db.transaction(() => {
      for (const entry of tablesInOrder) {
        for (const letter of LETTERS) {
          const [sql, params] = insertSql(db.dialect, entry, validRow(entry, letter, stored));
          db.prepare(sql).run(params);
        }
      }
    });
    for (const entry of tablesInOrder) {
      expect(db.prepare(`SELECT count(*) AS n FROM "${entry.table}"`).get()?.n, entry.table).toBe(2);
    }
  });

  it.each(tablesInOrder.map((entry) => [entry.name, entry] as const))('%s refuses NULL in each NOT NULL column', (_name, entry) => {
    for (const field of entry.fields.filter((candidate) => !candidate.nullable)) {
      const error = refusal(() => db.prepare(`UPDATE "${entry.table}" SET "${field.column}" = NULL WHERE id = ?`).run([ROW_ID.b]));
      expect(error, `${entry.table}.${field.column}`).toBeInstanceOf(ConstraintViolation);
      expect(error).toMatchObject({ kind: 'NotNullViolation', table: entry.table, columns: [field.column] });
    }
  });

  it.each(tablesWith((entry) => entry.uniques.length > 0))('%s refuses a duplicate of each unique set', (_name, entry) => {
    for (const set of entry.uniques) {
      const columns = columnsOf(entry, set);
      const assignments = columns.map((column) => `"${column}" = (SELECT "${column}" FROM "${entry.table}" WHERE id = ${ROW_ID.a})`);
      // A conditional unique set holds only where its condition does: make both rows meet it first.
      const condition = entry.uniqueConditions?.[set.join(':')];
      const meetColumn = condition === undefined ? undefined : `"${columnsOf(entry, [condition.field])[0]}"`;
      const meet = condition === undefined ? undefined
        : 'is' in condition ? `${meetColumn} = NULL`
        : 'isNot' in condition ? undefined
        : `${meetColumn} = ${typeof condition.equals === 'string' ? `'${condition.equals}'` : typeof condition.equals === 'boolean' ? booleanSql(condition.equals) : condition.equals}`;
      const error = refusal(() => {
        if (meet !== undefined) db.prepare(`UPDATE "${entry.table}" SET ${meet}`).run();
        db.prepare(`UPDATE "${entry.table}" SET ${assignments.join(', ')} WHERE id = ?`).run([ROW_ID.b]);
      });
      expect(error, `${entry.table} (${columns.join(', ')})`).toMatchObject({ kind: 'UniqueViolation', table: entry.table });
      expect((error as ConstraintViolation).columns.every((column) => columns.includes(column))).toBe(true);
    }
  });

  it('lets rows outside a conditional unique set repeat its values', () => {
    // Two non-global saved searches may share a name; two per-user snoozes may share a rule.
    const error = refusal(() => {
      db.prepare(`UPDATE "sentry_savedsearch" SET "is_global" = ${booleanSql(false)}, "visibility" = 'owner'`).run();
      db.prepare(`UPDATE "sentry_savedsearch" SET "name" = (SELECT "name" FROM "sentry_savedsearch" WHERE id = ${ROW_ID.a}) WHERE id = ?`).run([ROW_ID.b]);
      throw new Error('accepted');
    });
    expect((error as Error).message).toBe('accepted');
  });

  /** Runs `fn` in a transaction that commits, and returns what it threw (keys Django makes deferrable are checked at the commit). */
  const refusalAtCommit = (fn: () => void): unknown => {
    try {
      db.transaction(fn);
    } catch (error) {
      return error;
    }
    return undefined;
  };

  it.each(tablesWith((entry) => foreignKeyFields(entry).length > 0))('%s refuses a key to a missing row', (_name, entry) => {
    for (const field of foreignKeyFields(entry)) {
      const error = refusalAtCommit(() => db.prepare(`UPDATE "${entry.table}" SET "${field.column}" = ? WHERE id = ?`).run([999_999, ROW_ID.b]));
      expect(error, `${entry.table}.${field.column}`).toMatchObject({ kind: 'ForeignKeyViolation' });
    }
  });

  // Where the backend holds the maximum: SQLite checks every declared one; PostgreSQL's varchar(n)
  // does, and its text (Django's TextField, whose max_length only forms check) does not.
  const dialect = testDriver.name === 'postgres' ? postgresDialect : sqliteDialect;
  const limited = (field: Field): boolean => field.maxLength !== undefined && isText(field.class) &&
    (dialect.lengthCheck(field) !== undefined || dialect.columnType(field).startsWith('varchar('));

  it.each(tablesWith((entry) => entry.fields.some(limited)))(
    '%s refuses text longer than its declared maximum',
    (_name, entry) => {
      for (const field of entry.fields.filter(limited)) {
        const long = 'x'.repeat((field.maxLength as number) + 1);
        const error = refusal(() => db.prepare(`UPDATE "${entry.table}" SET "${field.column}" = ? WHERE id = ?`).run([long, ROW_ID.b]));
        expect(error, `${entry.table}.${field.column}`).toMatchObject({ kind: 'CheckViolation' });
      }
    },
  );

  it('refuses a value of the wrong type (STRICT tables)', () => {
    const error = refusal(() => db.prepare('UPDATE "sentry_organization" SET "status" = ? WHERE id = ?').run(['active', ROW_ID.b]));
    expect(error).toMatchObject({ kind: 'DatabaseError' });
  });
});

/** A boolean as SQL every backend takes for a boolean column: a comparison (SQLite's is 0/1). */
function booleanSql(value: boolean): string {
  return value ? '(1 = 1)' : '(1 = 0)';
}

function tablesWith(predicate: (entry: ModelEntry) => boolean): (readonly [string, ModelEntry])[] {
  return tablesInOrder.filter(predicate).map((entry) => [entry.name, entry] as const);
}

function foreignKeyFields(entry: ModelEntry) {
  return entry.fields.filter((field) => field.foreignKey !== undefined && stored.has(field.foreignKey.model));
}

function isText(cls: string): boolean {
  return !['ArrayField', 'JSONField', 'LegacyTextJSONField', 'PickledObjectField', 'EncryptedJsonField', 'GzippedDictField'].includes(cls);
}
