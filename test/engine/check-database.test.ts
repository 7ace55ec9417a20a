/**
 * `check --db`: collisions with rows already in the target (self-hosted#3326, #3201), on every
 * backend (PostgreSQL too, when the test run has one). Sentry's head snapshot imported once, then
 * checked again in Organization scope against that database: every username and slug that would
 * get a suffix, every key and token made anew and every email written over is named with the
 * database's row that holds its value; nothing is written; and the import that follows does
 * exactly that. A Global import clears the database first: nothing collides, and check says so.
 */
import { describe, expect, it } from 'vitest';
import type { Driver } from '../../src/db/port.js';
import { countRows } from '../../src/db/store.js';
import { check, errorsOf, parseObjects } from '../helpers/check.js';
import { ALL_DRIVERS } from '../helpers/drivers.js';
import { freshDatabase } from '../helpers/export.js';
import { importText, rows } from '../helpers/import.js';
import { REGISTRY } from '../helpers/registry.js';
import { hasSharedReference, readReference } from '../helpers/shared-reference.js';

const totalRows = (driver: Driver): number => REGISTRY.stored.reduce((sum, entry) => sum + countRows(driver, entry), 0);

describe.skipIf(!hasSharedReference).each(ALL_DRIVERS)('check against a database on $name', (testDriver) => {
  const text = hasSharedReference ? readReference('snapshots', 'ReleaseTests', 'test_at_head.export.json') : '[]';
  const objects = parseObjects(text);

  it('names each collision with the database and what the import rules do with it, writes nothing, and the import agrees', () => {
    const driver = freshDatabase(testDriver);
    try {
      importText(driver, text, { registry: REGISTRY, scope: 'Global' });
      const before = totalRows(driver);
      const { problems, summary } = check(text, { scope: 'Organization', database: driver });
      expect(totalRows(driver)).toBe(before);
      expect(errorsOf(problems)).toEqual([]);

      // Each user and organization collides with the one the first import wrote: a suffix, naming that row.
      const userPks = new Map(rows(driver, 'sentry.user').map((user) => [user.username, user.id]));
      const orgPks = new Map(rows(driver, 'sentry.organization').map((org) => [org.slug, org.id]));
      const renamed = problems.filter((found) => found.kind === 'Renamed');
      const fileUsers = objects.filter((object) => object.model === 'sentry.user');
      const fileOrgs = objects.filter((object) => object.model === 'sentry.organization');
      expect(renamed.map((found) => `${found.model} ${found.pk} ${found.field}`).sort()).toEqual([
        ...fileUsers.map((user) => `sentry.user ${user.pk} username`), ...fileOrgs.map((org) => `sentry.organization ${org.pk} slug`),
      ].sort());
      for (const user of fileUsers) {
        const said = renamed.find((found) => found.model === 'sentry.user' && found.pk === user.pk)?.message;
        expect(said).toContain(`instead of ${JSON.stringify(user.fields.username)}: the value is taken (ignoring case) by the database's row pk ${userPks.get(user.fields.username)}`);
      }
      for (const org of fileOrgs) {
        expect(renamed.find((found) => found.pk === org.pk)?.message).toContain(`by the database's row pk ${orgPks.get(org.fields.slug)}`);
      }
      // Project keys and the org auth token are taken too: made anew; the emails are the database's: written over.
      const of = (kind: string, model: string) => problems.filter((found) => found.kind === kind && found.model === model);
      expect(of('Reminted', 'sentry.projectkey')).toHaveLength(objects.filter((object) => object.model === 'sentry.projectkey').length);
      for (const found of of('Reminted', 'sentry.projectkey')) expect(found.message).toMatch(/as the old value is taken by the database's row pk \d+/);
      expect(of('Reminted', 'sentry.orgauthtoken')).toHaveLength(1);
      expect(of('Overwritten', 'sentry.email').map((found) => found.message)).toEqual(
        rows(driver, 'sentry.email').map((email) => `the import writes it over the database's row pk ${email.id}, as the model's import rule does`));

      // The import itself renames exactly those rows, from those values, and writes what check said.
      const report = importText(driver, text, { registry: REGISTRY, scope: 'Organization' });
      const done = [...report.models].flatMap(([model, m]) => m.renamed.filter((row) => row.field === 'username' || row.field === 'slug')
        .map((row) => `${model} ${row.pk} ${row.field} ${JSON.stringify(row.from)}`));
      expect(done.sort()).toEqual(renamed.map((found) => `${found.model} ${found.pk} ${found.field} ${/instead of ("[^"]*")/.exec(found.message)?.[1]}`).sort());
      expect(report.total((m) => m.written)).toBe(summary.report.total((m) => m.written));
      expect(report.total((m) => m.existing)).toBe(summary.report.total((m) => m.existing));
      expect(report.total((m) => m.droppedCount)).toBe(summary.report.total((m) => m.droppedCount));
    } finally {
      driver.close();
    }
  });

  it('in Global scope, says the database is cleared first, and finds no collision', () => {
    const driver = freshDatabase(testDriver);
    try {
      importText(driver, text, { registry: REGISTRY, scope: 'Global' });
      // The rows of Sentry's models, which the import deletes (not relocate's own bookkeeping).
      const rowsThere = REGISTRY.exportable.filter((entry) => entry.stored).reduce((sum, entry) => sum + countRows(driver, entry), 0);
      const { problems } = check(text, { scope: 'Global', database: driver });
      expect(problems.filter((found) => found.kind === 'DatabaseCleared').map((found) => found.message)).toEqual([
        `an import in Global scope deletes all ${rowsThere.toLocaleString('en-US')} rows of the database first; nothing of it can collide`,
      ]);
      expect(problems.filter((found) => ['Renamed', 'Overwritten', 'Merged', 'CollidesWithDatabase'].includes(found.kind))).toEqual([]);
    } finally {
      driver.close();
    }
  });
});
