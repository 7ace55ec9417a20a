/**
 * A row the database refuses is reported at that row (model, ordinal, pk, line), and the database
 * is left as it was, on every backend: on PostgreSQL, where rows are held and sent in bulk at the
 * end or every few thousand rows, the refusal comes when they are sent and is located all the same.
 */
import { describe, expect, it } from 'vitest';
import { ImportingError } from '../../src/engine/import/index.js';
import { ALL_DRIVERS as DRIVERS } from '../helpers/drivers.js';
import { freshDatabase } from '../helpers/export.js';
import { count, importText } from '../helpers/import.js';
import { REGISTRY } from '../helpers/registry.js';

const user = (pk: number, username: string, extra: Record<string, unknown> = {}) => ({
  model: 'sentry.user', pk, fields: { password: 'x', username, name: username, email: `${username}@example.com`, ...extra },
});

/** A file of users, one object a line (so that each object's line is its pk + 1). */
const fileOf = (objects: readonly unknown[]): string => `[\n${objects.map((object) => JSON.stringify(object)).join(',\n')}\n]`;

function refusal(fn: () => unknown): ImportingError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ImportingError) return error;
    throw error;
  }
  throw new Error('Expected the import to be refused');
}

describe.each(DRIVERS)('$name: a refused row', (testDriver) => {
  it('is reported at its row, with nothing written', () => {
    const db = freshDatabase(testDriver);
    // The 31st user's session nonce is longer than its column's 12 characters.
    const objects = Array.from({ length: 40 }, (_, i) => user(i + 1, `user-${i + 1}`, i === 30 ? { session_nonce: 'x'.repeat(13) } : {}));
    const error = refusal(() => importText(db, fileOf(objects), { registry: REGISTRY, scope: 'Global' }));
    // Refused by the field's value rules before any write (the schema's CHECK would refuse it too).
    expect([error.kind, error.reason]).toEqual(['ValidationError', 'field "session_nonce" (CharField): expected at most 12 characters, got 13']);
    expect([error.on, error.leftPk, error.line]).toEqual([{ model: 'sentry.user', ordinal: 31 }, 31, 32]);
    expect([count(db, 'sentry.user'), count(db, 'sentry.useremail'), count(db, 'sentry.regionimportchunk')]).toEqual([0, 0, 0]);
    db.close();
  });

  it('that only clashes with a row written earlier in the same import is reported at the later one', () => {
    const db = freshDatabase(testDriver);
    // Two projects of one organization with one slug: the second breaks (organization, slug).
    const objects = [
      { model: 'sentry.organization', pk: 1, fields: { name: 'Org', slug: 'org' } },
      { model: 'sentry.project', pk: 1, fields: { name: 'a', slug: 'same', organization: 1, platform: 'python' } },
      { model: 'sentry.project', pk: 2, fields: { name: 'b', slug: 'same', organization: 1, platform: 'python' } },
    ];
    const error = refusal(() => importText(db, fileOf(objects), { registry: REGISTRY, scope: 'Global' }));
    expect(error.kind).toBe('IntegrityError');
    expect([error.on, error.leftPk, error.line]).toEqual([{ model: 'sentry.project', ordinal: 2 }, 2, 4]);
    expect(count(db, 'sentry.organization')).toBe(0);
    db.close();
  });
});
