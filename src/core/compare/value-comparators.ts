/**
 * The comparators of secret and regenerated values: equality with the values truncated in every
 * message and scrub (emails, hashes, passwords), format checks for values an import re-mints
 * (hex keys, subscription ids, UUID4s), and the lenient ones (ignored, equal-or-removed,
 * unordered lists, option values, data sources).
 */
import type { InstanceID } from '../findings.js';
import { PyFloat } from '../json/python-json.js';
import { compareCodePoints } from '../json/python-json.js';
import type { ComparatorFinding, ComparatorFindingKind } from './comparator-findings.js';
import { Comparator, NONE, UNIX_EPOCH, notAfter, pyEquals, pyStr, pyTruthy } from './comparators.js';
import type { ComparedInstance } from './comparators.js';

/** Python's `s[:n]` and `s[-n:]` count code points, not UTF-16 units. */
const head = (chars: string[], n: number): string => chars.slice(0, n).join('');
const tail = (chars: string[], n: number): string => chars.slice(-n).join('');

abstract class ObfuscatingComparator extends Comparator {
  abstract truncate(value: string): string;

  compare(on: InstanceID, left: ComparedInstance, right: ComparedInstance): ComparatorFinding[] {
    return this.eachCompared(left, right, (f) => {
      const l = left.fields[f];
      const r = right.fields[f];
      if (pyEquals(l, r)) return NONE;
      return [this.finding(on, left, right, `the left value ("${this.shown(l)}") of \`${f}\` was not equal to the right value ("${this.shown(r)}")`)];
    });
  }

  /** The first element's truncation, as Sentry shows a value (lists show their first item). */
  protected shown(value: unknown): string {
    const first = Array.isArray(value) ? value[0] : value;
    return first === undefined ? '' : this.truncate(pyStr(first));
  }

  protected override scrubbedValue(values: unknown[]): unknown {
    return values.map((value) => this.truncate(pyStr(value)));
  }
}

export class EmailObfuscatingComparator extends ObfuscatingComparator {
  constructor(...fields: string[]) {
    super('EmailObfuscatingComparator', fields);
  }

  truncate(value: string): string {
    const parts = value.split('@');
    if (parts.length !== 2) return value;
    const [user, domain] = parts as [string, string];
    return `${head([...user], 1)}...@...${tail([...domain], 6)}`;
  }
}

export class HashObfuscatingComparator extends ObfuscatingComparator {
  constructor(...fields: string[]) {
    super('HashObfuscatingComparator', fields);
  }

  truncate(value: string): string {
    const chars = [...value];
    if (chars.length >= 16) return `${head(chars, 3)}...${tail(chars, 3)}`;
    if (chars.length >= 8) return `${head(chars, 1)}...${tail(chars, 1)}`;
    return '...';
  }
}

/**
 * Passwords, and the claim state around them: an import cannot claim a user; a claimed user keeps
 * its password; an unclaimed one gets a new password, a later (or equal) last change, and no
 * expiry.
 */
export class UserPasswordObfuscatingComparator extends ObfuscatingComparator {
  constructor() {
    super('UserPasswordObfuscatingComparator', ['password']);
  }

  truncate(value: string): string {
    const chars = [...value];
    if (chars.length > 80) return `${head(chars, 12)}...${tail(chars, 6)}`;
    if (chars.length > 40) return `${head(chars, 6)}...${tail(chars, 4)}`;
    return '...';
  }

  override compare(on: InstanceID, left: ComparedInstance, right: ComparedInstance): ComparatorFinding[] {
    const findings: ComparatorFinding[] = [];
    const rightUnclaimed = pyTruthy(right.fields.is_unclaimed);
    if (pyTruthy(left.fields.is_unclaimed) && !rightUnclaimed) {
      findings.push(this.finding(on, left, right, 'the left value of `is_unclaimed` was `True` but the right value was `False`, even though the act of importing cannot claim users'));
    }
    if (!rightUnclaimed) return [...findings, ...super.compare(on, left, right)];
    const l = left.fields.password;
    const r = right.fields.password;
    // Sentry fails outright on an unclaimed user without a password on either side; skip it instead.
    if (pyEquals(l, r) && !(l === undefined || l === null)) {
      findings.push(this.finding(on, left, right, `the left value ("${this.shown(l)}") of \`password\` was equal to the\n                            right value ("${this.shown(r)}"), which is disallowed when\n                            \`is_unclaimed\` is \`True\``));
    }
    const leftChange = pyTruthy(left.fields.last_password_change) ? left.fields.last_password_change : UNIX_EPOCH;
    const rightChange = pyTruthy(right.fields.last_password_change) ? right.fields.last_password_change : UNIX_EPOCH;
    if (!notAfter(leftChange, rightChange)) {
      findings.push(this.finding(on, left, right, `the left value (${pyStr(leftChange)}) of \`last_password_change\` was not less than or equal to the right value (${pyStr(rightChange)})`));
    }
    if (pyTruthy(right.fields.is_password_expired)) {
      findings.push(this.finding(on, left, right, 'the right value of `is_password_expired` must be `False` for unclaimed\n                           users'));
    }
    return findings;
  }
}

/** Fields that are only scrubbed: compared some other way, or not at all. */
export class IgnoredComparator extends Comparator {
  constructor(...fields: string[]) {
    super('IgnoredComparator', fields);
  }

  override existence(): ComparatorFinding[] {
    return NONE;
  }

  compare(): ComparatorFinding[] {
    return NONE;
  }
}

/** DataSource's `source_id` is remapped by the import, so it is only scrubbed. */
export class DataSourceComparator extends IgnoredComparator {
  constructor() {
    super('source_id');
    (this as { name: ComparatorFindingKind }).name = 'DataSourceComparator';
  }
}

abstract class RegexComparator extends Comparator {
  constructor(name: ComparatorFindingKind, readonly pattern: RegExp, readonly source: string, fields: Iterable<string>) {
    super(name, fields);
  }

  compare(on: InstanceID, left: ComparedInstance, right: ComparedInstance): ComparatorFinding[] {
    return this.eachCompared(left, right, (f) => {
      const findings: ComparatorFinding[] = [];
      for (const [side, value] of [['left', left.fields[f]], ['right', right.fields[f]]] as const) {
        if (typeof value === 'string' && this.pattern.test(value)) continue;
        findings.push(this.finding(on, left, right, `the ${side} value ("${pyStr(value ?? null)}") of \`${f}\` was not matched by this regex: ${this.source}`));
      }
      return findings;
    });
  }
}

export class SecretHexComparator extends RegexComparator {
  constructor(bytes: number, ...fields: string[]) {
    super('SecretHexComparator', new RegExp(`^[0-9a-f]{${bytes * 2}}$`), `^[0-9a-f]{${bytes * 2}}$`, fields);
  }
}

/** A regenerated value: valid on both sides, and not the same. */
abstract class RenewedComparator extends RegexComparator {
  abstract readonly what: string;

  override compare(on: InstanceID, left: ComparedInstance, right: ComparedInstance): ComparatorFinding[] {
    const same = this.eachCompared(left, right, (f) => {
      const l = left.fields[f];
      const r = right.fields[f];
      return pyEquals(l, r) ? [this.finding(on, left, right, this.equalReason(f, pyStr(l), pyStr(r)))] : [];
    });
    return [...same, ...super.compare(on, left, right)];
  }

  abstract equalReason(field: string, left: string, right: string): string;
}

export class SubscriptionIDComparator extends RenewedComparator {
  readonly what = 'subscription ID';

  constructor(...fields: string[]) {
    // Python's `\d` matches any Unicode decimal digit.
    super('SubscriptionIDComparator', /^\p{Nd}+\/[0-9a-f]{32}$/u, '^\\d+/[0-9a-f]{32}$', fields);
  }

  equalReason(f: string, l: string, r: string): string {
    return `the left value (${l}) of the subscription ID field \`${f}\` was\n                                equal to the right value (${r})`;
  }
}

export class UUID4Comparator extends RenewedComparator {
  readonly what = 'UUID';

  constructor(...fields: string[]) {
    super('UUID4Comparator', /^[a-f0-9]{8}-?[a-f0-9]{4}-?4[a-f0-9]{3}-?[89ab][a-f0-9]{3}-?[a-f0-9]{12}$/i,
      '^[a-f0-9]{8}-?[a-f0-9]{4}-?4[a-f0-9]{3}-?[89ab][a-f0-9]{3}-?[a-f0-9]{12}\\Z$', fields);
  }

  equalReason(f: string, l: string, r: string): string {
    return `the left value (${l}) of the UUID field \`${f}\` was equal to the right value (${r})`;
  }
}

/** Equal, or gone on the right (a key the import could not keep). */
export class EqualOrRemovedComparator extends Comparator {
  constructor(...fields: string[]) {
    super('EqualOrRemovedComparator', fields);
  }

  override existence(on: InstanceID, left: ComparedInstance, right: ComparedInstance): ComparatorFinding[] {
    return super.existence(on, left, right).filter((finding) => finding.reason.startsWith('the left'));
  }

  compare(on: InstanceID, left: ComparedInstance, right: ComparedInstance): ComparatorFinding[] {
    return this.eachCompared(left, right, (f) => {
      const r = right.fields[f];
      if (r === undefined || r === null || pyEquals(left.fields[f], r)) return NONE;
      return [this.finding(on, left, right, `the left value ("${pyStr(left.fields[f] ?? null)}") of \`${f}\` was not equal to the right value ("${pyStr(r)}")`)];
    });
  }
}

/** Python's ordering of list items, enough for the strings and numbers such lists hold. */
function pySort(values: unknown[]): unknown[] {
  return [...values].sort((a, b) => {
    const x = a instanceof PyFloat ? a.value : typeof a === 'boolean' ? Number(a) : a;
    const y = b instanceof PyFloat ? b.value : typeof b === 'boolean' ? Number(b) : b;
    if (typeof x === 'string' && typeof y === 'string') return compareCodePoints(x, y);
    return (x as number) < (y as number) ? -1 : (x as number) > (y as number) ? 1 : 0;
  });
}

export class UnorderedListComparator extends Comparator {
  constructor(...fields: string[]) {
    super('UnorderedListComparator', fields);
  }

  compare(on: InstanceID, left: ComparedInstance, right: ComparedInstance): ComparatorFinding[] {
    return this.eachCompared(left, right, (f) => {
      const l = pyTruthy(left.fields[f]) ? left.fields[f] : [];
      const r = pyTruthy(right.fields[f]) ? right.fields[f] : [];
      if (pyEquals(pySort(asList(l)), pySort(asList(r)))) return NONE;
      return [this.finding(on, left, right, `the left value (${pyStr(l)}) of the unordered list field \`${f}\` was not equal to the right value (${pyStr(r)})`)];
    });
  }
}

/** Python's `sorted()` input: a list as is, a string as its characters (an ArrayField exported as text sorts that way in Sentry too). */
function asList(value: unknown): unknown[] {
  if (typeof value === 'string') return [...value];
  if (Array.isArray(value)) return value;
  // A dict sorts as its keys; a scalar is no list (Python gives up; we compare it as one item).
  return typeof value === 'object' && value !== null && !(value instanceof PyFloat) ? Object.keys(value) : [value];
}

/**
 * Option values: equal, or equal as text (old exports held integers as strings). As in Sentry,
 * only the non-string side is cast, and the reason shows the values after that cast, unquoted.
 */
export class OptionValueComparator extends Comparator {
  constructor(...fields: string[]) {
    super('OptionValueComparator', fields);
  }

  compare(on: InstanceID, left: ComparedInstance, right: ComparedInstance): ComparatorFinding[] {
    return this.eachCompared(left, right, (f) => {
      let l = left.fields[f] ?? null;
      let r = right.fields[f] ?? null;
      if (pyEquals(l, r)) return NONE;
      if (typeof l === 'string') r = pyStr(r);
      else if (typeof r === 'string') l = pyStr(l);
      if (pyEquals(l, r)) return NONE;
      return [this.finding(on, left, right, `the left value (${pyStr(l)}) of \`${f}\` was not equal to the right value (${pyStr(r)})`)];
    });
  }
}
