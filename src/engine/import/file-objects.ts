/**
 * The objects of an export file, one at a time: each array element parsed and checked for the
 * shape Sentry's deserializer expects (`{"model": str, "pk": int, "fields": {...}}`). Anything
 * else is a DeserializationFailed error naming the element's line, before any row is written;
 * other keys beside those three are ignored, as Django's deserializer ignores them, and listed
 * on the object so that the import can report them.
 */
import { arrayElements, JsonInputError } from '../../core/json/array-elements.js';
import type { ArrayElement } from '../../core/json/array-elements.js';
import { parseJsonText } from '../../core/json/json-text.js';
import { PyFloat, pythonFloat } from '../../core/json/python-json.js';
import { ImportingError } from './import-error.js';
import { shown } from '../../core/text/shown-value.js';

export interface FileObject {
  readonly model: string;
  readonly pk: number;
  readonly fields: Readonly<Record<string, unknown>>;
  /** 1-based line where the object starts. */
  readonly line: number;
  /** Keys beside model, pk and fields, which Django's deserializer ignores (so do we, and report them). */
  readonly extraKeys?: readonly string[];
}

/** A re-readable source of the file's bytes (a file, a buffer, a browser File read in slices). */
export interface ImportSource {
  chunks(): Iterable<Uint8Array>;
  /**
   * The file's objects, already parsed once and held (see `heldObjects`): readers then iterate
   * them instead of parsing the bytes again. They must not be changed.
   */
  readonly parsed?: readonly FileObject[];
}

/**
 * JSON.parse is fast but turns `1.0` into `1`; a float written with a zero fraction or an exponent
 * must come back as a float, so text that may hold one goes through the float-keeping parser.
 */
const MAY_HOLD_INTEGRAL_FLOAT = /[:[,]\s*-?\d+(?:\.0+(?:[eE][+-]?\d+)?|(?:\.\d+)?[eE][+-]?\d+)\s*[,\]}]/;

/** A cheaper test that every text the precise one matches also matches (most texts match neither). */
const MAY_HOLD_FLOAT_ROUGHLY = /\.0+[,\]}\s]|\d[eE][+-]?\d/;

function parseText(text: string): unknown {
  return MAY_HOLD_FLOAT_ROUGHLY.test(text) && MAY_HOLD_INTEGRAL_FLOAT.test(text) ? parseJsonText(text) : JSON.parse(text);
}

/** Why an element is not an object of an export: its text is not JSON, or its shape is not Sentry's. */
export type ElementProblem = (kind: 'InvalidJson' | 'InvalidObject', reason: string, model: string, pk: number | undefined) => void;

/** The element as an export object; throws DeserializationFailed (naming its line) when it is not one. */
export function parseElement(element: ArrayElement): FileObject {
  return checkedElement(element) as FileObject;
}

/**
 * The element as an export object, or undefined after telling `onProblem` why it is not one (or,
 * without `onProblem`, throwing DeserializationFailed as the import does).
 */
export function checkedElement(element: ArrayElement, onProblem?: ElementProblem): FileObject | undefined {
  const fail = (kind: 'InvalidJson' | 'InvalidObject', reason: string, model = '', leftPk?: number): undefined => {
    if (onProblem === undefined) throw new ImportingError('DeserializationFailed', { model, line: element.line, leftPk }, reason);
    onProblem(kind, reason, model, leftPk);
    return undefined;
  };
  // A "__proto__" key would become an object's prototype in some parsers; no Sentry field has it.
  if (element.text.includes('"__proto__"')) return fail('InvalidObject', 'the key "__proto__" is not allowed in an export');
  let value: unknown;
  try {
    value = parseText(element.text);
  } catch (error) {
    // JSON.parse quotes the element, newlines and all; the error must stay one line.
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
    return fail('InvalidJson', `invalid JSON in element ${element.index + 1}: ${message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail('InvalidObject', `element ${element.index + 1} is not an object; expected {"model": ..., "pk": ..., "fields": {...}}`);
  }
  const object = value as Record<string, unknown>;
  const { model, pk, fields } = object;
  if (typeof model !== 'string') {
    return fail('InvalidObject', `expected "model" to be a string like "sentry.user"${model === undefined ? ' (the object has none)' : ''}`);
  }
  if (typeof pk !== 'number' || !Number.isInteger(pk)) {
    const given = pk instanceof PyFloat ? pythonFloat(pk.value) : JSON.stringify(pk) ?? 'nothing';
    return fail('InvalidObject', `expected "pk" to be an integer, got ${pk === undefined ? 'nothing' : shown(given)}`, model);
  }
  if (!Number.isSafeInteger(pk)) return fail('InvalidObject', `expected "pk" to be an integer within ±(2^53 − 1), got ${BigInt(pk).toString()}`, model);
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) {
    return fail('InvalidObject', `expected "fields" to be an object${fields === undefined ? ' (the object has none)' : ''}`, model, pk);
  }
  let extraKeys: string[] | undefined;
  for (const key of Object.keys(object)) {
    if (key !== 'model' && key !== 'pk' && key !== 'fields') (extraKeys ??= []).push(key);
  }
  const parsed = { model, pk, fields: fields as Record<string, unknown>, line: element.line };
  return extraKeys === undefined ? parsed : { ...parsed, extraKeys };
}

/** Every object of the source, in file order. */
export function* fileObjects(source: ImportSource): Generator<FileObject> {
  if (source.parsed !== undefined) {
    yield* source.parsed;
    return;
  }
  try {
    for (const element of arrayElements(source.chunks())) yield parseElement(element);
  } catch (error) {
    if (error instanceof JsonInputError) {
      throw new ImportingError('DeserializationFailed', { model: error.model ?? '', line: error.line }, error.message, { cause: error });
    }
    throw error;
  }
}

/**
 * The largest file whose objects the CLI and the inspector hold between passes (about the file's
 * size again in memory: 80 MB more for a 94 MB export); larger files are streamed by each pass.
 */
export const HOLD_OBJECTS_UP_TO = 256 * 1024 * 1024;

/**
 * The source with its objects parsed once and held, for a caller that reads a file several times
 * (inspect, then an import's two passes) and can afford the memory: about three times the file.
 */
export function heldObjects(source: ImportSource): ImportSource {
  const held = heldWhenRead(source);
  void held.parsed; // parsed now, not on first read
  return held;
}

/**
 * The source, its objects parsed and held when a reader first asks for them (so that the parse,
 * and its errors, happen in that reader's pass, not before it).
 */
export function heldWhenRead(source: ImportSource): ImportSource {
  if (source.parsed !== undefined) return source;
  let parsed: readonly FileObject[] | undefined;
  return {
    chunks: () => source.chunks(),
    get parsed() {
      return (parsed ??= [...fileObjects(source)]);
    },
  };
}
