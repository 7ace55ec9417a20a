/**
 * The filters an export in each scope applies (Sentry's `Filter(model, field, values)`): users by
 * username, organizations by slug (which adds the users of their members), and in Config scope
 * the globally privileged users.
 */
import type { ExportScope } from '../../core/scopes.js';
import type { Registry } from '../../core/registry/registry.js';
import type { Driver } from '../../db/port.js';
import { quoteIdentifier as q } from '../../db/schema.js';

export interface Filter {
  readonly model: string;
  readonly field: string;
  readonly values: ReadonlySet<unknown>;
  /** Why a row outside the filter was left out, for the report. */
  readonly reason: string;
}

export interface ExportFilterOptions {
  readonly filterUsernames?: readonly string[] | undefined;
  readonly filterOrgSlugs?: readonly string[] | undefined;
}

const list = (values: Iterable<unknown>): string => [...values].map(String).join(', ');

/** Members' user ids of the organizations with these slugs (pending invites have none). */
function memberUserIds(driver: Driver, registry: Registry, slugs: readonly string[]): Set<number> {
  const organization = registry.get('sentry.organization');
  const member = registry.get('sentry.organizationmember');
  if (slugs.length === 0) return new Set();
  const sql = `SELECT DISTINCT m."user_id" AS id FROM ${q(member.table)} m JOIN ${q(organization.table)} o ` +
    `ON o."id" = m."organization_id" WHERE m."user_id" IS NOT NULL AND o."slug" IN (${slugs.map(() => '?').join(', ')})`;
  return new Set(driver.prepare(sql).all([...slugs]).map((row) => row.id as number));
}

/** Users with is_staff or is_superuser, or any UserPermission or UserRoleUser row. */
export function globallyPrivilegedUsers(driver: Driver, registry: Registry): Set<number> {
  const { dialect } = driver;
  const sql = `SELECT "id" FROM ${q(registry.get('sentry.user').table)} WHERE ${dialect.isTrue('"is_staff"')} OR ${dialect.isTrue('"is_superuser"')} ` +
    `UNION SELECT "user_id" FROM ${q(registry.get('sentry.userpermission').table)} ` +
    `UNION SELECT "user_id" FROM ${q(registry.get('sentry.userroleuser').table)}`;
  return new Set(driver.prepare(sql).all().map((row) => row.id as number));
}

/** The filter values no row of the database matches (the export then leaves everything of them out). */
export function unmatchedFilters(driver: Driver, registry: Registry, options: ExportFilterOptions): { filterUsernames: string[]; filterOrgSlugs: string[] } {
  const missing = (model: string, column: string, values: readonly string[] | undefined): string[] => (values ?? []).filter((value) =>
    driver.prepare(`SELECT 1 AS found FROM ${q(registry.get(model).table)} WHERE ${q(column)} = ?`).get([value]) === undefined);
  return {
    filterUsernames: missing('sentry.user', 'username', options.filterUsernames),
    filterOrgSlugs: missing('sentry.organization', 'slug', options.filterOrgSlugs),
  };
}

export function filtersFor(driver: Driver, registry: Registry, scope: ExportScope, options: ExportFilterOptions): Filter[] {
  const filters: Filter[] = [];
  if ((scope === 'User' || scope === 'Config') && options.filterUsernames !== undefined) {
    const names = new Set(options.filterUsernames);
    filters.push({ model: 'sentry.user', field: 'username', values: names, reason: `username not among the filter's usernames (${list(names)})` });
  }
  if (scope === 'Organization' && options.filterOrgSlugs !== undefined) {
    const slugs = new Set(options.filterOrgSlugs);
    filters.push({ model: 'sentry.organization', field: 'slug', values: slugs, reason: `slug not among the filter's slugs (${list(slugs)})` });
    filters.push({
      model: 'sentry.user',
      field: 'id',
      values: memberUserIds(driver, registry, [...slugs]),
      reason: 'not a member of the exported organizations',
    });
  }
  if (scope === 'Config') {
    filters.push({ model: 'sentry.user', field: 'id', values: globallyPrivilegedUsers(driver, registry), reason: 'not a staff, superuser, permission or role holder' });
  }
  return filters;
}
