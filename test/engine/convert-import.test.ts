/**
 * Converted files are what the target's import takes, on both drivers: the exhaustive instance of
 * 25.1.0 converted to the newest version imports into a database of that version, and that file
 * (which holds `monitors.monitor`) converted back to 25.1.0 holds `sentry.monitor` and imports into
 * a 25.1.0 database with every row of every model it kept; so does the newest version's exhaustive
 * instance converted to 25.1.0.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderExport } from '../../src/core/json/export-writer.js';
import { NEWEST_REGISTRY, SENTRY_25_1_0 } from '../../src/core/registry/index.js';
import type { Registry } from '../../src/core/registry/index.js';
import { ensureSchema } from '../../src/db/open-database.js';
import { countRows } from '../../src/db/store.js';
import { convertExport } from '../../src/engine/convert/index.js';
import type { ConvertResult } from '../../src/engine/convert/index.js';
import { exportInScope } from '../../src/engine/export/index.js';
import { importInScope } from '../../src/engine/import/index.js';
import { createExhaustiveInstance } from '../../src/engine/seed/index.js';
import { DRIVERS } from '../helpers/drivers.js';
import type { TestDriver } from '../helpers/drivers.js';
import { textSource } from '../helpers/import.js';

const OLD = SENTRY_25_1_0;
const NEW = NEWEST_REGISTRY;

let up: ConvertResult;
let upText: string;
let down: ConvertResult;
let downText: string;
/** The newest version's exhaustive instance, converted to 25.1.0. */
let newest: ConvertResult;

function exhaustiveExport(registry: Registry): string {
  const seeded = (DRIVERS[0] as TestDriver).open();
  ensureSchema(seeded, registry);
  createExhaustiveInstance(seeded, { registry, isSuperadmin: true });
  const text = renderExport(exportInScope(seeded, { registry, scope: 'Global' }).objects);
  seeded.close();
  return text;
}

beforeAll(() => {
  up = convertExport(textSource(exhaustiveExport(OLD)), { from: OLD, to: NEW });
  newest = convertExport(textSource(exhaustiveExport(NEW)), { from: NEW, to: OLD });
  upText = renderExport(up.objects);
  down = convertExport(textSource(upText), { from: NEW, to: OLD });
  downText = renderExport(down.objects);
});

function importInto(testDriver: TestDriver, registry: Registry, text: string) {
  const driver = testDriver.open();
  ensureSchema(driver, registry);
  const report = importInScope(driver, textSource(text), { registry, scope: 'Global' });
  return { driver, report };
}

describe('converted exports of the exhaustive instance', () => {
  it(`convert to ${NEW.version} and back with nothing refused, monitors renamed each way`, () => {
    expect(up.report.errors).toEqual([]);
    expect(down.report.errors).toEqual([]);
    expect(up.objects.filter((object) => object.model === 'monitors.monitor')).toHaveLength(1);
    expect(up.objects.some((object) => object.model === 'sentry.monitor')).toBe(false);
    expect(down.objects.filter((object) => object.model === 'sentry.monitor')).toHaveLength(1);
    expect(down.report.changes.find((change) => change.kind === 'renamed-model')).toMatchObject({ model: 'sentry.monitor', from: 'monitors.monitor', count: 1 });
    expect(newest.report.errors).toEqual([]);
  });
});

describe.each(DRIVERS)('$name: importing converted exports', (testDriver) => {
  it(`imports the file converted to ${NEW.version} into a ${NEW.version} database, every row written`, () => {
    const { driver, report } = importInto(testDriver, NEW, upText);
    for (const [model, count] of up.report.written) expect(countRows(driver, NEW.get(model)), model).toBe(count);
    expect(report.total((m) => m.droppedCount)).toBe(0);
    driver.close();
  });

  it(`imports the file with monitors.monitor converted to ${OLD.version} into a ${OLD.version} database, the monitor as sentry.monitor`, () => {
    expect(upText).toContain('"model": "monitors.monitor"');
    const { driver, report } = importInto(testDriver, OLD, downText);
    expect(countRows(driver, OLD.get('sentry.monitor'))).toBe(1);
    for (const [model, count] of down.report.written) expect(countRows(driver, OLD.get(model)), model).toBe(count);
    expect(report.total((m) => m.droppedCount)).toBe(0);
    expect([...report.models].filter(([, m]) => m.unknownFields.size > 0)).toEqual([]);
    driver.close();
  });

  it(`imports the exhaustive instance of ${NEW.version} converted to ${OLD.version} into a ${OLD.version} database`, () => {
    const { driver, report } = importInto(testDriver, OLD, renderExport(newest.objects));
    for (const [model, count] of newest.report.written) expect(countRows(driver, OLD.get(model)), model).toBe(count);
    expect(report.total((m) => m.droppedCount)).toBe(0);
    driver.close();
  });
});
