/** EXP-01…04, EXP-13, EXP-15: which models each scope exports, and the shape of the file. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sortedDependencies } from '../../src/core/graph/index.js';

import { EXPORT_SCOPES, possibleScopes } from '../../src/core/scopes.js';
import type { ExportScope } from '../../src/core/scopes.js';
import { renderExport } from '../../src/core/json/export-writer.js';
import type { Driver } from '../../src/db/port.js';
import { exportInScope, modelsInScope } from '../../src/engine/export/index.js';
import { SeedBuilder, createExhaustiveInstance, createExhaustiveUser } from '../../src/engine/seed/index.js';
import { ALL_DRIVERS as DRIVERS } from '../helpers/drivers.js';
import { countByModel, exportObjects, freshDatabase } from '../helpers/export.js';
import { REGISTRY } from '../helpers/registry.js';
import { MODEL_DEPENDENCIES_DIR, hasSharedReference, readReference } from '../helpers/shared-reference.js';

const storedNames = new Set(REGISTRY.stored.map((entry) => entry.name));
/** Rows of these can never be exported: a non-null key points at a model Sentry never exports. */
const UNEXPORTABLE_BY_CONSTRUCTION = REGISTRY.exportable.filter((entry) =>
  entry.foreignKeys.some((key) => !key.nullable && !storedNames.has(key.model)),
).map((entry) => entry.name);

function expectedModels(scope: ExportScope): string[] {
  const allowed: readonly string[] = EXPORT_SCOPES[scope];
  return REGISTRY.exportable.filter((entry) => possibleScopes(entry.scope).some((s) => allowed.includes(s)))
    .map((entry) => entry.name)
    .filter((name) => !UNEXPORTABLE_BY_CONSTRUCTION.includes(name))
    .sort();
}

describe.each(DRIVERS)('$name: export scopes', (testDriver) => {
  let db: Driver;
  beforeAll(() => {
    db = freshDatabase(testDriver);
    createExhaustiveInstance(db, { registry: REGISTRY, isSuperadmin: true });
    // EXP-03's extra privileged users, each with a user-bound (so Config) authorization and token.
    db.transaction(() => {
      const seed = new SeedBuilder(db, { registry: REGISTRY, now: '2024-08-01T00:00:00.000Z' });
      const users = [
        createExhaustiveUser(seed, 'admin', { isAdmin: true }),
        createExhaustiveUser(seed, 'staff', { isStaff: true }),
        createExhaustiveUser(seed, 'superuser', { isStaff: true, isSuperuser: true }),
      ];
      for (const user of users) {
        seed.insert('sentry.apiauthorization', { user, application: null });
        seed.insert('sentry.apitoken', { user, application: null });
      }
    });
  });
  afterAll(() => db.close());

  it('names only workflowgroupstatus as unexportable by construction (its group is Excluded)', () => {
    expect(UNEXPORTABLE_BY_CONSTRUCTION).toEqual(['workflow_engine.workflowgroupstatus']);
  });

  it.each(['User', 'Organization', 'Config', 'Global'] as const)('%s scope exports every model of the scope and no other', (scope) => {
    const models = Object.keys(countByModel(exportObjects(db, { registry: REGISTRY, scope }))).sort();
    expect(models).toEqual(expectedModels(scope));
  });

  it('User scope exports only users and their own rows', () => {
    expect(Object.keys(countByModel(exportObjects(db, { registry: REGISTRY, scope: 'User' }))).sort()).toEqual([
      'sentry.email', 'sentry.user', 'sentry.useremail', 'sentry.useroption',
    ]);
  });

  it('EXP-13: models in dependency order, pks ascending, Sentry datetimes, source pks', () => {
    const objects = exportObjects(db, { registry: REGISTRY, scope: 'Global' });
    const order = sortedDependencies(REGISTRY.models).map((entry) => entry.name);
    const positions = objects.map((object) => order.indexOf(object.model));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (let i = 1; i < objects.length; i++) {
      const [previous, current] = [objects[i - 1], objects[i]];
      if (previous?.model === current?.model) expect(current?.pk).toBeGreaterThan(previous?.pk as number);
    }
    const text = renderExport(objects);
    const datetimes = text.match(/"\d{4}-\d\d-\d\dT[^"]*"/g) ?? [];
    expect(datetimes.length).toBeGreaterThan(50);
    for (const value of datetimes) expect(value).toMatch(/^"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"$/);
    expect(text.startsWith('[\n  {\n    "model": ')).toBe(true);
    expect(text.endsWith('\n  }\n]')).toBe(true);
  });

  // Sentry sorts the whole graph and then filters: sorting the stored models alone put 16 of the
  // 94 Global models elsewhere (sentry.incident before sentry.dashboardwidgetquery).
  it.runIf(hasSharedReference).each(['User', 'Organization', 'Config', 'Global'] as const)("%s scope's models follow Sentry's sorted.json", (scope) => {
    const sorted = JSON.parse(readReference(MODEL_DEPENDENCIES_DIR, 'sorted.json')) as string[];
    const models = [...new Set(exportObjects(db, { registry: REGISTRY, scope }).map((object) => object.model))];
    expect(models.length).toBeGreaterThan(scope === 'Global' ? 90 : 3);
    expect(models).toEqual(sorted.filter((name) => models.includes(name)));
    expect(modelsInScope(REGISTRY, scope).map((entry) => entry.name)).toEqual(sorted.filter((name) => modelsInScope(REGISTRY, scope).some((entry) => entry.name === name)));
  });

  it('reports why rows were left out', () => {
    const run = exportInScope(db, { registry: REGISTRY, scope: 'Global' });
    for (const _ of run.objects) { /* run it */ }
    expect(run.report.model('workflow_engine.workflowgroupstatus').dropped.toJSON()).toEqual({
      'parent sentry.group pk 1 not exported (via group)': { count: 1, pks: [1] },
    });
    expect(run.report.exported).toBeGreaterThan(100);
  });
});

describe.each(DRIVERS)('$name: EXP-15 empty database', (testDriver) => {
  it('exports exactly []', () => {
    const db = freshDatabase(testDriver);
    try {
      for (const scope of ['User', 'Organization', 'Config', 'Global'] as const) {
        expect(renderExport(exportInScope(db, { registry: REGISTRY, scope }).objects)).toBe('[]');
      }
    } finally {
      db.close();
    }
  });
});
