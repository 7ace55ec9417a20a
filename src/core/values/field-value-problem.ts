/**
 * The per-field value rules: what Sentry's database (PostgreSQL) or Django's field validation
 * refuses, so that relocate refuses it too instead of storing something else silently. One pure
 * function, `fieldValueProblem(field, value) → reason | undefined`, takes a value as an export
 * carries it (after the import's legacy repairs) and says why it cannot be stored, or nothing.
 * The import calls it for every field of every row it prepares and stops at the first problem; a
 * checking command can call it for every value and list them all.
 *
 * The rules, by field class:
 * - null only where the field is nullable (a rule must never turn a null into text, as
 *   `String(null)` did with an organization's slug);
 * - integers within Django's range for the class: Small ±32768 (−32768 to 32767), PositiveSmall
 *   0 to 32767, Integer / Bounded* / Auto ±2^31, Positive* 0 to 2^31 − 1, BigInteger / BoundedBig /
 *   BigAuto / keys / bit fields ±2^63 and PositiveBig 0 to 2^63 − 1, both held to ±(2^53 − 1)
 *   here, the most a JavaScript number holds exactly;
 * - text (every string field class, and the strings of an ArrayField) without NUL (U+0000, which
 *   PostgreSQL's text cannot hold) and without lone UTF-16 surrogates (`"\ud800"` in JSON, which
 *   has no UTF-8 form: stored, it would come back as U+FFFD);
 * - GenericIPAddressField: an IPv4 or IPv6 address (ip-address.ts);
 * - datetimes: as Django parses them, with a UTC offset of less than 24 hours (datetime.ts);
 * - JSON-valued fields (JSONField, pickled, gzipped): any JSON; they are stored as ASCII-escaped
 *   JSON text, as Sentry's text-backed JSON fields are, which holds any string.
 * - declared maximum lengths, in characters as Django and the databases count them (code points),
 *   which the schema enforces too (its CHECK constraints): here a check finds them without one.
 *
 * The check for a field is chosen once per field (a closure per field class), so that checking a
 * row costs a type test and a comparison or two per field.
 */
import { fieldClassInfo } from '../registry/field-classes.js';
import type { FieldClass } from '../registry/field-classes.js';
import type { Field } from '../registry/types.js';
import { datetimeProblem } from '../json/datetime.js';
import { parseJsonText } from '../json/json-text.js';
import { PyFloat } from '../json/python-json.js';
import { ipAddressProblem } from './ip-address.js';

/** A value's problem, or undefined when it can be stored. */
export type ValueCheck = (value: unknown) => string | undefined;

const INT32: readonly [number, number] = [-(2 ** 31), 2 ** 31 - 1];
const POSITIVE_INT32: readonly [number, number] = [0, 2 ** 31 - 1];
const BIG: readonly [number, number] = [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
const POSITIVE_BIG: readonly [number, number] = [0, Number.MAX_SAFE_INTEGER];

/** Django's range per integer class (64-bit ones cut to what a JavaScript number holds exactly). */
const INTEGER_RANGES: Partial<Record<FieldClass, readonly [number, number]>> = {
  SmallIntegerField: [-32768, 32767],
  PositiveSmallIntegerField: [0, 32767],
  IntegerField: INT32,
  AutoField: INT32,
  BoundedIntegerField: INT32,
  BoundedAutoField: INT32,
  PositiveIntegerField: POSITIVE_INT32,
  BoundedPositiveIntegerField: POSITIVE_INT32,
  BigIntegerField: BIG,
  BigAutoField: BIG,
  BoundedBigIntegerField: BIG,
  BoundedBigAutoField: BIG,
  PositiveBigIntegerField: POSITIVE_BIG,
  BoundedPositiveBigIntegerField: POSITIVE_BIG,
  // Keys hold the pk of a BigAutoField; Sentry's bit fields are BigIntegerFields.
  FlexibleForeignKey: BIG,
  ForeignKey: BIG,
  OneToOneField: BIG,
  OneToOneCascadeDeletes: BIG,
  HybridCloudForeignKey: BIG,
  BitField: BIG,
  TypedClassBitField: BIG,
};

/** A value as a message quotes it (long text cut). */
function shown(value: unknown): string {
  const text = JSON.stringify(value instanceof PyFloat ? value.value : value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const isWellFormed = (text: string): boolean =>
  (text as unknown as { isWellFormed?: () => boolean }).isWellFormed?.() ?? !LONE_SURROGATE.test(text);

/** What PostgreSQL's text (and UTF-8) cannot hold: NUL, and UTF-16 surrogates without their pair. */
export function textProblem(text: string): string | undefined {
  const nul = text.indexOf('\0');
  if (nul >= 0) return `expected text without NUL (U+0000), which PostgreSQL cannot store; found one at character ${nul + 1}`;
  if (isWellFormed(text)) return undefined;
  const at = LONE_SURROGATE.exec(text)?.index ?? 0;
  const unit = text.charCodeAt(at).toString(16);
  return `expected valid Unicode text; found a lone UTF-16 surrogate \\u${unit} at character ${at + 1}, which has no UTF-8 form`;
}

function integerCheck(field: Field): ValueCheck {
  const [min, max] = INTEGER_RANGES[field.class] ?? BIG;
  const big = max === Number.MAX_SAFE_INTEGER;
  const range = `an integer from ${min} to ${max}${big ? ' (its 64-bit range cut to ±(2^53 − 1), the most a JavaScript number holds exactly)' : ''}`;
  const bitfield = fieldClassInfo(field.class).value === 'bitfield';
  return (value) => {
    const number = bitfield && typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isInteger(number)) return `expected ${range}, got ${shown(value)}`;
    return number < min || number > max ? `expected ${range}, got ${shown(value)}` : undefined;
  };
}

/** A maximum length's problem: JavaScript counts UTF-16 units, so only a long text is counted again by code points. */
function lengthProblem(text: string, max: number): string | undefined {
  if (text.length <= max) return undefined;
  let characters = 0;
  for (const _ of text) characters++;
  return characters <= max ? undefined : `expected at most ${max} characters, got ${characters}`;
}

function stringCheck(field: Field): ValueCheck {
  const ip = field.class === 'GenericIPAddressField';
  const max = field.maxLength;
  return (value) => {
    if (typeof value !== 'string') return `expected a string, got ${shown(value)}`;
    return textProblem(value) ?? (max === undefined ? undefined : lengthProblem(value, max)) ?? (ip ? ipAddressProblem(value) : undefined);
  };
}

/** An ArrayField's strings (given as a list, or as the text of a Python list as exports write it). */
function arrayCheck(value: unknown): string | undefined {
  let list: unknown = value;
  if (typeof value === 'string') {
    try {
      list = parseJsonText(value, { python: true });
    } catch {
      return `expected a list, got ${shown(value)}`;
    }
  }
  if (!Array.isArray(list)) return `expected a list, got ${shown(value)}`;
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    const problem = typeof item === 'string' ? textProblem(item) : undefined;
    if (problem !== undefined) return `item ${i + 1}: ${problem}`;
  }
  return undefined;
}

const anyJson: ValueCheck = () => undefined;

function checkOfKind(field: Field): ValueCheck {
  switch (fieldClassInfo(field.class).value) {
    case 'integer':
    case 'bitfield':
      return integerCheck(field);
    case 'boolean':
      return (value) => (typeof value === 'boolean' ? undefined : `expected true or false, got ${shown(value)}`);
    case 'float':
      return (value) => (typeof value === 'number' || value instanceof PyFloat ? undefined : `expected a number, got ${shown(value)}`);
    case 'datetime':
      return (value) => (typeof value === 'string' ? textProblem(value) ?? datetimeProblem(value) : `expected a datetime string, got ${shown(value)}`);
    case 'json':
    case 'pickled':
    case 'gzipped':
      return anyJson;
    case 'array':
      return arrayCheck;
    default:
      return stringCheck(field);
  }
}

const checks = new WeakMap<Field, ValueCheck>();

/** The check of one field, made once: the fast path for callers that check many rows. */
export function fieldValueCheck(field: Field): ValueCheck {
  let check = checks.get(field);
  if (check === undefined) {
    const ofKind = checkOfKind(field);
    const nullable = field.nullable;
    check = (value) => {
      if (value === null || value === undefined) return nullable ? undefined : 'expected a value: this field cannot be null';
      return ofKind(value);
    };
    checks.set(field, check);
  }
  return check;
}

/** Why `value` cannot be stored in `field` (as Sentry's database or Django would refuse it), or undefined. */
export function fieldValueProblem(field: Field, value: unknown): string | undefined {
  return fieldValueCheck(field)(value);
}
