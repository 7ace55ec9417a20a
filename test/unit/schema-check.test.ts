/**
 * A registry mapped onto a database's catalog, without a database: catalogs are built as
 * PostgreSQL describes the tables relocate makes, then changed the way Sentry's own differ (JSON
 * in text, arrays of varchar, integer ids, columns relocate does not know), or broken. Which
 * version is inferred, which is refused, and that every difference is listed.
 */
import { describe, expect, it } from 'vitest';
import { NEWEST_REGISTRY, REGISTRIES, VERIFIED_REGISTRY } from '../../src/core/registry/index.js';
import type { Registry } from '../../src/core/registry/registry.js';
import { SchemaMismatchError } from '../../src/core/errors.js';
import type { Catalog, CatalogColumn } from '../../src/db/catalog.js';
import { postgresDialect, postgresDialectFor } from '../../src/db/postgres-dialect.js';
import { matchRegistry, refuseUnfillable, schemaDifferences } from '../../src/db/schema-check.js';

type MutableCatalog = Map<string, Map<string, CatalogColumn>>;

/** The catalog of the tables relocate makes on PostgreSQL for `registry`, as format_type names the types. */
function catalogOf(registry: Registry): MutableCatalog {
  const named = (type: string): string => type.replace(/^varchar\(/, 'character varying(');
  const catalog: MutableCatalog = new Map();
  for (const entry of registry.stored) {
    const columns = new Map<string, CatalogColumn>([['id', { name: 'id', type: 'bigint', nullable: false, hasDefault: true }]]);
    for (const field of entry.fields) {
      columns.set(field.column, { name: field.column, type: named(postgresDialect.columnType(field)), nullable: field.nullable, hasDefault: false });
    }
    catalog.set(entry.table, columns);
  }
  return catalog;
}

const subject = 'PostgreSQL database postgresql:///sentry';
const match = (catalog: Catalog, wanted?: Registry) => matchRegistry(catalog, REGISTRIES, postgresDialect, { wanted, subject });

function refusal(fn: () => unknown): SchemaMismatchError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SchemaMismatchError) return error;
    throw error;
  }
  throw new Error('Expected a refusal');
}

describe('matchRegistry', () => {
  it('infers the newest version whose tables are all there', () => {
    expect(match(catalogOf(VERIFIED_REGISTRY))).toMatchObject({ registry: VERIFIED_REGISTRY, inferred: true });
    expect(match(catalogOf(NEWEST_REGISTRY))).toMatchObject({ registry: NEWEST_REGISTRY, inferred: true });
    // Tables of other software beside Sentry's change nothing.
    const crowded = catalogOf(VERIFIED_REGISTRY);
    crowded.set('django_migrations', new Map([['app', { name: 'app', type: 'character varying(255)', nullable: false, hasDefault: false }]]));
    expect(match(crowded).registry).toBe(VERIFIED_REGISTRY);
  });

  it('takes Sentry\'s own column types: JSON in text, arrays of varchar, integer ids, columns it does not know', () => {
    const catalog = catalogOf(VERIFIED_REGISTRY);
    const set = (table: string, column: string, change: Partial<CatalogColumn>) => {
      const columns = catalog.get(table) as Map<string, CatalogColumn>;
      columns.set(column, { ...(columns.get(column) ?? { name: column, type: 'text', nullable: true, hasDefault: false }), ...change });
    };
    set('sentry_organizationintegration', 'config', { type: 'text' });
    set('sentry_userrole', 'permissions', { type: 'character varying(255)[]' });
    set('sentry_option', 'id', { type: 'integer' });
    set('auth_user', 'avatar_url', { type: 'character varying(120)', nullable: true });
    set('auth_user', 'flags', { type: 'bigint', nullable: false, hasDefault: true });
    const found = match(catalog);
    expect(found.registry).toBe(VERIFIED_REGISTRY);
    expect(found.differences).toEqual({ needed: [], unfillable: [] });
  });

  it('refuses, listing every difference, a database missing a table or a column or with a column of a type that cannot fit', () => {
    const catalog = catalogOf(VERIFIED_REGISTRY);
    catalog.delete('sentry_projectkey');
    catalog.get('auth_user')?.delete('is_active');
    catalog.get('sentry_organization')?.set('status', { name: 'status', type: 'text', nullable: false, hasDefault: false });
    catalog.get('sentry_team')?.set('legacy_flag', { name: 'legacy_flag', type: 'boolean', nullable: false, hasDefault: false });
    const error = refusal(() => match(catalog, VERIFIED_REGISTRY));
    // In the order of the models' names.
    expect(error.differences).toEqual([
      'sentry_organization.status is text, but sentry.organization\'s status (BoundedPositiveIntegerField) needs integer',
      'no table sentry_projectkey (sentry.projectkey)',
      'no column auth_user.is_active (sentry.user\'s is_active, BooleanField)',
    ]);
    expect(error.message).toBe(`${subject} does not have the tables of Sentry 25.1.0 (--sentry-version): 3 differences: ${error.differences.join('; ')}; nothing was read or written`);
    expect(error.message).not.toContain('\n');
    // Inferred, the closest version is named with its differences.
    const inferred = refusal(() => match(catalog));
    expect(inferred.version).toBe('25.1.0');
    expect(inferred.message).toContain('has the tables of none of the Sentry versions relocate knows (25.1.0, 26.9.0); the closest is 25.1.0, with 3 differences: ');
    // A NOT NULL column without a default that no field fills: reading goes on, writing is refused.
    const { unfillable } = schemaDifferences(catalog, VERIFIED_REGISTRY, postgresDialect);
    expect(unfillable).toEqual(['sentry_team.legacy_flag is NOT NULL without a default, and sentry.team has no field to fill it']);
  });

  it('refuses writing into a table with a NOT NULL column no field fills', () => {
    const catalog = catalogOf(VERIFIED_REGISTRY);
    catalog.get('sentry_team')?.set('legacy_flag', { name: 'legacy_flag', type: 'boolean', nullable: false, hasDefault: false });
    const found = match(catalog);
    expect(found.registry).toBe(VERIFIED_REGISTRY);
    expect(refusal(() => refuseUnfillable(found, subject)).message).toBe(
      `${subject} cannot take rows of Sentry 25.1.0: 1 difference: sentry_team.legacy_flag is NOT NULL without a default, and sentry.team has no field to fill it; nothing was written`,
    );
  });

  it('names a version the database does not follow, and a database with none of Sentry\'s tables', () => {
    const error = refusal(() => match(catalogOf(VERIFIED_REGISTRY), NEWEST_REGISTRY));
    expect(error.version).toBe(NEWEST_REGISTRY.version);
    expect(error.differences.length).toBeGreaterThan(10);
    const foreign: MutableCatalog = new Map([['wp_posts', new Map([['id', { name: 'id', type: 'bigint', nullable: false, hasDefault: true }]])]]);
    expect(refusal(() => match(foreign)).message).toMatch(/^PostgreSQL database postgresql:\/\/\/sentry has none of Sentry's tables \(such as auth_user/);
  });
});

describe('postgresDialectFor', () => {
  const entry = VERIFIED_REGISTRY.get('sentry.organizationintegration');
  const config = entry.fields.find((field) => field.name === 'config');
  const role = VERIFIED_REGISTRY.get('sentry.userrole');
  const permissions = role.fields.find((field) => field.name === 'permissions');

  it('reads and writes each column as its real type', () => {
    if (config === undefined || permissions === undefined) throw new Error('Expected the registry\'s fields');
    const column = (name: string, type: string): Map<string, CatalogColumn> => new Map([[name, { name, type, nullable: true, hasDefault: false }]]);
    const catalog: MutableCatalog = new Map([
      ['sentry_organizationintegration', column('config', 'text')],
      ['sentry_userrole', column('permissions', 'character varying(255)[]')],
    ]);
    const made = postgresDialect;
    const sentry = postgresDialectFor(catalog);
    expect([made.readColumn(entry, config), made.writeParam(entry, config)]).toEqual(['"config"::text', '?::jsonb']);
    expect([sentry.readColumn(entry, config), sentry.writeParam(entry, config)]).toEqual(['"config"', '?']);
    expect(sentry.readColumn(role, permissions)).toBe('array_to_json("permissions")::text');
    // Cast without the length, which would cut a longer value short: the column refuses it instead.
    expect(sentry.writeParam(role, permissions)).toContain('jsonb_array_elements_text(j))::character varying[] END');
    expect(sentry.bulkValue(role, permissions)?.('["a","b \\"c\\""]')).toBe('{"a","b \\"c\\""}');
    expect(sentry.bulkValue(entry, config)).toBeUndefined();
  });

  it('keeps a list of lists (TimeSeriesSnapshot.values) a two-dimensional array of numbers', () => {
    const snapshot = VERIFIED_REGISTRY.get('sentry.timeseriessnapshot');
    const values = snapshot.fields.find((field) => field.name === 'values');
    if (values === undefined) throw new Error('Expected the registry\'s field');
    expect(postgresDialect.columnType(values)).toBe('double precision[]');
    expect(postgresDialect.writeParam(snapshot, values)).toContain("translate(j::text, '[]', '{}')::double precision[]");
    expect(postgresDialect.bulkValue(snapshot, values)?.('[[1, 2, 3], [1.5, 2.5, 3.5]]')).toBe('{{1,2,3},{1.5,2.5,3.5}}');
    // Read back, whole floats keep their ".0" (PostgreSQL writes 1.0 as 1; Sentry exports 1.0).
    expect(postgresDialect.readColumn(snapshot, values)).toBe(`regexp_replace(array_to_json("values")::text, '(^|[[,])(-?[0-9]+)(?=[],])', '\\1\\2.0', 'g')`);
  });
});
