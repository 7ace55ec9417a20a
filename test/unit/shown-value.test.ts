/** shown(): a user's value cut to a readable length for messages, never splitting a character. */
import { describe, expect, it } from 'vitest';
import { SHOWN_LENGTH, shown } from '../../src/core/text/shown-value.js';

describe('shown', () => {
  it('keeps a value of at most the limit as it is', () => {
    expect(shown('sentry.user')).toBe('sentry.user');
    expect(shown('a'.repeat(SHOWN_LENGTH))).toBe('a'.repeat(SHOWN_LENGTH));
    expect(shown('')).toBe('');
  });

  it('cuts a longer one and says how much is left out', () => {
    expect(shown('a'.repeat(SHOWN_LENGTH + 1))).toBe(`${'a'.repeat(SHOWN_LENGTH)}… (1 more character)`);
    expect(shown('abcdefgh', 3)).toBe('abc… (5 more characters)');
  });

  it('keeps a 10 MB value short', () => {
    const cut = shown('x'.repeat(10 * 1024 * 1024));
    expect(cut.length).toBeLessThan(SHOWN_LENGTH + 40);
    expect(cut).toContain(`(${10 * 1024 * 1024 - SHOWN_LENGTH} more characters)`);
  });

  it('counts characters, not UTF-16 units, and never splits a surrogate pair', () => {
    const emoji = '😀'.repeat(5); // 10 UTF-16 units
    expect(shown(emoji, 5)).toBe(emoji);
    expect(shown(emoji, 3)).toBe('😀😀😀… (2 more characters)');
    expect(shown(`a${'😀'.repeat(3)}`, 2)).toBe('a😀… (2 more characters)');
  });
});
