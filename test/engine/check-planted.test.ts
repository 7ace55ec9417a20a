/**
 * `check` on Sentry's head snapshot with one of each problem it looks for planted in it: it finds
 * exactly those (kind, model, pk, field and line), goes on past each, names the nearest known
 * model for a name of no Sentry app, and `repair` refuses what it cannot repair safely, listing
 * exactly the errors that need a change by hand.
 */
import { describe, expect, it } from 'vitest';
import { check, errorsOf, lineOf, located, parseObjects, plantedProblems, render, repair } from '../helpers/check.js';
import type { SentryObject } from '../helpers/check.js';
import { hasSharedReference, readReference } from '../helpers/shared-reference.js';

const HUGE_PK = '1152921504606846976'; // 2^60: beyond what a JavaScript number holds exactly

describe.skipIf(!hasSharedReference)('check finds exactly what was planted', () => {
  const head = hasSharedReference ? parseObjects(readReference('snapshots', 'ReleaseTests', 'test_at_head.export.json')) : [];
  const clean = render(head);
  const all = (model: string): SentryObject[] => head.filter((object) => object.model === model);
  const first = (model: string): SentryObject => all(model)[0] as SentryObject;
  const withFields = (object: SentryObject, fields: Record<string, unknown>): SentryObject => ({ ...object, fields: { ...object.fields, ...fields } });
  const user = all('sentry.user')[1] as SentryObject;
  const [key1, key2] = all('sentry.projectkey') as [SentryObject, SentryObject];
  const team = first('sentry.team');
  const project = first('sentry.project');
  const changed = new Map<SentryObject, SentryObject>([
    [key2, withFields(key2, { label: 'k'.repeat(65) })],
    [first('sentry.controloption'), withFields(first('sentry.controloption'), { last_updated: '2024-02-30T10:00:00.000Z' })],
    [first('sentry.option'), withFields(first('sentry.option'), { key: null })],
    [user, { ...user, fields: Object.fromEntries(Object.entries(user.fields).filter(([name]) => name !== 'username')) }],
    [project, withFields(project, { favourite_colour: 'blue' })],
    [key1, withFields(key1, { data: JSON.stringify(key1.fields.data) })],
    [first('sentry.dashboard'), withFields(first('sentry.dashboard'), { organization: 999 })],
  ]);
  // After the team: one with its slug; after the project: one with its pk; at the end: models no version has.
  const after = new Map<SentryObject, SentryObject[]>([
    [team, [{ ...team, pk: 77, fields: { ...team.fields, name: 'Another team, the same slug' } }]],
    [project, [{ ...project, fields: { ...project.fields, name: 'Another project, the same pk' } }]],
    [head.at(-1) as SentryObject, [{ model: 'sentri.user', pk: 5, fields: {} }, { model: 'sentry.usr', pk: 6, fields: {} }, { model: 'sentry.usr', pk: 7, fields: {} }]],
  ]);
  const objects = head.flatMap((object) => [changed.get(object) ?? object, ...(after.get(object) ?? [])]);
  // Keys beside model, pk and fields, and a pk beyond 2^53, need the text itself.
  const withHugePk = render(objects)
    .replace('"model": "sentry.rule",\n    "pk": 1,', '"model": "sentry.rule",\n    "pk": 1,\n    "extra": true,')
    .replace('"model": "sentri.user",\n    "pk": 5,', '"model": "sentri.user",\n    "pk": 5,\n    "also": [],')
    .replace('"model": "sentry.usr",\n    "pk": 6,', `"model": "sentry.usr",\n    "pk": ${HUGE_PK},`);
  const at = (model: string, pk: number, n = 1): number => {
    const marker = `{\n    "model": ${JSON.stringify(model)},\n    "pk": ${pk},`;
    let index = -1;
    for (let i = 0; i < n; i++) index = withHugePk.indexOf(marker, index + 1);
    return index < 0 ? lineOf(withHugePk, model, pk, n) : withHugePk.slice(0, index).split('\n').length;
  };

  it('finds each planted error where it is, and nothing else wrong', () => {
    const found = plantedProblems(clean, withHugePk);
    expect(errorsOf(found).map(located).sort(byLine)).toEqual([
      ['error', 'InvalidValue', 'sentry.controloption', first('sentry.controloption').pk, 'last_updated', at('sentry.controloption', first('sentry.controloption').pk)],
      ['error', 'InvalidValue', 'sentry.option', first('sentry.option').pk, 'key', at('sentry.option', first('sentry.option').pk)],
      ['error', 'DuplicateUniqueValue', 'sentry.team', 77, undefined, at('sentry.team', 77)],
      ['error', 'MissingField', 'sentry.user', user.pk, 'username', at('sentry.user', user.pk)],
      ['error', 'InvalidValue', 'sentry.projectkey', key2.pk, 'label', at('sentry.projectkey', key2.pk)],
      ['error', 'DuplicatePk', 'sentry.project', project.pk, undefined, at('sentry.project', project.pk, 2)],
      ['error', 'DanglingForeignKey', 'sentry.dashboard', 1, 'organization', at('sentry.dashboard', 1)],
      ['error', 'UnknownModel', 'sentri.user', 5, undefined, at('sentri.user', 5)],
      ['error', 'InvalidObject', 'sentry.usr', undefined, undefined, withHugePk.slice(0, withHugePk.indexOf(HUGE_PK)).split('\n').length - 2],
    ].sort(byLine));
    const messages = Object.fromEntries(errorsOf(found).map((problem) => [`${problem.kind} ${problem.field ?? problem.model}`, problem.message]));
    expect(messages['InvalidValue label']).toContain('expected at most 64 characters, got 65');
    expect(messages['InvalidValue last_updated']).toContain('Expected a real date, got "2024-02-30T10:00:00.000Z"');
    expect(messages['InvalidValue key']).toContain('this field cannot be null');
    expect(messages['DuplicateUniqueValue sentry.team']).toContain(`the same unique values as the row at line ${at('sentry.team', team.pk)} (pk ${team.pk})`);
    expect(messages['UnknownModel sentri.user']).toContain('the nearest known name is "sentry.user"');
    expect(messages['InvalidObject sentry.usr']).toContain(`within ±(2^53 − 1), got ${HUGE_PK}`);
  });

  it('notes what an import keeps, repairs or ignores, and the rows that go with a refused parent', () => {
    const notes = plantedProblems(clean, withHugePk).filter((problem) => problem.severity === 'note');
    const kinds = (kind: string) => notes.filter((problem) => problem.kind === kind).map(located);
    expect(kinds('ExtraKeys')).toEqual([['note', 'ExtraKeys', 'sentry.rule', 1, undefined, at('sentry.rule', 1)], ['note', 'ExtraKeys', 'sentri.user', 5, undefined, at('sentri.user', 5)]].sort(byLine));
    expect(kinds('KeptModel')).toEqual([['note', 'KeptModel', 'sentry.usr', 7, undefined, at('sentry.usr', 7)]]);
    expect(notes.find((problem) => problem.kind === 'KeptModel')?.message).toContain('the nearest model it has is "sentry.user"');
    expect(kinds('UnknownField')).toEqual([['note', 'UnknownField', 'sentry.project', project.pk, 'favourite_colour', at('sentry.project', project.pk)]]);
    expect(kinds('LegacyEncoding')).toEqual([['note', 'LegacyEncoding', 'sentry.projectkey', key1.pk, 'data', at('sentry.projectkey', key1.pk)]]);
    // The dashboard's widget goes with it (repair drops both); the user without a username takes its own rows along.
    expect(kinds('DependsOnDroppedRow').filter((problem) => problem[2] === 'sentry.dashboardwidget')).toEqual([['note', 'DependsOnDroppedRow', 'sentry.dashboardwidget', 1, 'dashboard', at('sentry.dashboardwidget', 1)]]);
    expect(kinds('DependsOnDroppedRow').some((problem) => problem[2] === 'sentry.useremail')).toBe(true);
  });

  it('repair refuses the file, naming exactly the errors it cannot repair', () => {
    const refused = repair(withHugePk);
    expect(refused.text).toBeUndefined();
    const repairable = ['DanglingForeignKey'];
    expect(refused.unrepairable.map(located)).toEqual(errorsOf(plantedProblems(clean, withHugePk)).filter((problem) => !repairable.includes(problem.kind)).map(located));
    expect(refused.changes.map((change) => change.kind)).toEqual(expect.arrayContaining(['DanglingForeignKey', 'DependsOnDroppedRow', 'LegacyEncoding', 'ExtraKeys']));
    expect(check(withHugePk).summary.repairableErrors).toBe(1);
  });
});

function byLine(a: readonly unknown[], b: readonly unknown[]): number {
  return (a[5] as number) - (b[5] as number);
}
