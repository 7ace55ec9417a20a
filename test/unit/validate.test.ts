/**
 * The cases of Sentry's tests/sentry/backup/test_validate.py, run through our validate() with the
 * default comparator map: ordering rules (UnorderedInput, DuplicateCustomOrdinal), counts, custom
 * ordinals (through users to usernames; `sentry.useroption`'s last-one-wins), and the auto-assigned
 * comparators. Sentry's two fixture files are written out inline. More rules, and the exact
 * UnequalJSON text, are in validate-diff.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { defaultComparators } from '../../src/core/compare/default-comparators.js';
import type { ExportedObject } from '../../src/core/compare/model-map.js';
import { validate } from '../../src/core/compare/validate.js';
import { REGISTRY } from '../helpers/registry.js';

type Obj = ExportedObject;
const run = (left: Obj[], right: Obj[]) => validate(REGISTRY, left, right, defaultComparators(REGISTRY));
const obj = (model: string, pk: number, fields: Record<string, unknown>): Obj => ({ model, pk, fields });
const withPk = (o: Obj, pk: number): Obj => ({ ...o, pk, fields: structuredClone(o.fields) });

/** fixtures/backup/single-integration.json and single-option.json. */
const INTEGRATION = obj('sentry.integration', 1, {
  date_added: '2023-06-22T00:00:00.000Z', date_updated: '2023-06-23T00:00:00.000Z', external_id: 'slack:test-org',
  name: 'Slack for test-org', provider: 'slack', status: 0,
});
const OPTION = obj('sentry.option', 1, { key: 'sentry:latest_version', last_updated: '2023-06-22T00:00:00.000Z', last_updated_by: 'unknown', value: '23.6.1' });

const userrole = (fields: Record<string, unknown>) => obj('sentry.userrole', 1, { date_added: '2023-06-22T23:00:00.000Z', name: 'Admin', permissions: "['users.admin']", ...fields });
const user = (pk: number, username: string, email = username) => obj('sentry.user', pk, { password: 'abc123', last_login: null, username, name: '', email });
const useremail = (pk: number, userPk: number, email: string, extra: Record<string, unknown> = {}) => obj('sentry.useremail', pk, {
  user: userPk, email, validation_hash: 'ABC123', date_hash_added: '2023-06-23T00:00:00.000Z', is_verified: true, ...extra,
});
const email = (pk: number, address: string) => obj('sentry.email', pk, { email: address, date_added: '2023-06-22T00:00:00.000Z' });
const option = (pk: number, key: string, value: string) => obj('sentry.option', pk, { key, last_updated: '2023-06-22T00:00:00.000Z', last_updated_by: 'unknown', value });
const useroption = (pk: number, userPk: number, key: string, value: string) => obj('sentry.useroption', pk, { user: userPk, key, value });

const unordered = (ordinal: number, side: 'leftPk' | 'rightPk', pk: number, previous: number) => ({
  finding: 'ComparatorFinding', kind: 'UnorderedInput', on: { model: 'sentry.integration', ordinal }, [side]: pk,
  reason: `instances not listed in ascending \`pk\` order; \`pk\` ${pk} is less than or equal to ${previous} which precedes it`,
});

describe('validate: ordering and counts (test_validate.py)', () => {
  it('test_good_ignore_differing_pks', () => {
    expect(run([withPk(INTEGRATION, 2)], [withPk(INTEGRATION, 2)])).toEqual([]);
    expect(run([withPk(INTEGRATION, 2)], [withPk(INTEGRATION, 7)])).toEqual([]);
  });

  it('test_bad_duplicate_entry', () => {
    const both = [INTEGRATION, withPk(INTEGRATION, 1)];
    expect(run(both, both)).toEqual([unordered(2, 'leftPk', 1, 1), unordered(2, 'rightPk', 1, 1)]);
  });

  it('test_bad_out_of_order_entry', () => {
    const both = [INTEGRATION, withPk(INTEGRATION, 3), withPk(INTEGRATION, 2)];
    expect(run(both, both)).toEqual([unordered(3, 'leftPk', 2, 3), unordered(3, 'rightPk', 2, 3)]);
  });

  it('compares later pks against the largest seen, not the out-of-order one', () => {
    const side = [INTEGRATION, withPk(INTEGRATION, 5), withPk(INTEGRATION, 2), withPk(INTEGRATION, 4), withPk(INTEGRATION, 6)];
    expect(run(side, side.slice(0, 2).concat(side.slice(4), [withPk(INTEGRATION, 7), withPk(INTEGRATION, 8)]))).toEqual([
      unordered(3, 'leftPk', 2, 5), unordered(4, 'leftPk', 4, 5),
    ]);
  });

  it('test_bad_extra_left_entry', () => {
    expect(run([INTEGRATION, withPk(INTEGRATION, 2)], [INTEGRATION])).toEqual([
      { finding: 'ComparatorFinding', kind: 'UnequalCounts', on: { model: 'sentry.integration' }, reason: 'counted 2 left entries and 1 right entries' },
    ]);
  });

  it('test_bad_extra_right_entry', () => {
    expect(run([INTEGRATION], [INTEGRATION, withPk(INTEGRATION, 2)])).toEqual([
      { finding: 'ComparatorFinding', kind: 'UnequalCounts', on: { model: 'sentry.integration' }, reason: 'counted 1 left entries and 2 right entries' },
    ]);
  });

  it('test_bad_duplicate_custom_ordinal (the key printed as a Python tuple)', () => {
    const both = [OPTION, withPk(OPTION, 2)];
    const reason = "custom ordinal value `('sentry:latest_version',)` appears multiple times";
    expect(run(both, both)).toEqual([
      { finding: 'ComparatorFinding', kind: 'DuplicateCustomOrdinal', on: { model: 'sentry.option' }, leftPk: 2, reason },
      { finding: 'ComparatorFinding', kind: 'DuplicateCustomOrdinal', on: { model: 'sentry.option' }, rightPk: 2, reason },
    ]);
  });
});

describe('validate: comparators (test_validate.py)', () => {
  it('test_bad_failing_comparator_field', () => {
    const older = userrole({ date_updated: '2023-06-22T23:00:00.456Z' });
    const newer = userrole({ date_updated: '2023-06-22T23:00:00.123Z' });
    expect(run([OPTION, older], [OPTION, newer])).toEqual([{
      finding: 'ComparatorFinding', kind: 'DateUpdatedComparator', on: { model: 'sentry.userrole', ordinal: 1 }, leftPk: 1, rightPk: 1,
      reason: 'the left value (2023-06-22T23:00:00.456Z) of `date_updated` was not less than or equal to the right value (2023-06-22T23:00:00.123Z)',
    }]);
  });

  it('test_good_both_sides_comparator_field_missing', () => {
    const both = [OPTION, userrole({})];
    expect(run(both, both)).toEqual([]);
  });

  it('test_bad_left_side_comparator_field_missing / test_bad_right_side_comparator_field_missing', () => {
    const without = userrole({});
    const withDate = userrole({ date_updated: '2023-06-22T23:00:00.123Z' });
    const missing = (side: string) => [{
      finding: 'ComparatorFinding', kind: 'DateUpdatedComparatorExistenceCheck', on: { model: 'sentry.userrole', ordinal: 1 }, leftPk: 1, rightPk: 1,
      reason: `the ${side} \`date_updated\` value was missing`,
    }];
    // The field is still scrubbed, so there is no UnequalJSON besides.
    expect(run([OPTION, without], [OPTION, withDate])).toEqual(missing('left'));
    expect(run([OPTION, withDate], [OPTION, without])).toEqual(missing('right'));
  });

  it('test_auto_assign_email_obfuscating_comparator', () => {
    expect(run([OPTION, email(1, 'testing@example.com')], [OPTION, email(1, 'foo@example.fake')])).toEqual([{
      finding: 'ComparatorFinding', kind: 'EmailObfuscatingComparator', on: { model: 'sentry.email', ordinal: 1 }, leftPk: 1, rightPk: 1,
      reason: 'the left value ("t...@...le.com") of `email` was not equal to the right value ("f...@...e.fake")',
    }]);
  });

  it('test_auto_assign_date_updated_comparator (a missing `.000` is equal)', () => {
    const left = userrole({ date_added: '2023-06-22T23:00:00Z', date_updated: '2023-06-22T23:00:00.123Z' });
    const right = userrole({ date_updated: '2023-06-22T23:00:00.456Z' });
    expect(run([OPTION, left], [OPTION, right])).toEqual([]);
  });

  it('test_auto_assign_foreign_key_comparator', () => {
    const left = [user(12, 'testing@example.com'), useremail(56, 12, 'testing@example.com')];
    const right = [user(34, 'testing@example.com'), useremail(78, 34, 'testing@example.com')];
    expect(run(left, right)).toEqual([]);
  });

  it('test_auto_assign_ignored_comparator', () => {
    const u = obj('sentry.user', 1, {
      ...user(1, 'testing@example.com').fields, is_staff: true, is_active: true, is_superuser: true, is_managed: false, is_sentry_app: null, is_password_expired: false,
    });
    const left = [u, useremail(1, 1, 'testing@example.com', { date_hash_added: '2023-06-22T22:59:55.521Z', is_verified: false })];
    const right = [u, useremail(1, 1, 'testing@example.com', { validation_hash: 'DEF456', date_hash_added: '2023-06-23T00:00:00.000Z', is_verified: true })];
    expect(run(left, right)).toEqual([]);
  });
});

describe('validate: custom ordinals (test_validate.py)', () => {
  it('test_bad_missing_custom_ordinal (pairs follow the sorted keys, not the pks)', () => {
    expect(run([email(1, 'a@example.com'), email(2, 'b@example.com')], [email(1, 'c@example.com'), email(2, 'a@example.com')])).toEqual([{
      finding: 'ComparatorFinding', kind: 'EmailObfuscatingComparator', on: { model: 'sentry.email', ordinal: 2 }, leftPk: 2, rightPk: 1,
      reason: 'the left value ("b...@...le.com") of `email` was not equal to the right value ("c...@...le.com")',
    }]);
  });

  it('test_bad_unequal_custom_ordinal', () => {
    const res = run([option(1, 'sentry:latest_version', '1.2.3')], [option(1, 'sentry:latest_version', '4.5.6')]);
    expect(res.map((f) => [f.kind, f.on, f.leftPk, f.rightPk])).toEqual([['UnequalJSON', { model: 'sentry.option', ordinal: 1 }, 1, 1]]);
  });

  it('test_good_option_custom_ordinal', () => {
    const left = [option(1, 'sentry:foo', '1.2.3'), option(2, 'sentry:bar', 'sample')];
    const right = [option(1, 'sentry:bar', 'sample'), option(2, 'sentry:foo', '1.2.3')];
    expect(run(left, right)).toEqual([]);
  });

  it('test_good_user_custom_ordinal (users, and keys through them, pair by username)', () => {
    const left = [user(12, 'someuser', 'a@example.com'), user(34, 'otheruser', 'b@example.com'), email(1, 'a@example.com'), email(2, 'b@example.com'),
      useremail(56, 12, 'a@example.com'), useremail(78, 34, 'b@example.com')];
    const right = [user(12, 'otheruser', 'b@example.com'), user(34, 'someuser', 'a@example.com'), email(1, 'b@example.com'), email(2, 'a@example.com'),
      useremail(56, 12, 'b@example.com'), useremail(78, 34, 'a@example.com')];
    expect(run(left, right)).toEqual([]);
  });

  it('test_good_user_option_custom_ordinal', () => {
    const users = [user(1, 'first@example.com'), user(2, 'second@example.com')];
    const left = [...users, useroption(1, 1, 'foo', '1'), useroption(2, 2, 'foo', '2')];
    const right = [...users, useroption(1, 2, 'foo', '2'), useroption(2, 1, 'foo', '1')];
    expect(run(left, right)).toEqual([]);
  });

  it('test_good_user_option_duplicate_globals (the last one wins, silently)', () => {
    const u = user(1, 'testing@example.com');
    const left = [u, useroption(3, 1, 'foo', '1'), useroption(5, 1, 'foo', '2'), useroption(8, 1, 'bar', '4')];
    const right = [u, useroption(11, 1, 'foo', '2'), useroption(21, 1, 'bar', '3'), useroption(22, 1, 'bar', '4')];
    expect(run(left, right)).toEqual([]);
    // Had the first one won, the values would differ.
    const firstWins = [u, useroption(11, 1, 'foo', '1'), useroption(21, 1, 'bar', '4')];
    expect(run(left, firstWins).map((f) => [f.kind, f.leftPk, f.rightPk])).toEqual([['UnequalJSON', 5, 11]]);
  });
});
