/**
 * The failures users of Sentry's backup tooling report, reproduced on Sentry's own exports (the
 * release snapshots): `check` finds exactly the planted problems, located, and `repair` repairs
 * what it safely can. Progress lines around the array (self-hosted#3095, #1664, #1428), duplicate
 * UserIP rows (#2437, #2540, #2571), an alert rule whose owner rule fails (#2468), subscriptions
 * without their snuba query (#3083).
 */
import { describe, expect, it } from 'vitest';
import { check, errorsOf, lineOf, located, parseObjects, plantedProblems, render, repair } from '../helpers/check.js';
import type { SentryObject } from '../helpers/check.js';
import { hasSharedReference, readReference } from '../helpers/shared-reference.js';

const snapshot = (name: string): SentryObject[] => parseObjects(readReference('snapshots', 'ReleaseTests', `test_at_${name}.export.json`));
const PROGRESS = 'Still exporting: 5.06 seconds elapsed.\nStill exporting: 11.06 seconds elapsed.\n';

describe.skipIf(!hasSharedReference)('check and repair on the files users report', () => {
  const head = hasSharedReference ? snapshot('head') : [];
  const clean = render(head);

  it('the head snapshot itself has no error', () => {
    expect(errorsOf(check(clean).problems)).toEqual([]);
  });

  it('#3095, #1428: Sentry\'s progress lines before the array and log lines after it', () => {
    const planted = `${PROGRESS}${clean}\n>> Skipping model <sentry.foo>\n`;
    const found = plantedProblems(clean, planted);
    const afterAt = PROGRESS.length + clean.length + 1;
    const afterLine = 3 + clean.split('\n').length;
    expect(found.map(located)).toEqual([
      ['error', 'TextBeforeArray', '', undefined, undefined, 1],
      ['error', 'TextAfterArray', '', undefined, undefined, afterLine],
    ]);
    expect(found[0]?.message).toContain(`${PROGRESS.length} bytes, 2 lines at line 1 (byte 0), starting "Still exporting: 5.06 seconds elapsed."`);
    expect(found[1]?.message).toContain(`at line ${afterLine} (byte ${afterAt}), starting ">> Skipping model <sentry.foo>"`);
    const repaired = repair(planted);
    expect(repaired.changes.map((change) => change.kind)).toEqual(['TextBeforeArray', 'TextAfterArray']);
    expect(repaired.text).toBe(clean);
  });

  it('#1664: certificate lines before a 23.7-era export that still carries sites.site', () => {
    const fixture = readReference('fixtures', 'backup', 'datetime-with-zeroed-millis.json');
    const objects = parseObjects(fixture);
    const text = render(objects);
    const planted = `Updating certificates in /etc/ssl/certs...\n0 added, 0 removed; done.\n${text}`;
    const found = check(planted).problems;
    expect(errorsOf(found).map(located)).toEqual([['error', 'TextBeforeArray', '', undefined, undefined, 1]]);
    const site = found.find((problem) => problem.model === 'sites.site');
    expect(site && located(site)).toEqual(['note', 'RemovedModel', 'sites.site', 1, undefined, 2 + lineOf(text, 'sites.site', 1)]);
    const repaired = repair(planted);
    expect(repaired.changes.map((change) => [change.kind, change.repair])).toEqual([['TextBeforeArray', 'strip-text'], ['RemovedModel', 'drop-row']]);
    expect(repaired.text).toBe(render(objects.filter((object) => object.model !== 'sites.site')));
  });

  it('#2437, #2540, #2571: one user\'s address twice (once equal, once seen later): notes naming the first, and repair keeps the first', () => {
    const ip = head.find((object) => object.model === 'sentry.userip') as SentryObject;
    const equal = { ...ip, pk: 90 };
    const later = { ...ip, pk: 91, fields: { ...ip.fields, last_seen: '2030-01-01T00:00:00.000Z' } };
    const objects = head.flatMap((object) => (object === ip ? [object, equal, later] : [object]));
    const planted = render(objects);
    const first = lineOf(planted, 'sentry.userip', ip.pk);
    const found = plantedProblems(clean, planted);
    expect(found.map(located)).toEqual([
      ['note', 'DuplicateUniqueValue', 'sentry.userip', 90, undefined, lineOf(planted, 'sentry.userip', 90)],
      ['note', 'DuplicateUniqueValue', 'sentry.userip', 91, undefined, lineOf(planted, 'sentry.userip', 91)],
    ]);
    for (const problem of found) expect(problem.message).toContain(`the same unique values as the row at line ${first} (pk ${ip.pk}): the import keeps that row and drops this one`);
    const repaired = repair(planted);
    expect(repaired.changes.filter((change) => change.kind === 'DuplicateUniqueValue').map((change) => [change.pk, change.repair])).toEqual([[90, 'keep-first'], [91, 'keep-first']]);
    expect(repaired.text).toBe(clean);
  });

  it('#2468: an alert rule of 23.11 with an owner but neither team nor user_id', () => {
    const old = snapshot('23_11_1');
    const actor = old.find((object) => object.model === 'sentry.actor') as SentryObject;
    const rule = old.find((object) => object.model === 'sentry.alertrule') as SentryObject;
    const objects = old.map((object) => (object === rule ? { ...rule, fields: { ...rule.fields, owner: actor.pk } } : object));
    const planted = render(objects);
    const found = plantedProblems(render(old), planted);
    expect(found.map(located)).toEqual([['error', 'SentryRefuses', 'sentry.alertrule', rule.pk, undefined, lineOf(planted, 'sentry.alertrule', rule.pk)]]);
    expect(found[0]?.message).toContain('AlertRule with owner requires either team_id or user_id');
    // Which team or user the actor stands for is the user's to say: repair leaves it, and writes nothing.
    const repaired = repair(planted);
    expect(repaired.unrepairable.map(located)).toEqual(found.map(located));
    expect(repaired.text).toBeUndefined();
  });

  it('#3083: a subscription without its snuba query, and one whose snuba query is not in the file', () => {
    const subscriptions = head.filter((object) => object.model === 'sentry.querysubscription');
    const [none, missing] = [subscriptions[1] as SentryObject, subscriptions[2] as SentryObject];
    const objects = head.map((object) => {
      if (object === none) return { ...object, fields: { ...object.fields, snuba_query: null } };
      if (object === missing) return { ...object, fields: { ...object.fields, snuba_query: 999 } };
      return object;
    });
    const planted = render(objects);
    const found = plantedProblems(clean, planted);
    expect(found.map(located)).toEqual([
      ['error', 'SentryRefuses', 'sentry.querysubscription', none.pk, undefined, lineOf(planted, 'sentry.querysubscription', none.pk)],
      ['error', 'DanglingForeignKey', 'sentry.querysubscription', missing.pk, 'snuba_query', lineOf(planted, 'sentry.querysubscription', missing.pk)],
    ]);
    expect(found[0]?.message).toContain("KeyError: 'snuba_query'");
    expect(found[1]?.message).toContain('snuba_query points at sentry.snubaquery pk 999, which is not in the file');
    const repaired = repair(planted);
    expect(repaired.changes.map((change) => [change.kind, change.pk, change.repair])).toEqual([
      ['SentryRefuses', none.pk, 'drop-row'], ['DanglingForeignKey', missing.pk, 'drop-row'],
    ]);
    expect(repaired.text).toBe(render(head.filter((object) => object !== none && object !== missing)));
  });
});
