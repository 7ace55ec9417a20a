/**
 * Sentry's datetime encoding: UTC, `YYYY-MM-DDTHH:MM:SS.mmmZ`, always three fractional digits
 * (Django's own encoder drops `.000`; Sentry's DatetimeSafeDjangoJSONEncoder keeps it), with
 * microseconds truncated, not rounded, as Django's encoder does.
 */
import { shown } from '../text/shown-value.js';

const ISO = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?(Z|z|[+-]\d\d(?::?\d\d)?)?$/;

export class DatetimeSyntaxError extends SyntaxError {}

/** `YYYY-MM-DDTHH:MM:SS.mmmZ`: where each separator is, and its character code. */
const SEPARATORS: readonly (readonly [number, number])[] = [[4, 0x2d], [7, 0x2d], [10, 0x54], [13, 0x3a], [16, 0x3a], [19, 0x2e], [23, 0x5a]];
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by the digits text[from..to), or -1 when one of them is not a digit. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Whether the text is already Sentry's canonical form of a real date (checked without a Date: every row has several). */
function isCanonical(text: string): boolean {
  if (text.length !== 24) return false;
  for (const [at, code] of SEPARATORS) if (text.charCodeAt(at) !== code) return false;
  const parts = [digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10), digits(text, 11, 13), digits(text, 14, 16), digits(text, 17, 19)] as const;
  return digits(text, 20, 23) >= 0 && isRealTime(...parts);
}

/** Whether the parts name a real moment, as Python's datetime requires (no month 13, no 24:00, no leap second). */
function isRealTime(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number))) return false;
  return hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60;
}

/** Any ISO 8601 datetime (offset or Z; none means UTC) → Sentry's canonical text. */
export function toSentryDatetime(text: string): string {
  // Text already canonical (what Sentry and relocate write) comes back as it is.
  if (isCanonical(text)) return text;
  const match = ISO.exec(text.trim());
  if (match === null) throw new DatetimeSyntaxError(`Expected an ISO 8601 datetime, got ${JSON.stringify(shown(text))}`);
  const [, y, mo, d, h, mi, s, fraction = '', zone = 'Z'] = match;
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const digits = zone.replace(':', '');
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0'));
  }
  // Python's timezone (so Django) takes only offsets strictly within a day; +24:00 is refused, not applied.
  if (Math.abs(offsetMinutes) >= 24 * 60) {
    throw new DatetimeSyntaxError(`Expected a UTC offset of less than 24 hours, got ${JSON.stringify(text)}`);
  }
  if (!isRealTime(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s))) {
    throw new DatetimeSyntaxError(`Expected a real date, got ${JSON.stringify(shown(text))}`);
  }
  const date = new Date(Date.UTC(2000, 0, 1, Number(h), Number(mi), Number(s), millis));
  // setUTCFullYear, since Date.UTC reads years 0–99 as 1900–1999.
  date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  return formatSentryDatetime(new Date(date.getTime() - offsetMinutes * 60_000));
}

/** Why the text is not a datetime Django would take (undefined when it is one): for checks that report, not throw. */
export function datetimeProblem(text: string): string | undefined {
  if (isCanonical(text)) return undefined;
  try {
    toSentryDatetime(text);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export function formatSentryDatetime(date: Date): string {
  const year = date.getUTCFullYear();
  // The same text, from the engine, for the years it writes as four digits.
  if (year >= 0 && year <= 9999) return date.toISOString();
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:` +
    `${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(date.getUTCMilliseconds(), 3)}Z`;
}
