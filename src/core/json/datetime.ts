/**
 * Sentry's datetime encoding: UTC, `YYYY-MM-DDTHH:MM:SS.mmmZ`, always three fractional digits
 * (Django's own encoder drops `.000`; Sentry's DatetimeSafeDjangoJSONEncoder keeps it), with
 * microseconds truncated, not rounded, as Django's encoder does.
 */
const ISO = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?(Z|z|[+-]\d\d(?::?\d\d)?)?$/;

export class DatetimeSyntaxError extends SyntaxError {}

/** Any ISO 8601 datetime (offset or Z; none means UTC) → Sentry's canonical text. */
export function toSentryDatetime(text: string): string {
  const match = ISO.exec(text.trim());
  if (match === null) throw new DatetimeSyntaxError(`Expected an ISO 8601 datetime, got ${JSON.stringify(text)}`);
  const [, y, mo, d, h, mi, s, fraction = '', zone = 'Z'] = match;
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const digits = zone.replace(':', '');
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0'));
  }
  const time = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), millis) - offsetMinutes * 60_000;
  const date = new Date(time);
  if (Number.isNaN(time) || date.getUTCDate() !== Number(d) && offsetMinutes === 0) {
    throw new DatetimeSyntaxError(`Expected a real date, got ${JSON.stringify(text)}`);
  }
  return formatSentryDatetime(date);
}

export function formatSentryDatetime(date: Date): string {
  const year = date.getUTCFullYear();
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:` +
    `${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(date.getUTCMilliseconds(), 3)}Z`;
}
