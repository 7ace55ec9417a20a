/**
 * A side compareExports cannot read is named as fileObjects' error names it (kind, line, model and
 * reason), whichever element of the file is wrong and wherever the chunks split it; when both
 * sides are wrong the left is named, as when each side was read whole, the left first, even if
 * the right's error comes earlier in the one pass that reads them together.
 */
import { describe, expect, it } from 'vitest';
import { compareExports, UnreadableSideError } from '../../src/engine/compare/index.js';
import { fileObjects } from '../../src/engine/import/index.js';
import { ImportingError } from '../../src/engine/import/import-error.js';
import { textSource } from '../helpers/import.js';
import { REGISTRY } from '../helpers/registry.js';

const option = (pk: number): string => `{"model": "sentry.option", "pk": ${pk}, "fields": {"key": "k${pk}", "value": 1}}`;
const GOOD = `[${[1, 2, 3, 4].map(option).join(',\n')}]`;
const BROKEN: Record<string, string> = {
  truncated: GOOD.slice(0, -20),
  'not an array': '{"model": "sentry.option"}',
  'a bad element': `[${option(1)},\n{"model": "sentry.option", "pk": 2, "fields": {"key": }}]`,
  'a float pk': `[${option(1)},\n{"model": "sentry.option", "pk": 2.0, "fields": {}}]`,
  'no fields': `[${option(1)},\n${option(2)},\n{"model": "sentry.option", "pk": 3, "fields": []}]`,
  'a __proto__ key': `[${option(1)},\n{"model": "sentry.option", "pk": 2, "fields": {"__proto__": 1}}]`,
  'too deep': `[${option(1)},\n{"model": "sentry.option", "pk": 2, "fields": {"value": ${'['.repeat(2000)}${']'.repeat(2000)}}}]`,
};

/** What reading the side whole says, as the compare named it before it read both sides together. */
function expected(text: string, side: 'left' | 'right'): string {
  try {
    [...fileObjects(textSource(text))];
  } catch (error) {
    if (!(error instanceof ImportingError)) throw error;
    const reason = error.on.model === '' ? error.reason : `${error.on.model}: ${error.reason}`;
    return new UnreadableSideError(error.kind, side, error.line, reason).message;
  }
  throw new Error('expected the text to be unreadable');
}

function thrown(left: string, right: string, chunk: number): UnreadableSideError {
  try {
    compareExports(textSource(left, chunk), textSource(right, chunk), { registry: REGISTRY });
  } catch (error) {
    if (error instanceof UnreadableSideError) return error;
    throw error;
  }
  throw new Error('expected the compare to fail');
}

describe('compareExports on a side it cannot read', () => {
  it.each(Object.entries(BROKEN))('%s: named as fileObjects names it, on either side', (_, text) => {
    for (const chunk of [5, 64 * 1024]) {
      expect(thrown(text, GOOD, chunk).message).toBe(expected(text, 'left'));
      expect(thrown(GOOD, text, chunk).message).toBe(expected(text, 'right'));
      expect(thrown(GOOD, text, chunk).kind).toBe('DeserializationFailed');
    }
  });

  it('names the left side when both are wrong, even when the right goes wrong first', () => {
    const lateLeft = BROKEN['no fields'] as string;
    const earlyRight = BROKEN['not an array'] as string;
    expect(thrown(lateLeft, earlyRight, 16).message).toBe(expected(lateLeft, 'left'));
  });
});
