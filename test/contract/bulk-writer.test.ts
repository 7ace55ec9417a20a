/**
 * The import's bulk writer on PostgreSQL (the only backend with a bulk insert and ids drawn
 * ahead; SQLite's writer is the row-by-row store): ids in order from the sequence and the unused
 * ones handed back, lookups and updates that see held rows, updates of sent rows sent together
 * and a refused one located, and a table that had rows written row by row.
 */
import { describe, expect, it } from 'vitest';
import type { Driver, SqlValue } from '../../src/db/port.js';
import { BulkWriter } from '../../src/db/bulk-writer.js';
import type { RowOrigin } from '../../src/db/row-writer.js';
import { POSTGRES_DRIVER } from '../helpers/drivers.js';
import { HAS_POSTGRES } from '../helpers/postgres.js';
import { REGISTRY } from '../helpers/registry.js';

const email = REGISTRY.get('sentry.email');
const origin = (ordinal: number): RowOrigin => ({ model: 'sentry.email', ordinal, leftPk: ordinal, line: ordinal + 1 });

class Located extends Error {
  constructor(readonly origin: RowOrigin | undefined, readonly original: unknown) {
    super('located');
  }
}

function writer(db: Driver, cleared: boolean): BulkWriter {
  return new BulkWriter(db, { cleared, locate: (error, at) => new Located(at, error) });
}

const emails = (db: Driver): [number, string][] =>
  db.prepare('SELECT "id", "email" FROM "sentry_email" ORDER BY "id"').all().map((row) => [row.id as number, row.email as string]);

const insertEmail = (bulk: BulkWriter, address: string): number => bulk.insertRow(email, { email: address, date_added: '2024-01-01T00:00:00.000Z' });

describe.skipIf(!HAS_POSTGRES)('postgres: the bulk writer', () => {
  it('draws ids in order, answers lookups and updates from held rows, and hands unused ids back', () => {
    const db = POSTGRES_DRIVER.withSchema(REGISTRY);
    db.transaction(() => {
      const bulk = writer(db, true);
      const where = (address: string) => [{ column: 'email', value: address as SqlValue, nocase: true }];
      // The first lookup of its shape reads the table (empty); later ones are answered from memory.
      expect(bulk.findRow(email, where('a@example.com'))).toBeUndefined();
      expect([insertEmail(bulk, 'a@example.com'), insertEmail(bulk, 'B@example.com')]).toEqual([1, 2]);
      expect([bulk.findRow(email, where('A@EXAMPLE.COM')), bulk.findRow(email, where('b@example.com')), bulk.findRow(email, where('c@example.com'))]).toEqual([1, 2, undefined]);
      expect(emails(db)).toEqual([]);
      bulk.updateRow(email, { email: 'c@example.com' }, 2);
      expect([bulk.findRow(email, where('b@example.com')), bulk.findRow(email, where('c@example.com'))]).toEqual([undefined, 2]);
      bulk.finish();
    });
    expect(emails(db)).toEqual([[1, 'a@example.com'], [2, 'c@example.com']]);
    // The 62 ids drawn and not used went back: the next row gets 3.
    expect(db.prepare('INSERT INTO "sentry_email" ("email", "date_added") VALUES (?, now()) RETURNING "id"').get(['d@example.com'])?.id).toBe(3);
    db.close();
  });

  it('sends updates of rows already sent together, and locates one the database refuses', () => {
    const db = POSTGRES_DRIVER.withSchema(REGISTRY);
    db.transaction(() => {
      const bulk = writer(db, true);
      for (let i = 1; i <= 3; i++) insertEmail(bulk, `user${i}@example.com`);
      bulk.beforeRead(email);
      expect(emails(db)).toHaveLength(3);
      bulk.origin = origin(7);
      bulk.updateRow(email, { email: 'seven@example.com' }, 1);
      bulk.origin = origin(8);
      bulk.updateRow(email, { email: 'eight@example.com' }, 3);
      bulk.finish();
      expect(emails(db)).toEqual([[1, 'seven@example.com'], [2, 'user2@example.com'], [3, 'eight@example.com']]);
    });
    let refused: unknown;
    try {
      db.transaction(() => {
        const bulk = writer(db, false);
        expect(bulk.findRow(email, [{ column: 'email', value: 'seven@example.com', nocase: false }])).toBe(1);
        bulk.origin = origin(9);
        bulk.updateRow(email, { email: 'nine@example.com' }, 2);
        bulk.origin = origin(10);
        bulk.updateRow(email, { email: `${'x'.repeat(80)}@example.com` }, 3);
        bulk.finish();
      });
    } catch (error) {
      refused = error;
    }
    // The table had rows: written row by row, so the refusal came at the update itself, as the
    // database reported it (the importer locates it at the row it is importing).
    expect(refused).not.toBeInstanceOf(Located);
    expect(refused).toMatchObject({ kind: 'CheckViolation' });
    db.close();
  });

  it('locates a refused update that waited to be sent with others', () => {
    const db = POSTGRES_DRIVER.withSchema(REGISTRY);
    let refused: unknown;
    try {
      db.transaction(() => {
        const bulk = writer(db, true);
        for (let i = 1; i <= 3; i++) insertEmail(bulk, `user${i}@example.com`);
        bulk.beforeRead(email);
        bulk.origin = origin(4);
        bulk.updateRow(email, { email: 'four@example.com' }, 1);
        bulk.origin = origin(5);
        bulk.updateRow(email, { email: `${'x'.repeat(80)}@example.com` }, 2);
        bulk.finish();
      });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(Located);
    expect((refused as Located).origin).toEqual(origin(5));
    expect(emails(db)).toEqual([]);
    db.close();
  });
});
