/**
 * How each field class is held in SQLite and carried in an export. One place, used by export,
 * seed and (later) import, so that a value survives export → import → export unchanged.
 *
 * Storage: integers, booleans (0/1) and bit fields as INTEGER; floats as REAL; JSON-ish values
 * (JSONField, PickledObjectField, GzippedDictField, ArrayField) as JSON text; datetimes as Sentry's
 * canonical text; everything else as TEXT.
 */
import { fieldClassInfo } from '../core/registry/field-classes.js';
import type { Field } from '../core/registry/types.js';
import { PyFloat, dumpPythonJson } from '../core/json/python-json.js';
import { parseJsonText, pythonRepr } from '../core/json/json-text.js';
import type { JsonValue } from '../core/json/json-text.js';
import { toSentryDatetime } from '../core/json/datetime.js';
import type { SqlValue } from './port.js';
import { shown } from '../core/text/shown-value.js';

/** Sentry's compact `json.dumps` (separators "," and ":"), used inside pickled and gzipped values. */
function compactJson(value: JsonValue): string {
  return dumpPythonJson(value).replace(/("(?:[^"\\]|\\.)*")|, |: /g, (match, quoted: string | undefined) =>
    quoted ?? match.trim());
}

const same = (stored: SqlValue): unknown => stored;

/**
 * The converter from stored value to export value for one field, chosen once per field so that
 * exporting a row does no lookups (most fields store exactly what they export).
 */
export function exportConverter(field: Field): (stored: SqlValue) => unknown {
  const kind = fieldClassInfo(field.class).value;
  if (kind === 'integer' || kind === 'string' || kind === 'uuid' || kind === 'datetime' || kind === 'date' || kind === 'decimal') return same;
  return (stored) => toExportValue(field, stored);
}

/** A stored value as it appears in an export's `fields` (PyFloat marks Python floats). */
export function toExportValue(field: Field, stored: SqlValue): unknown {
  if (stored === null) return null;
  switch (fieldClassInfo(field.class).value) {
    case 'boolean':
      return stored === 1;
    case 'float':
      return new PyFloat(stored as number);
    case 'bitfield':
      return String(stored);
    case 'json':
      return parseJsonText(stored as string);
    case 'pickled': {
      // Django keeps "protected" types (None, numbers, booleans) and asks the field for text otherwise.
      const value = parseJsonText(stored as string);
      return value === null || typeof value === 'number' || typeof value === 'boolean' || value instanceof PyFloat
        ? value
        : compactJson(value);
    }
    case 'gzipped':
      return compactJson(parseJsonText(stored as string));
    case 'array':
      return pythonRepr(parseJsonText(stored as string));
    default:
      return stored;
  }
}

function jsonOrText(text: string): JsonValue {
  try {
    return parseJsonText(text);
  } catch {
    return text;
  }
}

type StoreConverter = (value: unknown) => SqlValue;

const storeConverters = new WeakMap<Field, StoreConverter>();

/** A value from an export (or a seed) as it is stored. Throws TypeError / SyntaxError when it cannot fit. */
export function toStoredValue(field: Field, value: unknown): SqlValue {
  let convert = storeConverters.get(field);
  if (convert === undefined) storeConverters.set(field, (convert = storeConverter(field)));
  return convert(value);
}

/** The converter for one field, chosen once (an import converts every field of every row). */
function storeConverter(field: Field): StoreConverter {
  const expect = (what: string, value: unknown): never => {
    throw new TypeError(`Expected ${what} for ${field.name} (${field.class}), got ${shown(JSON.stringify(value instanceof PyFloat ? value.value : value) ?? String(value))}`);
  };
  const nullable = (convert: (value: unknown) => SqlValue): StoreConverter => (value) => (value === null || value === undefined ? null : convert(value));
  switch (fieldClassInfo(field.class).value) {
    case 'integer':
      return nullable((value) => (typeof value === 'number' && Number.isInteger(value) ? value : expect('an integer', value)));
    case 'bitfield':
      return nullable((value) => {
        const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
        return typeof number === 'number' && Number.isInteger(number) ? number : expect('a bit field (integer or its decimal text)', value);
      });
    case 'boolean':
      return nullable((value) => (typeof value === 'boolean' ? (value ? 1 : 0) : expect('true or false', value)));
    case 'float':
      return nullable((value) => {
        if (value instanceof PyFloat) return value.value;
        return typeof value === 'number' ? value : expect('a number', value);
      });
    case 'datetime':
      return nullable((value) => (typeof value === 'string' ? toSentryDatetime(value) : expect('a datetime string', value)));
    case 'json':
      return nullable((value) => dumpPythonJson(value));
    case 'pickled':
    case 'gzipped':
      // Strings in an export are the value's JSON text; anything else is the value itself. A
      // string that is not JSON is the value (Sentry's field falls back to it when json.loads fails).
      return nullable((value) => (typeof value === 'string' ? dumpPythonJson(jsonOrText(value)) : dumpPythonJson(value)));
    case 'array':
      return nullable((value) => {
        if (Array.isArray(value)) return dumpPythonJson(value);
        return typeof value === 'string' ? dumpPythonJson(parseJsonText(value, { python: true })) : expect('a list', value);
      });
    default:
      return nullable((value) => (typeof value === 'string' ? value : expect('a string', value)));
  }
}
