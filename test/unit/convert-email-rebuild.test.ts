/**
 * Rows the target keeps and the source version exports none of are rebuilt as Sentry's signal
 * makes them: with a test-only version whose Email rows are Excluded (built with `applyDelta`),
 * converting its file to 25.1.0 makes one `sentry.email` per distinct `sentry.useremail` address
 * (ignoring case), dated now, reported; the other way the Email rows are dropped as Excluded; and
 * between versions that both export Email rows nothing is made up.
 */
import { describe, expect, it } from 'vitest';
import { DELTAS, Registry, SENTRY_25_1_0 } from '../../src/core/registry/index.js';
import { applyDelta, renamesOf } from '../../src/core/registry/versions/delta.js';
import { convertExport } from '../../src/engine/convert/index.js';
import { textSource } from '../helpers/import.js';

const NOW = '2026-03-04T05:06:07.890Z';

/** A version like 25.1.0 that never exports Email rows. */
const WITHOUT_EMAILS = new Registry(applyDelta(SENTRY_25_1_0, {
  version: '0.1.0',
  description: 'test only: 25.1.0 with sentry.email Excluded',
  schemaVersion: 'test-without-emails',
  changes: [{ kind: 'set-scope', model: 'sentry.email', scope: 'Excluded', since: '0.1.0', source: { path: 'test/unit/convert-email-rebuild.test.ts', commit: '00000000' } }],
}, { renames: renamesOf(DELTAS), appLabels: SENTRY_25_1_0.appLabels }));

const userEmail = (pk: number, user: number, email: string) => ({
  model: 'sentry.useremail', pk, fields: { user, email, validation_hash: 'x'.repeat(32), date_hash_added: '2024-05-16T20:51:22.756Z', is_verified: true },
});

const FILE = JSON.stringify([
  userEmail(1, 1, 'Owner@Example.com'),
  userEmail(2, 2, 'member@example.com'),
  userEmail(3, 3, 'owner@example.com'),
  userEmail(4, 3, 'third@example.com'),
]);

function convert(text: string, from: Registry, to: Registry) {
  return convertExport(textSource(text), { from, to, now: () => NOW });
}

describe('rebuilding sentry.email from sentry.useremail', () => {
  it('makes one Email row per distinct address, ignoring case, dated now, when the source version exports none', () => {
    const { objects, report } = convert(FILE, WITHOUT_EMAILS, SENTRY_25_1_0);
    const emails = objects.filter((object) => object.model === 'sentry.email');
    expect(emails).toEqual([
      { model: 'sentry.email', pk: 1, fields: { email: 'Owner@Example.com', date_added: NOW } },
      { model: 'sentry.email', pk: 2, fields: { email: 'member@example.com', date_added: NOW } },
      { model: 'sentry.email', pk: 3, fields: { email: 'third@example.com', date_added: NOW } },
    ]);
    // Email rows come before the user emails that depend on them, as the target's order has it.
    expect(objects.map((object) => object.model)).toEqual([...Array(3).fill('sentry.email'), ...Array(4).fill('sentry.useremail')]);
    const rebuilt = report.changes.filter((change) => change.kind === 'rebuilt-rows');
    expect(rebuilt).toHaveLength(1);
    expect(rebuilt[0]).toMatchObject({ model: 'sentry.email', count: 3, pks: [1, 2, 3] });
    expect(rebuilt[0]?.reason).toMatch(/^Sentry 0\.1\.0 exports no sentry\.email rows and Sentry 25\.1\.0 needs them: /);
    expect(report.errors).toEqual([]);
  });

  it('adds none for addresses the file already has Email rows for, and numbers the new ones after them', () => {
    const withOne = JSON.stringify([{ model: 'sentry.email', pk: 7, fields: { email: 'MEMBER@example.com', date_added: '2024-01-01T00:00:00.000Z' } }, ...JSON.parse(FILE)]);
    const { objects } = convert(withOne, WITHOUT_EMAILS, SENTRY_25_1_0);
    expect(objects.filter((object) => object.model === 'sentry.email').map((object) => [object.pk, object.fields.email])).toEqual([
      [7, 'MEMBER@example.com'], [8, 'Owner@Example.com'], [9, 'third@example.com'],
    ]);
  });

  it('drops Email rows for the version that excludes them, and makes none up between versions that export them', () => {
    const emails = JSON.stringify([{ model: 'sentry.email', pk: 1, fields: { email: 'a@example.com', date_added: NOW } }, ...JSON.parse(FILE)]);
    const down = convert(emails, SENTRY_25_1_0, WITHOUT_EMAILS);
    expect(down.objects.some((object) => object.model === 'sentry.email')).toBe(false);
    expect(down.report.changes.find((change) => change.kind === 'dropped-rows')).toMatchObject({
      model: 'sentry.email', count: 1, reason: 'Excluded: Sentry 0.1.0 never relocates sentry.email',
    });
    const same = convert(FILE, SENTRY_25_1_0, SENTRY_25_1_0);
    expect(same.objects.some((object) => object.model === 'sentry.email')).toBe(false);
    expect(same.report.changes.filter((change) => change.kind === 'rebuilt-rows')).toEqual([]);
  });
});
