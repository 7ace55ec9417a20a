/**
 * Sentry's datetime text (`YYYY-MM-DDTHH:MM:SS.mmmZ`) from any ISO 8601 datetime: the canonical
 * form comes back as it is, other forms are converted to UTC with milliseconds truncated, and a
 * moment Python's datetime would refuse is refused.
 */
import { describe, expect, it } from 'vitest';
import { DatetimeSyntaxError, formatSentryDatetime, toSentryDatetime } from '../../src/core/json/datetime.js';

describe('toSentryDatetime', () => {
  it.each([
    ['2024-07-01T10:56:54.000Z', '2024-07-01T10:56:54.000Z'],
    ['2024-02-29T23:59:59.999Z', '2024-02-29T23:59:59.999Z'],
    ['2000-02-29T00:00:00.000Z', '2000-02-29T00:00:00.000Z'],
    ['0001-01-01T00:00:00.000Z', '0001-01-01T00:00:00.000Z'],
    ['2024-07-01T10:56:54Z', '2024-07-01T10:56:54.000Z'],
    ['2024-07-01 10:56:54', '2024-07-01T10:56:54.000Z'],
    ['2024-07-01T10:56:54.123456+02:00', '2024-07-01T08:56:54.123Z'],
    ['2024-07-01T10:56:54.1239-0130', '2024-07-01T12:26:54.123Z'],
    ['2024-12-31T23:30:00-01:00', '2025-01-01T00:30:00.000Z'],
    // Years under 100 stay where they are (Date.UTC would read 0099 as 1999).
    ['0099-03-01T00:30:00-01:30', '0099-03-01T02:00:00.000Z'],
  ])('%s → %s', (text, expected) => {
    expect(toSentryDatetime(text)).toBe(expected);
  });

  it.each([
    '2023-02-29T10:00:00.000Z',
    '1900-02-29T10:00:00.000Z',
    '2024-13-01T00:00:00.000Z',
    '2024-04-31T00:00:00.000Z',
    '2024-12-31T24:00:00.000Z',
    '2024-12-31T23:60:00.000Z',
    '2024-12-31T23:59:60.000Z',
    '0000-01-01T00:00:00.000Z',
    '2024-13-01T00:00:00+01:00',
    '2024-07-01',
    '2024-07-01T10:56:54.000ZZ',
    'yesterday',
  ])('refuses %s', (text) => {
    expect(() => toSentryDatetime(text)).toThrow(DatetimeSyntaxError);
  });
});

describe('formatSentryDatetime', () => {
  it('writes four-digit years, milliseconds and Z, as toISOString does for them', () => {
    expect(formatSentryDatetime(new Date(Date.UTC(2024, 6, 1, 10, 5, 4, 7)))).toBe('2024-07-01T10:05:04.007Z');
    const early = new Date(0);
    early.setUTCFullYear(5, 0, 2);
    expect(formatSentryDatetime(early)).toBe('0005-01-02T00:00:00.000Z');
  });
});
