/** EXP-05…12, EXP-14, EXP-16: filters, transitive omission and query overrides, on both drivers. */
import { describe, expect, it } from 'vitest';
import { renderExport } from '../../src/core/json/export-writer.js';
import type { Driver } from '../../src/db/port.js';
import { exportInScope, globallyPrivilegedUsers } from '../../src/engine/export/index.js';
import { SeedBuilder, addUserEmail, createExhaustiveOrganization, createExhaustiveUser } from '../../src/engine/seed/index.js';
import { ALL_DRIVERS as DRIVERS } from '../helpers/drivers.js';
import type { TestDriver } from '../helpers/drivers.js';
import { countByModel, exportObjects, freshDatabase, ofModel } from '../helpers/export.js';
import { REGISTRY } from '../helpers/registry.js';

function withSeed<T>(testDriver: TestDriver, build: (seed: SeedBuilder, db: Driver) => T): { db: Driver; built: T } {
  const db = freshDatabase(testDriver);
  const built = db.transaction(() => build(new SeedBuilder(db, { registry: REGISTRY }), db));
  return { db, built };
}

const usernames = (db: Driver, options: Parameters<typeof exportObjects>[1]): string[] =>
  ofModel(exportObjects(db, options), 'sentry.user').map((object) => object.fields.username as string).sort();

describe.each(DRIVERS)('$name: user filters', (testDriver) => {
  it('EXP-05: one username exports that user, its email and user email', () => {
    const { db } = withSeed(testDriver, (seed) => ['user_1', 'user_2'].map((name) => createExhaustiveUser(seed, name)));
    const counts = countByModel(exportObjects(db, { registry: REGISTRY, scope: 'User', filterUsernames: ['user_2'] }));
    expect(counts).toMatchObject({ 'sentry.user': 1, 'sentry.useremail': 1, 'sentry.email': 1 });
    expect(usernames(db, { registry: REGISTRY, scope: 'User', filterUsernames: ['user_2'] })).toEqual(['user_2']);
  });

  it('EXP-06: users sharing addresses export each address once', () => {
    const { db } = withSeed(testDriver, (seed) =>
      [['user_1', 'a'], ['user_2', 'b'], ['user_3', 'a'], ['user_4', 'b']].map(([name, mail]) =>
        createExhaustiveUser(seed, name as string, { email: `${mail}@example.com` })),
    );
    const objects = exportObjects(db, { registry: REGISTRY, scope: 'User', filterUsernames: ['user_1', 'user_2', 'user_3'] });
    expect(countByModel(objects)).toMatchObject({ 'sentry.user': 3, 'sentry.useremail': 3, 'sentry.email': 2 });
  });

  it('EXP-07: an empty username filter exports []', () => {
    const { db } = withSeed(testDriver, (seed) => createExhaustiveUser(seed, 'user_1'));
    expect(renderExport(exportInScope(db, { registry: REGISTRY, scope: 'User', filterUsernames: [] }).objects)).toBe('[]');
  });

  it("EXP-14: a filtered-out user's rows are left out though nothing filters them directly", () => {
    const { db, built } = withSeed(testDriver, (seed) => ['user_1', 'user_2'].map((name) => createExhaustiveUser(seed, name)));
    const objects = exportObjects(db, { registry: REGISTRY, scope: 'User', filterUsernames: ['user_2'] });
    for (const model of ['sentry.useroption', 'sentry.useremail']) {
      expect(ofModel(objects, model).map((object) => object.fields.user)).toEqual([built[1]]);
    }
  });
});

/** EXP-08/09's organizations; `invitesIn` is the organization that carries the invites. */
function buildOrganizations(seed: SeedBuilder, invitesIn: string): void {
  const user = (name: string, email?: string) => createExhaustiveUser(seed, name, email === undefined ? {} : { email });
  const shared = 'shared@example.com';
  const aOnly = user('user_a_only', shared);
  const bOnly = user('user_b_only', shared);
  const cOnly = user('user_c_only', shared);
  const all = user('user_all', shared);
  const aAndB = user('user_a_and_b');
  const bAndC = user('user_b_and_c');
  const aAndC = user('user_a_and_c');
  const superadmin = user('superadmin');
  const invitees = ['added-by-superadmin-not-in-org', 'added-by-org-owner', 'added-by-org-member'].map((name) => user(name));
  const specs = {
    'org-a': { owner: aOnly, member: aAndB, otherMembers: [all] },
    'org-b': { owner: bAndC, member: all, otherMembers: [bOnly, aAndB] },
    'org-c': { owner: all, member: aAndC, otherMembers: [cOnly] },
  };
  for (const [slug, spec] of Object.entries(specs)) {
    const invites = slug === invitesIn;
    createExhaustiveOrganization(seed, {
      slug,
      ...spec,
      pendingInvites: new Map(invites
        ? [[superadmin, `invited-by-superadmin-${slug}@example.com`], [spec.owner, `invited-by-owner-${slug}@example.com`], [spec.member, `invited-${slug}@example.com`]]
        : [[spec.owner, `invited-${slug}@example.com`]]),
      acceptedInvites: new Map(invites ? [[superadmin, [invitees[0] as number]], [spec.owner, [invitees[1] as number]], [spec.member, [invitees[2] as number]]] : []),
    });
  }
  addUserEmail(seed, superadmin, 'superadmin-second@example.com', false);
}

describe.each(DRIVERS)('$name: organization filters', (testDriver) => {
  it('EXP-08: one organization exports its members (accepted invites too) and nothing of the others', () => {
    const { db } = withSeed(testDriver, (seed) => buildOrganizations(seed, 'org-b'));
    const objects = exportObjects(db, { registry: REGISTRY, scope: 'Organization', filterOrgSlugs: ['org-b'] });
    expect(countByModel(objects)).toMatchObject({
      'sentry.organization': 1, 'sentry.orgauthtoken': 1, 'sentry.user': 7, 'sentry.useremail': 7, 'sentry.email': 6,
    });
    expect(ofModel(objects, 'sentry.organization').map((object) => object.fields.slug)).toEqual(['org-b']);
    const members = ofModel(objects, 'sentry.organizationmember');
    // Pending email invites are exported; so is the member invited by a superadmin who is not.
    expect(members.filter((member) => member.fields.user_id === null).map((member) => member.fields.email)).toContain('invited-by-superadmin-org-b@example.com');
    expect(usernames(db, { registry: REGISTRY, scope: 'Organization', filterOrgSlugs: ['org-b'] })).not.toContain('user_a_and_c');
    expect(usernames(db, { registry: REGISTRY, scope: 'Organization', filterOrgSlugs: ['org-b'] })).toContain('added-by-superadmin-not-in-org');
  });

  it('EXP-09: several organizations export the union of their members', () => {
    const { db } = withSeed(testDriver, (seed) => buildOrganizations(seed, 'org-a'));
    const objects = exportObjects(db, { registry: REGISTRY, scope: 'Organization', filterOrgSlugs: ['org-a', 'org-c'] });
    expect(countByModel(objects)).toMatchObject({
      'sentry.organization': 2, 'sentry.orgauthtoken': 2, 'sentry.user': 8, 'sentry.useremail': 8, 'sentry.email': 6,
    });
    expect(usernames(db, { registry: REGISTRY, scope: 'Organization', filterOrgSlugs: ['org-a', 'org-c'] })).not.toContain('user_b_only');
    expect(ofModel(objects, 'sentry.organizationmember').map((member) => member.fields.email)).not.toContain('invited-org-b@example.com');
  });

  it('EXP-10: an empty slug filter exports []', () => {
    const { db } = withSeed(testDriver, (seed) => buildOrganizations(seed, 'org-b'));
    expect(renderExport(exportInScope(db, { registry: REGISTRY, scope: 'Organization', filterOrgSlugs: [] }).objects)).toBe('[]');
  });
});

describe.each(DRIVERS)('$name: config scope', (testDriver) => {
  it('EXP-11 / EXP-16: only privileged users, with their roles and permissions', () => {
    const { db, built } = withSeed(testDriver, (seed) => ({
      regular: createExhaustiveUser(seed, 'regular'),
      admin: createExhaustiveUser(seed, 'admin', { isAdmin: true }),
      staff: createExhaustiveUser(seed, 'staff', { isStaff: true }),
      superuser: createExhaustiveUser(seed, 'superuser', { isStaff: true, isSuperuser: true }),
    }));
    expect([...globallyPrivilegedUsers(db, REGISTRY)].sort()).toEqual([built.admin, built.staff, built.superuser].sort());
    const objects = exportObjects(db, { registry: REGISTRY, scope: 'Config' });
    expect(countByModel(objects)).toMatchObject({ 'sentry.user': 3, 'sentry.userrole': 1, 'sentry.userroleuser': 1, 'sentry.userpermission': 1 });
    expect(usernames(db, { registry: REGISTRY, scope: 'Config' })).toEqual(['admin', 'staff', 'superuser']);
  });

  it('EXP-12: the ping and install options are never in a Config export', () => {
    const { db } = withSeed(testDriver, (seed) => {
      for (const key of ['sentry:install-id', 'sentry:latest_version', 'sentry:last_worker_ping', 'sentry:last_worker_version']) {
        seed.insert('sentry.option', { key, value: '"excluded"' });
        seed.insert('sentry.controloption', { key, value: '"excluded"' });
      }
      for (const key of ['sentry:test-unfiltered', 'foo:bar']) {
        seed.insert('sentry.option', { key, value: '"included"' });
        seed.insert('sentry.controloption', { key, value: '"included"' });
      }
    });
    const objects = exportObjects(db, { registry: REGISTRY, scope: 'Config' });
    expect(countByModel(objects)).toMatchObject({ 'sentry.option': 2, 'sentry.controloption': 2 });
    expect(renderExport(objects)).not.toContain('excluded');
    // Sentry applies its query overrides to non-Global exports only: a full backup keeps them.
    expect(countByModel(exportObjects(db, { registry: REGISTRY, scope: 'Global' }))).toMatchObject({ 'sentry.option': 6 });
  });
});
