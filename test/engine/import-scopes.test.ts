/**
 * IMP-01…IMP-21 of the scenario catalog: which models each import scope brings in, filters
 * resolved from the file, chunks, Global's clean start, kept project pks, re-sorting, importing
 * the same file again, resuming by import UUID and dry runs, on both drivers.
 *
 * Not here, and why: IMP-11 and IMP-17…19 use Sentry's fixtures (test/compat/sentry-fixture-
 * import.test.ts); IMP-12 checks Sentry-only side tables (organization and member mappings, slug
 * reservations) and the rows Sentry's project signals make (a default key and options), which an
 * import here does not make (the file's own rows come in instead); IMP-15's hide_organizations
 * flag is no option of Sentry's CLI and is not built; IMP-19's geolocation needs a geo database.
 */
import { describe, expect, it } from 'vitest';

import { IMPORT_SCOPES, possibleScopes } from '../../src/core/scopes.js';
import type { ImportScope } from '../../src/core/scopes.js';
import type { Driver } from '../../src/db/port.js';
import { countRows } from '../../src/db/store.js';
import { SeedBuilder, createExhaustiveInstance, createExhaustiveOrganization, createExhaustiveUser } from '../../src/engine/seed/index.js';
import { ALL_DRIVERS as DRIVERS } from '../helpers/drivers.js';
import type { TestDriver } from '../helpers/drivers.js';
import { countByModel, exportObjects, freshDatabase } from '../helpers/export.js';
import { chunks, count, exportText, exportThenClear, importText, rows } from '../helpers/import.js';
import { REGISTRY } from '../helpers/registry.js';

function seeded<T>(testDriver: TestDriver, build: (seed: SeedBuilder) => T): { db: Driver; built: T } {
  const db = freshDatabase(testDriver);
  return { db, built: db.transaction(() => build(new SeedBuilder(db, { registry: REGISTRY }))) };
}

const modelsWithRows = (db: Driver): string[] => REGISTRY.exportable.filter((entry) => entry.stored && countRows(db, entry) > 0).map((entry) => entry.name).sort();
const allChunks = (db: Driver) => [...chunks(db, 'sentry_controlimportchunk'), ...chunks(db, 'sentry_regionimportchunk')];

describe.each(DRIVERS)('$name: import scopes', (testDriver) => {
  it.each(['User', 'Organization', 'Config', 'Global'] as const)('IMP-01…04: %s scope brings in the models that scope exports, one chunk each', (scope: ImportScope) => {
    const { db } = seeded(testDriver, () => undefined);
    createExhaustiveInstance(db, { registry: REGISTRY, isSuperadmin: true });
    const expected = Object.keys(countByModel(exportObjects(db, { registry: REGISTRY, scope }))).sort();
    const text = exportThenClear(db);
    importText(db, text, { registry: REGISTRY, scope });
    // Everything the scope exports comes in; Config also takes the tokens of users a Config
    // export leaves out (it exports only admins; the import has no user filter).
    const imported = modelsWithRows(db);
    expect(imported).toEqual(expect.arrayContaining(expected));
    const allowed: readonly string[] = IMPORT_SCOPES[scope];
    for (const model of imported) expect(possibleScopes(REGISTRY.get(model).scope).some((s) => allowed.includes(s)), model).toBe(true);
    if (scope !== 'Config') expect(imported).toEqual(expected);
    const recorded = allChunks(db);
    expect(recorded.map((chunk) => chunk.model).sort()).toEqual(imported);
    expect(new Set(recorded.map((chunk) => chunk.import_uuid)).size).toBe(1);
    // Each control-silo chunk has a region-side replica with the same fields.
    const strip = ({ id: _id, date_added: _a, date_updated: _u, ...rest }: Record<string, unknown>) => rest;
    expect(chunks(db, 'sentry_controlimportchunkreplica').map(strip)).toEqual(chunks(db, 'sentry_controlimportchunk').map(strip));
  });

  it('IMP-05: a username filter takes that user, its user email and its email', () => {
    const { db } = seeded(testDriver, (seed) => ['user_1', 'user_2'].map((name) => createExhaustiveUser(seed, name)));
    importText(db, exportThenClear(db), { registry: REGISTRY, scope: 'User', filterUsernames: ['user_2'] });
    expect([count(db, 'sentry.user'), count(db, 'sentry.useremail'), count(db, 'sentry.email')]).toEqual([1, 1, 1]);
    expect(rows(db, 'sentry.user').map((row) => row.username)).toEqual(['user_2']);
    for (const model of ['sentry.user', 'sentry.useremail', 'sentry.email']) {
      expect(allChunks(db).filter((chunk) => chunk.model === model).map((chunk) => [chunk.min_ordinal, chunk.max_ordinal])).toEqual([[1, 1]]);
    }
  });

  it('IMP-06 / IMP-07: shared addresses come in once; an empty filter takes nothing', () => {
    const { db } = seeded(testDriver, (seed) =>
      [['user_1', 'a'], ['user_2', 'b'], ['user_3', 'a'], ['user_4', 'b']].map(([name, mail]) => createExhaustiveUser(seed, name as string, { email: `${mail}@example.com` })));
    const text = exportThenClear(db);
    importText(db, text, { registry: REGISTRY, scope: 'User', filterUsernames: ['user_1', 'user_2', 'user_3'] });
    expect([count(db, 'sentry.user'), count(db, 'sentry.useremail'), count(db, 'sentry.email')]).toEqual([3, 3, 2]);
    expect(allChunks(db).filter((chunk) => chunk.model === 'sentry.email').map((chunk) => [chunk.min_ordinal, chunk.max_ordinal])).toEqual([[1, 2]]);
    const empty = freshDatabase(testDriver);
    importText(empty, text, { registry: REGISTRY, scope: 'User', filterUsernames: [] });
    expect([count(empty, 'sentry.user'), count(empty, 'sentry.useremail'), count(empty, 'sentry.email')]).toEqual([0, 0, 0]);
  });

  /** EXP-08's organizations, without invites (the catalog's Oct 2023 data). */
  const organizations = (seed: SeedBuilder): void => {
    const user = (name: string, email?: string) => createExhaustiveUser(seed, name, email === undefined ? {} : { email });
    const [aOnly, bOnly, cOnly, all] = ['user_a_only', 'user_b_only', 'user_c_only', 'user_all'].map((name) => user(name, 'shared@example.com')) as number[];
    const [aAndB, bAndC, aAndC] = ['user_a_and_b', 'user_b_and_c', 'user_a_and_c'].map((name) => user(name)) as number[];
    createExhaustiveOrganization(seed, { slug: 'org-a', owner: aOnly as number, member: aAndB as number, otherMembers: [all as number] });
    createExhaustiveOrganization(seed, { slug: 'org-b', owner: bAndC as number, member: all as number, otherMembers: [bOnly as number, aAndB as number] });
    createExhaustiveOrganization(seed, { slug: 'org-c', owner: all as number, member: aAndC as number, otherMembers: [cOnly as number] });
  };

  it('IMP-08…10: organization filters resolve slugs → members → users → emails from the file', () => {
    const { db } = seeded(testDriver, organizations);
    const text = exportThenClear(db);
    const counts = (target: Driver) => ['sentry.organization', 'sentry.orgauthtoken', 'sentry.user', 'sentry.useremail', 'sentry.email'].map((model) => count(target, model));
    importText(db, text, { registry: REGISTRY, scope: 'Organization', filterOrgSlugs: ['org-b'] });
    expect(counts(db)).toEqual([1, 1, 4, 4, 3]);
    expect(rows(db, 'sentry.user').map((row) => row.username).sort()).toEqual(['user_a_and_b', 'user_all', 'user_b_and_c', 'user_b_only']);
    const two = freshDatabase(testDriver);
    importText(two, text, { registry: REGISTRY, scope: 'Organization', filterOrgSlugs: ['org-a', 'org-c'] });
    expect(counts(two)).toEqual([2, 2, 5, 5, 3]);
    const none = freshDatabase(testDriver);
    importText(none, text, { registry: REGISTRY, scope: 'Organization', filterOrgSlugs: [] });
    expect(counts(none)).toEqual([0, 0, 0, 0, 0]);
  });

  it('IMP-13: an empty file in a non-Global scope changes nothing', () => {
    const { db } = seeded(testDriver, (seed) => {
      const owner = createExhaustiveUser(seed, 'owner');
      createExhaustiveOrganization(seed, { slug: 'neworg', owner, member: createExhaustiveUser(seed, 'user') });
    });
    const before = exportText(db);
    for (const scope of ['User', 'Organization', 'Config'] as const) importText(db, '[]', { registry: REGISTRY, scope });
    expect(exportText(db)).toBe(before);
  });

  it('IMP-14: Global starts from a clean database with reset sequences', () => {
    const db = freshDatabase(testDriver);
    createExhaustiveInstance(db, { registry: REGISTRY });
    importText(db, '[]', { registry: REGISTRY, scope: 'Global' });
    for (const entry of REGISTRY.stored) expect(countRows(db, entry), entry.name).toBe(0);
    expect(exportText(db)).toBe('[]');
    const seed = new SeedBuilder(db, { registry: REGISTRY });
    expect(createExhaustiveUser(seed, 'first')).toBe(1);
  });

  it('IMP-16: project pks are kept in Global and reassigned in other scopes', () => {
    const { db, built } = seeded(testDriver, (seed) => {
      const owner = createExhaustiveUser(seed, 'owner');
      const { organization } = createExhaustiveOrganization(seed, { slug: 'some-org', owner, member: createExhaustiveUser(seed, 'member') });
      const extra = [1, 2, 3].map((i) => seed.insert('sentry.project', { organization, slug: `extra-${i}`, name: `extra-${i}` }));
      return { extra };
    });
    db.prepare('DELETE FROM "sentry_project" WHERE "id" IN (?, ?)').run([built.extra[0] as number, built.extra[2] as number]);
    const before = rows(db, 'sentry.project').map((row) => row.id);
    const text = exportThenClear(db);
    importText(db, text, { registry: REGISTRY, scope: 'Global' });
    expect(rows(db, 'sentry.project').map((row) => row.id)).toEqual(before);
    exportThenClear(db);
    importText(db, text, { registry: REGISTRY, scope: 'Organization' });
    const after = rows(db, 'sentry.project').map((row) => row.id);
    expect(after.filter((id) => before.includes(id))).toEqual([]);
  });

  it('IMP-20: rows out of order are re-sorted, keeping their order within a model', () => {
    const db = freshDatabase(testDriver);
    createExhaustiveInstance(db, { registry: REGISTRY });
    const objects = JSON.parse(exportThenClear(db)) as { model: string }[];
    const moved = [...objects.filter((o) => o.model === 'workflow_engine.datasource'), ...objects.filter((o) => o.model !== 'workflow_engine.datasource')];
    const report = importText(db, JSON.stringify(moved), { registry: REGISTRY, scope: 'Organization' });
    expect(report.reordered).toBe(true);
    expect(count(db, 'workflow_engine.datasource')).toBe(objects.filter((o) => o.model === 'workflow_engine.datasource').length);
    expect(count(db, 'sentry.querysubscription')).toBe(objects.filter((o) => o.model === 'sentry.querysubscription').length);
  });

  it('IMP-21: the same file imports in Global, then Organization, then Config without a conflict', () => {
    const db = freshDatabase(testDriver);
    createExhaustiveInstance(db, { registry: REGISTRY, isSuperadmin: true });
    const text = exportThenClear(db);
    const models = Object.keys(countByModel(JSON.parse(text) as { model: string }[] as never)).sort();
    for (const scope of ['Global', 'Organization', 'Config'] as const) importText(db, text, { registry: REGISTRY, scope });
    expect(Object.keys(countByModel(exportObjects(db, { registry: REGISTRY, scope: 'Global' }))).sort()).toEqual(models);
  });

  it('a second run with the same import UUID writes nothing and rebuilds the pk map from its chunks', () => {
    const db = freshDatabase(testDriver);
    createExhaustiveInstance(db, { registry: REGISTRY });
    const text = exportThenClear(db);
    const importUuid = '0123456789abcdef0123456789abcdef';
    importText(db, text, { registry: REGISTRY, scope: 'Organization', importUuid });
    const once = exportText(db);
    const again = importText(db, text, { registry: REGISTRY, scope: 'Organization', importUuid });
    expect(exportText(db)).toBe(once);
    expect(again.total((model) => model.written)).toBe(0);
    expect(again.total((model) => model.resumedRows)).toBeGreaterThan(0);
    expect(again.importUuid).toBe('01234567-89ab-cdef-0123-456789abcdef');
  });

  it('a dry run reports what it would do and leaves the database as it was', () => {
    const db = freshDatabase(testDriver);
    createExhaustiveInstance(db, { registry: REGISTRY });
    const text = exportText(db);
    const report = importText(db, text, { registry: REGISTRY, scope: 'Organization', dryRun: true });
    expect(report.total((model) => model.inserted)).toBeGreaterThan(50);
    expect(report.model('sentry.user').renamed.length).toBe(count(db, 'sentry.user'));
    expect(exportText(db)).toBe(text);
    expect(allChunks(db)).toEqual([]);
  });
});
