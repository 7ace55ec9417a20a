/**
 * `roundtrip(driver, { resetPks })` (Sentry's `import_export_then_validate`) on the exhaustive
 * instance, on both drivers: no findings either way; with reset sequences every pk comes back the
 * same, with sequences that go on every pk is new except the projects' (kept in Global on purpose).
 * The pk checks never fire on a sound database, so a store that edits the second export (the
 * public `RoundtripStore` hook) shows that they can, and that they wait for the compare to pass.
 */
import { describe, expect, it } from 'vitest';

import type { Driver } from '../../src/db/port.js';
import { fileObjects } from '../../src/engine/import/index.js';
import type { ImportSource } from '../../src/engine/import/index.js';
import { memoryStore, roundtrip } from '../../src/engine/roundtrip/index.js';
import type { RoundtripStore } from '../../src/engine/roundtrip/index.js';
import { createExhaustiveInstance } from '../../src/engine/seed/index.js';
import { ALL_DRIVERS as DRIVERS } from '../helpers/drivers.js';
import type { TestDriver } from '../helpers/drivers.js';
import { freshDatabase } from '../helpers/export.js';
import { REGISTRY } from '../helpers/registry.js';

function seeded(testDriver: TestDriver): Driver {
  const driver = freshDatabase(testDriver);
  createExhaustiveInstance(driver, { registry: REGISTRY, isSuperadmin: true });
  return driver;
}

/** Pks per model, in the order the export lists them. */
function pksOf(source: ImportSource): Map<string, number[]> {
  const pks = new Map<string, number[]>();
  for (const object of fileObjects(source)) {
    const list = pks.get(object.model) ?? [];
    list.push(object.pk);
    pks.set(object.model, list);
  }
  return pks;
}

/** A memory store whose second export ("actual") has each object's text passed through `edit`. */
function editingStore(edit: (objectText: string) => string): RoundtripStore {
  const inner = memoryStore();
  return { save: (name, text) => inner.save(name, name === 'actual' ? [...text].map(edit) : text) };
}

/** Sets the pk of the (only) sentry.option object. */
function optionPk(pk: number): (text: string) => string {
  return (text) => (text.includes('"model": "sentry.option"') ? text.replace(/"pk": \d+/, `"pk": ${pk}`) : text);
}

// Every exportable model has a row in the exhaustive instance, except this one, which Global
// exports leave out.
const EXPORTED = REGISTRY.exportable.map((entry) => entry.name).filter((name) => name !== 'workflow_engine.workflowgroupstatus');

describe.each(DRIVERS)('$name: roundtrip', (testDriver) => {
  it('finds nothing with reset sequences, and every pk comes back the same', () => {
    const driver = seeded(testDriver);
    const steps: string[] = [];
    const result = roundtrip(driver, { registry: REGISTRY, resetPks: true, onStep: (step) => steps.push(step) });
    expect(result.findings).toEqual([]);
    expect(steps).toEqual(['export', 'import', 'export again', 'validate']);
    const before = pksOf(result.expect);
    const after = pksOf(result.actual);
    expect([...before.keys()].sort()).toEqual([...EXPORTED].sort());
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [model, pks] of before) expect(after.get(model), model).toEqual(pks);
    // The counts follow the export order, and equal the objects of each side.
    expect([...result.counts.keys()]).toEqual([...before.keys()]);
    for (const [model, counts] of result.counts) expect(counts, model).toEqual({ expect: before.get(model)?.length, actual: before.get(model)?.length });
    expect([...result.counts.values()].reduce((sum, counts) => sum + counts.expect, 0)).toBe(141);
    driver.close();
  });

  it('is the default (resetPks omitted)', () => {
    const driver = seeded(testDriver);
    const result = roundtrip(driver, { registry: REGISTRY });
    expect(result.findings).toEqual([]);
    expect(pksOf(result.actual)).toEqual(pksOf(result.expect));
    driver.close();
  });

  it('finds nothing with sequences that go on, and every pk is new except the projects\'', () => {
    const driver = seeded(testDriver);
    const result = roundtrip(driver, { registry: REGISTRY, resetPks: false });
    expect(result.findings).toEqual([]);
    const before = pksOf(result.expect);
    const after = pksOf(result.actual);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const reused: string[] = [];
    for (const [model, pks] of before) {
      const old = new Set(pks);
      const again = after.get(model) ?? [];
      expect(again.length, model).toBe(pks.length);
      if (again.some((pk) => old.has(pk))) reused.push(model);
    }
    expect(reused).toEqual(['sentry.project']);
    // The projects keep every pk (DSNs embed it), in the same order.
    expect(after.get('sentry.project')).toEqual(before.get('sentry.project'));
    driver.close();
  });

  it('reports a pk that did not come back with reset sequences (PrimaryKeyChanged)', () => {
    const driver = seeded(testDriver);
    const result = roundtrip(driver, { registry: REGISTRY, resetPks: true, store: editingStore(optionPk(1001)) });
    const pk = pksOf(result.expect).get('sentry.option');
    expect(pk).toEqual([1]);
    expect(result.findings).toEqual([{
      finding: 'RoundtripFinding', kind: 'PrimaryKeyChanged', on: { model: 'sentry.option', ordinal: 1 }, leftPk: 1, rightPk: 1001,
      reason: 'with reset sequences every pk must come back the same, but the sentry.option row at position 1 had pk 1 and came back as 1001 (a table whose pks had gaps cannot; use --no-reset-pks for it)',
    }]);
    driver.close();
  });

  it('reports a pk used again with sequences that go on (PrimaryKeyReused)', () => {
    const driver = seeded(testDriver);
    const result = roundtrip(driver, { registry: REGISTRY, resetPks: false, store: editingStore(optionPk(1)) });
    expect(pksOf(result.expect).get('sentry.option')).toEqual([1]);
    expect(result.findings).toEqual([{
      finding: 'RoundtripFinding', kind: 'PrimaryKeyReused', on: { model: 'sentry.option', ordinal: 1 }, rightPk: 1,
      reason: 'with sequences that go on every pk must be new, but sentry.option pk 1 was used before the import too',
    }]);
    driver.close();
  });

  it('checks pks only when the compare found nothing', () => {
    const driver = seeded(testDriver);
    const edit = (text: string): string => {
      const moved = optionPk(1001)(text);
      return moved.includes('"model": "sentry.controloption"') ? moved.replace(/"last_updated_by": "[^"]*"/, '"last_updated_by": "changed"') : moved;
    };
    const result = roundtrip(driver, { registry: REGISTRY, resetPks: true, store: editingStore(edit) });
    expect(result.findings.map((finding) => [finding.finding, finding.kind, finding.on])).toEqual([
      ['ComparatorFinding', 'UnequalJSON', { model: 'sentry.controloption', ordinal: 1 }],
    ]);
    driver.close();
  });

  it('reports what the import changed: a slug Sentry would not make', () => {
    const driver = seeded(testDriver);
    driver.prepare("UPDATE sentry_organization SET slug = 'Test_Org'").run();
    const result = roundtrip(driver, { registry: REGISTRY, resetPks: true });
    expect(result.findings).toEqual([{
      finding: 'ComparatorFinding', kind: 'AutoSuffixComparator', on: { model: 'sentry.organization', ordinal: 1 }, leftPk: 1, rightPk: 1,
      reason: 'the left value (Test_Org) of `slug` was not equal to or a dashed prefix of the right value (test-org)',
    }]);
    driver.close();
  });
});
