/**
 * The streaming reader's errors and reported problems (array-elements.ts), and what the end of
 * the input says: done, empty, or truncated, and where.
 */
import { RelocateError } from '../errors.js';
import type { TextRun } from './reader-text.js';

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

export type ReaderProblemKind = 'TextBeforeArray' | 'TextAfterArray' | 'ByteOrderMark' | 'InvalidUtf8' | 'Truncated' | 'MalformedArray' | 'NoArray' | 'TooDeep';

/** A problem the reader reported and went past (see `ArrayReadOptions.onProblem`). */
export interface ReaderProblem {
  readonly kind: ReaderProblemKind;
  readonly line: number;
  /** The byte offset in the input where it is. */
  readonly offset: number;
  /** How many bytes it covers (text around the array). */
  readonly bytes?: number;
  readonly message: string;
  readonly model?: string | undefined;
  /** The element it is in (0-based), which the reader then skips. */
  readonly index?: number;
}

export interface ArrayReadOptions {
  /** Report each problem here and go on, instead of throwing at the first. */
  readonly onProblem?: (problem: ReaderProblem) => void;
}

/** What the reader knew when the input ended. */
export interface Ending {
  readonly lenient: boolean;
  readonly report: (kind: ReaderProblemKind, line: number, offset: number, message: string, extra?: Partial<ReaderProblem>) => void;
  readonly line: number;
  readonly base: number;
  readonly arrayLine: number;
  readonly elementLine: number;
  readonly text: TextRun | undefined;
  readonly candidate: { readonly offset: number; readonly line: number };
  readonly endJunk: () => void;
}

/** What the end of the input says: done, empty, or truncated (and where). */
export function finishReading(where: 'done' | 'start' | 'candidate' | 'junk' | 'element' | 'array', end: Ending): void {
  const { report, line, base, text } = end;
  if (where === 'done') {
    if (text !== undefined) report('TextAfterArray', text.line, text.offset, `${text.describe()}, after the JSON array: not JSON, such as Sentry's log lines; an import refuses the file, repair removes the text`, { bytes: text.bytes });
    return;
  }
  if (where === 'start') {
    if (!end.lenient) throw new JsonInputError('Empty input: expected a JSON array of objects', line);
    const what = text === undefined ? 'the file is empty' : `the file is ${text.describe()}`;
    report('NoArray', text?.line ?? 1, text?.offset ?? 0, `No JSON array: ${what}; an export is a JSON array of objects`);
    return;
  }
  if (where === 'junk') end.endJunk();
  const stops = `the file stops at line ${line} (byte ${base})`;
  if (where === 'candidate') {
    if (text !== undefined) report('TextBeforeArray', text.line, text.offset, `${text.describe()}, before the JSON array: not JSON`, { bytes: text.bytes });
    report('Truncated', line, base, `Truncated: ${stops} right after the "[" that opens the array at line ${end.candidate.line}`);
    return;
  }
  if (where === 'element') {
    const message = end.lenient
      ? `Truncated: ${stops} inside the element that starts at line ${end.elementLine}; that element and everything after it are missing`
      : `Truncated JSON: the input ends inside an element that starts at line ${end.elementLine}`;
    report('Truncated', end.elementLine, base, message);
    return;
  }
  const message = end.lenient
    ? `Truncated: ${stops} before the "]" that closes the array opened at line ${end.arrayLine}; what came after is missing`
    : `Truncated JSON: the input ends inside the array (opened at line ${end.arrayLine})`;
  report('Truncated', line, base, message);
}
