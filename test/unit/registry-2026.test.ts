/** The 26.x registry: its delta applies to the verified base, its graph holds together, and every change is cited. */
import { describe, expect, it } from 'vitest';

import { columnsOf } from '../../src/db/schema.js';
import { NEWEST_REGISTRY, SENTRY_25_1_0, registryFor } from '../../src/core/registry/index.js';
import { SENTRY_26_DELTA } from '../../src/core/registry/versions/sentry-26.js';

const REGISTRY = registryFor('26.9.0');

describe('the Sentry 26.9.0 registry', () => {
  it('is the newest version, built from the verified base by its delta', () => {
    expect(REGISTRY).toBeDefined();
    expect(NEWEST_REGISTRY).toBe(REGISTRY);
    expect(REGISTRY?.verified).toBe(false);
    expect(REGISTRY?.schemaVersion).toBe(`sentry-${SENTRY_26_DELTA.version}/schema-1`);
    // 95 exportable in the base, 5 removed, 17 added.
    expect(REGISTRY?.exportable).toHaveLength(107);
    expect(REGISTRY?.models).toHaveLength(SENTRY_25_1_0.models.length - 5 + 17);
  });

  const registry = REGISTRY ?? SENTRY_25_1_0;
  const names = new Set(registry.models.map((entry) => entry.name));

  it('has every foreign-key target and relocation dependency of every model', () => {
    const missing = registry.models.flatMap((entry) => [
      ...entry.foreignKeys.filter((key) => !names.has(key.model)).map((key) => `${entry.name}.${key.field} -> ${key.model}`),
      ...entry.relocationDependencies.filter((name) => !names.has(name)).map((name) => `${entry.name} after ${name}`),
    ]);
    expect(missing).toEqual([]);
  });

  it('has a field for every unique set, custom ordinal and foreign key of every stored model, each field once', () => {
    for (const entry of registry.stored) {
      const fieldNames = entry.fields.map((field) => field.name);
      expect(new Set(fieldNames).size, entry.name).toBe(fieldNames.length);
      for (const set of entry.uniques) expect(() => columnsOf(entry, set), `${entry.name} ${set.join(':')}`).not.toThrow();
      for (const key of entry.uniqueConditions === undefined ? [] : Object.keys(entry.uniqueConditions)) {
        expect(entry.uniques.map((set) => set.join(':')), entry.name).toContain(key);
      }
      for (const name of entry.customOrdinal ?? []) expect(fieldNames, entry.name).toContain(name);
      for (const key of entry.foreignKeys) expect(entry.fields.find((field) => field.name === key.field)?.foreignKey, entry.name).toEqual(key);
    }
  });

  it('sorts its whole graph', () => {
    expect(registry.sorted).toHaveLength(registry.models.length);
    // Every model comes after the models its keys point at (self-references aside).
    for (const entry of registry.sorted) {
      for (const key of entry.foreignKeys) expect(registry.rank(key.model), `${entry.name} -> ${key.model}`).toBeLessThan(registry.rank(entry.name) as number);
    }
  });

  it('gives every exportable model a table and fields, and every added one a cited source', () => {
    const cited = new Set(SENTRY_26_DELTA.changes.flatMap((change) => (change.kind === 'add-model' ? [change.model.name] : [])));
    for (const entry of registry.exportable) {
      expect(entry.table, entry.name).toMatch(/^[a-z_]+$/);
      expect(entry.fields.length, entry.name).toBeGreaterThan(0);
      expect(entry.stored, entry.name).toBe(true);
      if (SENTRY_25_1_0.find(entry.name) === undefined && entry.name !== 'monitors.monitor') expect(cited, entry.name).toContain(entry.name);
    }
  });

  it.each(SENTRY_26_DELTA.changes.map((change, i) => [i, change] as const))('change %i cites a path, a commit and a release', (_i, change) => {
    expect(change.source.path).toMatch(/^src\/sentry\/.+\.py$/);
    expect(change.source.commit).toMatch(/^[0-9a-f]{8,40}$/);
    expect(change.since).toMatch(/^2[5-6]\.\d{1,2}\.\d+$/);
  });

  it('resolves the renamed monitor both ways, and drops what Sentry removed', () => {
    expect(registry.resolve('sentry.monitor')).toBe('monitors.monitor');
    expect(registry.resolve('monitors.monitor')).toBe('monitors.monitor');
    expect(SENTRY_25_1_0.resolve('monitors.monitor')).toBe('sentry.monitor');
    expect(registry.get('monitors.monitor').table).toBe('sentry_monitor');
    for (const name of ['sentry.datasecrecywaiver', 'sentry.projectintegration', 'sentry.neglectedrule', 'workflow_engine.workflowgroupstatus', 'workflow_engine.alertruletriggerdatacondition']) {
      expect(registry.find(name), name).toBeUndefined();
      expect(registry.removedModels.get(name)?.until, name).toMatch(/^2[5-6]\./);
    }
    expect(registry.removedFields.has('monitors.monitor.type')).toBe(true);
  });

  it('re-points foreign keys of graph nodes at the renamed monitor', () => {
    expect(registry.get('sentry.monitorcheckin').foreignKeys.map((key) => key.model)).toContain('monitors.monitor');
  });

  it('keeps the placeholder member possible: a member needs neither user nor email', () => {
    const member = registry.get('sentry.organizationmember');
    expect(member.fields.find((field) => field.name === 'user_id')?.nullable).toBe(true);
    expect(member.fields.find((field) => field.name === 'email')?.nullable).toBe(true);
    expect(member.fields.find((field) => field.name === 'user_email')?.maxLength).toBe(200);
    expect(registry.get('sentry.organizationmemberinvite').foreignKeys.map((key) => key.model)).toContain('sentry.organizationmember');
  });
});
