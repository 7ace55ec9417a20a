/**
 * Reads a JSON document that is one top-level array (a Sentry backup export) from a stream of byte
 * chunks and yields each element's text in turn. Exports can exceed Node's 512 MB string limit, so
 * the document is never one string: only each element is decoded, and the caller parses it.
 *
 * Only boundaries are found here, from string state (with backslash escapes) and bracket depth; an
 * element's inner syntax is left to the caller's JSON.parse. Strings are crossed with indexOf, which
 * is native, and newlines are counted the same way, so the per-byte JavaScript loop only runs over
 * the structure between strings. There is no separate path for one-element-per-line files: proving
 * that a line is a whole element takes the same scan, so it would save nothing.
 *
 * By default the first problem throws (import, compare, sanitize). Given `onProblem` (check,
 * repair), the reader reports each problem and goes on: text before the array (Sentry's progress
 * lines) and after it is skipped, an element it cannot decode is skipped, a missing comma is
 * assumed, and the end of a truncated file is said where it is. The array then starts at the first
 * `[` that begins a line and is followed by `{` or `]`, so that a `[` inside a log line is text.
 */
import { MAX_NESTING_DEPTH, tooDeepReason } from './nesting.js';
import { TextRun, characterAt, firstInvalidUtf8, modelIn, newlinesBefore } from './reader-text.js';
import { JsonInputError, finishReading } from './reader-problems.js';
import type { ArrayReadOptions, ReaderProblem, ReaderProblemKind } from './reader-problems.js';

export { JsonInputError };
export type { ArrayReadOptions, ReaderProblem, ReaderProblemKind };

export interface ArrayElement {
  /** The element's JSON text, decoded from UTF-8 (no surrounding whitespace or comma). */
  readonly text: string;
  /** 1-based line of the element's first byte in the whole input. */
  readonly line: number;
  /** 0-based position of the element in the array. */
  readonly index: number;
}

// Where the reader is, outside an element's bytes.
const START = 0; // before the `[`
const FIRST = 1; // after the `[`: an element or `]`
const AFTER = 2; // after an element: `,` or `]`
const NEXT = 3; // after a `,`: an element
const ELEMENT = 4; // inside an element
const DONE = 5; // after the `]`: only whitespace
const CANDIDATE = 6; // lenient: after a `[` that may start the array, until `{` or `]` says so
const JUNK = 7; // lenient: text between elements, until `,`, `]` or `{`

const BOM = [0xef, 0xbb, 0xbf];
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
// Bytes that end a scalar element (a number, true, false or null) at the top level.
const SCALAR_END = new Uint8Array(256);
for (const b of [0x20, 0x09, 0x0a, 0x0d, 0x2c, 0x5d]) SCALAR_END[b] = 1;
const isSpace = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** The character at `at`, quoted for a message; throws on a byte that cannot start UTF-8. */
function found(chunk: Uint8Array, at: number, line: number): string {
  const character = characterAt(chunk, at);
  if (character === undefined) throw new JsonInputError(`Invalid UTF-8 at line ${line}`, line);
  return character;
}

/** Yields the top-level elements of the JSON array in `chunks`, which may split anywhere. */
export function* arrayElements(chunks: Iterable<Uint8Array>, options: ArrayReadOptions = {}): Generator<ArrayElement, void, undefined> {
  // ignoreBOM keeps a stray U+FEFF inside an element, so JSON.parse rejects it rather than never seeing it.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const { onProblem } = options;
  const lenient = onProblem !== undefined;
  /** In lenient mode, reports and goes on; otherwise throws the same words. */
  const report = (kind: ReaderProblemKind, line: number, offset: number, message: string, extra: Partial<ReaderProblem> = {}): void => {
    if (onProblem === undefined) throw new JsonInputError(message, line, extra.model);
    onProblem({ kind, line, offset, message, ...extra });
  };
  let phase = START;
  let line = 1; // newlines before the current chunk's counted position, plus one
  let base = 0; // bytes before the current chunk
  let bom = 0; // bytes of a leading BOM matched; 3 once past where one could be
  let arrayLine = 1;
  let commaLine = 1;
  let index = 0;
  // Lenient: text outside the array, whether the current line is blank so far, a possible `[`.
  let text: TextRun | undefined;
  let junk: TextRun | undefined;
  let lineBlank = true;
  let candidate = { offset: 0, line: 1 };
  // The element being read: its start line and offset, bracket depth, and string state.
  let elementLine = 1;
  let elementOffset = 0;
  let depth = 0;
  let inString = false;
  let escaped = false; // the previous chunk ended inside a string on an unpaired backslash
  let scalar = false;
  let skipping = false; // lenient: the element nests too deep and is not yielded
  // An element that spans chunks is copied here, and decoded once it is complete.
  let held = new Uint8Array(0);
  let heldLength = 0;
  const hold = (part: Uint8Array): void => {
    if (heldLength + part.length > held.length) {
      const grown = new Uint8Array(Math.max(held.length * 2, heldLength + part.length, 1 << 16));
      grown.set(held.subarray(0, heldLength));
      held = grown;
    }
    held.set(part, heldLength);
    heldLength += part.length;
  };
  const arrayStarts = (atLine: number): void => {
    if (text !== undefined) {
      report('TextBeforeArray', text.line, text.offset, `${text.describe()}, before the JSON array (which starts at line ${atLine}): not JSON, such as Sentry's progress lines; an import refuses the file, repair removes the text`, { bytes: text.bytes });
      text = undefined;
    }
    arrayLine = atLine;
  };
  const endJunk = (): void => {
    if (junk === undefined) return;
    report('MalformedArray', junk.line, junk.offset, `${junk.describe()}, between elements of the array: not JSON`, { bytes: junk.bytes });
    junk = undefined;
  };

  for (const chunk of chunks) {
    const length = chunk.length;
    if (length === 0) continue;
    let nextNewline = chunk.indexOf(NEWLINE);
    if (nextNewline < 0) nextNewline = length;
    // The line of the byte at `at`; calls come in increasing `at`, so counting is linear overall.
    const lineAt = (at: number): number => {
      while (nextNewline < at) {
        line++;
        nextNewline = chunk.indexOf(NEWLINE, nextNewline + 1);
        if (nextNewline < 0) nextNewline = length;
      }
      return line;
    };
    let pos = 0;
    let start = 0; // where the current element's bytes begin in this chunk
    let stringFrom = 0; // backslashes before a quote are counted back no further than this
    if (escaped) {
      pos = stringFrom = 1;
      escaped = false;
    }

    while (pos < length) {
      if (phase === ELEMENT) {
        let end = -1;
        if (scalar) {
          while (pos < length && SCALAR_END[chunk[pos] as number] === 0) pos++;
          if (pos < length) end = pos;
        } else {
          scan: while (pos < length) {
            if (inString) {
              const quote = chunk.indexOf(QUOTE, pos);
              const stop = quote < 0 ? length : quote;
              let k = stop - 1;
              while (k >= stringFrom && chunk[k] === BACKSLASH) k--;
              const oddBackslashes = ((stop - 1 - k) & 1) === 1;
              if (quote < 0) {
                escaped = oddBackslashes;
                pos = length;
                break;
              }
              pos = quote + 1;
              if (oddBackslashes) continue;
              inString = false;
              if (depth === 0) {
                end = pos;
                break;
              }
            }
            for (; pos < length; pos++) {
              const b = chunk[pos] as number;
              if (b === 0x20) continue; // indentation: most of the bytes between strings in indent-2 files
              if (b === QUOTE) {
                inString = true;
                stringFrom = ++pos;
                continue scan;
              }
              if (b === 0x7b || b === 0x5b) {
                // The element is one level inside the file's array; refused here, no walker sees it.
                if (++depth >= MAX_NESTING_DEPTH && !skipping) {
                  const at = lineAt(pos);
                  const model = modelIn([held.subarray(0, heldLength), chunk.subarray(start, pos)]);
                  report('TooDeep', elementLine, base + pos, `The element at line ${elementLine} has ${tooDeepReason()}: the level past it opens at line ${at}`, { model, index });
                  skipping = true;
                }
              } else if ((b === 0x7d || b === 0x5d) && --depth === 0) {
                end = ++pos;
                break scan;
              }
            }
          }
        }
        if (end < 0) break;
        let bytes = chunk.subarray(start, end);
        if (heldLength > 0) {
          hold(bytes);
          bytes = held.subarray(0, heldLength);
        }
        let decoded: string | undefined;
        if (!skipping) {
          try {
            decoded = decoder.decode(bytes);
          } catch {
            const bad = firstInvalidUtf8(bytes);
            const badLine = elementLine + newlinesBefore(bytes, bad);
            const message = lenient
              ? `Bytes that are not UTF-8 at line ${badLine} (byte ${elementOffset + bad}), in the element at line ${elementLine}: the element is skipped`
              : `Invalid UTF-8 in the element at line ${elementLine}`;
            report('InvalidUtf8', lenient ? badLine : elementLine, elementOffset + bad, message, lenient ? { index, model: modelIn([bytes]) } : {});
          }
        }
        skipping = false;
        heldLength = 0;
        if (held.length > 1 << 24) held = new Uint8Array(0); // do not keep one huge element's buffer
        phase = AFTER;
        const at = index++;
        if (decoded !== undefined) yield { text: decoded, line: elementLine, index: at };
        continue;
      }

      const b = chunk[pos] as number;
      if (bom < 3) {
        if (b === BOM[bom]) {
          bom++;
          pos++;
          if (bom === 3 && lenient) report('ByteOrderMark', 1, 0, 'The file starts with a UTF-8 byte order mark (EF BB BF): Python\'s json module reads it, and repair removes it');
          continue;
        }
        if (bom > 0) {
          if (!lenient) throw new JsonInputError('Expected a JSON array at line 1, found non-ASCII text', 1);
          text = new TextRun(0, 1);
          text.bytes = bom;
        }
        bom = 3;
      }
      if (phase === START && lenient) {
        // Text before the array is skipped, a byte at a time: it is a few progress lines.
        if (b === 0x5b && lineBlank) {
          candidate = { offset: base + pos, line: lineAt(pos) };
          phase = CANDIDATE;
        } else if (text !== undefined || !isSpace(b)) {
          text ??= new TextRun(base + pos, lineAt(pos));
          text.add(chunk, pos, pos + 1);
        }
        if (b === NEWLINE) lineBlank = true;
        else if (!isSpace(b)) lineBlank = false;
        pos++;
        continue;
      }
      if (phase === DONE && lenient && (text !== undefined || !isSpace(b))) {
        text ??= new TextRun(base + pos, lineAt(pos));
        text.add(chunk, pos, length);
        pos = length;
        continue;
      }
      if (phase === JUNK && b !== 0x2c && b !== 0x5d && b !== 0x7b) {
        (junk as TextRun).add(chunk, pos, pos + 1);
        pos++;
        continue;
      }
      if (isSpace(b)) {
        pos++;
        continue;
      }
      const here = lineAt(pos);
      if (phase === CANDIDATE) {
        if (b === 0x7b || b === 0x5d) {
          arrayStarts(candidate.line);
          phase = FIRST;
        } else {
          // The `[` began a line of text, not the array.
          text ??= new TextRun(candidate.offset, candidate.line);
          text.add(Uint8Array.of(0x5b), 0, 1);
          text.bytes += base + pos - candidate.offset - 1;
          phase = START;
          lineBlank = false;
        }
        continue;
      }
      if (phase === JUNK) {
        endJunk();
        phase = b === 0x7b ? NEXT : AFTER;
        continue;
      }
      if (phase === START) {
        if (b !== 0x5b) throw new JsonInputError(`Expected a JSON array at line ${here}, found ${found(chunk, pos, here)}`, here);
        arrayStarts(here);
        phase = FIRST;
        pos++;
      } else if (phase === AFTER) {
        if (b === 0x2c) {
          commaLine = here;
          phase = NEXT;
        } else if (b === 0x5d) {
          phase = DONE;
        } else if (b === 0x7b || b === 0x5b || b === QUOTE) {
          report('MalformedArray', here, base + pos, `Missing comma between elements at line ${here}`);
          phase = NEXT;
          continue; // the element starts here
        } else if (lenient) {
          junk = new TextRun(base + pos, here);
          phase = JUNK;
          continue;
        } else {
          throw new JsonInputError(`Expected "," or "]" after the element at line ${here}, found ${found(chunk, pos, here)}`, here);
        }
        pos++;
      } else if (phase === DONE) {
        found(chunk, pos, here); // invalid UTF-8 says so rather than "text"
        throw new JsonInputError(`Unexpected text after the array at line ${here}`, here);
      } else if (b === 0x5d) {
        if (phase === NEXT) report('MalformedArray', commaLine, base + pos, `Trailing comma before "]" at line ${commaLine}`);
        phase = DONE;
        pos++;
      } else if (b === 0x2c) {
        report('MalformedArray', here, base + pos, `Expected an element at line ${here}, found ","`);
        phase = NEXT;
        pos++;
      } else {
        // The scan reads this first byte too, so an element that starts at a chunk's end is held.
        phase = ELEMENT;
        elementLine = here;
        elementOffset = base + pos;
        start = pos;
        depth = 0;
        inString = false;
        scalar = b !== 0x7b && b !== 0x5b && b !== QUOTE;
      }
    }
    if (phase === ELEMENT) hold(chunk.subarray(start, length)); // continued in the next chunk
    lineAt(length);
    base += length;
  }

  const where = phase === DONE ? 'done' : phase === START ? 'start' : phase === CANDIDATE ? 'candidate' : phase === JUNK ? 'junk'
    : phase === ELEMENT && !scalar ? 'element' : 'array';
  finishReading(where, { lenient, report, line, base, arrayLine, elementLine, text, candidate, endJunk });
}
