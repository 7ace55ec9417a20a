/**
 * A registry mapped onto a database's catalog: which Sentry version's tables a database has, and
 * every difference that stops relocate from reading or writing it as that version. Used for
 * databases relocate did not make (Sentry's own PostgreSQL), where nothing records the version.
 *
 * What counts as a difference: a table or a column the registry needs that is missing, or of a
 * type that cannot hold the field's values. Columns the registry does not know are left alone (an
 * insert leaves them to their default), except a NOT NULL one without a default, which no insert
 * could fill: that blocks writing, not reading. Nullability is not compared: a column NOT NULL
 * where the registry allows null refuses only the rows that hold null, each reported where it is.
 */
import { SchemaMismatchError } from '../core/errors.js';
import type { Registry } from '../core/registry/registry.js';
import type { ModelEntry } from '../core/registry/types.js';
import type { Catalog } from './catalog.js';
import type { Dialect } from './dialect.js';

export interface SchemaDifferences {
  /** Tables and columns missing, or of a type that does not fit: reading and writing are refused. */
  readonly needed: readonly string[];
  /** Columns the registry does not know that an insert could not leave out: writing is refused. */
  readonly unfillable: readonly string[];
}

function entryDifferences(catalog: Catalog, entry: ModelEntry, dialect: Dialect, needed: string[], unfillable: string[]): void {
  const columns = catalog.get(entry.table);
  if (columns === undefined) {
    needed.push(`no table ${entry.table} (${entry.name})`);
    return;
  }
  const id = columns.get('id');
  if (id === undefined) needed.push(`no column ${entry.table}.id (${entry.name}'s primary key)`);
  else if (!dialect.columnFits({ name: 'id', column: 'id', class: 'BigIntegerField', nullable: false }, id.type)) {
    needed.push(`${entry.table}.id is ${id.type}, but ${entry.name}'s primary key needs an integer type`);
  }
  const known = new Set(['id']);
  for (const field of entry.fields) {
    known.add(field.column);
    const column = columns.get(field.column);
    if (column === undefined) needed.push(`no column ${entry.table}.${field.column} (${entry.name}'s ${field.name}, ${field.class})`);
    else if (!dialect.columnFits(field, column.type)) {
      needed.push(`${entry.table}.${field.column} is ${column.type}, but ${entry.name}'s ${field.name} (${field.class}) needs ${dialect.neededTypes(field)}`);
    }
  }
  for (const column of columns.values()) {
    if (known.has(column.name) || column.nullable || column.hasDefault) continue;
    unfillable.push(`${entry.table}.${column.name} is NOT NULL without a default, and ${entry.name} has no field to fill it`);
  }
}

/** Every difference between the registry's stored models and the catalog. */
export function schemaDifferences(catalog: Catalog, registry: Registry, dialect: Dialect): SchemaDifferences {
  const needed: string[] = [];
  const unfillable: string[] = [];
  for (const entry of registry.stored) entryDifferences(catalog, entry, dialect, needed, unfillable);
  return { needed, unfillable };
}

export interface SchemaMatch {
  readonly registry: Registry;
  /** True when the version was inferred from the tables, not named by the caller. */
  readonly inferred: boolean;
  readonly differences: SchemaDifferences;
}

/** `a; b; c` with the count first: one line, every difference. */
function listed(differences: readonly string[]): string {
  return `${differences.length} difference${differences.length === 1 ? '' : 's'}: ${differences.join('; ')}`;
}

/**
 * The registry a database's tables follow: `wanted` when the caller names one, else the newest
 * known version whose tables and columns are all there. Refuses (SchemaMismatchError), listing
 * every difference, a database that has what no version (or not what `wanted`) needs; `subject`
 * names the database in that message.
 */
export function matchRegistry(
  catalog: Catalog,
  registries: readonly Registry[],
  dialect: Dialect,
  options: {
    readonly wanted?: Registry | undefined;
    readonly subject: string;
    /** How `wanted` was chosen, for the refusal: `--sentry-version` unless told. */
    readonly wantedBy?: string;
  },
): SchemaMatch {
  const { wanted, subject } = options;
  if (wanted !== undefined) {
    const differences = schemaDifferences(catalog, wanted, dialect);
    if (differences.needed.length === 0) return { registry: wanted, inferred: false, differences };
    throw new SchemaMismatchError(wanted.version, differences.needed,
      `${subject} does not have the tables of Sentry ${wanted.version} (${options.wantedBy ?? '--sentry-version'}): ${listed(differences.needed)}; nothing was read or written`);
  }
  const newestFirst = [...registries].reverse();
  const sentryTables = new Set(newestFirst.flatMap((registry) => registry.stored.map((entry) => entry.table)));
  if (![...catalog.keys()].some((table) => sentryTables.has(table))) {
    throw new SchemaMismatchError('', [],
      `${subject} has none of Sentry's tables (such as auth_user, sentry_organization, sentry_project): check that --db names Sentry's database, and that its tables are in the schema the connection uses (search_path)`);
  }
  let closest: SchemaMatch | undefined;
  for (const registry of newestFirst) {
    const differences = schemaDifferences(catalog, registry, dialect);
    if (differences.needed.length === 0) return { registry, inferred: true, differences };
    if (closest === undefined || differences.needed.length < closest.differences.needed.length) closest = { registry, inferred: true, differences };
  }
  const best = closest as SchemaMatch;
  throw new SchemaMismatchError(best.registry.version, best.differences.needed,
    `${subject} has the tables of none of the Sentry versions relocate knows (${registries.map((registry) => registry.version).join(', ')}); ` +
    `the closest is ${best.registry.version}, with ${listed(best.differences.needed)}; nothing was read or written (name the version with --sentry-version to see its differences)`);
}

/** Refuses writing into a database with columns no insert can fill. */
export function refuseUnfillable(match: SchemaMatch, subject: string): void {
  const { unfillable } = match.differences;
  if (unfillable.length === 0) return;
  throw new SchemaMismatchError(match.registry.version, unfillable,
    `${subject} cannot take rows of Sentry ${match.registry.version}: ${listed(unfillable)}; nothing was written`);
}
