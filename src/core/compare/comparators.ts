/**
 * Sentry's comparators (§7.2 of the research): each checks one relation between the left
 * (expected) and right (actual) values of some fields of two matched instances, then scrubs those
 * fields so that the final JSON diff skips them. Reasons are worded as Sentry words them, so that
 * findings read the same whichever tool wrote them.
 */
import { pythonRepr } from '../json/json-text.js';
import type { JsonValue } from '../json/json-text.js';
import { PyFloat, compareCodePoints } from '../json/python-json.js';
import type { InstanceID } from '../findings.js';
import type { ComparatorFinding, ComparatorFindingKind } from './comparator-findings.js';

/** One side of a matched pair, as the validator holds it. */
export interface ComparedInstance {
  readonly model: string;
  readonly pk: number;
  readonly ordinal: number;
  /** Mutable: scrubbing removes the fields a comparator handled. */
  readonly fields: Record<string, unknown>;
  readonly scrubbed: Record<string, unknown>;
}

/** A model's old pk → ordinal on one side (a Map will do). */
export interface OrdinalLookup {
  get(pk: number): number | undefined;
}

/**
 * old pk → ordinal, per model, for each side (ForeignKeyComparator compares keys by ordinal). Only
 * `get` is asked for, so that the streaming compare can keep compact indexes of the models keys
 * point at, and notice which models a key looked for before they were read.
 */
export interface OrdinalMap {
  get(model: string): OrdinalLookup | undefined;
}

export interface CompareContext {
  readonly left: OrdinalMap;
  readonly right: OrdinalMap;
}

export const UNIX_EPOCH = '1970-01-01T00:00:00+00:00';

/** Python's `str()` of a JSON value, as Sentry's f-strings show it. */
export function pyStr(value: unknown): string {
  return typeof value === 'string' ? value : pythonRepr(value as JsonValue);
}

/** A JSON scalar as Python compares it: floats by value, and `True == 1`, `False == 0`. */
function pyScalar(value: unknown): unknown {
  if (value instanceof PyFloat) return value.value;
  return typeof value === 'boolean' ? Number(value) : value;
}

/** Python's `==` on JSON values (an int equals a float of the same value, and a bool its 0 or 1). */
export function pyEquals(a: unknown, b: unknown): boolean {
  const x = pyScalar(a);
  const y = pyScalar(b);
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  // Plain loops, not every(): one stack frame per level, for values nested as deep as files may be.
  if (Array.isArray(x)) {
    const other = y as unknown[];
    if (x.length !== other.length) return false;
    for (let i = 0; i < x.length; i++) if (!pyEquals(x[i], other[i])) return false;
    return true;
  }
  const xRecord = x as Record<string, unknown>;
  const yRecord = y as Record<string, unknown>;
  const xKeys = Object.keys(xRecord);
  if (xKeys.length !== Object.keys(yRecord).length) return false;
  for (const key of xKeys) if (!Object.hasOwn(yRecord, key) || !pyEquals(xRecord[key], yRecord[key])) return false;
  return true;
}

/** Python's truthiness: None, False, 0, "", [] and {} are false. */
export function pyTruthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === '') return false;
  if (typeof value === 'number') return value !== 0;
  if (value instanceof PyFloat) return value.value !== 0;
  if (Array.isArray(value)) return value.length > 0;
  return typeof value !== 'object' || Object.keys(value).length > 0;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * A date as microseconds since the epoch, as Sentry's dateutil parse compares them (exports hold
 * ISO text with or without `.000` and an offset); undefined when the text is not a date. Text
 * without an offset is taken as UTC, where Python would refuse to compare it with an aware one.
 */
export function parseDate(text: unknown): bigint | undefined {
  if (typeof text !== 'string') return undefined;
  const m = ISO_DATE.exec(text.trim());
  if (m === null) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : BigInt(ms) * 1000n;
  }
  const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '', zone = 'Z'] = m;
  const date = new Date(0);
  date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  date.setUTCHours(Number(h), Number(mi), Number(sec));
  // Out-of-range parts (month 13, 25:00) roll over in JavaScript; they are no date to Python.
  if (date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d) || date.getUTCHours() !== Number(h) || date.getUTCMinutes() !== Number(mi)) return undefined;
  const ms = date.getTime();
  let offset = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    offset = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0')) * (zone.startsWith('-') ? -1 : 1);
  }
  return (BigInt(ms) - BigInt(offset) * 60_000n) * 1000n + BigInt(frac.padEnd(6, '0').slice(0, 6));
}

/** Sentry's scrubbed-value marker (its `ScrubbedData` singleton). */
export const SCRUBBED_DATA = 'SCRUBBED';

const missing = (value: unknown): boolean => value === undefined || value === null;

/** What a check that found nothing returns (frozen: it is shared, and callers only read it). */
export const NONE: ComparatorFinding[] = Object.freeze([]) as unknown as ComparatorFinding[];

export abstract class Comparator {
  readonly fields: Set<string>;

  constructor(readonly name: ComparatorFindingKind, fields: Iterable<string>) {
    this.fields = new Set(fields);
  }

  /** The fields in a stable order (Sentry sorts them in compare; sets elsewhere). */
  get sortedFields(): string[] {
    // Cached per field count: fields are only ever added (by the default map's auto-assignment).
    if (this.#sorted === undefined || this.#sorted.length !== this.fields.size) this.#sorted = [...this.fields].sort(compareCodePoints);
    return this.#sorted;
  }

  #sorted: string[] | undefined;

  protected finding(on: InstanceID, left: ComparedInstance, right: ComparedInstance, reason: string, kind = this.name): ComparatorFinding {
    return { finding: 'ComparatorFinding', kind, on, leftPk: left.pk, rightPk: right.pk, reason };
  }

  /** Fields set on exactly one side are findings of `<Name>ExistenceCheck`. */
  existence(on: InstanceID, left: ComparedInstance, right: ComparedInstance): ComparatorFinding[] {
    // Runs for every pair: nothing is allocated unless something is missing.
    let findings: ComparatorFinding[] | undefined;
    for (const f of this.sortedFields) {
      const onLeft = !missing(left.fields[f]);
      const onRight = !missing(right.fields[f]);
      if (onLeft === onRight) continue;
      (findings ??= []).push(this.finding(on, left, right, `the ${onLeft ? 'right' : 'left'} \`${f}\` value was missing`, `${this.name}ExistenceCheck` as ComparatorFindingKind));
    }
    return findings ?? NONE;
  }

  abstract compare(on: InstanceID, left: ComparedInstance, right: ComparedInstance, context: CompareContext): ComparatorFinding[];

  /** The fields both sides have a value for (a field null on both sides is never compared). */
  protected compared(left: ComparedInstance, right: ComparedInstance): string[] {
    return this.sortedFields.filter((f) => !(missing(left.fields[f]) && missing(right.fields[f])));
  }

  /**
   * `compared(left, right).flatMap(check)`, without the arrays: compares run for every pair of
   * every model, and almost all of them find nothing.
   */
  protected eachCompared(left: ComparedInstance, right: ComparedInstance, check: (field: string) => readonly ComparatorFinding[]): ComparatorFinding[] {
    let findings: ComparatorFinding[] | undefined;
    for (const f of this.sortedFields) {
      if (missing(left.fields[f]) && missing(right.fields[f])) continue;
      const found = check(f);
      if (found.length > 0) (findings ??= []).push(...found);
    }
    return findings ?? NONE;
  }

  /** What a scrubbed value is kept as (Sentry's ScrubbedData marker, or a truncated value). */
  protected scrubbedValue(values: unknown[]): unknown {
    void values;
    return SCRUBBED_DATA;
  }

  /** Moves the handled fields out of `fields`, so the JSON diff ignores them. */
  scrub(left: ComparedInstance, right: ComparedInstance): void {
    for (const f of this.fields) {
      for (const side of [left, right]) {
        if (!Object.hasOwn(side.fields, f)) continue;
        const value = side.fields[f];
        delete side.fields[f];
        side.scrubbed[`${this.name}::${f}`] = missing(value) ? null : this.scrubbedValue(Array.isArray(value) ? value : [value]);
      }
    }
  }
}

export class AutoSuffixComparator extends Comparator {
  constructor(...fields: string[]) {
    super('AutoSuffixComparator', fields);
  }

  compare(on: InstanceID, left: ComparedInstance, right: ComparedInstance): ComparatorFinding[] {
    return this.eachCompared(left, right, (f) => {
      const l = pyStr(left.fields[f] ?? null);
      const r = pyStr(right.fields[f] ?? null);
      if (l === r || r.startsWith(`${l}-`)) return NONE;
      return [this.finding(on, left, right, `the left value (${l}) of \`${f}\` was not equal to or a dashed prefix of the right value (${r})`)];
    });
  }
}

export class DateUpdatedComparator extends Comparator {
  constructor(...fields: string[]) {
    super('DateUpdatedComparator', fields);
  }

  compare(on: InstanceID, left: ComparedInstance, right: ComparedInstance): ComparatorFinding[] {
    return this.eachCompared(left, right, (f) => {
      const l = pyTruthy(left.fields[f]) ? left.fields[f] : UNIX_EPOCH;
      const r = pyTruthy(right.fields[f]) ? right.fields[f] : UNIX_EPOCH;
      if (notAfter(l, r)) return NONE;
      return [this.finding(on, left, right, `the left value (${pyStr(l)}) of \`${f}\` was not less than or equal to the right value (${pyStr(r)})`)];
    });
  }
}

/** `left <= right` as dates; text that is not a date passes only against the very same text. */
export function notAfter(left: unknown, right: unknown): boolean {
  if (left === right) return true; // the same text is the same date (or the same non-date)
  const l = parseDate(left);
  const r = parseDate(right);
  return l !== undefined && r !== undefined ? l <= r : left === right;
}

export class DatetimeEqualityComparator extends Comparator {
  constructor(...fields: string[]) {
    super('DatetimeEqualityComparator', fields);
  }

  compare(on: InstanceID, left: ComparedInstance, right: ComparedInstance): ComparatorFinding[] {
    return this.eachCompared(left, right, (f) => {
      const l = left.fields[f];
      const r = right.fields[f];
      if (l === r) return NONE;
      const lt = parseDate(l);
      const rt = parseDate(r);
      if (lt !== undefined && rt !== undefined ? lt === rt : l === r) return NONE;
      return [this.finding(on, left, right, `the left value (${pyStr(l ?? null)}) of \`${f}\` was not equal to the right value (${pyStr(r ?? null)})`)];
    });
  }
}

export class ForeignKeyComparator extends Comparator {
  constructor(readonly foreignFields: Readonly<Record<string, string>>) {
    super('ForeignKeyComparator', Object.keys(foreignFields));
  }

  compare(on: InstanceID, left: ComparedInstance, right: ComparedInstance, context: CompareContext): ComparatorFinding[] {
    // A loop (this runs for every pair of every model): nothing is allocated for keys that match.
    let findings: ComparatorFinding[] | undefined;
    for (const f of this.sortedFields) {
      if (missing(left.fields[f]) && missing(right.fields[f])) continue;
      const target = this.foreignFields[f] as string;
      const l = context.left.get(target)?.get(left.fields[f] as number);
      const r = context.right.get(target)?.get(right.fields[f] as number);
      if (l !== undefined && r !== undefined && l === r) continue;
      findings ??= [];
      if (l !== undefined && r !== undefined) {
        findings.push(this.finding(on, left, right, `the left foreign key ordinal (${l}) for \`${f}\` was not equal to the right foreign key ordinal (${r})`));
        continue;
      }
      if (l === undefined) findings.push(this.finding(on, left, right, `the left foreign key ordinal for \`${f}\` model with pk \`${pyStr(left.fields[f] ?? null)}\` could not be found`));
      if (r === undefined) findings.push(this.finding(on, left, right, `the right foreign key ordinal for \`${f}\` model with pk \`${pyStr(right.fields[f] ?? null)}\` could not be found`));
    }
    return findings ?? NONE;
  }
}
