/**
 * The cases of Sentry's tests/sentry/backup/test_comparators.py for the value comparators: email
 * and hash obfuscation, equal-or-removed, secret hex, subscription ids, unordered lists and UUID4s.
 */
import { describe, expect, it } from 'vitest';
import type { ComparatorFindingKind } from '../../src/core/compare/comparator-findings.js';
import { SCRUBBED_DATA } from '../../src/core/compare/comparators.js';
import type { ComparedInstance } from '../../src/core/compare/comparators.js';
import {
  EmailObfuscatingComparator, EqualOrRemovedComparator, HashObfuscatingComparator, SecretHexComparator, SubscriptionIDComparator, UUID4Comparator, UnorderedListComparator,
} from '../../src/core/compare/value-comparators.js';

const ON = { model: 'sentry.test', ordinal: 0 };
const inst = (fields: Record<string, unknown>): ComparedInstance => ({ model: 'test', pk: 1, ordinal: 1, fields: { ...fields }, scrubbed: {} });
const found = (kind: ComparatorFindingKind, reason: string) => ({ finding: 'ComparatorFinding', kind, on: ON, leftPk: 1, rightPk: 1, reason });
const missingLeft = (kind: ComparatorFindingKind, f: string) => found(kind, `the left \`${f}\` value was missing`);

describe('EmailObfuscatingComparator', () => {
  const cmp = new EmailObfuscatingComparator('one_email', 'many_emails');
  const left = () => inst({ one_email: 'alpha@example.com', many_emails: ['bravo@example.com', 'charlie@example.com'] });
  const right = () => inst({ one_email: 'alice@testing.com', many_emails: ['brian@testing.com', 'charlie@example.com'] });

  it('test_good_email_obfuscating_comparator', () => {
    const model = inst({ one_email: 'a@example.com', many_emails: ['b@example.com', 'c@example.com'] });
    expect(cmp.compare(ON, model, model)).toEqual([]);
  });

  it('test_bad_email_obfuscating_comparator (a list shows its first item)', () => {
    expect(cmp.compare(ON, left(), right())).toEqual([
      found('EmailObfuscatingComparator', 'the left value ("b...@...le.com") of `many_emails` was not equal to the right value ("b...@...ng.com")'),
      found('EmailObfuscatingComparator', 'the left value ("a...@...le.com") of `one_email` was not equal to the right value ("a...@...ng.com")'),
    ]);
  });

  it('test_good_email_obfuscating_comparator_existence', () => {
    const one = new EmailObfuscatingComparator('email_obfuscating_field');
    expect(one.existence(ON, inst({}), inst({ email_obfuscating_field: 'brian@testing.com' }))).toEqual([
      missingLeft('EmailObfuscatingComparatorExistenceCheck', 'email_obfuscating_field'),
    ]);
  });

  it('test_good_email_obfuscating_comparator_scrubbed (stores truncated values)', () => {
    const l = left();
    const r = right();
    cmp.scrub(l, r);
    expect(l.scrubbed).toEqual({ 'EmailObfuscatingComparator::one_email': ['a...@...le.com'], 'EmailObfuscatingComparator::many_emails': ['b...@...le.com', 'c...@...le.com'] });
    expect(r.scrubbed).toEqual({ 'EmailObfuscatingComparator::one_email': ['a...@...ng.com'], 'EmailObfuscatingComparator::many_emails': ['b...@...ng.com', 'c...@...le.com'] });
    expect(l.fields).toEqual({});
  });

  it('truncates by code point and leaves text without exactly one `@` alone', () => {
    expect(cmp.truncate('😀x@exámple.com😀')).toBe('😀...@...e.com😀');
    expect(cmp.truncate('not-an-email')).toBe('not-an-email');
    expect(cmp.truncate('a@b@c')).toBe('a@b@c');
  });
});

describe('EqualOrRemovedComparator', () => {
  const cmp = new EqualOrRemovedComparator('my_field');
  const present = inst({ my_field: 'foo' });

  it('test_good_equal_or_removed_comparator_equal', () => {
    expect(cmp.existence(ON, present, present)).toEqual([]);
    expect(cmp.compare(ON, present, present)).toEqual([]);
  });

  it('test_good_equal_or_removed_comparator_not_equal', () => {
    const right = inst({ my_field: 'bar' });
    expect(cmp.existence(ON, present, right)).toEqual([]);
    expect(cmp.compare(ON, present, right)).toEqual([
      found('EqualOrRemovedComparator', 'the left value ("foo") of `my_field` was not equal to the right value ("bar")'),
    ]);
  });

  it('test_good_equal_or_removed_comparator_neither_side_existing / both_sides_nulled', () => {
    expect(cmp.existence(ON, inst({}), inst({}))).toEqual([]);
    expect(cmp.existence(ON, inst({ my_field: null }), inst({ my_field: null }))).toEqual([]);
  });

  it('test_good_equal_or_removed_comparator_only_right_side_missing / _nulled', () => {
    for (const right of [inst({}), inst({ my_field: null })]) {
      expect(cmp.existence(ON, present, right)).toEqual([]);
      expect(cmp.compare(ON, present, right)).toEqual([]);
    }
  });

  it('test_bad_equal_or_removed_comparator_only_left_side_missing / _nulled', () => {
    for (const left of [inst({}), inst({ my_field: null })]) {
      expect(cmp.existence(ON, left, present)).toEqual([missingLeft('EqualOrRemovedComparatorExistenceCheck', 'my_field')]);
    }
  });
});

describe('HashObfuscatingComparator', () => {
  const cmp = new HashObfuscatingComparator('one_hash', 'many_hashes');
  const left = () => inst({ one_hash: '1239fe0ab0afc39b', many_hashes: ['190dae4e', '1234'] });
  const right = () => inst({ one_hash: '1249fe0ab0afc39c', many_hashes: ['290dae4f', '1234'] });

  it('test_good_hash_obfuscating_comparator', () => {
    expect(cmp.compare(ON, left(), left())).toEqual([]);
  });

  it('test_bad_hash_obfuscating_comparator', () => {
    expect(cmp.compare(ON, left(), right())).toEqual([
      found('HashObfuscatingComparator', 'the left value ("1...e") of `many_hashes` was not equal to the right value ("2...f")'),
      found('HashObfuscatingComparator', 'the left value ("123...39b") of `one_hash` was not equal to the right value ("124...39c")'),
    ]);
  });

  it('test_good_hash_obfuscating_comparator_existence', () => {
    const one = new HashObfuscatingComparator('hash_obfuscating_field');
    expect(one.existence(ON, inst({}), inst({ hash_obfuscating_field: 'foo' }))).toEqual([
      missingLeft('HashObfuscatingComparatorExistenceCheck', 'hash_obfuscating_field'),
    ]);
  });

  it('test_good_hash_obfuscating_comparator_scrubbed', () => {
    const l = left();
    const r = right();
    cmp.scrub(l, r);
    expect(l.scrubbed).toEqual({ 'HashObfuscatingComparator::one_hash': ['123...39b'], 'HashObfuscatingComparator::many_hashes': ['1...e', '...'] });
    expect(r.scrubbed).toEqual({ 'HashObfuscatingComparator::one_hash': ['124...39c'], 'HashObfuscatingComparator::many_hashes': ['2...f', '...'] });
  });

  it('truncates at 16 and 8 code points', () => {
    expect([cmp.truncate('a'.repeat(15) + 'z'), cmp.truncate('a'.repeat(14) + 'z'), cmp.truncate('abcdefgh'), cmp.truncate('abcdefg')])
      .toEqual(['aaa...aaz', 'a...z', 'a...h', '...']);
    expect(cmp.truncate('😀bcdefg😀')).toBe('😀...😀');
  });
});

describe('SecretHexComparator', () => {
  it('test_good_secret_hex_comparator', () => {
    const cmp = new SecretHexComparator(8, 'equal', 'unequal');
    expect(cmp.compare(ON, inst({ equal: '3e04f551c7219550', unequal: '3e04f551c7219550' }), inst({ equal: '3e04f551c7219550', unequal: '50a7e2c7e3ca35fc' }))).toEqual([]);
  });

  it('test_bad_secret_hex_comparator', () => {
    const cmp = new SecretHexComparator(8, 'same', 'invalid_left', 'invalid_right');
    const left = inst({ same: '3e04f551c7219550', invalid_left: 'foo', invalid_right: '50a7e2c7e3ca35fc' });
    const right = inst({ same: '3e04f551c7219550', invalid_left: '50a7e2c7e3ca35fc', invalid_right: 'bar' });
    expect(cmp.compare(ON, left, right)).toEqual([
      found('SecretHexComparator', 'the left value ("foo") of `invalid_left` was not matched by this regex: ^[0-9a-f]{16}$'),
      found('SecretHexComparator', 'the right value ("bar") of `invalid_right` was not matched by this regex: ^[0-9a-f]{16}$'),
    ]);
  });

  it('rejects upper case, wrong lengths and a trailing newline', () => {
    const cmp = new SecretHexComparator(2, 'f');
    expect(cmp.compare(ON, inst({ f: '3E04' }), inst({ f: '3e04\n' })).map((x) => x.reason)).toEqual([
      'the left value ("3E04") of `f` was not matched by this regex: ^[0-9a-f]{4}$',
      'the right value ("3e04\n") of `f` was not matched by this regex: ^[0-9a-f]{4}$',
    ]);
  });

  it('test_good_secret_hex_comparator_scrubbed', () => {
    const cmp = new SecretHexComparator(8, 'secret_hex_field');
    const l = inst({ secret_hex_field: '3e04f551c7219550' });
    const r = inst({ secret_hex_field: '3e04f551c7219550' });
    cmp.scrub(l, r);
    expect([l.scrubbed, r.scrubbed]).toEqual([{ 'SecretHexComparator::secret_hex_field': SCRUBBED_DATA }, { 'SecretHexComparator::secret_hex_field': SCRUBBED_DATA }]);
  });
});

describe('SubscriptionIDComparator', () => {
  const REGEX = '^\\d+/[0-9a-f]{32}$';

  it('test_good_subscription_id_comparator', () => {
    const cmp = new SubscriptionIDComparator('subscription_id_field');
    expect(cmp.compare(ON, inst({ subscription_id_field: '0/12363aae153911eeac590242ac130004' }), inst({ subscription_id_field: '0/45663aae153911eeac590242acabc123' }))).toEqual([]);
  });

  it('test_bad_subscription_id_comparator (equality first, then the regex, each in field order)', () => {
    const cmp = new SubscriptionIDComparator('same', 'invalid_left', 'invalid_right');
    const left = inst({ same: '0/12363aae153911eeac590242ac130004', invalid_left: '12363aae153911eeac590242ac130004', invalid_right: '0/12363aae153911eeac590242ac130004' });
    const right = inst({ same: '0/12363aae153911eeac590242ac130004', invalid_left: '0/12363aae153911eeac590242ac130004', invalid_right: '0/foobar' });
    expect(cmp.compare(ON, left, right)).toEqual([
      found('SubscriptionIDComparator', `the left value (0/12363aae153911eeac590242ac130004) of the subscription ID field \`same\` was\n${' '.repeat(32)}equal to the right value (0/12363aae153911eeac590242ac130004)`),
      found('SubscriptionIDComparator', `the left value ("12363aae153911eeac590242ac130004") of \`invalid_left\` was not matched by this regex: ${REGEX}`),
      found('SubscriptionIDComparator', `the right value ("0/foobar") of \`invalid_right\` was not matched by this regex: ${REGEX}`),
    ]);
  });

  it('takes any Unicode decimal digit for `\\d`, as Python does', () => {
    const cmp = new SubscriptionIDComparator('f');
    expect(cmp.compare(ON, inst({ f: '\u0663/12363aae153911eeac590242ac130004' }), inst({ f: '12/12363aae153911eeac590242ac130004' }))).toEqual([]);
  });

  it('test_good_subscription_id_comparator_existence', () => {
    const cmp = new SubscriptionIDComparator('subscription_id_field');
    expect(cmp.existence(ON, inst({}), inst({ subscription_id_field: '0/45663aae153911eeac590242acabc123' }))).toEqual([
      missingLeft('SubscriptionIDComparatorExistenceCheck', 'subscription_id_field'),
    ]);
  });

  it('test_good_subscription_id_comparator_scrubbed', () => {
    const cmp = new SubscriptionIDComparator('subscription_id_field');
    const l = inst({ subscription_id_field: '0/12363aae153911eeac590242ac130004' });
    const r = inst({ subscription_id_field: '0/45663aae153911eeac590242acabc123' });
    cmp.scrub(l, r);
    expect([l.scrubbed, r.scrubbed, l.fields, r.fields]).toEqual([
      { 'SubscriptionIDComparator::subscription_id_field': SCRUBBED_DATA }, { 'SubscriptionIDComparator::subscription_id_field': SCRUBBED_DATA }, {}, {},
    ]);
  });
});

describe('UnorderedListComparator', () => {
  it('test_good_unordered_list_comparator', () => {
    const cmp = new UnorderedListComparator('ordered', 'unordered');
    expect(cmp.compare(ON, inst({ ordered: ['a', 'b', 'c'], unordered: ['b', 'a', 'c'] }), inst({ ordered: ['a', 'b', 'c'], unordered: ['c', 'b', 'a'] }))).toEqual([]);
  });

  it('test_bad_unordered_list_comparator', () => {
    const cmp = new UnorderedListComparator('unequal');
    expect(cmp.compare(ON, inst({ unequal: ['b', 'a'] }), inst({ unequal: ['a', 'b', 'c'] }))).toEqual([
      found('UnorderedListComparator', "the left value (['b', 'a']) of the unordered list field `unequal` was not equal to the right value (['a', 'b', 'c'])"),
    ]);
  });

  it('counts a null list as empty, and duplicates as distinct items', () => {
    const cmp = new UnorderedListComparator('f');
    expect(cmp.compare(ON, inst({ f: null }), inst({ f: [] }))).toEqual([]);
    expect(cmp.compare(ON, inst({ f: null }), inst({ f: ['a'] }))).toEqual([
      found('UnorderedListComparator', "the left value ([]) of the unordered list field `f` was not equal to the right value (['a'])"),
    ]);
    expect(cmp.compare(ON, inst({ f: ['a', 'a', 'b'] }), inst({ f: ['b', 'a', 'b'] }))).toHaveLength(1);
  });

  it('test_good_unordered_list_comparator_existence', () => {
    const cmp = new UnorderedListComparator('unordered_list_field');
    expect(cmp.existence(ON, inst({}), inst({ unordered_list_field: ['a', 'b', 'c'] }))).toEqual([
      missingLeft('UnorderedListComparatorExistenceCheck', 'unordered_list_field'),
    ]);
  });

  it('test_good_unordered_list_comparator_scrubbed (the whole list is one marker)', () => {
    const cmp = new UnorderedListComparator('unordered_list_field');
    const l = inst({ unordered_list_field: ['a', 'b', 'c'] });
    const r = inst({ unordered_list_field: ['a', 'b', 'c'] });
    cmp.scrub(l, r);
    expect([l.scrubbed, r.scrubbed]).toEqual([{ 'UnorderedListComparator::unordered_list_field': SCRUBBED_DATA }, { 'UnorderedListComparator::unordered_list_field': SCRUBBED_DATA }]);
  });
});

describe('UUID4Comparator', () => {
  const REGEX = '^[a-f0-9]{8}-?[a-f0-9]{4}-?4[a-f0-9]{3}-?[89ab][a-f0-9]{3}-?[a-f0-9]{12}\\Z$';

  it('test_good_uuid4_comparator (hyphens optional, any case)', () => {
    const cmp = new UUID4Comparator('guid_field');
    expect(cmp.compare(ON, inst({ guid_field: '4c79eea3-8a71-4b99-b291-1f6a906fbb47' }), inst({ guid_field: 'bb41a040-b413-4b89-aa03-179470d9ee05' }))).toEqual([]);
    expect(cmp.compare(ON, inst({ guid_field: '4C79EEA38A714B99B2911F6A906FBB47' }), inst({ guid_field: 'bb41a040-b413-4b89-aa03-179470d9ee05' }))).toEqual([]);
  });

  it('test_bad_uuid4_comparator', () => {
    const cmp = new UUID4Comparator('same', 'invalid_left', 'invalid_right');
    const left = inst({ same: '4c79eea3-8a71-4b99-b291-1f6a906fbb47', invalid_left: 'foo', invalid_right: 'bb41a040-b413-4b89-aa03-179470d9ee05' });
    const right = inst({ same: '4c79eea3-8a71-4b99-b291-1f6a906fbb47', invalid_left: 'bb41a040-b413-4b89-aa03-179470d9ee05', invalid_right: 'bar' });
    expect(cmp.compare(ON, left, right)).toEqual([
      found('UUID4Comparator', 'the left value (4c79eea3-8a71-4b99-b291-1f6a906fbb47) of the UUID field `same` was equal to the right value (4c79eea3-8a71-4b99-b291-1f6a906fbb47)'),
      found('UUID4Comparator', `the left value ("foo") of \`invalid_left\` was not matched by this regex: ${REGEX}`),
      found('UUID4Comparator', `the right value ("bar") of \`invalid_right\` was not matched by this regex: ${REGEX}`),
    ]);
  });

  it('rejects a UUID of another version', () => {
    const cmp = new UUID4Comparator('g');
    expect(cmp.compare(ON, inst({ g: '4c79eea3-8a71-1b99-b291-1f6a906fbb47' }), inst({ g: 'bb41a040-b413-4b89-aa03-179470d9ee05' }))).toEqual([
      found('UUID4Comparator', `the left value ("4c79eea3-8a71-1b99-b291-1f6a906fbb47") of \`g\` was not matched by this regex: ${REGEX}`),
    ]);
  });

  it('test_good_uuid4_comparator_scrubbed', () => {
    const cmp = new UUID4Comparator('guid_field');
    const l = inst({ guid_field: '4c79eea3-8a71-4b99-b291-1f6a906fbb47' });
    const r = inst({ guid_field: '4c79eea3-8a71-4b99-b291-1f6a906fbb47' });
    cmp.scrub(l, r);
    expect([l.scrubbed, r.scrubbed]).toEqual([{ 'UUID4Comparator::guid_field': SCRUBBED_DATA }, { 'UUID4Comparator::guid_field': SCRUBBED_DATA }]);
  });
});
