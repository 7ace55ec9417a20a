/**
 * `convertExport` over small files, without a database: models renamed both ways, rows and fields
 * the target cannot hold dropped with the reason, fields it adds defaulted (literal and called) or
 * carried from the file, encodings repaired and counted per field, refused values located and
 * written as they were, unknown models refused, and the target's model order.
 */
import { describe, expect, it } from 'vitest';
import { NEWEST_REGISTRY, SENTRY_25_1_0 } from '../../src/core/registry/index.js';
import type { Registry } from '../../src/core/registry/index.js';
import { ConvertingError, convertExport } from '../../src/engine/convert/index.js';
import type { ConvertChange } from '../../src/engine/convert/index.js';
import { textSource } from '../helpers/import.js';

const OLD = SENTRY_25_1_0;
const NEW = NEWEST_REGISTRY;
const NOW = '2026-01-02T03:04:05.678Z';
/** Always the alphabet's first character: called defaults come out predictable. */
const FIRST = (length: number, alphabet: string) => (alphabet[0] as string).repeat(length);

interface Row { model: string; pk: number; fields: Record<string, unknown> }

function convert(objects: readonly Row[], from: Registry, to: Registry) {
  return convertExport(textSource(JSON.stringify(objects, null, 2)), { from, to, now: () => NOW, random: FIRST });
}

const change = (changes: readonly ConvertChange[], kind: string, model: string, field?: string) =>
  changes.find((entry) => entry.kind === kind && entry.model === model && entry.field === field);

const MONITOR_25: Row = {
  model: 'sentry.monitor', pk: 7, fields: {
    date_added: '2024-05-16T20:51:23.957Z', organization_id: 1, project_id: 2, status: 0, guid: 'bddedecf-989d-4150-b8c1-dc9480ec7ba5',
    slug: 'nightly', is_muted: false, name: 'Nightly', type: 3, owner_user_id: null, owner_team_id: null, config: { schedule: '* * * * *', schedule_type: 1 },
  },
};

describe('convertExport', () => {
  it('renames sentry.monitor to monitors.monitor and back, dropping and defaulting the fields each version lacks', () => {
    const up = convert([MONITOR_25], OLD, NEW);
    const [monitor] = up.objects;
    expect(monitor?.model).toBe('monitors.monitor');
    expect(Object.keys(monitor?.fields ?? {})).toEqual(NEW.get('monitors.monitor').fields.map((field) => field.name));
    expect(monitor?.fields).toMatchObject({ is_upserting: false, guid: MONITOR_25.fields.guid, config: MONITOR_25.fields.config });
    expect(change(up.report.changes, 'renamed-model', 'monitors.monitor')).toMatchObject({ from: 'sentry.monitor', count: 1, pks: [7] });
    expect(change(up.report.changes, 'dropped-field', 'monitors.monitor', 'type')?.reason).toMatch(/^removed from Sentry in 25\.12\.0: /);
    expect(change(up.report.changes, 'defaulted-field', 'monitors.monitor', 'is_upserting')?.reason).toBe("not in the row: Sentry 26.9.0's default false");
    expect(up.report.errors).toEqual([]);

    const down = convert(up.objects as Row[], NEW, OLD);
    expect(down.objects.map((object) => object.model)).toEqual(['sentry.monitor']);
    expect(down.objects[0]?.fields).toEqual({ ...MONITOR_25.fields, type: 0 });
    expect(change(down.report.changes, 'renamed-model', 'sentry.monitor')).toMatchObject({ from: 'monitors.monitor', count: 1 });
    expect(change(down.report.changes, 'dropped-field', 'sentry.monitor', 'is_upserting')?.reason).toBe('not a field of sentry.monitor in Sentry 25.1.0');
  });

  it('drops the rows the target cannot hold, each model with its reason, and keeps models only the target has', () => {
    const file: Row[] = [
      { model: 'sentry.neglectedrule', pk: 1, fields: {} },
      { model: 'sentry.group', pk: 2, fields: {} },
      { model: 'sentry.nosuchmodel', pk: 3, fields: {} },
      { model: 'sentry.nosuchmodel', pk: 4, fields: {} },
      { model: 'explore.exploresavedquery', pk: 5, fields: { name: 'q' } },
    ];
    const up = convert(file, OLD, NEW);
    const dropped = up.report.changes.filter((entry) => entry.kind === 'dropped-rows').map((entry) => [entry.model, entry.count, entry.reason]);
    expect(dropped).toEqual([
      ['sentry.group', 1, 'Excluded: Sentry 26.9.0 never relocates sentry.group'],
      ['sentry.neglectedrule', 1, 'removed from Sentry in 26.5.0: table dropped by a migration dated 2026-05-06'],
      ['sentry.nosuchmodel', 2, 'not a model of Sentry 25.1.0 nor of 26.9.0'],
    ]);
    expect(up.objects.map((object) => object.model)).toEqual(['explore.exploresavedquery']);
    const down = convert(file, NEW, OLD);
    expect(change(down.report.changes, 'dropped-rows', 'explore.exploresavedquery')?.reason).toBe('not a model of Sentry 25.1.0');
    expect(down.objects.map((object) => object.model)).toEqual(['sentry.neglectedrule']);
  });

  it('refuses a model of no Sentry app, and a source that is not an export, each located', () => {
    const file = [MONITOR_25, { model: 'acme.widget', pk: 9, fields: {} }];
    expect(() => convert(file, OLD, NEW)).toThrow(ConvertingError);
    expect(() => convert(file, OLD, NEW)).toThrow(/unknown model "acme\.widget" at line 23 \(pk 9\): not a Sentry model name/);
    expect(() => convertExport(textSource('[{"model": "sentry.option", "pk": "one", "fields": {}}]'), { from: OLD, to: NEW, sourceName: 'bad.json' }))
      .toThrow('Invalid source JSON in bad.json at line 1: expected "pk" to be an integer, got "one"');
  });

  it('repairs legacy encodings, counted per field, and leaves values already as Sentry writes them alone', () => {
    const query = (pk: number, fields: unknown) => ({
      model: 'sentry.dashboardwidgetquery', pk, fields: {
        widget: 1, name: 'q', fields, conditions: '', aggregates: "['count()']", columns: null, field_aliases: null,
        orderby: '', order: pk, date_added: '2024-05-16T20:51:24Z', date_modified: '2024-05-16T20:51:24.078Z', is_hidden: false, selected_aggregate: null,
      },
    });
    const dashboard = { model: 'sentry.dashboard', pk: 1, fields: { title: 't', created_by_id: 1, organization: 1, date_added: '2024-05-16T20:51:24.076Z', visits: 1, last_visited: null, filters: '{"env": ["prod"]}' } };
    const { objects, report } = convert([dashboard, query(1, ['a', 'b']), query(2, '["c"]'), query(3, "['d']")], OLD, OLD);
    const queries = objects.filter((object) => object.model === 'sentry.dashboardwidgetquery');
    expect(queries.map((object) => object.fields.fields)).toEqual(["['a', 'b']", "['c']", "['d']"]);
    expect(queries.map((object) => object.fields.date_added)).toEqual(Array(3).fill('2024-05-16T20:51:24.000Z'));
    expect(objects[0]?.fields.filters).toEqual({ env: ['prod'] });
    const repairs = report.changes.filter((entry) => entry.kind === 'repaired-field').map((entry) => [entry.model, entry.field, entry.count, entry.pks]);
    expect(repairs).toEqual([
      ['sentry.dashboard', 'filters', 1, [1]],
      ['sentry.dashboardwidgetquery', 'date_added', 3, [1, 2, 3]],
      ['sentry.dashboardwidgetquery', 'fields', 1, [1]],
      ['sentry.dashboardwidgetquery', 'fields', 1, [2]],
    ]);
    expect(change(report.changes, 'repaired-field', 'sentry.dashboard', 'filters')?.reason).toBe('JSON written as text inside the export (encoded twice), decoded');
  });

  it('reports values the target refuses with model, pk, field and line, and writes them as they were', () => {
    const long = 'x'.repeat(256);
    const file: Row[] = [
      { model: 'sentry.dashboard', pk: 4, fields: { title: long, created_by_id: 1, organization: 1, date_added: '2024-05-16T20:51:24.076Z', visits: 1, last_visited: null, filters: null } },
      { model: 'sentry.option', pk: 5, fields: { key: null, last_updated: '2024-05-16T20:51:24.076Z', last_updated_by: 'unknown', value: '1' } },
      { model: 'sentry.counter', pk: 6, fields: { project: 1, value: 'many' } },
    ];
    const { objects, report } = convert(file, OLD, OLD);
    expect(report.errors).toEqual([
      { model: 'sentry.dashboard', pk: 4, field: 'title', line: 2, reason: '256 characters, longer than the 255 Sentry 25.1.0 allows' },
      { model: 'sentry.option', pk: 5, field: 'key', line: 15, reason: 'null, which Sentry 25.1.0 does not allow here and has no default for' },
      { model: 'sentry.counter', pk: 6, field: 'value', line: 25, reason: 'not a value of Sentry 25.1.0\'s BoundedBigIntegerField: Expected an integer for value (BoundedBigIntegerField), got "many"' },
    ]);
    expect(objects.map((object) => object.pk).sort()).toEqual([4, 5, 6]);
    expect(objects.find((object) => object.pk === 4)?.fields.title).toBe(long);
    expect(objects.find((object) => object.pk === 6)?.fields.value).toBe('many');
  });

  it('fills a called default as the import does, and carries renamed columns and derived values from the file', () => {
    const { guid: _, ...withoutGuid } = MONITOR_25.fields;
    const { objects, report } = convert([{ ...MONITOR_25, fields: withoutGuid }], OLD, OLD);
    expect(objects[0]?.fields.guid).toBe('00000000-0000-4000-8000-000000000000');
    expect(change(report.changes, 'defaulted-field', 'sentry.monitor', 'guid')?.reason).toBe("not in the row: Sentry 25.1.0's default uuid4()");

    const file: Row[] = [
      { model: 'sentry.dashboard', pk: 3, fields: { title: 't', created_by_id: 1, organization: 11, date_added: NOW, visits: 1, last_visited: null, filters: null } },
      { model: 'sentry.dashboardfavoriteuser', pk: 1, fields: { date_updated: NOW, date_added: NOW, user_id: 1, dashboard: 3 } },
      { model: 'workflow_engine.alertruledetector', pk: 2, fields: { date_updated: NOW, date_added: NOW, alert_rule: 8, rule: null, detector: 1 } },
    ];
    const up = convert(file, OLD, NEW);
    expect(up.report.errors).toEqual([]);
    expect(up.objects.find((object) => object.model === 'sentry.dashboardfavoriteuser')?.fields.organization).toBe(11);
    expect(up.objects.find((object) => object.model === 'workflow_engine.alertruledetector')?.fields).toMatchObject({ alert_rule_id: 8, rule_id: null });
    expect(change(up.report.changes, 'renamed-field', 'workflow_engine.alertruledetector', 'alert_rule_id')).toMatchObject({ from: 'alert_rule', count: 1 });
    expect(change(up.report.changes, 'dropped-field', 'workflow_engine.alertruledetector', 'alert_rule')).toBeUndefined();
    expect(change(up.report.changes, 'derived-field', 'sentry.dashboardfavoriteuser', 'organization')?.reason).toMatch(/^the organization of its dashboard \(sentry\.dashboard\)/);
  });

  it('moves an issue view\'s position to its owner\'s star and back, where each version keeps it', () => {
    const view = (pk: number, user: number, position: number) => ({
      model: 'sentry.groupsearchview', pk, fields: { date_updated: NOW, date_added: NOW, name: `v${pk}`, user_id: user, organization: 1, query: 'is:unresolved', query_sort: 'date', position },
    });
    const up = convert([view(1, 5, 0), view(2, 5, 1), view(3, 6, 0)], OLD, NEW);
    const stars = up.objects.filter((object) => object.model === 'sentry.groupsearchviewstarred');
    expect(stars.map((star) => [star.pk, star.fields.user_id, star.fields.group_search_view, star.fields.position, star.fields.date_added])).toEqual([
      [1, 5, 1, 0, NOW], [2, 5, 2, 1, NOW], [3, 6, 3, 0, NOW],
    ]);
    expect(change(up.report.changes, 'rebuilt-rows', 'sentry.groupsearchviewstarred')).toMatchObject({ count: 3, pks: [1, 2, 3] });
    expect(change(up.report.changes, 'dropped-field', 'sentry.groupsearchview', 'position')?.count).toBe(3);

    // Back: each view takes its owner's star's position; a star by someone else gives none.
    const others = [...up.objects, { model: 'sentry.groupsearchviewstarred', pk: 9, fields: { ...stars[2]?.fields, user_id: 7, position: 4 } }];
    const withoutOwnStar = others.filter((object) => object.pk !== 3 || object.model !== 'sentry.groupsearchviewstarred');
    const down = convert(withoutOwnStar as Row[], NEW, OLD);
    expect(down.objects.filter((object) => object.model === 'sentry.groupsearchview').map((object) => object.fields.position)).toEqual([0, 1, null]);
    expect(change(down.report.changes, 'derived-field', 'sentry.groupsearchview', 'position')).toMatchObject({ count: 2, pks: [1, 2] });
    expect(down.report.errors).toMatchObject([{ model: 'sentry.groupsearchview', pk: 3, field: 'position' }]);
  });

  it('writes the target\'s model order, and each model\'s rows in the order of the file', () => {
    const email = (pk: number, address: string) => ({ model: 'sentry.email', pk, fields: { email: address, date_added: NOW } });
    const option = (pk: number) => ({ model: 'sentry.option', pk, fields: { key: `k${pk}`, last_updated: NOW, last_updated_by: 'unknown', value: '1' } });
    const { objects } = convert([email(2, 'b@x'), option(9), email(1, 'a@x'), option(3), MONITOR_25], OLD, NEW);
    const order = NEW.relocatable.map((entry) => entry.name);
    const models = objects.map((object) => object.model);
    expect(models).toEqual([...models].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(objects.filter((object) => object.model === 'sentry.email').map((object) => object.pk)).toEqual([2, 1]);
    expect(objects.filter((object) => object.model === 'sentry.option').map((object) => object.pk)).toEqual([9, 3]);
  });
});
