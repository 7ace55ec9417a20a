/**
 * The UserPasswordObfuscatingComparator cases of Sentry's tests/sentry/backup/test_comparators.py:
 * the claim rules (an import cannot claim a user; a claimed user keeps its password; an unclaimed
 * one gets a new password, a later or equal `last_password_change` and no expiry), its existence
 * check, and its three truncation lengths. The multi-line reasons are Sentry's, spaces included.
 */
import { describe, expect, it } from 'vitest';
import type { ComparedInstance } from '../../src/core/compare/comparators.js';
import { UserPasswordObfuscatingComparator } from '../../src/core/compare/value-comparators.js';

const ON = { model: 'sentry.test', ordinal: 0 };
const inst = (fields: Record<string, unknown>): ComparedInstance => ({ model: 'test', pk: 1, ordinal: 1, fields: { ...fields }, scrubbed: {} });
const found = (reason: string, kind = 'UserPasswordObfuscatingComparator') => ({ finding: 'ComparatorFinding', kind, on: ON, leftPk: 1, rightPk: 1, reason });

const OLD = 'pbkdf2_sha256$260000$3v4Cyy3TAhp14YCB8Zh7Gq$SjB35BELrwwfOCaiz8O/SdbvhXq+l02BRpKtwxOCTiw=';
const NEW = 'pbkdf2_sha256$260000$HabqnqSUf1q5nKLC24gRMF$tEH6ZbeBSx21Pk8DJO2w5+/NiEI77N2MS3D6QF+Qayg=';
const JUNE = '2023-06-23T00:00:00.000Z';
const JULY = '2023-07-23T00:00:00.000Z';
const user = (isUnclaimed: boolean | undefined, password: string, lastChange: string | null, expired: boolean) => inst({
  ...(isUnclaimed !== undefined && { is_unclaimed: isUnclaimed }), password, last_password_change: lastChange, is_password_expired: expired,
});

const EQUAL_WHILE_UNCLAIMED = `the left value ("pbkdf2_sha25...OCTiw=") of \`password\` was equal to the\n${' '.repeat(28)}right value ("pbkdf2_sha25...OCTiw="), which is disallowed when\n${' '.repeat(28)}\`is_unclaimed\` is \`True\``;
const STILL_EXPIRED = `the right value of \`is_password_expired\` must be \`False\` for unclaimed\n${' '.repeat(27)}users`;

describe('UserPasswordObfuscatingComparator', () => {
  const cmp = new UserPasswordObfuscatingComparator();

  it('tracks only `password`', () => {
    expect([...cmp.fields]).toEqual(['password']);
  });

  it('test_good_user_password_obfuscating_comparator_claimed_user', () => {
    const model = user(false, OLD, null, false);
    expect(cmp.compare(ON, model, model)).toEqual([]);
  });

  it('test_good_user_password_obfuscating_comparator_claimed_user_never_changed_password', () => {
    const withExpiry = user(false, OLD, null, true);
    const bare = inst({ is_unclaimed: false, password: OLD });
    for (const [l, r] of [[withExpiry, withExpiry], [bare, bare], [bare, withExpiry], [withExpiry, bare]] as const) {
      expect(cmp.compare(ON, l, r)).toEqual([]);
    }
  });

  it('test_good_user_password_obfuscating_comparator_newly_unclaimed_user', () => {
    expect(cmp.compare(ON, user(false, OLD, JUNE, true), user(true, NEW, JULY, false))).toEqual([]);
  });

  it('test_good_user_password_obfuscating_comparator_newly_unclaimed_user_never_changed_password', () => {
    expect(cmp.compare(ON, user(false, OLD, null, false), user(true, NEW, JULY, false))).toEqual([]);
  });

  it('test_good_user_password_obfuscating_comparator_already_unclaimed_user', () => {
    expect(cmp.compare(ON, user(true, OLD, JUNE, false), user(true, NEW, JUNE, false))).toEqual([]);
  });

  it('test_bad_user_password_obfuscating_comparator_claimed_user_password_changed (absent is_unclaimed is False)', () => {
    expect(cmp.compare(ON, user(false, OLD, JUNE, false), user(undefined, NEW, JUNE, false))).toEqual([
      found('the left value ("pbkdf2_sha25...OCTiw=") of `password` was not equal to the right value ("pbkdf2_sha25...+Qayg=")'),
    ]);
  });

  it('test_bad_user_password_obfuscating_comparator_newly_unclaimed_user_password_unchanged', () => {
    const res = cmp.compare(ON, user(undefined, OLD, JUNE, false), user(true, OLD, JUNE, false));
    expect(res).toEqual([found(EQUAL_WHILE_UNCLAIMED)]);
    expect(res[0]?.reason.split('pbkdf2_sha25...OCTiw=')).toHaveLength(3);
  });

  it('test_bad_user_password_obfuscating_comparator_already_unclaimed_user_password_unchanged', () => {
    expect(cmp.compare(ON, user(true, OLD, JUNE, false), user(true, OLD, JUNE, false))).toEqual([found(EQUAL_WHILE_UNCLAIMED)]);
  });

  it('test_bad_user_password_obfuscating_comparator_impossible_newly_claimed_user', () => {
    expect(cmp.compare(ON, user(true, OLD, JUNE, false), user(false, OLD, JUNE, false))).toEqual([
      found('the left value of `is_unclaimed` was `True` but the right value was `False`, even though the act of importing cannot claim users'),
    ]);
  });

  it('a newly claimed user whose password also changed gets both findings, claim first', () => {
    expect(cmp.compare(ON, user(true, OLD, JUNE, false), user(false, NEW, JUNE, false))).toEqual([
      found('the left value of `is_unclaimed` was `True` but the right value was `False`, even though the act of importing cannot claim users'),
      found('the left value ("pbkdf2_sha25...OCTiw=") of `password` was not equal to the right value ("pbkdf2_sha25...+Qayg=")'),
    ]);
  });

  it('test_bad_user_password_obfuscating_comparator_unclaimed_user_last_password_change_nulled', () => {
    expect(cmp.compare(ON, user(true, OLD, JUNE, false), user(true, NEW, null, false))).toEqual([
      found('the left value (2023-06-23T00:00:00.000Z) of `last_password_change` was not less than or equal to the right value (1970-01-01T00:00:00+00:00)'),
    ]);
  });

  it('test_bad_user_password_obfuscating_comparator_already_unclaimed_user_password_unexpired', () => {
    expect(cmp.compare(ON, user(true, OLD, JUNE, false), user(true, NEW, JUNE, true))).toEqual([found(STILL_EXPIRED)]);
  });

  it('test_bad_user_password_obfuscating_comparator_newly_unclaimed_user_password_still_expired', () => {
    expect(cmp.compare(ON, user(true, OLD, JUNE, true), user(true, NEW, JUNE, true))).toEqual([found(STILL_EXPIRED)]);
  });

  it('reports every unclaimed-user rule that fails, in Sentry order', () => {
    expect(cmp.compare(ON, user(true, OLD, JULY, false), user(true, OLD, JUNE, true))).toEqual([
      found(EQUAL_WHILE_UNCLAIMED),
      found('the left value (2023-07-23T00:00:00.000Z) of `last_password_change` was not less than or equal to the right value (2023-06-23T00:00:00.000Z)'),
      found(STILL_EXPIRED),
    ]);
  });

  it('test_good_user_password_obfuscating_comparator_existence', () => {
    expect(cmp.existence(ON, inst({}), inst({ password: OLD }))).toEqual([
      found('the left `password` value was missing', 'UserPasswordObfuscatingComparatorExistenceCheck'),
    ]);
  });

  it('test_good_user_password_obfuscating_comparator_scrubbed_long / _medium / _short', () => {
    const cases: [string, string, string, string][] = [
      [OLD, NEW, 'pbkdf2_sha25...OCTiw=', 'pbkdf2_sha25...+Qayg='],
      ['sha1$abc123$a0aac0d9559f1e7f4b6931f3918e72ad8ec01c04', 'sha1$abc123$1e3c01a9c0b08c3579b50eaf19bf144fa4324d4d', 'sha1$a...1c04', 'sha1$a...4d4d'],
      ['md5$abc$d2315d2c3883695e40598e56792847ab', 'md5$abc$161b6bc86389b8b1fe6e8390e9618c9d', '...', '...'],
    ];
    for (const [leftPassword, rightPassword, leftShown, rightShown] of cases) {
      const l = inst({ is_unclaimed: false, password: leftPassword });
      const r = inst({ is_unclaimed: true, password: rightPassword });
      cmp.scrub(l, r);
      expect(l).toEqual({ ...inst({ is_unclaimed: false }), scrubbed: { 'UserPasswordObfuscatingComparator::password': [leftShown] } });
      expect(r).toEqual({ ...inst({ is_unclaimed: true }), scrubbed: { 'UserPasswordObfuscatingComparator::password': [rightShown] } });
    }
  });

  it('truncates above 80 and above 40 code points', () => {
    expect([cmp.truncate('x'.repeat(81)), cmp.truncate('x'.repeat(80)), cmp.truncate('x'.repeat(41)), cmp.truncate('x'.repeat(40))])
      .toEqual([`${'x'.repeat(12)}...${'x'.repeat(6)}`, 'xxxxxx...xxxx', 'xxxxxx...xxxx', '...']);
  });
});
