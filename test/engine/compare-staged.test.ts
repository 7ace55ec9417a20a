/**
 * compareExports with a staging database (what the CLI passes), on both drivers: sides out of
 * model order, or with a model split in two runs, are staged there and give the findings of the
 * validator that held both sides whole; values JSON alone would lose (a float written `1.0`) come
 * back from the database as they went in; sides in model order never open it; it is closed after.
 */
import { describe, expect, it } from 'vitest';
import { defaultComparators } from '../../src/core/compare/default-comparators.js';
import type { ExportedObject } from '../../src/core/compare/model-map.js';
import { renderExport } from '../../src/core/json/export-writer.js';
import { ensureSchema } from '../../src/db/open-database.js';
import type { Driver } from '../../src/db/port.js';
import { compareExports } from '../../src/engine/compare/index.js';
import { fileObjects } from '../../src/engine/import/index.js';
import type { ImportSource } from '../../src/engine/import/index.js';
import { createExhaustiveInstance } from '../../src/engine/seed/index.js';
import { DRIVERS } from '../helpers/drivers.js';
import { exportText, textSource } from '../helpers/import.js';
import { referenceValidate } from '../helpers/reference-validate.js';
import { REGISTRY } from '../helpers/registry.js';

describe.each(DRIVERS)('$name: compare stages sides that are not in model order', ({ open }) => {
  const seeded = open();
  ensureSchema(seeded, REGISTRY);
  createExhaustiveInstance(seeded, { registry: REGISTRY });
  const inOrder = exportText(seeded);
  const objects: ExportedObject[] = [...fileObjects(textSource(inOrder))].map(({ model, pk, fields }) => ({ model, pk, fields }));
  const text = (list: readonly ExportedObject[]): string => renderExport(list);
  // Users (custom ordinals, and the usernames other keys are read through) after all the rest.
  const usersLast = [...objects.filter((o) => o.model !== 'sentry.user'), ...objects.filter((o) => o.model === 'sentry.user')];
  // Projects in two runs, with a changed name in the second.
  const projects = objects.filter((o) => o.model === 'sentry.project');
  const split = [...objects.filter((o) => o !== projects.at(-1)), { ...projects.at(-1), fields: { ...projects.at(-1)?.fields, name: 'moved' } } as ExportedObject];

  /** A staging factory that counts the databases it opens and closes. */
  const counted = () => {
    const counts = { opened: 0, closed: 0 };
    const stagingDatabase = (): Driver => {
      counts.opened++;
      const driver = open();
      return {
        name: driver.name, dialect: driver.dialect, exec: (sql) => driver.exec(sql), prepare: (sql) => driver.prepare(sql),
        transaction: (fn) => driver.transaction(fn), get inTransaction() { return driver.inTransaction; }, serialize: () => driver.serialize(),
        close: () => { counts.closed++; driver.close(); },
      };
    };
    return { counts, stagingDatabase };
  };

  it.each([
    ['users last on the right', objects, usersLast],
    ['users last on the left', usersLast, objects],
    ['a model in two runs', objects, split],
    ['out of order on both sides', usersLast, split],
  ])('%s: the findings of the whole-sides validator', (_, left, right) => {
    const { counts, stagingDatabase } = counted();
    const staged = compareExports(textSource(text(left)), textSource(text(right), 4096), { registry: REGISTRY, stagingDatabase });
    expect(staged.findings).toEqual(referenceValidate(REGISTRY, left, right, defaultComparators(REGISTRY)));
    expect(staged.findings.length).toBeGreaterThan(0);
    expect(counts).toEqual({ opened: 1, closed: 1 });
    expect(compareExports(textSource(text(left)), textSource(text(right)), { registry: REGISTRY }).findings).toEqual(staged.findings);
  });

  it('never opens the staging database for sides in the same model order', () => {
    const { counts, stagingDatabase } = counted();
    const result = compareExports(textSource(inOrder), textSource(text(objects), 1000), { registry: REGISTRY, stagingDatabase });
    expect(result.findings).toEqual(referenceValidate(REGISTRY, objects, objects, defaultComparators(REGISTRY)));
    expect(counts).toEqual({ opened: 0, closed: 0 });
  });

  it('keeps a float written `1.0` a float through the staging database', () => {
    const option = (pk: number, value: string): string => `{"model": "sentry.option", "pk": ${pk}, "fields": {"key": "k${pk}", "last_updated": "2024-01-01T00:00:00.000Z", "last_updated_by": "unknown", "value": ${value}}}`;
    const integration = '{"model": "sentry.integration", "pk": 1, "fields": {"provider": "slack", "name": "x", "external_id": "1"}}';
    const source = (items: string[]): ImportSource => textSource(`[${items.join(', ')}]`);
    const { counts, stagingDatabase } = counted();
    const result = compareExports(source([option(1, '1.0'), option(2, '[2.50, 1e3]'), integration]), source([integration, option(1, '1'), option(2, '[2.5, 1000.0]')]), { registry: REGISTRY, stagingDatabase });
    expect(counts.opened).toBe(1);
    expect(result.findings.map((finding) => [finding.kind, finding.on.ordinal, finding.reason.includes('-  "value": 1.0') && finding.reason.includes('+  "value": 1')])).toEqual([['UnequalJSON', 1, true]]);
  });
});
