/**
 * A database Sentry made, simulated: relocate's PostgreSQL tables with the exhaustive instance,
 * then changed the way Sentry's own differ from what relocate makes (its older JSON fields in text,
 * an array of varchar, an integer id, a column relocate does not know) and without relocate_meta.
 * PostgreSQL only: SQLite databases are always relocate's own.
 *
 * It exports read-only, as a role that may only SELECT, the same bytes as before; it lists the
 * collisions a second import would hit and writes nothing; an import makes no table unless
 * asked for bookkeeping, and comes back out with no findings; a database missing a table or
 * a column, or with a column of the wrong type, is refused with every difference listed.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/backends/postgres/index.js';
import { SchemaMismatchError } from '../../src/core/errors.js';
import { REGISTRIES } from '../../src/core/registry/index.js';
import { renderExport } from '../../src/core/json/export-writer.js';
import { readCatalog } from '../../src/db/catalog.js';
import { openByCatalog } from '../../src/db/open-by-catalog.js';
import type { CatalogDatabase } from '../../src/db/open-by-catalog.js';
import { ensureSchema } from '../../src/db/open-database.js';
import type { Driver } from '../../src/db/port.js';
import { compareExports } from '../../src/engine/compare/index.js';
import { exportInScope } from '../../src/engine/export/index.js';
import { importInScope } from '../../src/engine/import/index.js';
import { createExhaustiveInstance } from '../../src/engine/seed/index.js';
import { textSource } from '../helpers/import.js';
import { HAS_POSTGRES, openPostgresTest, schemaUrl } from '../helpers/postgres.js';
import { sentryTypes } from '../helpers/sentry-database.js';
import { REGISTRY } from '../helpers/registry.js';

const exportOf = (driver: Driver, registry = REGISTRY): string => renderExport(exportInScope(driver, { registry, scope: 'Global' }).objects);

describe.skipIf(!HAS_POSTGRES)('a database Sentry made (PostgreSQL)', () => {
  let schema: string;
  let made: string;
  const reader = `relocate_reader_${randomBytes(4).toString('hex')}`;
  let admin: Driver;

  beforeAll(() => {
    admin = openPostgresTest();
    schema = admin.prepare('SELECT current_schema() AS name').get()?.name as string;
    ensureSchema(admin, REGISTRY);
    createExhaustiveInstance(admin, { registry: REGISTRY, isSuperadmin: true });
    made = exportOf(admin);
    admin.transaction(() => {
      for (const statement of sentryTypes()) admin.exec(statement);
    });
    admin.exec(`CREATE ROLE ${reader} LOGIN; GRANT USAGE ON SCHEMA ${schema} TO ${reader}; GRANT SELECT ON ALL TABLES IN SCHEMA ${schema} TO ${reader}`);
  });
  afterAll(() => {
    admin.exec(`DROP OWNED BY ${reader}; DROP ROLE ${reader}`);
    admin.close();
  });

  /** Opens the database in a transaction (as the CLI does), runs `fn`, and always rolls back unless `commit`. */
  function inTransaction<T>(options: { user?: string; write: boolean; createBookkeeping?: boolean; commit?: boolean }, fn: (opened: CatalogDatabase) => T): T {
    const raw = openPostgres(schemaUrl(schema, options.user));
    try {
      raw.exec(options.write ? 'BEGIN' : raw.dialect.beginReadSnapshot);
      const opened = openByCatalog(raw, {
        registries: REGISTRIES, fallback: REGISTRY, create: false, write: options.write, createBookkeeping: options.createBookkeeping === true, subject: 'the test database',
      });
      const result = fn(opened);
      raw.exec(options.commit === true ? 'COMMIT' : 'ROLLBACK');
      return result;
    } finally {
      raw.close();
    }
  }

  const tables = (driver: Driver): string[] => [...readCatalog(driver).keys()].sort();

  it('exports, read-only and as a role that may only read, the bytes it exported when relocate had made it', () => {
    const text = inTransaction({ user: reader, write: false }, (opened) => {
      expect([opened.madeBy, opened.inferred, opened.registry.version, opened.bookkeeping]).toEqual(['sentry', true, '25.1.0', false]);
      // The JSON now lives in text, as Sentry's legacy JSONField keeps it.
      expect(readCatalog(opened.driver).get('sentry_organizationintegration')?.get('config')?.type).toBe('text');
      return exportOf(opened.driver, opened.registry);
    });
    expect(text).toBe(made);
  });

  it('lists the collisions a second import would hit, and writes nothing', () => {
    inTransaction({ write: true }, (opened) => {
      const before = tables(opened.driver);
      const report = importInScope(opened.driver, textSource(made), { registry: opened.registry, scope: 'Organization', dryRun: true });
      const renamed = report.model('sentry.organization').renamed;
      expect(renamed.map((rename) => [rename.field, rename.from])).toEqual([['slug', 'test-org']]);
      expect(tables(opened.driver)).toEqual(before);
      expect(exportOf(opened.driver, opened.registry)).toBe(made);
    });
  });

  it('imports into Sentry\'s tables with no DDL, and makes relocate\'s bookkeeping tables only when asked', () => {
    inTransaction({ write: true }, (opened) => {
      const before = tables(opened.driver);
      importInScope(opened.driver, textSource(made), { registry: opened.registry, scope: 'Organization' });
      expect(tables(opened.driver)).toEqual(before);
      expect(before.filter((table) => table.startsWith('relocate_'))).toEqual([]);
      // The import's chunks went where Sentry keeps them.
      expect(opened.driver.prepare('SELECT count(*) AS n FROM "sentry_regionimportchunk"').get()?.n).toBeGreaterThan(0);
    });
    const exported = inTransaction({ write: true, createBookkeeping: true, commit: true }, (opened) => {
      expect(opened.bookkeeping).toBe(true);
      expect(opened.driver.prepare('SELECT "key", "value" FROM "relocate_meta"').all()).toEqual([{ key: 'made_by', value: 'sentry' }]);
      importInScope(opened.driver, textSource(made), { registry: opened.registry, scope: 'Global' });
      return exportOf(opened.driver, opened.registry);
    });
    expect(compareExports(textSource(made), textSource(exported), { registry: REGISTRY }).findings).toEqual([]);
    // Still Sentry's: the version is read from the tables again, not from relocate's record.
    inTransaction({ write: false }, (opened) => expect([opened.madeBy, opened.inferred, opened.bookkeeping]).toEqual(['sentry', true, true]));
  });

  it('refuses a database missing a table or a column, or with a column of the wrong type, listing every difference', () => {
    const raw = openPostgres(schemaUrl(schema));
    try {
      raw.exec('BEGIN');
      raw.exec('DROP TABLE "sentry_projectkey" CASCADE; ALTER TABLE "auth_user" DROP COLUMN "is_active"; ALTER TABLE "sentry_organization" DROP CONSTRAINT "positive:status", ALTER COLUMN "status" TYPE text');
      for (const write of [false, true]) {
        let refused: unknown;
        try {
          openByCatalog(raw, { registries: REGISTRIES, fallback: REGISTRY, create: false, write, subject: 'the test database' });
        } catch (error) {
          refused = error;
        }
        expect(refused).toBeInstanceOf(SchemaMismatchError);
        expect((refused as SchemaMismatchError).differences).toEqual([
          'sentry_organization.status is text, but sentry.organization\'s status (BoundedPositiveIntegerField) needs integer',
          'no table sentry_projectkey (sentry.projectkey)',
          'no column auth_user.is_active (sentry.user\'s is_active, BooleanField)',
        ]);
      }
    } finally {
      raw.exec('ROLLBACK');
      raw.close();
    }
  });
});
