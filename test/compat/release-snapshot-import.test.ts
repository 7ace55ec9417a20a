/**
 * Sentry's release snapshots (exports of its exhaustive test instance made by every release from
 * 23.9.1 to head) import into a fresh database on both backends. In Global scope every object of
 * every model the registry has becomes a row; the only drops are whole models Sentry removed
 * before the registry's version, and the only unknown fields are fields it removed. The head
 * snapshot imported in User, Organization or Config scope writes only models of that scope, drops
 * an in-scope row only when its parent row was itself dropped, and leaves every user unclaimed.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { IMPORT_SCOPES, possibleScopes } from '../../src/core/scopes.js';
import type { ImportScope, RelocationScope } from '../../src/core/scopes.js';
import type { ImportReport } from '../../src/engine/import/index.js';
import { DRIVERS } from '../helpers/drivers.js';
import { freshDatabase } from '../helpers/export.js';
import { count, importText, rows } from '../helpers/import.js';
import { hasSharedReference, readReference, referencePath } from '../helpers/shared-reference.js';
import { REGISTRY } from '../helpers/registry.js';

const DIR = ['snapshots', 'ReleaseTests'] as const;
const RELEASES = hasSharedReference
  ? readdirSync(referencePath(...DIR)).filter((name) => /^test_at_.+\.export\.json$/.test(name)).sort()
  : [];
const HEAD = 'test_at_head.export.json';

interface Snapshot {
  readonly text: string;
  readonly objects: number;
  /** Objects per model, as the file has them. */
  readonly perModel: ReadonlyMap<string, number>;
}

const cache = new Map<string, Snapshot>();
function snapshot(name: string): Snapshot {
  let found = cache.get(name);
  if (found === undefined) {
    const text = readReference(...DIR, name);
    const objects = JSON.parse(text) as { model: string }[];
    const perModel = new Map<string, number>();
    for (const object of objects) perModel.set(object.model, (perModel.get(object.model) ?? 0) + 1);
    cache.set(name, (found = { text, objects: objects.length, perModel }));
  }
  return found;
}

function droppedCount(report: ImportReport, model: string): number {
  return report.models.get(model)?.droppedCount ?? 0;
}

/** Drop reasons by model, as plain data (`{model: {reason: count}}`), for readable failures. */
function dropReasons(report: ImportReport, models: (model: string) => boolean): Record<string, Record<string, number>> {
  const reasons: Record<string, Record<string, number>> = {};
  for (const [model, modelReport] of report.models) {
    if (!models(model) || modelReport.dropped.size === 0) continue;
    reasons[model] = Object.fromEntries([...modelReport.dropped].map(([reason, entry]) => [reason, entry.count]));
  }
  return reasons;
}

describe.skipIf(!hasSharedReference)('release snapshots import', () => {
  it('finds the 13 snapshots, 23.9.1 to head', () => {
    expect(RELEASES).toHaveLength(13);
    expect(RELEASES).toContain('test_at_23_9_1.export.json');
    expect(RELEASES).toContain(HEAD);
  });

  describe.each(DRIVERS)('on $name', (testDriver) => {
    it.each(RELEASES)('%s: Global scope writes every object of every model the registry has', (name) => {
      const { text, objects, perModel } = snapshot(name);
      const driver = freshDatabase(testDriver);
      const report = importText(driver, text, { registry: REGISTRY, scope: 'Global' });

      // Whole models Sentry removed are dropped, all their objects and nothing else.
      const removed = [...perModel.keys()].filter((model) => REGISTRY.find(model) === undefined).sort();
      expect(removed.length).toBeGreaterThan(0);
      for (const model of removed) {
        expect(REGISTRY.removedModels.has(model), model).toBe(true);
        expect(droppedCount(report, model), model).toBe(perModel.get(model));
      }
      const removedObjects = removed.reduce((sum, model) => sum + (perModel.get(model) ?? 0), 0);
      expect(dropReasons(report, (model) => REGISTRY.find(model) !== undefined)).toEqual({});

      // Every other object is one row. A new user's Email row is made with it (Sentry's signals),
      // so the file's Email rows land on those: merged, and only there.
      for (const entry of REGISTRY.exportable) {
        const expected = (perModel.get(entry.name) ?? 0) - droppedCount(report, entry.name);
        expect(count(driver, entry.name), entry.name).toBe(expected);
      }
      expect(report.total((m) => m.written)).toBe(objects - removedObjects);
      expect([...report.models].filter(([, m]) => m.existing + m.overwritten > 0).map(([model]) => model)).toEqual(
        perModel.has('sentry.email') ? ['sentry.email'] : [],
      );

      // Fields the file has and the registry lacks are only fields Sentry removed.
      const unknown = [...report.models].flatMap(([model, m]) => [...m.unknownFields.keys()].map((field) => `${model}.${field}`));
      expect(unknown.filter((field) => !REGISTRY.removedFields.has(field))).toEqual([]);
    });

    it.each(['User', 'Organization', 'Config'] as const)('head in %s scope writes only models of that scope', (scope: ImportScope) => {
      const { text, perModel } = snapshot(HEAD);
      const allowed: readonly RelocationScope[] = IMPORT_SCOPES[scope];
      const inScope = (model: string): boolean => {
        const entry = REGISTRY.find(model);
        return entry !== undefined && possibleScopes(entry.scope).some((s) => allowed.includes(s));
      };
      const driver = freshDatabase(testDriver);
      const report = importText(driver, text, { registry: REGISTRY, scope });

      const written: string[] = [];
      for (const entry of REGISTRY.exportable) {
        const rowsNow = count(driver, entry.name);
        const inFile = perModel.get(entry.name) ?? 0;
        if (rowsNow > 0) written.push(entry.name);
        if (!inScope(entry.name)) {
          expect(rowsNow, `${entry.name} is not in ${scope} scope`).toBe(0);
          if (inFile > 0) expect(dropReasons(report, (m) => m === entry.name)).toEqual({ [entry.name]: { [`not in ${scope} scope`]: inFile } });
          continue;
        }
        expect(rowsNow, entry.name).toBe(inFile - droppedCount(report, entry.name));
        if (inFile > 0) expect(rowsNow, `${entry.name} has rows in the file`).toBeGreaterThan(0);
      }
      expect(written.length).toBeGreaterThan(0);
      expect(written.filter((model) => !inScope(model))).toEqual([]);

      // An in-scope row is dropped only when the row its key points at was dropped itself
      // (e.g. a NotificationAction of a SentryApp, an ApiToken of an ApiApplication: Global rows).
      for (const [model, modelReport] of report.models) {
        if (!inScope(model)) continue;
        for (const [reason, entry] of modelReport.dropped) {
          const parent = /^parent (\S+) pk (\d+) was not imported \(via \w+\)$/.exec(reason);
          expect(parent, `${model}: ${reason}`).not.toBeNull();
          const [, parentModel, parentPk] = parent as RegExpExecArray;
          const parentDrops = [...(report.models.get(parentModel as string)?.dropped.values() ?? [])].flatMap((drop) => drop.pks);
          expect(parentDrops, `${model} ${entry.pks.join(',')}: ${reason}`).toContain(Number(parentPk));
        }
      }

      // Users are written in every scope, and outside Global every one must claim its account.
      const users = rows(driver, 'sentry.user');
      expect(users).toHaveLength(perModel.get('sentry.user') ?? -1);
      expect(users.length).toBeGreaterThan(0);
      expect(users.filter((user) => user.is_unclaimed !== 1).map((user) => user.username)).toEqual([]);
      expect(count(driver, 'sentry.lostpasswordhash')).toBe(users.length);
    });

    it('head in Global scope keeps the users as claimed as they were', () => {
      const { text } = snapshot(HEAD);
      const fileUsers = (JSON.parse(text) as { model: string; fields: { username: string; is_unclaimed?: boolean } }[])
        .filter((object) => object.model === 'sentry.user');
      const driver = freshDatabase(testDriver);
      importText(driver, text, { registry: REGISTRY, scope: 'Global' });
      const claimed = rows(driver, 'sentry.user').filter((user) => user.is_unclaimed === 0).map((user) => user.username).sort();
      expect(claimed).toEqual(fileUsers.filter((user) => user.fields.is_unclaimed !== true).map((user) => user.fields.username).sort());
      expect(claimed.length).toBeGreaterThan(0);
      expect(count(driver, 'sentry.lostpasswordhash')).toBe(0);
    });
  });
});
