/**
 * The rest of Sentry's validate() (tests/sentry/backup/test_validate.py and validate.py): the
 * exact UnequalJSON text (difflib unified diff, 15 lines of context, keys sorted, indent 2, ASCII
 * escapes, `"\n    "` joins), scrubbing before the diff, the order findings come in, foreign keys
 * compared by ordinal, the early return, and where we stay graceful where Sentry would fail.
 * Expected diffs were produced with Python's json.dumps + difflib.unified_diff.
 */
import { describe, expect, it } from 'vitest';
import { AutoSuffixComparator, DateUpdatedComparator } from '../../src/core/compare/comparators.js';
import type { Comparator } from '../../src/core/compare/comparators.js';
import { defaultComparators } from '../../src/core/compare/default-comparators.js';
import type { ExportedObject } from '../../src/core/compare/model-map.js';
import { validate } from '../../src/core/compare/validate.js';
import { PyFloat } from '../../src/core/json/python-json.js';
import { IgnoredComparator } from '../../src/core/compare/value-comparators.js';
import { REGISTRY } from '../helpers/registry.js';

type Obj = ExportedObject;
const obj = (model: string, pk: number, fields: Record<string, unknown>): Obj => ({ model, pk, fields });
const run = (left: Obj[], right: Obj[], map: ReadonlyMap<string, readonly Comparator[]> = defaultComparators(REGISTRY)) => validate(REGISTRY, left, right, map);
const diffReason = (lines: string[]) => `\n    ${['--- \n', '+++ \n', ...lines].join('\n    ')}`;
const option = (pk: number, key: string, value: string) => obj('sentry.option', pk, { key, last_updated: '2023-06-22T00:00:00.000Z', last_updated_by: 'unknown', value });
const user = (pk: number, username: string) => obj('sentry.user', pk, { password: 'abc123', last_login: null, username, name: '', email: `${username}@example.com` });
const useremail = (pk: number, userPk: number, address: string) => obj('sentry.useremail', pk, {
  user: userPk, email: address, validation_hash: 'ABC123', date_hash_added: '2023-06-23T00:00:00.000Z', is_verified: true,
});

describe('UnequalJSON', () => {
  it('test_bad_unequal_custom_ordinal: the whole reason, byte for byte', () => {
    expect(run([option(1, 'sentry:latest_version', '1.2.3')], [option(1, 'sentry:latest_version', '4.5.6')])).toEqual([{
      finding: 'ComparatorFinding', kind: 'UnequalJSON', on: { model: 'sentry.option', ordinal: 1 }, leftPk: 1, rightPk: 1,
      reason: '\n    --- \n\n    +++ \n\n    @@ -1,6 +1,6 @@\n\n     {\n       "key": "sentry:latest_version",\n       "last_updated": "2023-06-22T00:00:00.000Z",\n'
        + '       "last_updated_by": "unknown",\n    -  "value": "1.2.3"\n    +  "value": "4.5.6"\n     }',
    }]);
  });

  it('scrubs compared fields first, so they never show in the diff; escapes non-ASCII', () => {
    const integration = (fields: Record<string, unknown>) => obj('sentry.integration', 1, {
      date_added: '2023-06-22T00:00:00.000Z', date_updated: '2023-06-23T00:00:00.000Z', external_id: 'slack:test-org', name: 'Slack for test-org', provider: 'slack', status: 0, ...fields,
    });
    const res = run([integration({})], [integration({ date_updated: '2023-06-24T00:00:00.000Z', date_added: '2023-06-22T00:00:00Z', name: 'Slack for café', status: 1 })]);
    expect(res).toEqual([{
      finding: 'ComparatorFinding', kind: 'UnequalJSON', on: { model: 'sentry.integration', ordinal: 1 }, leftPk: 1, rightPk: 1,
      reason: diffReason(['@@ -1,6 +1,6 @@\n', ' {', '   "external_id": "slack:test-org",', '-  "name": "Slack for test-org",', '+  "name": "Slack for caf\\u00e9",',
        '   "provider": "slack",', '-  "status": 0', '+  "status": 1', ' }']),
    }]);
  });

  it('sorts keys and keeps 15 lines of context', () => {
    const left: Record<string, unknown> = {};
    for (let i = 39; i >= 0; i--) left[`k${String(i).padStart(2, '0')}`] = i;
    const context = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, j) => `   "k${String(from + j).padStart(2, '0')}": ${from + j},`);
    const res = run([obj('sentry.project', 1, left)], [obj('sentry.project', 1, { ...left, k20: 'twenty' })], new Map());
    expect(res.map((f) => f.reason)).toEqual([diffReason(['@@ -7,31 +7,31 @@\n', ...context(5, 19), '-  "k20": 20,', '+  "k20": "twenty",', ...context(21, 35)])]);
  });

  it('diffs models the comparator map does not name, and nothing when both sides print the same', () => {
    expect(run([obj('sentry.project', 1, { a: 1, b: [1, 2] })], [obj('sentry.project', 9, { b: [1, 2], a: 1 })], new Map())).toEqual([]);
    expect(run([], [], new Map())).toEqual([]);
    // Python prints a float 1.0 and an int 1 differently, so the diff shows it.
    expect(run([obj('sentry.project', 1, { a: 1 })], [obj('sentry.project', 1, { a: new PyFloat(1) })], new Map()).map((f) => f.reason))
      .toEqual([diffReason(['@@ -1,3 +1,3 @@\n', ' {', '-  "a": 1', '+  "a": 1.0', ' }'])]);
    expect(run([obj('sentry.project', 1, { a: 1 })], [obj('sentry.project', 1, { a: true })], new Map()).map((f) => f.reason))
      .toEqual([diffReason(['@@ -1,3 +1,3 @@\n', ' {', '-  "a": 1', '+  "a": true', ' }'])]);
  });
});

describe('finding order', () => {
  const map = new Map<string, Comparator[]>([
    ['sentry.team', [new AutoSuffixComparator('slug'), new DateUpdatedComparator('date_updated'), new IgnoredComparator('org_role')]],
  ]);
  const team = (pk: number, fields: Record<string, unknown>) => obj('sentry.team', pk, { slug: 'team', name: 'Team', org_role: null, ...fields });

  it('per pair: each comparator in list order (existence, else compare), then UnequalJSON', () => {
    const res = run([team(1, { date_updated: '2023-01-01T00:00:00Z' })], [team(1, { slug: 'other', name: 'Renamed', org_role: 'admin' })], map);
    expect(res.map((f) => [f.kind, f.reason])).toEqual([
      ['AutoSuffixComparator', 'the left value (team) of `slug` was not equal to or a dashed prefix of the right value (other)'],
      ['DateUpdatedComparatorExistenceCheck', 'the right `date_updated` value was missing'],
      ['UnequalJSON', diffReason(['@@ -1,3 +1,3 @@\n', ' {', '-  "name": "Team"', '+  "name": "Renamed"', ' }'])],
    ]);
  });

  it('across pairs: models in the order the right side lists them, ordinals ascending', () => {
    const project = (pk: number, name: string) => obj('sentry.project', pk, { name });
    const left = [team(1, {}), team(2, {}), project(1, 'p')];
    const right = [project(5, 'q'), team(3, { slug: 'x' }), team(4, { slug: 'team-2' })];
    expect(run(left, right, map).map((f) => [f.kind, f.on, f.leftPk, f.rightPk])).toEqual([
      ['UnequalJSON', { model: 'sentry.project', ordinal: 1 }, 1, 5],
      ['AutoSuffixComparator', { model: 'sentry.team', ordinal: 1 }, 1, 3],
    ]);
  });
});

describe('foreign keys by ordinal', () => {
  it('compares keys by the ordinal of what they point at on each side', () => {
    const users = [user(1, 'alice'), user(2, 'bob')];
    expect(run([...users, useremail(10, 1, 'x@example.com')], [...users, useremail(10, 2, 'x@example.com')])).toEqual([{
      finding: 'ComparatorFinding', kind: 'ForeignKeyComparator', on: { model: 'sentry.useremail', ordinal: 1 }, leftPk: 10, rightPk: 10,
      reason: 'the left foreign key ordinal (1) for `user` was not equal to the right foreign key ordinal (2)',
    }]);
    // Different pks for the same users are fine.
    expect(run([...users, useremail(10, 1, 'x@example.com')], [user(7, 'alice'), user(8, 'bob'), useremail(3, 7, 'x@example.com')])).toEqual([]);
  });
});

describe('structural findings and the early return', () => {
  it('returns the ordering and count findings only, left side first, then counts', () => {
    const integration = (pk: number) => obj('sentry.integration', pk, { name: `i${pk}` });
    const left = [integration(2), integration(1), option(1, 'a', '1'), option(2, 'a', '2')];
    const right = [integration(1), integration(2), option(1, 'a', '1'), option(2, 'b', '1'), option(3, 'c', 'DIFFERENT')];
    expect(run(left, right).map((f) => [f.kind, f.on, f.leftPk, f.rightPk, f.reason])).toEqual([
      ['UnorderedInput', { model: 'sentry.integration', ordinal: 2 }, 1, undefined, 'instances not listed in ascending `pk` order; `pk` 1 is less than or equal to 2 which precedes it'],
      ['DuplicateCustomOrdinal', { model: 'sentry.option' }, 2, undefined, "custom ordinal value `('a',)` appears multiple times"],
      ['UnequalCounts', { model: 'sentry.option' }, undefined, undefined, 'counted 1 left entries and 3 right entries'],
    ]);
  });

  it('counts a model seen on one side only, in first-seen order (left, then right)', () => {
    const res = run([obj('sentry.project', 1, {})], [obj('sentry.team', 1, {}), obj('sentry.organization', 1, {})], new Map());
    expect(res.map((f) => [f.on.model, f.reason])).toEqual([
      ['sentry.project', 'counted 1 left entries and 0 right entries'],
      ['sentry.team', 'counted 0 left entries and 1 right entries'],
      ['sentry.organization', 'counted 0 left entries and 1 right entries'],
    ]);
  });

  it('prints a custom ordinal seen through a user by its username', () => {
    const side = [user(1, 'alice'), useremail(1, 1, 'a@example.com'), useremail(2, 1, 'a@example.com')];
    expect(run(side, [user(1, 'alice'), useremail(1, 1, 'a@example.com')]).map((f) => [f.kind, f.leftPk, f.reason])).toEqual([
      ['DuplicateCustomOrdinal', 2, "custom ordinal value `('alice', 'a@example.com')` appears multiple times"],
    ]);
  });

  it('uses the pk where the user is unknown (Sentry fails with a KeyError)', () => {
    const side = [useremail(1, 99, 'a@example.com'), useremail(2, 99, 'a@example.com')];
    expect(run(side, side.slice(0, 1)).map((f) => f.reason)).toEqual(["custom ordinal value `(99, 'a@example.com')` appears multiple times"]);
  });
});

describe('inputs', () => {
  it('leaves the caller’s objects untouched', () => {
    const left = [user(1, 'alice'), useremail(1, 1, 'a@example.com')];
    const right = [user(2, 'alice-2'), useremail(5, 2, 'b@example.com')];
    const before = structuredClone([left, right]);
    expect(run(left, right).map((f) => [f.kind, f.on.model])).toEqual([['EmailObfuscatingComparator', 'sentry.user'], ['EmailObfuscatingComparator', 'sentry.useremail']]);
    expect([left, right]).toEqual(before);
  });
});
