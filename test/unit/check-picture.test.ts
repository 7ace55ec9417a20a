/**
 * A check's picture of the target (engine/check/picture.ts): unique sets as the database's
 * constraints hold them (nulls constrain nothing, a conditional set only where its condition
 * holds), values taken by an earlier row of the file or by a row of the database named, lookups
 * that ignore case, and indexes that follow a row written over.
 */
import { describe, expect, it } from 'vitest';
import type { ImportingRow, StoredValue } from '../../src/core/registry/import-rules.js';
import { Picture, UniqueValueTaken } from '../../src/engine/check/picture.js';
import type { DatabaseView } from '../../src/engine/check/picture.js';
import { PrimaryKeyMap } from '../../src/engine/import/primary-key-map.js';
import { REGISTRY } from '../helpers/registry.js';

function picture(database?: DatabaseView): { picture: Picture; overwrote: string[] } {
  const overwrote: string[] = [];
  const made = new Picture({
    registry: REGISTRY, scope: 'Organization', mergeUsers: false, overwriteConfigs: false, now: () => '2024-01-01T00:00:00.000Z',
    pkMap: new PrimaryKeyMap(), database, places: true,
    events: { overwrote: (row, target) => overwrote.push(`${row.model} over ${JSON.stringify(target)}`), changed: () => undefined },
  });
  return { picture: made, overwrote };
}

const row = (model: string, oldPk: number, fields: Record<string, StoredValue>): ImportingRow => ({ model, oldPk, fields, original: { ...fields } });

function taken(run: () => unknown): UniqueValueTaken {
  try {
    run();
  } catch (error) {
    if (error instanceof UniqueValueTaken) return error;
    throw error;
  }
  throw new Error('expected the value to be taken');
}

describe('the picture a check runs the import rules against', () => {
  it('refuses a unique value an earlier row of the file has, naming that row', () => {
    const { picture: target } = picture();
    target.row = { pk: 3, line: 40, index: 7 };
    target.insert(row('sentry.team', 3, { organization: 1, slug: 'backend', name: 'Backend' }));
    target.row = { pk: 4, line: 52, index: 8 };
    const error = taken(() => target.insert(row('sentry.team', 4, { organization: 1, slug: 'backend', name: 'Other' })));
    expect(error.holder).toEqual({ from: 'file', pk: 3, line: 40, index: 7 });
    expect(error.message).toBe('(organization, slug) = (1, "backend") is unique in sentry.team, and the row at line 40 (pk 3) of the file has it');
    // Another organization, or a null in the set, collides with nothing.
    target.insert(row('sentry.team', 5, { organization: 2, slug: 'backend', name: 'Backend' }));
  });

  it('refuses a unique value a row of the database has, and asks the database only what it must', () => {
    const asked: string[] = [];
    const database: DatabaseView = {
      find: (entry, where) => {
        asked.push(`${entry.name} ${JSON.stringify(where)}`);
        return entry.name === 'sentry.team' && where.slug === 'taken' ? 42 : undefined;
      },
      firstFreePk: () => 100,
      option: () => undefined,
    };
    const { picture: target } = picture(database);
    target.row = { pk: 1, line: 2, index: 0 };
    expect(target.insert(row('sentry.team', 1, { organization: 9, slug: 'free', name: 'A' }))).toBe(100);
    const error = taken(() => target.insert(row('sentry.team', 2, { organization: 9, slug: 'taken', name: 'B' })));
    expect(error.holder).toEqual({ from: 'database', pk: 42 });
    expect(asked).toEqual(['sentry.team {"organization":9,"slug":"free"}', 'sentry.team {"organization":9,"slug":"taken"}']);
  });

  it('holds a conditional unique set only where its condition holds', () => {
    const { picture: target } = picture();
    const search = (pk: number, isGlobal: number) => row('sentry.savedsearch', pk, { is_global: isGlobal, name: 'Unresolved', organization: null, owner_id: null, type: 0, visibility: 'organization', query: 'is:unresolved' });
    target.insert(search(1, 0));
    target.insert(search(2, 0));
    target.insert(search(3, 1));
    expect(taken(() => target.insert(search(4, 1))).holder).toEqual({ from: 'rule' });
  });

  it('finds rows ignoring case where the model looks them up so, and follows a row written over', () => {
    const { picture: target, overwrote } = picture();
    target.row = { pk: 1, line: 10, index: 0 };
    const pk = target.insert(row('sentry.user', 1, { username: 'Ada', email: 'ada@example.com' }));
    expect(target.find('sentry.user', { username: 'ada' }, { nocase: ['username'] })).toBe(pk);
    expect(target.find('sentry.user', { username: 'ada' })).toBeUndefined();
    target.row = { pk: 2, line: 20, index: 1 };
    target.update(row('sentry.user', 2, { username: 'grace', email: 'grace@example.com' }), pk);
    expect(overwrote).toEqual([`sentry.user over ${JSON.stringify({ from: 'file', pk: 1, line: 10, index: 0 })}`]);
    expect(target.find('sentry.user', { username: 'Ada' })).toBeUndefined();
    expect(target.find('sentry.user', { username: 'GRACE' }, { nocase: ['username'] })).toBe(pk);
    expect(() => target.find('sentry.user', { name: 'Ada' })).toThrow(RangeError);
  });
});
