/**
 * The cases of Sentry's tests/sentry/backup/test_comparators.py for the generic existence check and
 * the date, suffix, foreign-key and ignoring comparators (the value comparators are in
 * comparators-values.test.ts, the password one in comparators-password.test.ts); plus the newer
 * DataSourceComparator and OptionValueComparator, whose cases follow Sentry's comparators.py (its
 * tests have none). Findings and reasons are compared whole, so a changed word fails.
 */
import { describe, expect, it } from 'vitest';
import type { ComparatorFindingKind } from '../../src/core/compare/comparator-findings.js';
import {
  AutoSuffixComparator, DateUpdatedComparator, DatetimeEqualityComparator, ForeignKeyComparator, SCRUBBED_DATA,
} from '../../src/core/compare/comparators.js';
import type { Comparator, CompareContext, ComparedInstance } from '../../src/core/compare/comparators.js';
import { DataSourceComparator, IgnoredComparator, OptionValueComparator } from '../../src/core/compare/value-comparators.js';

const ON = { model: 'sentry.test', ordinal: 0 };
const NO_MAPS: CompareContext = { left: new Map(), right: new Map() };
const inst = (fields: Record<string, unknown>): ComparedInstance => ({ model: 'test', pk: 1, ordinal: 1, fields: { ...fields }, scrubbed: {} });
const found = (kind: ComparatorFindingKind, reason: string) => ({ finding: 'ComparatorFinding', kind, on: ON, leftPk: 1, rightPk: 1, reason });

describe('existence checks (test_*_comparator_*_side_*)', () => {
  const cmp = new DateUpdatedComparator('my_date_field');
  const present = inst({ my_date_field: '2023-06-22T23:12:34.567Z' });
  const missing = inst({});
  const nulled = inst({ my_date_field: null });
  const leftMissing = found('DateUpdatedComparatorExistenceCheck', 'the left `my_date_field` value was missing');
  const rightMissing = found('DateUpdatedComparatorExistenceCheck', 'the right `my_date_field` value was missing');

  it('test_good_comparator_both_sides_existing / neither_side_existing / both_sides_null', () => {
    expect(cmp.existence(ON, present, present)).toEqual([]);
    expect(cmp.existence(ON, missing, missing)).toEqual([]);
    expect(cmp.existence(ON, nulled, nulled)).toEqual([]);
  });

  it('test_bad_comparator_only_one_side_existing', () => {
    expect(cmp.existence(ON, missing, present)).toEqual([leftMissing]);
    expect(cmp.existence(ON, present, missing)).toEqual([rightMissing]);
  });

  it('test_bad_comparator_only_one_side_null', () => {
    expect(cmp.existence(ON, nulled, present)).toEqual([leftMissing]);
    expect(cmp.existence(ON, present, nulled)).toEqual([rightMissing]);
  });

  it('test_good_comparator_one_side_null_other_side_missing', () => {
    expect(cmp.existence(ON, missing, nulled)).toEqual([]);
    expect(cmp.existence(ON, nulled, missing)).toEqual([]);
  });

  it('reports each missing field once, in field order', () => {
    const two = new DateUpdatedComparator('b_date', 'a_date');
    expect(two.existence(ON, inst({ b_date: 'x' }), inst({ a_date: 'y' }))).toEqual([
      found('DateUpdatedComparatorExistenceCheck', 'the left `a_date` value was missing'),
      found('DateUpdatedComparatorExistenceCheck', 'the right `b_date` value was missing'),
    ]);
  });
});

describe('AutoSuffixComparator', () => {
  const cmp = new AutoSuffixComparator('same', 'suffixed');
  const left = () => inst({ same: 'foo-bar', suffixed: 'foo-bar' });

  it('test_good_auto_suffix_comparator', () => {
    expect(cmp.compare(ON, left(), inst({ same: 'foo-bar', suffixed: 'foo-bar-baz' }))).toEqual([]);
  });

  it('test_bad_auto_suffix_comparator', () => {
    expect(cmp.compare(ON, left(), inst({ same: 'unequal', suffixed: 'foo-barbaz' }))).toEqual([
      found('AutoSuffixComparator', 'the left value (foo-bar) of `same` was not equal to or a dashed prefix of the right value (unequal)'),
      found('AutoSuffixComparator', 'the left value (foo-bar) of `suffixed` was not equal to or a dashed prefix of the right value (foo-barbaz)'),
    ]);
  });

  it('test_good_auto_suffix_comparator_existence', () => {
    const one = new AutoSuffixComparator('auto_suffix_field');
    expect(one.existence(ON, inst({}), inst({ auto_suffix_field: 'foo-bar' }))).toEqual([
      found('AutoSuffixComparatorExistenceCheck', 'the left `auto_suffix_field` value was missing'),
    ]);
  });

  it('test_good_auto_suffix_comparator_scrubbed', () => {
    const l = left();
    const r = inst({ same: 'foo-bar', suffixed: 'foo-bar-baz', other: 1 });
    cmp.scrub(l, r);
    const scrubbed = { 'AutoSuffixComparator::same': SCRUBBED_DATA, 'AutoSuffixComparator::suffixed': SCRUBBED_DATA };
    expect(l).toEqual({ ...inst({}), scrubbed });
    expect(r).toEqual({ ...inst({ other: 1 }), scrubbed });
  });

  it('scrubs an explicit null as null and leaves an absent field out', () => {
    const l = inst({ same: null });
    const r = inst({});
    cmp.scrub(l, r);
    expect(l.scrubbed).toEqual({ 'AutoSuffixComparator::same': null });
    expect(r.scrubbed).toEqual({});
    expect(l.fields).toEqual({});
  });
});

describe('DatetimeEqualityComparator', () => {
  const cmp = new DatetimeEqualityComparator('my_date_field');

  it('test_good_datetime_equality_comparator', () => {
    expect(cmp.compare(ON, inst({ my_date_field: '2023-06-22T23:00:00.123Z' }), inst({ my_date_field: '2023-06-22T23:00:00.123Z' }))).toEqual([]);
  });

  it('tolerates a missing `.000` and an equivalent offset', () => {
    expect(cmp.compare(ON, inst({ my_date_field: '2023-06-22T23:00:00Z' }), inst({ my_date_field: '2023-06-22T23:00:00.000Z' }))).toEqual([]);
    expect(cmp.compare(ON, inst({ my_date_field: '2023-06-23T01:00:00+02:00' }), inst({ my_date_field: '2023-06-22T23:00:00.000Z' }))).toEqual([]);
  });

  it('test_bad_datetime_equality_comparator', () => {
    expect(cmp.compare(ON, inst({ my_date_field: '2023-06-22T00:00:00.000Z' }), inst({ my_date_field: '2023-06-22T00:00:00.123Z' }))).toEqual([
      found('DatetimeEqualityComparator', 'the left value (2023-06-22T00:00:00.000Z) of `my_date_field` was not equal to the right value (2023-06-22T00:00:00.123Z)'),
    ]);
  });

  it('reads text without an offset as UTC, and compares non-dates as text (Sentry would fail on both)', () => {
    expect(cmp.compare(ON, inst({ my_date_field: '2023-06-22T23:00:00' }), inst({ my_date_field: '2023-06-22T23:00:00.000Z' }))).toEqual([]);
    expect(cmp.compare(ON, inst({ my_date_field: 'soon' }), inst({ my_date_field: 'soon' }))).toEqual([]);
    expect(cmp.compare(ON, inst({ my_date_field: '2023-13-01T00:00:00Z' }), inst({ my_date_field: '2024-01-01T00:00:00Z' }))).toEqual([
      found('DatetimeEqualityComparator', 'the left value (2023-13-01T00:00:00Z) of `my_date_field` was not equal to the right value (2024-01-01T00:00:00Z)'),
    ]);
  });

  it('tells microseconds apart, as dateutil does', () => {
    expect(cmp.compare(ON, inst({ my_date_field: '2023-06-22T00:00:00.123456Z' }), inst({ my_date_field: '2023-06-22T00:00:00.123457Z' }))).toHaveLength(1);
  });
});

describe('DateUpdatedComparator', () => {
  const cmp = new DateUpdatedComparator('my_date_field');

  it('test_good_date_updated_comparator', () => {
    expect(cmp.compare(ON, inst({ my_date_field: '2023-06-22T23:00:00.123Z' }), inst({ my_date_field: '2023-06-22T23:00:00.123Z' }))).toEqual([]);
    expect(cmp.compare(ON, inst({ my_date_field: '2023-06-22T23:00:00.123Z' }), inst({ my_date_field: '2023-06-22T23:00:00.124Z' }))).toEqual([]);
  });

  it('test_bad_date_updated_comparator', () => {
    expect(cmp.compare(ON, inst({ my_date_field: '2023-06-22T23:12:34.567Z' }), inst({ my_date_field: '2023-06-22T23:00:00.001Z' }))).toEqual([
      found('DateUpdatedComparator', 'the left value (2023-06-22T23:12:34.567Z) of `my_date_field` was not less than or equal to the right value (2023-06-22T23:00:00.001Z)'),
    ]);
  });

  it('counts a null side as the Unix epoch', () => {
    expect(cmp.compare(ON, inst({ my_date_field: null }), inst({ my_date_field: '2023-06-22T23:00:00.001Z' }))).toEqual([]);
    expect(cmp.compare(ON, inst({ my_date_field: '2023-06-22T23:00:00.001Z' }), inst({ my_date_field: null }))).toEqual([
      found('DateUpdatedComparator', 'the left value (2023-06-22T23:00:00.001Z) of `my_date_field` was not less than or equal to the right value (1970-01-01T00:00:00+00:00)'),
    ]);
    expect(cmp.compare(ON, inst({ my_date_field: null }), inst({}))).toEqual([]);
  });
});

describe('ForeignKeyComparator', () => {
  const cmp = new ForeignKeyComparator({ user: 'sentry.user' });
  const maps = (leftPk: number, leftOrdinal: number, rightPk: number, rightOrdinal: number): CompareContext => ({
    left: new Map([['sentry.user', new Map([[leftPk, leftOrdinal]])]]),
    right: new Map([['sentry.user', new Map([[rightPk, rightOrdinal]])]]),
  });
  const email = { email: 'testing@example.com', validation_hash: 'ABC123', date_hash_added: '2023-06-23T00:00:00.000Z', is_verified: true };

  it('test_good_foreign_key_comparator', () => {
    expect(cmp.compare(ON, inst({ user: 12, ...email }), inst({ user: 34, ...email }), maps(12, 1, 34, 1))).toEqual([]);
  });

  it('test_good_foreign_key_comparator_existence', () => {
    expect(cmp.existence(ON, inst(email), inst({ user: 12, ...email }))).toEqual([
      found('ForeignKeyComparatorExistenceCheck', 'the left `user` value was missing'),
    ]);
  });

  it('test_good_foreign_key_comparator_scrubbed', () => {
    const l = inst({ user: 12, ...email });
    const r = inst({ user: 12, ...email });
    cmp.scrub(l, r);
    for (const side of [l, r]) {
      expect(side.scrubbed).toEqual({ 'ForeignKeyComparator::user': SCRUBBED_DATA });
      expect(side.fields).toEqual(email);
    }
  });

  it('test_bad_foreign_key_comparator_unequal_mapping', () => {
    expect(cmp.compare(ON, inst({ user: 12, ...email }), inst({ user: 34, ...email }), maps(12, 1, 34, 2))).toEqual([
      found('ForeignKeyComparator', 'the left foreign key ordinal (1) for `user` was not equal to the right foreign key ordinal (2)'),
    ]);
  });

  it('test_bad_foreign_key_comparator_missing_mapping', () => {
    expect(cmp.compare(ON, inst({ user: 12, ...email }), inst({ user: 34, ...email }), NO_MAPS)).toEqual([
      found('ForeignKeyComparator', 'the left foreign key ordinal for `user` model with pk `12` could not be found'),
      found('ForeignKeyComparator', 'the right foreign key ordinal for `user` model with pk `34` could not be found'),
    ]);
  });

  it('looks the key up in the target model only, and skips keys null on both sides', () => {
    const wrongModel: CompareContext = { left: new Map([['sentry.team', new Map([[12, 1]])]]), right: maps(12, 1, 34, 1).right };
    expect(cmp.compare(ON, inst({ user: 12 }), inst({ user: 34 }), wrongModel)).toEqual([
      found('ForeignKeyComparator', 'the left foreign key ordinal for `user` model with pk `12` could not be found'),
    ]);
    expect(cmp.compare(ON, inst({ user: null }), inst({}), NO_MAPS)).toEqual([]);
  });
});

describe('IgnoredComparator and DataSourceComparator', () => {
  // Typed as the base class, as the validator holds them.
  const ignored: Comparator = new IgnoredComparator('ignored_field');

  it('test_good_ignored_comparator', () => {
    const l = inst({ ignored_field: 'IGNORE_ME!', other_field: '...but still look at me' });
    const r = inst({ ignored_field: 'something else', other_field: '...but still look at me' });
    expect(ignored.compare(ON, l, r, NO_MAPS)).toEqual([]);
  });

  it('test_good_ignored_comparator_existence: never checks existence', () => {
    expect(ignored.existence(ON, inst({}), inst({ ignored_field: 'foo' }))).toEqual([]);
    expect(ignored.existence(ON, inst({ ignored_field: 'foo' }), inst({ ignored_field: null }))).toEqual([]);
  });

  it('test_good_ignored_comparator_scrubbed', () => {
    const l = inst({ ignored_field: 'IGNORE_ME!', other_field: '...but still look at me' });
    const r = inst({ ignored_field: 'IGNORE_ME!', other_field: '...but still look at me' });
    ignored.scrub(l, r);
    for (const side of [l, r]) {
      expect(side.scrubbed).toEqual({ 'IgnoredComparator::ignored_field': SCRUBBED_DATA });
      expect(side.fields).toEqual({ other_field: '...but still look at me' });
    }
  });

  it('DataSourceComparator only scrubs `source_id`, under its own name', () => {
    const cmp: Comparator = new DataSourceComparator();
    expect([...cmp.fields]).toEqual(['source_id']);
    expect(cmp.existence(ON, inst({ source_id: '12' }), inst({}))).toEqual([]);
    expect(cmp.compare(ON, inst({ source_id: '12' }), inst({ source_id: '99' }), NO_MAPS)).toEqual([]);
    const l = inst({ source_id: '12', type: 'snuba_query_subscription' });
    const r = inst({ type: 'snuba_query_subscription' });
    cmp.scrub(l, r);
    expect(l.scrubbed).toEqual({ 'DataSourceComparator::source_id': SCRUBBED_DATA });
    expect(r.scrubbed).toEqual({});
    expect(l.fields).toEqual({ type: 'snuba_query_subscription' });
  });
});

describe('OptionValueComparator (comparators.py)', () => {
  const cmp = new OptionValueComparator('value');

  it('passes equal values, and values equal once the non-string side is cast to text', () => {
    expect(cmp.compare(ON, inst({ value: 5 }), inst({ value: 5 }))).toEqual([]);
    expect(cmp.compare(ON, inst({ value: '5' }), inst({ value: 5 }))).toEqual([]);
    expect(cmp.compare(ON, inst({ value: 5 }), inst({ value: '5' }))).toEqual([]);
    expect(cmp.compare(ON, inst({ value: true }), inst({ value: 'True' }))).toEqual([]);
    expect(cmp.compare(ON, inst({ value: { a: [1] } }), inst({ value: "{'a': [1]}" }))).toEqual([]);
    expect(cmp.compare(ON, inst({ value: null }), inst({}))).toEqual([]);
  });

  it('fails other values, showing them unquoted and after the cast', () => {
    expect(cmp.compare(ON, inst({ value: '5' }), inst({ value: 6 }))).toEqual([
      found('OptionValueComparator', 'the left value (5) of `value` was not equal to the right value (6)'),
    ]);
    expect(cmp.compare(ON, inst({ value: 1 }), inst({ value: 2 }))).toEqual([
      found('OptionValueComparator', 'the left value (1) of `value` was not equal to the right value (2)'),
    ]);
    expect(cmp.compare(ON, inst({ value: 'true' }), inst({ value: true }))).toEqual([
      found('OptionValueComparator', 'the left value (true) of `value` was not equal to the right value (True)'),
    ]);
  });

  it('checks existence like any comparator', () => {
    expect(cmp.existence(ON, inst({}), inst({ value: 1 }))).toEqual([found('OptionValueComparatorExistenceCheck', 'the left `value` value was missing')]);
  });
});
