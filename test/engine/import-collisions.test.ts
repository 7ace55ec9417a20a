/**
 * COL-* and FK-05/06 of the scenario catalog: what happens when an imported row collides with a
 * row already there (usernames, slugs, tokens, keys, configs), merge-users, overwrite-configs,
 * and keys remapped across batches, on both drivers.
 *
 * Not here, and why: COL-02 and COL-02b use Sentry's fixtures (test/compat/sentry-fixture-import
 * .test.ts; COL-02's mapping and slug-reservation checks are Sentry-only side tables); COL-19 is
 * of a later Sentry, whose DataSource has `source_id` (at this registry's version it has
 * `query_id` and no dependency on QuerySubscription, so it is imported as is, as Sentry then did);
 * COL-20's OrganizationMemberInvite is not a model at this registry's version. FK-01/02/08 are in
 * the fixture tests, FK-03 is the round trip (test/engine/roundtrip.test.ts), FK-04 is IMP-05…10.
 */
import { describe, expect, it } from 'vitest';
import type { Driver } from '../../src/db/port.js';
import { MAX_BATCH_SIZE } from '../../src/engine/import/index.js';
import { SeedBuilder, createExhaustiveGlobalConfigs, createExhaustiveOrganization, createExhaustiveUser } from '../../src/engine/seed/index.js';
import { ALL_DRIVERS as DRIVERS } from '../helpers/drivers.js';
import type { TestDriver } from '../helpers/drivers.js';
import { freshDatabase } from '../helpers/export.js';
import { chunks, count, exportThenClear, importText, rows } from '../helpers/import.js';
import { REGISTRY } from '../helpers/registry.js';

function seeded<T>(testDriver: TestDriver, build: (seed: SeedBuilder) => T): { db: Driver; built: T } {
  const db = freshDatabase(testDriver);
  return { db, built: db.transaction(() => build(new SeedBuilder(db, { registry: REGISTRY }))) };
}

const insert = (db: Driver, build: (seed: SeedBuilder) => void): void => db.transaction(() => build(new SeedBuilder(db, { registry: REGISTRY, now: '2025-01-01T00:00:00.000Z' })));
const usernames = (db: Driver): string[] => rows(db, 'sentry.user').map((row) => row.username as string);
const chunkOf = (db: Driver, model: string) => chunks(db).find((chunk) => chunk.model === model);
const mapSize = (text: unknown): number => Object.keys(JSON.parse(text as string) as object).length;

describe.each(DRIVERS)('$name: collisions', (testDriver) => {
  it('COL-01: a colliding username gets a random suffix, twice over', () => {
    const { db } = seeded(testDriver, (seed) => createExhaustiveUser(seed, 'min_user'));
    const text = exportThenClear(db);
    insert(db, (seed) => createExhaustiveUser(seed, 'min_user'));
    importText(db, text, { registry: REGISTRY, scope: 'User' });
    importText(db, text, { registry: REGISTRY, scope: 'User' });
    const names = usernames(db);
    expect(new Set(names).size).toBe(3);
    expect(names.filter((name) => name.toLowerCase() === 'min_user')).toHaveLength(1);
    expect(names.filter((name) => /^min_user-[a-z0-79]{2,12}$/.test(name))).toHaveLength(2);
  });

  it('COL-03: merge-users maps the incoming user onto the existing one and drops its own rows', () => {
    const { db } = seeded(testDriver, (seed) => createExhaustiveUser(seed, 'owner', { email: 'importing@example.com' }));
    const text = exportThenClear(db);
    insert(db, (seed) => createExhaustiveUser(seed, 'owner', { email: 'existing@example.com' }));
    importText(db, text, { registry: REGISTRY, scope: 'User', mergeUsers: true });
    expect(usernames(db)).toEqual(['owner']);
    expect(rows(db, 'sentry.user')[0]?.is_unclaimed).toBe(0);
    expect(rows(db, 'sentry.useremail').map((row) => row.email)).toEqual(['existing@example.com']);
    expect(count(db, 'sentry.email')).toBe(2);
    expect(count(db, 'sentry.lostpasswordhash')).toBe(0);
    const userChunk = chunkOf(db, 'sentry.user');
    expect([mapSize(userChunk?.inserted_map), mapSize(userChunk?.existing_map)]).toEqual([0, 1]);
    expect(chunkOf(db, 'sentry.useremail')).toBeUndefined();
  });

  it('COL-04: without merge-users the incoming user is a new, unclaimed, suffixed user', () => {
    const { db } = seeded(testDriver, (seed) => createExhaustiveUser(seed, 'owner', { email: 'importing@example.com' }));
    const text = exportThenClear(db);
    insert(db, (seed) => createExhaustiveUser(seed, 'owner', { email: 'existing@example.com' }));
    importText(db, text, { registry: REGISTRY, scope: 'User' });
    const users = rows(db, 'sentry.user');
    expect(users.map((row) => [String(row.username).startsWith('owner-'), row.is_unclaimed])).toEqual([[false, 0], [true, 1]]);
    expect(rows(db, 'sentry.useremail').map((row) => row.email).sort()).toEqual(['existing@example.com', 'importing@example.com']);
    expect(count(db, 'sentry.authenticator')).toBe(1);
    expect(count(db, 'sentry.lostpasswordhash')).toBe(1);
    expect(String(users[1]?.password)).toMatch(/^!/);
  });

  it('COL-05 / COL-06: Organization scope suffixes the slug, and a colliding member token is wiped', () => {
    for (const mergeUsers of [true, false]) {
      const { db } = seeded(testDriver, (seed) => {
        const owner = createExhaustiveUser(seed, 'owner', { email: 'importing@example.com' });
        createExhaustiveOrganization(seed, { slug: 'some-org', owner, member: createExhaustiveUser(seed, 'member') });
      });
      db.prepare('UPDATE "sentry_organizationmember" SET "token" = \'colliding-token\' WHERE "role" = \'owner\'').run();
      const text = exportThenClear(db);
      insert(db, (seed) => {
        const owner = createExhaustiveUser(seed, 'owner', { email: 'existing@example.com' });
        const organization = seed.insert('sentry.organization', { name: 'some-org', slug: 'some-org', status: 0 });
        seed.insert('sentry.organizationmember', { organization, user_id: owner, role: 'owner', token: 'colliding-token' });
      });
      importText(db, text, { registry: REGISTRY, scope: 'Organization', mergeUsers });
      const slugs = rows(db, 'sentry.organization').map((row) => row.slug as string);
      expect(slugs[0]).toBe('some-org');
      expect(slugs[1]).toMatch(/^some-org-[a-z0-79]+$/);
      const owners = rows(db, 'sentry.organizationmember').filter((row) => row.role === 'owner');
      expect(owners.map((row) => row.token)).toEqual(['colliding-token', null]);
      expect(new Set(owners.map((row) => row.user_id)).size).toBe(mergeUsers ? 1 : 2);
      const orgChunk = chunks(db, 'sentry_regionimportchunk').find((chunk) => chunk.model === 'sentry.organization');
      expect(Object.values(JSON.parse(orgChunk?.inserted_identifiers as string) as Record<string, string>)).toEqual([slugs[1]]);
      db.close();
    }
  });

  it('COL-07 / COL-08: Config scope with and without merge-users', () => {
    for (const mergeUsers of [true, false]) {
      const { db } = seeded(testDriver, (seed) => createExhaustiveUser(seed, 'owner', { email: 'importing@example.com', isAdmin: true }));
      const text = exportThenClear(db);
      insert(db, (seed) => createExhaustiveUser(seed, 'owner', { email: 'existing@example.com', isAdmin: true }));
      importText(db, text, { registry: REGISTRY, scope: 'Config', mergeUsers });
      const expected = mergeUsers ? [1, 1, 1, 1, 2] : [2, 2, 2, 1, 2];
      expect(['sentry.user', 'sentry.useremail', 'sentry.userpermission', 'sentry.authenticator', 'sentry.email'].map((model) => count(db, model))).toEqual(expected);
      expect(count(db, 'sentry.lostpasswordhash')).toBe(mergeUsers ? 0 : 1);
      db.close();
    }
  });

  it('COL-09…12: configs collide as Existing, or Overwrite with --overwrite-configs', () => {
    for (const [scope, overwriteConfigs] of [['Config', true], ['Config', false], ['Global', true], ['Global', false]] as const) {
      const { db } = seeded(testDriver, (seed) => createExhaustiveGlobalConfigs(seed, createExhaustiveUser(seed, 'owner', { isAdmin: true })));
      const original = ['sentry.option', 'sentry.controloption', 'sentry.relay', 'sentry.relayusage', 'sentry.userrole'].map((model) => rows(db, model));
      const text = exportThenClear(db);
      if (scope === 'Global') {
        importText(db, text, { registry: REGISTRY, scope, overwriteConfigs });
        expect(db.prepare('SELECT "value" FROM "sentry_option"').all()).toEqual([{ value: original[0]?.[0]?.value }]);
        db.close();
        continue;
      }
      insert(db, (seed) => {
        seed.insert('sentry.option', { key: 'foo', value: '"y"' });
        seed.insert('sentry.controloption', { key: 'bar', value: '"z"' });
        const relay = original[2]?.[0] as Record<string, unknown>;
        seed.insert('sentry.relay', { relay_id: relay.relay_id, public_key: 'invalid', is_internal: true });
        seed.insert('sentry.relayusage', { relay_id: relay.relay_id, version: '0.0.1', public_key: 'invalid' });
        seed.insert('sentry.userrole', { name: 'test-admin-role', permissions: ['other.admin'] });
      });
      importText(db, text, { registry: REGISTRY, scope, overwriteConfigs });
      const values = [
        rows(db, 'sentry.option').map((row) => row.value),
        rows(db, 'sentry.controloption').map((row) => row.value),
        rows(db, 'sentry.relay').map((row) => row.public_key),
        rows(db, 'sentry.relayusage').map((row) => row.public_key),
        rows(db, 'sentry.userrole').map((row) => row.permissions),
      ];
      const relayKey = (original[2]?.[0] as Record<string, unknown>).public_key;
      expect(values).toEqual(overwriteConfigs
        ? [['"a"'], ['"b"'], [relayKey], [relayKey], [original[4]?.[0]?.permissions]]
        : [['"y"'], ['"z"'], ['invalid'], ['invalid'], ['["other.admin"]']]);
      for (const model of ['sentry.option', 'sentry.relay', 'sentry.relayusage', 'sentry.controloption']) {
        const recorded = [...chunks(db), ...chunks(db, 'sentry_regionimportchunk')].find((chunk) => chunk.model === model);
        expect([mapSize(recorded?.inserted_map), mapSize(recorded?.existing_map), mapSize(recorded?.overwrite_map)], model).toEqual(overwriteConfigs ? [0, 0, 1] : [0, 1, 0]);
      }
      db.close();
    }
  });

  it('COL-13: colliding API tokens are re-minted; nulls stay null', () => {
    const { db, built } = seeded(testDriver, (seed) => {
      const owner = createExhaustiveUser(seed, 'owner', { isAdmin: true });
      const tokens = [
        { token: 'T1', refresh_token: null, expires_at: null },
        { token: 'T2', refresh_token: 'R2', expires_at: '2030-01-01T00:00:00.000Z' },
        { token: 'T3', refresh_token: 'R3', expires_at: '2030-01-01T00:00:00.000Z' },
        { token: 'T4', refresh_token: 'R4', expires_at: '2030-01-01T00:00:00.000Z' },
      ];
      for (const token of tokens) seed.insert('sentry.apitoken', { user: owner, application: null, hashed_token: null, hashed_refresh_token: null, ...token });
      return tokens;
    });
    const text = exportThenClear(db);
    insert(db, (seed) => {
      const owner = createExhaustiveUser(seed, 'owner', { isAdmin: true });
      const again = [built[0], { ...built[1], token: 'fresh-2' }, { ...built[2], refresh_token: 'fresh-3' }, built[3]];
      for (const token of again) seed.insert('sentry.apitoken', { user: owner, application: null, hashed_token: null, hashed_refresh_token: null, ...token });
    });
    importText(db, text, { registry: REGISTRY, scope: 'Config' });
    const tokens = rows(db, 'sentry.apitoken');
    expect(tokens).toHaveLength(8);
    for (const value of ['T1', 'T3', 'T4']) expect(tokens.filter((row) => row.token === value), value).toHaveLength(1);
    for (const value of ['R2', 'R4']) expect(tokens.filter((row) => row.refresh_token === value), value).toHaveLength(1);
    expect(tokens.filter((row) => row.refresh_token === null && row.expires_at === null)).toHaveLength(2);
  });

  it('COL-14…16: monitor guids, org auth tokens and project keys are renewed on collision', () => {
    const { db } = seeded(testDriver, (seed) => createExhaustiveOrganization(seed, { slug: 'some-org', owner: createExhaustiveUser(seed, 'owner'), member: createExhaustiveUser(seed, 'member') }));
    const [monitor] = rows(db, 'sentry.monitor');
    const [token] = rows(db, 'sentry.orgauthtoken');
    const [key] = rows(db, 'sentry.projectkey');
    const text = exportThenClear(db);
    insert(db, (seed) => {
      const owner = createExhaustiveUser(seed, 'other-owner');
      const { organization, project } = createExhaustiveOrganization(seed, { slug: 'other-org', owner, member: createExhaustiveUser(seed, 'other-member') });
      db.prepare('UPDATE "sentry_monitor" SET "guid" = ? WHERE "organization_id" = ?').run([monitor?.guid as string, organization]);
      db.prepare('UPDATE "sentry_orgauthtoken" SET "token_hashed" = ?, "token_last_characters" = ? WHERE "organization_id" = ?').run([token?.token_hashed as string, token?.token_last_characters as string, organization]);
      db.prepare('UPDATE "sentry_projectkey" SET "public_key" = ?, "secret_key" = ? WHERE "project_id" = ?').run([key?.public_key as string, key?.secret_key as string, project]);
    });
    importText(db, text, { registry: REGISTRY, scope: 'Organization' });
    expect(rows(db, 'sentry.monitor').filter((row) => row.guid === monitor?.guid)).toHaveLength(1);
    expect(rows(db, 'sentry.orgauthtoken').filter((row) => row.token_hashed === token?.token_hashed)).toHaveLength(1);
    const keys = rows(db, 'sentry.projectkey');
    expect(keys.filter((row) => row.public_key === key?.public_key)).toHaveLength(1);
    expect(keys.filter((row) => row.secret_key === key?.secret_key)).toHaveLength(1);
    for (const row of keys) expect(row.public_key).toMatch(/^[0-9a-f]{32}$|^public-key/);
  });

  it('COL-17 / COL-18: subscriptions get new ids; global saved searches only come in Global', () => {
    const { db } = seeded(testDriver, (seed) => {
      const { organization } = createExhaustiveOrganization(seed, { slug: 'some-org', owner: createExhaustiveUser(seed, 'owner'), member: createExhaustiveUser(seed, 'member') });
      seed.insert('sentry.savedsearch', { organization, name: 'Global Search', query: 'is:unresolved', is_global: true, owner_id: null, visibility: 'organization' });
    });
    const subscriptions = rows(db, 'sentry.querysubscription').map((row) => row.subscription_id);
    const text = exportThenClear(db);
    importText(db, text, { registry: REGISTRY, scope: 'Global' });
    expect(rows(db, 'sentry.savedsearch').filter((row) => row.is_global === 1)).toHaveLength(1);
    for (const row of rows(db, 'sentry.querysubscription')) {
      expect(row.subscription_id).toMatch(/^\d+\/[0-9a-f]{32}$/);
      expect(subscriptions).not.toContain(row.subscription_id);
    }
    importText(db, text, { registry: REGISTRY, scope: 'Organization' });
    expect(rows(db, 'sentry.savedsearch').filter((row) => row.is_global === 1)).toHaveLength(1);
  });

  it('COL-21: a role name repeated inside one file maps onto the role already imported', () => {
    const db = freshDatabase(testDriver);
    const user = (pk: number, name: string) => ({ model: 'sentry.user', pk, fields: { username: name, email: `${name}@example.com`, name, password: 'x', is_staff: true, is_superuser: true } });
    const role = (pk: number) => ({ model: 'sentry.userrole', pk, fields: { name: 'Super Admin', permissions: '[]', date_added: '2024-01-01T00:00:00.000Z', date_updated: '2024-01-01T00:00:00.000Z' } });
    const link = (pk: number, userPk: number, rolePk: number) => ({ model: 'sentry.userroleuser', pk, fields: { user: userPk, role: rolePk, date_added: '2024-01-01T00:00:00.000Z', date_updated: '2024-01-01T00:00:00.000Z' } });
    const file = [user(1, 'max'), user(3, 'roles'), role(1), role(3), link(1, 1, 1), link(2, 3, 1)];
    const report = importText(db, JSON.stringify(file), { registry: REGISTRY, scope: 'Config' });
    expect([count(db, 'sentry.userrole'), count(db, 'sentry.userroleuser')]).toEqual([1, 2]);
    expect(report.model('sentry.userrole').existing).toBe(1);
  });

  it('FK-05: an inviter outside the import becomes null; one inside is remapped', () => {
    const { db, built } = seeded(testDriver, (seed) => {
      const admin = createExhaustiveUser(seed, 'admin', { isStaff: true, isSuperuser: true });
      const owner = createExhaustiveUser(seed, 'owner');
      const member = createExhaustiveUser(seed, 'member');
      createExhaustiveOrganization(seed, {
        slug: 'test-org', owner, member,
        pendingInvites: new Map([[admin, 'invited-by-admin@test.com'], [owner, 'invited-by-owner@test.com']]),
      });
      return { admin };
    });
    db.prepare('UPDATE "sentry_organizationmember" SET "inviter_id" = ? WHERE "inviter_id" IS NULL').run([built.admin]);
    importText(db, exportThenClear(db), { registry: REGISTRY, scope: 'Organization', filterOrgSlugs: ['test-org'] });
    const members = rows(db, 'sentry.organizationmember');
    const byEmail = (email: string) => members.find((row) => row.email === email);
    expect(byEmail('invited-by-admin@test.com')?.inviter_id).toBeNull();
    const newOwner = rows(db, 'sentry.user').find((row) => String(row.username).startsWith('owner'))?.id;
    expect(byEmail('invited-by-owner@test.com')?.inviter_id).toBe(newOwner);
    expect(members.filter((row) => row.user_id !== null).map((row) => row.inviter_id)).toEqual([null, null]);
  });

  it.each([2 * MAX_BATCH_SIZE, MAX_BATCH_SIZE + 1])('FK-06: the pk map holds across batch boundaries (%i users)', (n) => {
    const db = freshDatabase(testDriver);
    const file = [
      ...Array.from({ length: n }, (_, i) => ({ model: 'sentry.user', pk: 101 + i, fields: { username: `user-${i + 1}`, name: `user-${i + 1}`, email: `${i + 1}@example.com`, password: 'x' } })),
      ...Array.from({ length: n }, (_, i) => ({ model: 'sentry.useroption', pk: 1001 + i, fields: { user: 101 + i, key: `key-${i + 1}`, value: `"user-${i + 1}"` } })),
    ];
    importText(db, JSON.stringify(file), { registry: REGISTRY, scope: 'User' });
    const target = n === MAX_BATCH_SIZE + 1 ? n : MAX_BATCH_SIZE + MAX_BATCH_SIZE / 2;
    const option = rows(db, 'sentry.useroption').find((row) => row.key === `key-${target}`);
    expect(rows(db, 'sentry.user').find((row) => row.id === option?.user_id)?.username).toBe(`user-${target}`);
    expect(chunks(db).filter((chunk) => chunk.model === 'sentry.user').map((chunk) => [chunk.min_ordinal, chunk.max_ordinal]))
      .toEqual([[1, MAX_BATCH_SIZE], [MAX_BATCH_SIZE + 1, n]]);
  });
});
