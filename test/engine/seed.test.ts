/** The seed builders: Sentry's coverage gate, determinism, and the synthetic instance's size. */
import { describe, expect, it } from 'vitest';

import { renderExport } from '../../src/core/json/export-writer.js';
import { countRows } from '../../src/db/store.js';
import { exportInScope } from '../../src/engine/export/index.js';
import { ROWS_PER_ORGANIZATION, SeedBuilder, createExhaustiveInstance, createSyntheticInstance } from '../../src/engine/seed/index.js';
import { ALL_DRIVERS as DRIVERS } from '../helpers/drivers.js';
import { freshDatabase } from '../helpers/export.js';
import { REGISTRY } from '../helpers/registry.js';

describe.each(DRIVERS)('$name: seed', (testDriver) => {
  it('gives every exportable model at least one row (the coverage gate)', () => {
    const db = freshDatabase(testDriver);
    createExhaustiveInstance(db, { registry: REGISTRY });
    const empty = REGISTRY.exportable.filter((entry) => countRows(db, entry) === 0).map((entry) => entry.name);
    expect(empty).toEqual([]);
    db.close();
  });

  it('is deterministic', () => {
    const exports = [0, 1].map(() => {
      const db = freshDatabase(testDriver);
      createExhaustiveInstance(db, { registry: REGISTRY });
      const text = renderExport(exportInScope(db, { registry: REGISTRY, scope: 'Global' }).objects);
      db.close();
      return text;
    });
    expect(exports[1]).toBe(exports[0]);
  });

  it('builds a synthetic instance of about the rows asked for', () => {
    const db = freshDatabase(testDriver);
    const inserted = createSyntheticInstance(db, { registry: REGISTRY, rows: 2000 });
    const total = REGISTRY.stored.reduce((sum, entry) => sum + countRows(db, entry), 0);
    expect([...inserted.values()].reduce((a, b) => a + b, 0)).toBe(total);
    expect(total).toBe(Math.round(2000 / ROWS_PER_ORGANIZATION) * ROWS_PER_ORGANIZATION);
    db.close();
  });

  it('refuses a field the model does not have, naming it', () => {
    const db = freshDatabase(testDriver);
    expect(() => new SeedBuilder(db, { registry: REGISTRY }).insert('sentry.option', { key: 'a', valeu: 1 })).toThrow('Expected a field of sentry.option, got "valeu"');
    db.close();
  });
});
