/**
 * The one reader in its reporting mode (check, repair): text before and after the array (Sentry's
 * progress lines) reported with its byte offset, line and first line and skipped; a `[` in a log
 * line not taken for the array; a byte order mark noted; a missing comma assumed; bad UTF-8 and
 * too-deep elements skipped; and the end of a truncated file said where it is. The same at every
 * chunk size.
 */
import { describe, expect, it } from 'vitest';
import { arrayElements } from '../../src/core/json/array-elements.js';
import type { ReaderProblem } from '../../src/core/json/array-elements.js';

const SIZES = [1, 2, 3, 7, 64, Infinity];

function* chunked(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  if (size === Infinity) return yield bytes;
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

const bytesOf = (input: string | Uint8Array): Uint8Array => (typeof input === 'string' ? new TextEncoder().encode(input) : input);

/** The elements' texts and the problems, the same at every chunk size. */
function lenient(input: string | Uint8Array): { texts: string[]; problems: ReaderProblem[] } {
  const results = SIZES.map((size) => {
    const problems: ReaderProblem[] = [];
    const texts = [...arrayElements(chunked(bytesOf(input), size), { onProblem: (found) => problems.push(found) })].map((element) => element.text);
    return { texts, problems };
  });
  for (const result of results) expect(result).toEqual(results[0]);
  return results[0] as { texts: string[]; problems: ReaderProblem[] };
}

const PROGRESS = 'Still exporting: 5.06 seconds elapsed.\nStill exporting: 11.06 seconds elapsed.\n';

describe('arrayElements, reporting and going on', () => {
  it('reads a clean file with no problem', () => {
    expect(lenient('[\n  {"a": 1},\n  {"b": 2}\n]')).toEqual({ texts: ['{"a": 1}', '{"b": 2}'], problems: [] });
  });

  it('skips Sentry\'s progress lines before the array, saying where and how much', () => {
    const { texts, problems } = lenient(`${PROGRESS}[\n  {"a": 1}\n]`);
    expect(texts).toEqual(['{"a": 1}']);
    expect(problems).toEqual([{
      kind: 'TextBeforeArray', line: 1, offset: 0, bytes: PROGRESS.length,
      message: `${PROGRESS.length} bytes, 2 lines at line 1 (byte 0), starting "Still exporting: 5.06 seconds elapsed.", before the JSON array (which starts at line 3): not JSON, such as Sentry's progress lines; an import refuses the file, repair removes the text`,
    }]);
  });

  it('skips log lines after the array, from where they start to the end', () => {
    const text = '[{"a": 1}]\n>> Skipping model <sentry.foo>\nDone\n';
    const { texts, problems } = lenient(text);
    expect(texts).toEqual(['{"a": 1}']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'TextAfterArray', line: 2, offset: 11, bytes: text.length - 11 });
    expect(problems[0]?.message).toContain('2 lines at line 2 (byte 11), starting ">> Skipping model <sentry.foo>"');
  });

  it('takes a "[" that begins a log line for text, and the array for what follows a "[" with "{"', () => {
    const { texts, problems } = lenient('[sentry] starting export\n  [ignored, too]\n[\n{"a": 1}]');
    expect(texts).toEqual(['{"a": 1}']);
    expect(problems.map((found) => [found.kind, found.line, found.offset])).toEqual([['TextBeforeArray', 1, 0]]);
    expect(problems[0]?.message).toContain('starting "[sentry] starting export"');
    expect(problems[0]?.message).toContain('(which starts at line 3)');
  });

  it('notes a byte order mark', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytesOf('[{"a": 1}]')]);
    expect(lenient(bom).problems.map((found) => found.kind)).toEqual(['ByteOrderMark']);
  });

  it('assumes a missing comma, and skips text between elements', () => {
    const { texts, problems } = lenient('[\n{"a": 1}\n{"b": 2},\nStill exporting\n,{"c": 3}]');
    expect(texts).toEqual(['{"a": 1}', '{"b": 2}', 'Still', '{"c": 3}']);
    expect(problems.map((found) => [found.kind, found.line])).toEqual([['MalformedArray', 3], ['MalformedArray', 4]]);
  });

  it('skips an element with bytes that are not UTF-8, naming the byte and its line', () => {
    const input = new Uint8Array([...bytesOf('[{"a": 1},\n{"b": "x\n'), 0xff, ...bytesOf('"},\n{"c": 3}]')]);
    const { texts, problems } = lenient(input);
    expect(texts).toEqual(['{"a": 1}', '{"c": 3}']);
    expect(problems).toEqual([expect.objectContaining({ kind: 'InvalidUtf8', line: 3, offset: 20, index: 1 })]);
  });

  it('says where a truncated file stops, and yields what came before', () => {
    const cut = '[\n{"a": 1},\n{"b": [1,';
    const { texts, problems } = lenient(cut);
    expect(texts).toEqual(['{"a": 1}']);
    expect(problems).toEqual([expect.objectContaining({ kind: 'Truncated', line: 3, offset: cut.length })]);
    expect(problems[0]?.message).toBe(`Truncated: the file stops at line 3 (byte ${cut.length}) inside the element that starts at line 3; that element and everything after it are missing`);
    expect(lenient('[\n{"a": 1},\n').problems[0]?.message).toBe('Truncated: the file stops at line 3 (byte 12) before the "]" that closes the array opened at line 1; what came after is missing');
  });

  it('says when there is no array at all', () => {
    expect(lenient('').problems.map((found) => found.message)).toEqual(['No JSON array: the file is empty; an export is a JSON array of objects']);
    expect(lenient(PROGRESS).problems.map((found) => found.kind)).toEqual(['NoArray']);
  });
});
