/**
 * Sentry's own fixtures (`fixtures/backup/*.json`) imported as Sentry's tests import them, on both
 * backends: pk remapping (FK-01, FK-02, FK-08), collisions inside one file (COL-02b), several
 * UserEmails and UserIPs per user (IMP-17, IMP-18), privilege sanitization by scope (PRIV-01..04)
 * and an unknown field. Expectations are the [new] ones of ../shared/research/sentry-backup-tests.md.
 */
import { describe, expect, it } from 'vitest';
import { reversedDependencies } from '../../src/core/graph/index.js';

import type { ImportScope } from '../../src/core/scopes.js';
import type { Driver } from '../../src/db/port.js';
import { ImportingError } from '../../src/engine/import/index.js';
import { DRIVERS } from '../helpers/drivers.js';
import { freshDatabase } from '../helpers/export.js';
import { count, exportText, importText, rows } from '../helpers/import.js';
import { hasSharedReference, readReference } from '../helpers/shared-reference.js';
import { REGISTRY } from '../helpers/registry.js';

interface SentryObject { model: string; pk: number; fields: Record<string, unknown> }

const fixture = (name: string): SentryObject[] => JSON.parse(readReference('fixtures', 'backup', name)) as SentryObject[];
const RANK = new Map(REGISTRY.relocatable.map((entry, i) => [entry.name, i]));
/** Sorted as Sentry's `sort_in_memory_json`: the import's model order, then pk. */
const sorted = (objects: SentryObject[]): SentryObject[] =>
  [...objects].sort((a, b) => (RANK.get(a.model) ?? 1e9) - (RANK.get(b.model) ?? 1e9) || a.pk - b.pk);
const byModel = (objects: SentryObject[]): SentryObject[] => [...objects].sort((a, b) => a.model.localeCompare(b.model) || a.pk - b.pk);

function groupByModel(objects: SentryObject[]): Map<string, SentryObject[]> {
  const groups = new Map<string, SentryObject[]>();
  for (const object of objects) groups.set(object.model, [...(groups.get(object.model) ?? []), object]);
  return groups;
}

/** Sentry's test clear: every row deleted, dependents first, id sequences (sqlite_sequence) kept. */
function clearKeepingSequences(driver: Driver): void {
  for (const entry of reversedDependencies(REGISTRY.stored)) driver.prepare(`DELETE FROM "${entry.table}"`).run();
}

const MIN_USER = 'user-with-minimum-privileges.json';
/** The UsersFile: the four user fixtures (pks 1–4) together, sorted. */
const usersFile = (): string => JSON.stringify(sorted(['user-with-maximum-privileges.json', MIN_USER,
  'user-with-roles-no-superadmin.json', 'user-with-superadmin-no-roles.json'].flatMap(fixture)));

const OLD_HASH = 'mCnWesSVvYQcq7qXQ36AZHwosAd6cghE';
const PRIV = [
  { id: 'PRIV-01', scope: 'User', sanitized: true, managed: 0, staff: 0, superuser: 0, authenticator: 0, permission: 0, role: 0, roleUser: 0 },
  { id: 'PRIV-02', scope: 'Organization', sanitized: true, managed: 0, staff: 0, superuser: 0, authenticator: 0, permission: 0, role: 0, roleUser: 0 },
  { id: 'PRIV-03', scope: 'Config', sanitized: true, managed: 1, staff: 2, superuser: 2, authenticator: 0, permission: 2, role: 1, roleUser: 2 },
  { id: 'PRIV-04', scope: 'Global', sanitized: false, managed: 1, staff: 2, superuser: 2, authenticator: 4, permission: 2, role: 1, roleUser: 2 },
] as const;

describe.skipIf(!hasSharedReference)('Sentry fixtures import', () => {
  describe.each(DRIVERS)('on $name', (testDriver) => {
    it('FK-01: sparse pks become 1 in a fresh database; the export is the file with new pks', () => {
      const driver = freshDatabase(testDriver);
      importText(driver, readReference('fixtures', 'backup', 'user-pk-mapping.json'), { registry: REGISTRY, scope: 'Global' });
      for (const model of ['sentry.email', 'sentry.user', 'sentry.useremail', 'sentry.userrole', 'sentry.userroleuser']) {
        expect(rows(driver, model).map((row) => row.id), model).toEqual([1]);
      }
      const exported = JSON.parse(exportText(driver)) as SentryObject[];
      expect(exported.find((object) => object.model === 'sentry.userroleuser')?.fields).toMatchObject({ user: 1, role: 1 });
      // user 12 → 1 and role 78 → 1: the only keys in the file (useremail.user, userroleuser.user/role).
      const expected = fixture('user-pk-mapping.json').map((object) => {
        const fields = { ...object.fields };
        for (const key of ['user', 'role']) if (key in fields) fields[key] = 1;
        return { model: object.model, pk: 1, fields };
      });
      expect(byModel(exported)).toEqual(byModel(expected));
    });

    it('FK-02: a second Global import after a clear restarts the sequences, so the pks are the file\'s', () => {
      const driver = freshDatabase(testDriver);
      const text = readReference('fixtures', 'backup', 'fresh-install.json');
      importText(driver, text, { registry: REGISTRY, scope: 'Global' });
      clearKeepingSequences(driver);
      importText(driver, text, { registry: REGISTRY, scope: 'Global' });
      for (const [model, objects] of groupByModel(fixture('fresh-install.json'))) {
        expect(rows(driver, model).map((row) => row.id), model).toEqual(objects.map((object) => object.pk).sort((a, b) => a - b));
      }
    });

    it.each(['Organization', 'Config'] as const)('FK-02: after a clear that keeps sequences, %s import gives new pks and remaps every key', (scope) => {
      const driver = freshDatabase(testDriver);
      const text = readReference('fixtures', 'backup', 'fresh-install.json');
      importText(driver, text, { registry: REGISTRY, scope: 'Global' });
      clearKeepingSequences(driver);
      importText(driver, text, { registry: REGISTRY, scope });
      // Old pk → new pk per model, pairing the file's objects with the rows in insertion order.
      const newPk = new Map<string, Map<number, number>>();
      let imported = 0;
      for (const [model, objects] of groupByModel(fixture('fresh-install.json'))) {
        const ids = rows(driver, model).map((row) => row.id as number);
        if (ids.length === 0) continue;
        expect(ids, model).toHaveLength(objects.length);
        for (const object of objects) expect(ids, `${model} pk ${object.pk} is reused`).not.toContain(object.pk);
        newPk.set(model, new Map(objects.map((object, i) => [object.pk, ids[i] as number])));
        imported += ids.length;
      }
      expect(imported).toBeGreaterThan(10);
      for (const [model, objects] of groupByModel(fixture('fresh-install.json'))) {
        const mapped = newPk.get(model);
        if (mapped === undefined) continue;
        const stored = new Map(rows(driver, model).map((row) => [row.id as number, row]));
        for (const object of objects) {
          for (const field of REGISTRY.get(model).fields) {
            const old = object.fields[field.name];
            if (field.foreignKey === undefined || typeof old !== 'number') continue;
            const target = newPk.get(field.foreignKey.model)?.get(old);
            expect(stored.get(mapped.get(object.pk) as number)?.[field.column], `${model}.${field.name}`).toBe(target);
          }
        }
      }
      // The same logical rows: each useremail still belongs to the user with its username.
      const usernames = new Map(rows(driver, 'sentry.user').map((user) => [user.id, user.username]));
      const fileUsers = new Map(fixture('fresh-install.json').filter((o) => o.model === 'sentry.user').map((o) => [o.pk, o.fields.username]));
      const expectedPairs = fixture('fresh-install.json').filter((o) => o.model === 'sentry.useremail').map((o) => [o.fields.email, fileUsers.get(o.fields.user as number)]);
      expect(rows(driver, 'sentry.useremail').map((row) => [row.email, usernames.get(row.user_id)])).toEqual(expectedPairs);
    });

    it('FK-08: the empty-string Email and UserEmail of an app user survive as their own rows', () => {
      const driver = freshDatabase(testDriver);
      const [fileUser] = fixture('app-user-with-empty-email.json').filter((object) => object.model === 'sentry.user');
      importText(driver, readReference('fixtures', 'backup', 'app-user-with-empty-email.json'), { registry: REGISTRY, scope: 'Global' });
      const users = rows(driver, 'sentry.user');
      expect(users.map((user) => [user.username, user.email, user.is_sentry_app, user.is_unclaimed])).toEqual([
        ['test_app-afcf782e-428d-475a-bb6f-d81b72505f6d', '', 1, 1],
      ]);
      // Already unclaimed, so re-passworded even in Global.
      expect(users[0]?.password).not.toBe(fileUser?.fields.password);
      expect(rows(driver, 'sentry.email').map((row) => row.email)).toEqual(['']);
      expect(rows(driver, 'sentry.useremail').map((row) => [row.user_id, row.email, row.validation_hash])).toEqual([
        [users[0]?.id, '', 'GXJ1pWLdSmbMFI1NxDpIv9CYufsSrWo0'],
      ]);
    });

    it('COL-02b: a duplicate username and org slug inside one file get suffixes, and the report lists both', () => {
      const driver = freshDatabase(testDriver);
      const report = importText(driver, readReference('fixtures', 'backup', 'duplicate-username-and-organization-slug.json'), { registry: REGISTRY, scope: 'Global' });
      const users = rows(driver, 'sentry.user');
      const orgs = rows(driver, 'sentry.organization');
      expect(users.map((user) => user.first_name)).toEqual(['User', 'User (Duplicate Username and Email)']);
      expect(users[0]?.username).toBe('testing@example.com');
      expect(users[1]?.username).toMatch(/^testing@example\.com-[a-z0-9]{2,12}$/);
      expect(orgs.map((org) => org.name)).toEqual(['Testing', 'Testing (Duplicate Slug)']);
      expect(orgs[0]?.slug).toBe('testing');
      expect(orgs[1]?.slug).toMatch(/^testing-[a-z0-9]{2,12}$/);
      expect(report.model('sentry.user').renamed).toEqual([{ pk: 2, field: 'username', from: 'testing@example.com', to: users[1]?.username }]);
      expect(report.model('sentry.organization').renamed).toEqual([{ pk: 2, field: 'slug', from: 'testing', to: orgs[1]?.slug }]);
      // Each duplicate still owns its own duplicate.
      expect(rows(driver, 'sentry.organizationmember').map((m) => [m.organization_id, m.user_id])).toEqual([
        [orgs[0]?.id, users[0]?.id], [orgs[1]?.id, users[1]?.id],
      ]);
    });

    describe('IMP-17: several UserEmails for one user', () => {
      const extra = (pk: number, email: string, hash: string, verified: boolean): SentryObject => ({
        model: 'sentry.useremail', pk,
        fields: { user: 2, email, validation_hash: hash, date_hash_added: '2023-06-22T22:59:55.521Z', is_verified: verified },
      });
      const text = (): string => JSON.stringify(sorted([...fixture(MIN_USER),
        extra(100, 'second@example.com', '7jvwev0oc8sFyEyEwfvDAwxidtGzpAov', true), extra(101, 'third@example.com', '', false)]));

      it.each([['User', 0, 0], ['Global', 1, 2]] as const)('in %s scope', (scope, emptyHashes, verified) => {
        const driver = freshDatabase(testDriver);
        importText(driver, text(), { registry: REGISTRY, scope });
        const emails = rows(driver, 'sentry.useremail');
        expect(emails.map((row) => row.email).sort()).toEqual(['second@example.com', 'testing@example.com', 'third@example.com']);
        expect(new Set(emails.map((row) => row.user_id))).toEqual(new Set([rows(driver, 'sentry.user')[0]?.id]));
        expect(emails.filter((row) => row.validation_hash === '')).toHaveLength(emptyHashes);
        expect(emails.filter((row) => row.is_verified === 1).map((row) => row.email).sort())
          .toEqual(['second@example.com', 'testing@example.com'].slice(0, verified));
      });
    });

    it('IMP-18: several UserIPs for one user, one of them with a repeated pk, give one row per address', () => {
      const base = fixture(MIN_USER);
      const ip = base.find((object) => object.model === 'sentry.userip') as SentryObject;
      ip.fields.ip_address = '8.8.8.8';
      const more = ([[3, '8.8.8.9', 'US', 'CA'], [4, '8.8.8.9', 'CA', 'BC'], [4, '8.8.8.7', null, null]] as const).map(([pk, address, country, region]) =>
        ({ model: 'sentry.userip', pk, fields: { ...ip.fields, ip_address: address, country_code: country, region_code: region } }));
      const driver = freshDatabase(testDriver);
      importText(driver, JSON.stringify(sorted([...base, ...more])), { registry: REGISTRY, scope: 'Global' });
      const ips = rows(driver, 'sentry.userip');
      expect(ips.map((row) => row.ip_address).sort()).toEqual(['8.8.8.7', '8.8.8.8', '8.8.8.9']);
      expect(new Set(ips.map((row) => row.user_id))).toEqual(new Set([rows(driver, 'sentry.user')[0]?.id]));
      // Sentry re-geolocates each address; with no geo database the location is unknown, not trusted.
      expect(ips.map((row) => [row.country_code, row.region_code])).toEqual([[null, null], [null, null], [null, null]]);
      // Global keeps the dates (IMP-19 [new]).
      expect(ips.every((row) => String(row.first_seen).startsWith('2012-') && String(row.last_seen).startsWith('2012-'))).toBe(true);
    });

    it.each(PRIV)('$id: the four users imported in $scope scope', (expected) => {
      const driver = freshDatabase(testDriver);
      importText(driver, usersFile(), { registry: REGISTRY, scope: expected.scope as ImportScope });
      const users = rows(driver, 'sentry.user');
      expect(users.map((user) => user.username)).toEqual(['testing@example.com', 'min_user', 'roles_no_superadmin_user', 'superadmin_no_roles_user']);
      const flagged = (column: string): number => users.filter((user) => user[column] === 1).length;
      expect([flagged('is_managed'), flagged('is_staff'), flagged('is_superuser')]).toEqual([expected.managed, expected.staff, expected.superuser]);
      expect(users.filter((user) => user.is_managed === 0 && user.is_staff === 0 && user.is_superuser === 0)).toHaveLength(expected.staff === 0 ? 4 : 2);
      // Outside Global every user must claim the account: unclaimed, with one claim hash each.
      expect(flagged('is_unclaimed')).toBe(expected.sanitized ? 4 : 0);
      expect(count(driver, 'sentry.lostpasswordhash')).toBe(expected.sanitized ? 4 : 0);

      const emails = rows(driver, 'sentry.useremail');
      expect(emails).toHaveLength(4);
      const kept = expected.sanitized ? 0 : 4;
      expect(emails.filter((row) => row.is_verified === 1)).toHaveLength(kept);
      expect(emails.filter((row) => String(row.date_hash_added) < '2023-07-01')).toHaveLength(kept);
      expect(emails.filter((row) => row.validation_hash === OLD_HASH)).toHaveLength(kept);
      // The files carry no Email rows: Sentry's signals make one per new address as users come in.
      // All four stored users have testing@example.com, so 1 (the catalog's 2 is from newer
      // fixture versions whose maximum user has its own address).
      expect(rows(driver, 'sentry.email').map((row) => row.email)).toEqual([...new Set(users.map((user) => user.email as string))]);
      expect(count(driver, 'sentry.email')).toBe(1);

      expect(count(driver, 'sentry.authenticator')).toBe(expected.authenticator);
      expect(count(driver, 'sentry.userpermission')).toBe(expected.permission);
      expect(count(driver, 'sentry.userrole')).toBe(expected.role);
      // Both role users point at the one "Super Admin" role (the second role row collides by name).
      const roleIds = rows(driver, 'sentry.userrole').map((role) => role.id);
      expect(rows(driver, 'sentry.userroleuser').map((row) => row.role_id)).toEqual(Array<unknown>(expected.roleUser).fill(roleIds[0]));
      // UserOption is User scope; `"Europe/Vienna"` and `"\"Europe/Vienna\""` are the same value to Sentry.
      expect(rows(driver, 'sentry.useroption').map((row) => JSON.parse(String(row.value)) as unknown)).toEqual(Array<unknown>(4).fill('Europe/Vienna'));
    });

    it('invalid-user.json: the unknown field "doesnotexist" is left out and reported', () => {
      const [user] = fixture('invalid-user.json') as [SentryObject];
      const driver = freshDatabase(testDriver);
      const report = importText(driver, JSON.stringify([{ ...user, fields: { username: 'maximum@example.com', ...user.fields } }]), { registry: REGISTRY, scope: 'Global' });
      // `is_suspended` (in this fixture too) left User before the registry's version.
      expect(Object.fromEntries(report.model('sentry.user').unknownFields)).toEqual({ doesnotexist: 1, is_suspended: 1 });
      expect(rows(driver, 'sentry.user').map((row) => [row.username, row.email, row.is_staff])).toEqual([['maximum@example.com', 'maximum@example.com', 1]]);
    });

    it('invalid-user.json as shipped has no username: a ValidationError naming it, and nothing written', () => {
      const driver = freshDatabase(testDriver);
      let error: unknown;
      try {
        importText(driver, readReference('fixtures', 'backup', 'invalid-user.json'), { registry: REGISTRY, scope: 'Global' });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ImportingError);
      expect((error as ImportingError).kind).toBe('ValidationError');
      expect((error as ImportingError).reason).toContain('"username"');
      expect(count(driver, 'sentry.user')).toBe(0);
    });
  });
});
