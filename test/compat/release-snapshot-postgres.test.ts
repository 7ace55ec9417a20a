/**
 * Sentry's head and 24.7.0 release snapshots imported in Global scope into PostgreSQL export back
 * with no findings against the same import on SQLite, and against the snapshot itself (across
 * versions: the snapshots are older than the registry). PostgreSQL only; the same import on both
 * SQLite drivers is release-snapshot-import/-compare's.
 */
import { describe, expect, it } from 'vitest';
import { compareExports } from '../../src/engine/compare/index.js';
import { DRIVERS, POSTGRES_DRIVER } from '../helpers/drivers.js';
import type { TestDriver } from '../helpers/drivers.js';
import { exportText, importText, textSource } from '../helpers/import.js';
import { HAS_POSTGRES } from '../helpers/postgres.js';
import { REGISTRY } from '../helpers/registry.js';
import { hasSharedReference, readReference } from '../helpers/shared-reference.js';

const SNAPSHOTS = ['test_at_head.export.json', 'test_at_24_7_0.export.json'];

/** The snapshot imported in Global scope into a new database of the driver, exported again. */
function importedAndExported(testDriver: TestDriver, text: string): string {
  const driver = testDriver.withSchema(REGISTRY);
  try {
    importText(driver, text, { registry: REGISTRY, scope: 'Global' });
    return exportText(driver);
  } finally {
    driver.close();
  }
}

describe.skipIf(!hasSharedReference || !HAS_POSTGRES)('release snapshots on PostgreSQL', () => {
  it.each(SNAPSHOTS)('%s: imports and exports back with no findings against the same import on SQLite', (name) => {
    const original = readReference('snapshots', 'ReleaseTests', name);
    const sqlite = importedAndExported(DRIVERS[0] as TestDriver, original);
    const postgres = importedAndExported(POSTGRES_DRIVER, original);
    expect(compareExports(textSource(sqlite), textSource(postgres), { registry: REGISTRY }).findings).toEqual([]);
    expect(compareExports(textSource(original), textSource(postgres), { registry: REGISTRY, acrossVersions: true }).findings).toEqual([]);
    // Every object made it: the same models, with as many rows, on both backends.
    const counts = (text: string) => (JSON.parse(text) as { model: string }[]).reduce<Record<string, number>>((all, object) => ({ ...all, [object.model]: (all[object.model] ?? 0) + 1 }), {});
    expect(counts(postgres)).toEqual(counts(sqlite));
  });
});
