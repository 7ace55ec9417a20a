/**
 * What `repair` writes is a file Sentry's tooling takes: it checks clean, imports on both
 * backends, and a Global export of what was imported compares with it with 0 findings (across
 * versions: the snapshots are older than the registry, so the models Sentry has removed since are
 * left out of the comparison, as the import leaves them out).
 */
import { describe, expect, it } from 'vitest';
import { compareExports } from '../../src/engine/compare/index.js';
import { check, errorsOf, parseObjects, render, repair } from '../helpers/check.js';
import type { SentryObject } from '../helpers/check.js';
import { DRIVERS } from '../helpers/drivers.js';
import { freshDatabase } from '../helpers/export.js';
import { exportText, importText, textSource } from '../helpers/import.js';
import { REGISTRY } from '../helpers/registry.js';
import { hasSharedReference, readReference } from '../helpers/shared-reference.js';

function planted(): [string, string][] {
  const head = parseObjects(readReference('snapshots', 'ReleaseTests', 'test_at_head.export.json'));
  const ip = head.find((object) => object.model === 'sentry.userip') as SentryObject;
  const subscriptions = head.filter((object) => object.model === 'sentry.querysubscription');
  const withoutQuery = head.map((object) => (object === subscriptions[1] ? { ...object, fields: { ...object.fields, snuba_query: null } }
    : object === subscriptions[2] ? { ...object, fields: { ...object.fields, snuba_query: 999 } } : object));
  const site = render(parseObjects(readReference('fixtures', 'backup', 'datetime-with-zeroed-millis.json')));
  return [
    ['progress lines around the head snapshot', `Still exporting: 5.06 seconds elapsed.\n${render(head)}\n>> Done\n`],
    ['a duplicate UserIP', render(head.flatMap((object) => (object === ip ? [object, { ...ip, pk: 90 }] : [object])))],
    ['subscriptions without their snuba query', render(withoutQuery)],
    ['certificate lines and sites.site', `Updating certificates in /etc/ssl/certs...\n${site}`],
  ];
}

describe.skipIf(!hasSharedReference).each(DRIVERS)('a repaired file on $name', (testDriver) => {
  it.each(hasSharedReference ? planted() : [])('%s: checks clean, imports, and exports back with 0 findings against itself', (_name, text) => {
    const { changes, text: repaired } = repair(text);
    expect(changes.length).toBeGreaterThan(0);
    expect(repaired).toBeDefined();
    expect(errorsOf(check(repaired as string).problems)).toEqual([]);
    const driver = freshDatabase(testDriver);
    try {
      importText(driver, repaired as string, { registry: REGISTRY, scope: 'Global' });
      const exported = exportText(driver);
      const compared = compareExports(textSource(repaired as string), textSource(exported), { registry: REGISTRY, acrossVersions: true });
      expect(compared.findings).toEqual([]);
    } finally {
      driver.close();
    }
  });
});
