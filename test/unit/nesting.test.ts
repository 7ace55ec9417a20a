/**
 * The nesting limit (core/json/nesting.ts): the streaming reader refuses a file nested deeper than
 * Python's json can load, located (line, model when it is known) however the input is chunked;
 * the float-keeping parser refuses deeper text; and every recursive walker works at the limit.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { JsonInputError, arrayElements } from '../../src/core/json/array-elements.js';
import { parseJsonText, pythonRepr } from '../../src/core/json/json-text.js';
import type { JsonValue } from '../../src/core/json/json-text.js';
import { MAX_NESTING_DEPTH, nestsDeeperThan } from '../../src/core/json/nesting.js';
import { dumpPythonJson } from '../../src/core/json/python-json.js';
import { pyEquals } from '../../src/core/compare/comparators.js';
import { defaultComparators } from '../../src/core/compare/default-comparators.js';
import { validate } from '../../src/core/compare/validate.js';
import { REGISTRY } from '../helpers/registry.js';
import { sanitizeFields } from '../../src/core/sanitize/sanitize-object.js';
import { Sanitizer } from '../../src/core/sanitize/sanitizer.js';

const python = spawnSync('/usr/bin/python3', ['--version']).status === 0 ? '/usr/bin/python3' : undefined;
const brackets = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
/** An array value `depth` levels deep, with a string and an object at the bottom. */
function nested(depth: number): JsonValue {
  let value: JsonValue = { email: 'ada@example.com', n: 1 };
  for (let level = 1; level < depth; level++) value = [value, 'x'];
  return value;
}
/** A Sentry object whose field value makes the whole file `total` levels deep (array, object, fields). */
const fileNested = (total: number): string =>
  `[\n{"model": "sentry.user", "pk": 1, "fields": {\n"name": ${brackets(total - 3)}}}\n]`;

function readAll(text: string, chunkSize: number): number {
  const bytes = new TextEncoder().encode(text);
  const chunks = function* () {
    for (let at = 0; at < bytes.length; at += chunkSize) yield bytes.subarray(at, at + chunkSize);
  };
  return [...arrayElements(chunks())].length;
}

describe('the nesting limit', () => {
  it.skipIf(python === undefined)('is the deepest Python\'s json.loads loads at its default recursion limit', () => {
    const loads = (depth: number) => spawnSync(python as string, ['-c', `import json; json.loads('[' * ${depth} + ']' * ${depth})`]).status === 0;
    expect(loads(MAX_NESTING_DEPTH)).toBe(true);
    expect(loads(MAX_NESTING_DEPTH + 1)).toBe(false);
  });

  it.each([1, 7, 4096, 1 << 20])('the reader takes a file exactly at the limit and refuses one level more (chunks of %i bytes)', (size) => {
    expect(readAll(fileNested(MAX_NESTING_DEPTH), size)).toBe(1);
    let caught: unknown;
    try {
      readAll(fileNested(MAX_NESTING_DEPTH + 1), size);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(JsonInputError);
    expect(caught).toMatchObject({ line: 2, model: 'sentry.user', message: expect.stringContaining(`nested deeper than ${MAX_NESTING_DEPTH} levels`) as unknown });
    expect((caught as Error).message).toContain('opens at line 3');
  });

  it('the reader refuses a pk nested 100,000 deep without recursing, and names no model it has not seen', () => {
    const text = `[{"pk": ${brackets(100_000)}, "model": "sentry.user", "fields": {}}]`;
    expect(() => readAll(text, 65536)).toThrow(expect.objectContaining({ line: 1, model: undefined }) as Error);
  });

  it('the float-keeping parser takes text at the limit and refuses deeper text', () => {
    expect(() => parseJsonText(brackets(MAX_NESTING_DEPTH))).not.toThrow();
    expect(() => parseJsonText(brackets(MAX_NESTING_DEPTH + 1))).toThrow(`nested deeper than ${MAX_NESTING_DEPTH} levels`);
    expect(() => parseJsonText(brackets(100_000))).toThrow(SyntaxError);
  });

  it('nestsDeeperThan counts brackets outside strings only', () => {
    expect(nestsDeeperThan(brackets(MAX_NESTING_DEPTH))).toBe(false);
    expect(nestsDeeperThan(brackets(MAX_NESTING_DEPTH + 1))).toBe(true);
    expect(nestsDeeperThan(`["${'['.repeat(5000)}"]`)).toBe(false);
    expect(nestsDeeperThan(`["\\"${'['.repeat(5000)}"]`)).toBe(false);
    expect(nestsDeeperThan('[[[', 2)).toBe(true);
  });
});

describe('every recursive walker works at the limit', () => {
  const deep = nested(MAX_NESTING_DEPTH);

  it('the Python JSON writer, compact and indented, and the parser reading it back', () => {
    const compact = dumpPythonJson(deep);
    expect(parseJsonText(compact)).toEqual(deep);
    expect(dumpPythonJson(deep, { indent: 2, sortKeys: true }).split('\n').length).toBeGreaterThan(MAX_NESTING_DEPTH);
    expect(pythonRepr(deep).startsWith('[[')).toBe(true);
  });

  it('compare: equal values, and different ones diffed', () => {
    expect(pyEquals(deep, nested(MAX_NESTING_DEPTH))).toBe(true);
    const option = (value: JsonValue) => ({ model: 'sentry.option', pk: 1, fields: { key: 'k', last_updated: '2024-01-01T00:00:00.000Z', last_updated_by: 'unknown', value } });
    expect(validate(REGISTRY, [option(deep)], [option(nested(MAX_NESTING_DEPTH))], defaultComparators(REGISTRY))).toEqual([]);
    const findings = validate(REGISTRY, [option(deep)], [option(nested(MAX_NESTING_DEPTH - 1))], defaultComparators(REGISTRY));
    expect(findings.map((finding) => finding.kind)).toEqual(['UnequalJSON']);
  });

  it('sanitize: JSON values and JSON text in strings', () => {
    const sanitizer = new Sanitizer([], 0);
    const entry = REGISTRY.get('sentry.authenticator');
    const out = sanitizeFields(entry, { config: deep }, sanitizer);
    expect(JSON.stringify(out.config)).not.toContain('ada@example.com');
    const fromText = sanitizeFields(entry, { config: JSON.stringify(deep) }, sanitizer);
    expect(fromText.config).not.toContain('ada@example.com');
    // Deeper text than Python can load is not JSON to sanitize inside: it is one string.
    const tooDeep = brackets(MAX_NESTING_DEPTH + 1);
    expect(sanitizeFields(entry, { config: tooDeep }, sanitizer).config).toHaveLength(tooDeep.length);
  });
});
