/**
 * Opens a database as it is, whoever made it: an empty one gets relocate's schema (when the caller
 * may create), one relocate made is read as the Sentry version it records, and one Sentry made
 * (no relocate_meta version) as the newest known version whose tables and columns are all there,
 * or the version the caller names. Either way the database's catalog is read and checked, and
 * the driver comes back seen through a dialect that reads and writes the columns' real types.
 *
 * Nothing here changes a database Sentry made, except relocate's own bookkeeping tables when the
 * caller has the user's consent (`createBookkeeping`).
 */
import { NotRelocateDatabaseError, SchemaVersionError } from '../core/errors.js';
import type { Registry } from '../core/registry/registry.js';
import { readCatalog } from './catalog.js';
import { databaseOrigin, ensureSchema } from './open-database.js';
import type { Driver } from './port.js';
import { bookkeepingStatements } from './schema.js';
import { matchRegistry, refuseUnfillable } from './schema-check.js';
import { withDialect } from './with-dialect.js';

export interface CatalogOpenOptions {
  /** Every known Sentry version, oldest first. */
  readonly registries: readonly Registry[];
  /** The version the user named: a new database is made for it, one Sentry made is checked against it. */
  readonly wanted?: Registry | undefined;
  /** The version of a new database when none is named. */
  readonly fallback: Registry;
  /** An empty database gets relocate's schema (init, seed, import); otherwise it is refused. */
  readonly create: boolean;
  /** The command writes rows: a column no insert can fill is refused. */
  readonly write: boolean;
  /** Make relocate's own bookkeeping tables in a database Sentry made (the user said --create-bookkeeping). */
  readonly createBookkeeping?: boolean;
  /** The database as messages name it (a URL without its password). */
  readonly subject: string;
}

export interface CatalogDatabase {
  /** The driver, seen through the dialect of the database's real column types. */
  readonly driver: Driver;
  readonly registry: Registry;
  /** Who made the tables: relocate, or Sentry (a database relocate did not make). */
  readonly madeBy: 'relocate' | 'sentry';
  /** For a database Sentry made: whether its version was inferred from the tables (else named). */
  readonly inferred: boolean;
  /** True when this call made relocate's schema in an empty database. */
  readonly created: boolean;
  /** The schema version: recorded by relocate, or the inferred version's. */
  readonly version: string;
  /** Whether relocate's own tables (relocate_meta, …) are there. */
  readonly bookkeeping: boolean;
}

export function openByCatalog(driver: Driver, options: CatalogOpenOptions): CatalogDatabase {
  const { subject } = options;
  let origin = databaseOrigin(driver);
  let created = false;
  if (origin.madeBy === 'nobody') {
    if (!options.create) {
      throw new NotRelocateDatabaseError(`${subject} has no tables: relocate init (or seed, or import) makes relocate's tables in it; to read Sentry's, name the database Sentry uses`);
    }
    const status = ensureSchema(driver, options.wanted ?? options.fallback);
    created = true;
    origin = { madeBy: 'relocate', schemaVersion: status.version };
  }
  const catalog = readCatalog(driver);
  if (origin.madeBy === 'relocate') {
    const { schemaVersion } = origin;
    const registry = options.registries.find((known) => known.schemaVersion === schemaVersion);
    if (registry === undefined) throw new SchemaVersionError(schemaVersion, options.registries.map((known) => known.schemaVersion).join(' or '));
    // The tables relocate made, unless someone changed them since: checked all the same.
    const match = matchRegistry(catalog, [registry], driver.dialect, { wanted: registry, subject, wantedBy: 'the version relocate recorded in it' });
    if (options.write) refuseUnfillable(match, subject);
    return { driver: withDialect(driver, driver.dialect.forCatalog(catalog)), registry, madeBy: 'relocate', inferred: false, created, version: schemaVersion, bookkeeping: true };
  }
  const match = matchRegistry(catalog, options.registries, driver.dialect, { wanted: options.wanted, subject });
  if (options.write) refuseUnfillable(match, subject);
  let bookkeeping = origin.bookkeeping;
  if (!bookkeeping && options.createBookkeeping === true) {
    driver.transaction(() => {
      for (const statement of bookkeepingStatements(driver.dialect, match.registry, 'sentry')) driver.exec(statement);
    });
    bookkeeping = true;
  }
  return {
    driver: withDialect(driver, driver.dialect.forCatalog(catalog)),
    registry: match.registry,
    madeBy: 'sentry',
    inferred: match.inferred,
    created: false,
    version: match.registry.schemaVersion,
    bookkeeping,
  };
}
