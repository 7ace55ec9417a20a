/**
 * A database of the newest Sentry version, seeded exhaustive: every exportable model has rows (as
 * Sentry's late-2025 exhaustive helper makes them), and the round trip finds nothing, on both drivers.
 */
import { beforeAll, describe, expect, it } from 'vitest';

import { NEWEST_REGISTRY } from '../../src/core/registry/index.js';
import type { Driver } from '../../src/db/port.js';
import { roundtrip } from '../../src/engine/roundtrip/index.js';
import { createExhaustiveInstance } from '../../src/engine/seed/index.js';
import { ALL_DRIVERS as DRIVERS } from '../helpers/drivers.js';

const registry = NEWEST_REGISTRY;

describe.each(DRIVERS)(`$name: exhaustive instance of Sentry ${registry.version}`, (testDriver) => {
  let driver: Driver;
  let inserted: ReadonlyMap<string, number>;
  beforeAll(() => {
    driver = testDriver.withSchema(registry);
    inserted = createExhaustiveInstance(driver, { registry, isSuperadmin: true }).inserted;
  });

  it(`has rows in every exportable model of ${registry.version}`, () => {
    const empty = registry.exportable.filter((entry) => (inserted.get(entry.name) ?? 0) === 0).map((entry) => entry.name);
    expect(empty).toEqual([]);
  });

  it('has invites each behind a placeholder member with neither user nor email', () => {
    const rows = driver.prepare(
      'SELECT m."user_id", m."email" FROM "sentry_organizationmemberinvite" i JOIN "sentry_organizationmember" m ON m."id" = i."organization_member_id"',
    ).all([]);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect([row.user_id, row.email]).toEqual([null, null]);
  });

  it('round-trips with no findings, and every exportable model is in the export', () => {
    const result = roundtrip(driver, { registry, resetPks: true });
    expect(result.findings).toEqual([]);
    const missing = registry.exportable.map((entry) => entry.name).filter((name) => (result.counts.get(name)?.expect ?? 0) === 0);
    expect(missing).toEqual([]);
  });
});
