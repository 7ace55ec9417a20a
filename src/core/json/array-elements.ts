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
 */
import { RelocateError } from '../errors.js';
import { MAX_NESTING_DEPTH, tooDeepReason } from './nesting.js';

export interface ArrayElement {
  /** The element's JSON text, decoded from UTF-8 (no surrounding whitespace or comma). */
  readonly text: string;
  /** 1-based line of the element's first byte in the whole input. */
  readonly line: number;
  /** 0-based position of the element in the array. */
  readonly index: number;
}

/**
 * Input that is not a well-formed JSON array. `line` (1-based, counting `\n` bytes) is where to look:
 * the offending byte, or the start of an element the input ends inside. `model` is the element's
 * model, when the error is inside an element whose "model" came before it.
 */
export class JsonInputError extends RelocateError {
  readonly kind = 'InvalidJson';

  constructor(message: string, readonly line: number, readonly model?: string) {
    super(message);
  }
}

const MODEL_KEY = /"model"\s*:\s*"([^"\\]{1,200})"/;

/** The "model" an element's first bytes name, if they do (read from at most its first 64 KiB). */
function modelIn(parts: readonly Uint8Array[]): string | undefined {
  let text = '';
  const decoder = new TextDecoder('utf-8');
  for (const part of parts) {
    text += decoder.decode(part.subarray(0, Math.max(0, (1 << 16) - text.length)), { stream: true });
    if (text.length >= 1 << 16) break;
  }
  return MODEL_KEY.exec(text)?.[1];
}

// Where the reader is, outside an element's bytes.
const START = 0; // before the `[`
const FIRST = 1; // after the `[`: an element or `]`
const AFTER = 2; // after an element: `,` or `]`
const NEXT = 3; // after a `,`: an element
const ELEMENT = 4; // inside an element
const DONE = 5; // after the `]`: only whitespace

const BOM = [0xef, 0xbb, 0xbf];
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
// Bytes that end a scalar element (a number, true, false or null) at the top level.
const SCALAR_END = new Uint8Array(256);
for (const b of [0x20, 0x09, 0x0a, 0x0d, 0x2c, 0x5d]) SCALAR_END[b] = 1;

/** The character at `at`, quoted for a message; throws on a byte that cannot start UTF-8. */
function found(chunk: Uint8Array, at: number, line: number): string {
  const lead = chunk[at] as number;
  if (lead < 0x80) return JSON.stringify(String.fromCharCode(lead));
  const size = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (size === 0) throw new JsonInputError(`Invalid UTF-8 at line ${line}`, line);
  if (at + size > chunk.length) return 'non-ASCII text';
  try {
    return JSON.stringify(new TextDecoder('utf-8', { fatal: true }).decode(chunk.subarray(at, at + size)));
  } catch {
    throw new JsonInputError(`Invalid UTF-8 at line ${line}`, line);
  }
}

/** Yields the top-level elements of the JSON array in `chunks`, which may split anywhere. */
export function* arrayElements(chunks: Iterable<Uint8Array>): Generator<ArrayElement, void, undefined> {
  // ignoreBOM keeps a stray U+FEFF inside an element, so JSON.parse rejects it rather than never seeing it.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let phase = START;
  let line = 1; // newlines before the current chunk's counted position, plus one
  let bom = 0; // bytes of a leading BOM matched; 3 once past where one could be
  let arrayLine = 1;
  let commaLine = 1;
  let index = 0;
  // The element being read: its start line, bracket depth, and string state.
  let elementLine = 1;
  let depth = 0;
  let inString = false;
  let escaped = false; // the previous chunk ended inside a string on an unpaired backslash
  let scalar = false;
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
                if (++depth >= MAX_NESTING_DEPTH) {
                  const at = lineAt(pos);
                  const model = modelIn([held.subarray(0, heldLength), chunk.subarray(start, pos)]);
                  throw new JsonInputError(`The element at line ${elementLine} has ${tooDeepReason()}: the level past it opens at line ${at}`, elementLine, model);
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
        let text: string;
        try {
          text = decoder.decode(bytes);
        } catch {
          throw new JsonInputError(`Invalid UTF-8 in the element at line ${elementLine}`, elementLine);
        }
        heldLength = 0;
        if (held.length > 1 << 24) held = new Uint8Array(0); // do not keep one huge element's buffer
        phase = AFTER;
        yield { text, line: elementLine, index: index++ };
        continue;
      }

      const b = chunk[pos] as number;
      if (bom < 3) {
        if (b === BOM[bom]) {
          bom++;
          pos++;
          continue;
        }
        if (bom > 0) throw new JsonInputError('Expected a JSON array at line 1, found non-ASCII text', 1);
        bom = 3;
      }
      if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) {
        pos++;
        continue;
      }
      const here = lineAt(pos);
      if (phase === START) {
        if (b !== 0x5b) throw new JsonInputError(`Expected a JSON array at line ${here}, found ${found(chunk, pos, here)}`, here);
        arrayLine = here;
        phase = FIRST;
        pos++;
      } else if (phase === AFTER) {
        if (b === 0x2c) {
          commaLine = here;
          phase = NEXT;
        } else if (b === 0x5d) {
          phase = DONE;
        } else if (b === 0x7b || b === 0x5b || b === QUOTE) {
          throw new JsonInputError(`Missing comma between elements at line ${here}`, here);
        } else {
          throw new JsonInputError(`Expected "," or "]" after the element at line ${here}, found ${found(chunk, pos, here)}`, here);
        }
        pos++;
      } else if (phase === DONE) {
        found(chunk, pos, here); // invalid UTF-8 says so rather than "text"
        throw new JsonInputError(`Unexpected text after the array at line ${here}`, here);
      } else if (b === 0x5d) {
        if (phase === NEXT) throw new JsonInputError(`Trailing comma before "]" at line ${commaLine}`, commaLine);
        phase = DONE;
        pos++;
      } else if (b === 0x2c) {
        throw new JsonInputError(`Expected an element at line ${here}, found ","`, here);
      } else {
        // The scan reads this first byte too, so an element that starts at a chunk's end is held.
        phase = ELEMENT;
        elementLine = here;
        start = pos;
        depth = 0;
        inString = false;
        scalar = b !== 0x7b && b !== 0x5b && b !== QUOTE;
      }
    }
    if (phase === ELEMENT) hold(chunk.subarray(start, length)); // continued in the next chunk
    lineAt(length);
  }

  if (phase === DONE) return;
  if (phase === START) throw new JsonInputError('Empty input: expected a JSON array of objects', line);
  if (phase === ELEMENT && !scalar) {
    throw new JsonInputError(`Truncated JSON: the input ends inside an element that starts at line ${elementLine}`, elementLine);
  }
  throw new JsonInputError(`Truncated JSON: the input ends inside the array (opened at line ${arrayLine})`, line);
}
