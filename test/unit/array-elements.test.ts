/** The streaming reader of a top-level JSON array: boundaries, lines and errors, however the input is chunked. */
import { describe, expect, it } from 'vitest';
import { type ArrayElement, JsonInputError, arrayElements } from '../../src/core/json/array-elements.js';
import { dumpPythonJson } from '../../src/core/json/python-json.js';

const SIZES = [1, 2, 3, 7, 64, Infinity];

function bytesOf(input: string | Uint8Array): Uint8Array {
  return typeof input === 'string' ? new TextEncoder().encode(input) : input;
}

function* chunked(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  if (size === Infinity) {
    yield bytes;
    return;
  }
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** Reads `input` at every chunk size, checks they agree, and returns the elements. */
function read(input: string | Uint8Array): ArrayElement[] {
  const bytes = bytesOf(input);
  const whole = [...arrayElements([bytes])];
  for (const size of SIZES) expect([...arrayElements(chunked(bytes, size))], `chunk size ${size}`).toEqual(whole);
  return whole;
}

const texts = (input: string | Uint8Array): string[] => read(input).map((element) => element.text);

/** The error reading `input` throws, the same at every chunk size. */
function failure(input: string | Uint8Array): { message: string; line: number } {
  const bytes = bytesOf(input);
  const results = SIZES.map((size) => {
    try {
      for (const _ of arrayElements(chunked(bytes, size)));
    } catch (error) {
      expect(error).toBeInstanceOf(JsonInputError);
      const { message, line, kind } = error as JsonInputError;
      expect(kind).toBe('InvalidJson');
      return { message, line };
    }
    throw new Error(`no error at chunk size ${size}`);
  });
  for (const result of results) expect(result).toEqual(results[0]);
  return results[0] as { message: string; line: number };
}

describe('arrayElements', () => {
  it('reads empty arrays', () => {
    expect(read('[]')).toEqual([]);
    expect(read('[ ]')).toEqual([]);
    expect(read(' \r\n\t[\n]\n')).toEqual([]);
  });

  it('reads one element with its line and index', () => {
    expect(read('[{"a": 1}]')).toEqual([{ text: '{"a": 1}', line: 1, index: 0 }]);
  });

  it('reads nested arrays and objects, and scalar elements', () => {
    expect(texts('[{"a":[1,{"b":[[],{}]}]},[[1],[2]],"s",12.5e3,true,null , -1 ]')).toEqual([
      '{"a":[1,{"b":[[],{}]}]}',
      '[[1],[2]]',
      '"s"',
      '12.5e3',
      'true',
      'null',
      '-1',
    ]);
  });

  it('is not fooled by brackets, commas or quotes inside strings', () => {
    const elements = [
      '{"a": "]", "b": "}", "c": ",", "d": "[{"}',
      '{"q": "say \\"hi\\" }]"}',
      '{"e": "a\\\\"}',
      '{"f": "a\\\\\\"}"}',
      '"\\\\"',
      '"]\\""',
      '{"g": "\\\\\\\\", "h": "}"}',
    ];
    const found = texts(`[${elements.join(',')}]`);
    expect(found).toEqual(elements);
    expect(found.map((text) => JSON.parse(text))).toEqual([
      { a: ']', b: '}', c: ',', d: '[{' },
      { q: 'say "hi" }]' },
      { e: 'a\\' },
      { f: 'a\\"}' },
      '\\',
      ']"',
      { g: '\\\\', h: '}' },
    ]);
  });

  it('decodes emoji and non-ASCII text split across chunks', () => {
    const elements = ['{"name": "café 🙂 ☃ 日本"}', '"🙂🙂"', '{"é": ["ü", "\\u00e9"]}'];
    expect(texts(`[${elements.join(', ')}]`)).toEqual(elements);
  });

  it('reads the indent-2 layout Python json.dump writes', () => {
    const objects = [
      { model: 'sentry.user', pk: 1, fields: { username: 'a', flags: [], meta: { x: '}, {' } } },
      { model: 'sentry.email', pk: 2, fields: { email: 'a@example.com' } },
      { model: 'sentry.organization', pk: 3, fields: { slug: 'org' } },
    ];
    const document = dumpPythonJson(objects, { indent: 2 });
    expect(document).toContain('  },\n  {');
    const elements = read(document);
    expect(elements.map((element) => JSON.parse(element.text))).toEqual(objects);
    expect(elements.map((element) => element.line)).toEqual([2, 13, 20]);
    expect(elements.map((element) => element.index)).toEqual([0, 1, 2]);
  });

  it('reads the compact one-line layout', () => {
    const objects = Array.from({ length: 20 }, (_, pk) => ({ model: 'sentry.x', pk, fields: { s: `]}${pk}` } }));
    const elements = read(JSON.stringify(objects));
    expect(elements.map((element) => JSON.parse(element.text))).toEqual(objects);
    expect(elements.every((element) => element.line === 1)).toBe(true);
  });

  it('reads one element per line, with "}" at the end of a string', () => {
    const lines = ['{"a": 1}', '{"s": "}"}', '{"s": "x},"}', '{"n": {"m": "}"}}', '{"b": 2}'];
    for (const document of [`[${lines.join(',\n')}]`, `[\n${lines.join(',\n')}\n]\n`]) {
      const elements = read(document);
      expect(elements.map((element) => element.text)).toEqual(lines);
      const first = document.startsWith('[\n') ? 2 : 1;
      expect(elements.map((element) => element.line)).toEqual([0, 1, 2, 3, 4].map((n) => first + n));
    }
  });

  it('counts CRLF line endings once per line', () => {
    const elements = read('[\r\n  {\r\n    "a": 1\r\n  },\r\n  {\r\n    "b": "\\r\\n"\r\n  }\r\n]\r\n');
    expect(elements.map((element) => [element.line, JSON.parse(element.text)])).toEqual([
      [2, { a: 1 }],
      [5, { b: '\r\n' }],
    ]);
  });

  it('skips a leading byte order mark', () => {
    expect(read('\uFEFF[{"a": 1}]')).toEqual([{ text: '{"a": 1}', line: 1, index: 0 }]);
    expect(failure('\uFEFF').message).toBe('Empty input: expected a JSON array of objects');
  });

  it('reads a 2 MB element split across many chunks', () => {
    const big = JSON.stringify({ model: 'sentry.file', pk: 1, fields: { blob: 'x\\"é🙂'.repeat(300_000) } });
    expect(big.length).toBeGreaterThan(2_000_000);
    const bytes = new TextEncoder().encode(`[\n${big},\n{"pk": 2}\n]`);
    for (const size of [1000, 4096, 65_536]) {
      const elements = [...arrayElements(chunked(bytes, size))];
      expect(elements.map((element) => element.text)).toEqual([big, '{"pk": 2}']);
      expect(elements.map((element) => element.line)).toEqual([2, 3]);
    }
  });

  it('streams 100k small elements from 64 KiB chunks', () => {
    const parts = ['['];
    for (let pk = 0; pk < 100_000; pk++) parts.push(`${pk ? ',' : ''}\n{"model": "sentry.x", "pk": ${pk}}`);
    parts.push('\n]');
    const bytes = new TextEncoder().encode(parts.join(''));
    let count = 0;
    let misplaced = 0;
    let longest = 0;
    for (const element of arrayElements(chunked(bytes, 65_536))) {
      if (element.index !== count || element.line !== count + 2) misplaced++;
      longest = Math.max(longest, element.text.length);
      count++;
    }
    expect(count).toBe(100_000);
    expect(misplaced).toBe(0);
    expect(longest).toBeLessThan(50);
  });

  it('agrees with JSON.parse on random documents split at random points', () => {
    let seed = 42;
    const random = (n: number): number => {
      // mulberry32: a seeded generator whose low bits are as random as its high ones.
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    const pieces = ['"', '\\', '\\"', '}', ']', '{', '[', ',', 'é', '🙂', '\n', ' ', 'a'];
    const value = (level: number): unknown => {
      const kind = random(level > 2 ? 3 : 5);
      if (kind === 0) return Array.from({ length: random(4) }, () => pieces[random(pieces.length)]).join('');
      if (kind === 1) return random(3) === 0 ? null : random(1000) - 500;
      if (kind === 2) return random(2) === 0;
      if (kind === 3) return Array.from({ length: random(4) }, () => value(level + 1));
      return Object.fromEntries(Array.from({ length: random(4) }, (_, i) => [`${pieces[random(pieces.length)]}${i}`, value(level + 1)]));
    };
    for (let round = 0; round < 200; round++) {
      const elements = Array.from({ length: random(6) }, () => value(0));
      const document = JSON.stringify(elements, null, random(2) === 0 ? undefined : random(4));
      const bytes = new TextEncoder().encode(document);
      const chunks: Uint8Array[] = [];
      for (let at = 0; at < bytes.length; ) {
        const size = 1 + random(12);
        chunks.push(bytes.subarray(at, at + size));
        at += size;
      }
      expect([...arrayElements(chunks)].map((element) => JSON.parse(element.text))).toEqual(elements);
    }
  });
});

describe('arrayElements errors', () => {
  it('rejects empty input', () => {
    for (const input of ['', ' \n\t\r\n']) {
      expect(failure(input).message).toBe('Empty input: expected a JSON array of objects');
    }
  });

  it('rejects a document that is not an array', () => {
    expect(failure('\n\n{"a": 1}')).toEqual({ message: 'Expected a JSON array at line 3, found "{"', line: 3 });
    // Whole, the character is shown; a chunk boundary inside it leaves only "non-ASCII text".
    expect(() => [...arrayElements([bytesOf('é[]')])]).toThrow('Expected a JSON array at line 1, found "é"');
  });

  it('rejects truncated input', () => {
    expect(failure('[\n{"a": 1},\n')).toEqual({
      message: 'Truncated JSON: the input ends inside the array (opened at line 1)',
      line: 3,
    });
    expect(failure('\n[\n{"a": 1}')).toEqual({
      message: 'Truncated JSON: the input ends inside the array (opened at line 2)',
      line: 3,
    });
    expect(failure('[1')).toEqual({ message: 'Truncated JSON: the input ends inside the array (opened at line 1)', line: 1 });
    expect(failure('[\n{"a": 1},\n{"b": [\n')).toEqual({
      message: 'Truncated JSON: the input ends inside an element that starts at line 3',
      line: 3,
    });
    expect(failure('[{"a": "]}\\"').message).toBe('Truncated JSON: the input ends inside an element that starts at line 1');
  });

  it('rejects text after the array', () => {
    expect(failure('[{"a": 1}]\n\n,')).toEqual({ message: 'Unexpected text after the array at line 3', line: 3 });
    expect(failure('[]]')).toEqual({ message: 'Unexpected text after the array at line 1', line: 1 });
  });

  it('rejects missing, trailing and doubled commas', () => {
    expect(failure('[\n{"a": 1}\n{"b": 2}\n]')).toEqual({ message: 'Missing comma between elements at line 3', line: 3 });
    expect(failure('[\n{"a": 1}  x]')).toEqual({ message: 'Expected "," or "]" after the element at line 2, found "x"', line: 2 });
    expect(failure('[\n{"a": 1},\n]')).toEqual({ message: 'Trailing comma before "]" at line 2', line: 2 });
    expect(failure('[\n{"a": 1},\n,{"b": 2}]')).toEqual({ message: 'Expected an element at line 3, found ","', line: 3 });
    expect(failure('[,]')).toEqual({ message: 'Expected an element at line 1, found ","', line: 1 });
  });

  it('rejects invalid UTF-8 inside and outside elements', () => {
    const withBytes = (before: string, bad: number[], after: string): Uint8Array => {
      const encoder = new TextEncoder();
      return new Uint8Array([...encoder.encode(before), ...bad, ...encoder.encode(after)]);
    };
    expect(failure(withBytes('[{"a": 1},\n{"b": "', [0xff], '"}]'))).toEqual({ message: 'Invalid UTF-8 in the element at line 2', line: 2 });
    // A truncated four-byte sequence, then a split across chunks must not hide it.
    expect(failure(withBytes('[\n\n{"b": "', [0xf0, 0x9f, 0x99], '"}]'))).toEqual({
      message: 'Invalid UTF-8 in the element at line 3',
      line: 3,
    });
    expect(failure(withBytes('[{"a": 1}\n', [0xfe], ']'))).toEqual({ message: 'Invalid UTF-8 at line 2', line: 2 });
    expect(failure(withBytes('[{"a": 1}]\n', [0xc0, 0x80], ''))).toEqual({ message: 'Invalid UTF-8 at line 2', line: 2 });
    expect(failure(withBytes('', [0x80], '[]'))).toEqual({ message: 'Invalid UTF-8 at line 1', line: 1 });
  });
});
