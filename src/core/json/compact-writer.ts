/**
 * The compact JSON Sentry encrypts (`orjson.dumps`): no spaces, UTF-8 as is (only quotes,
 * backslashes and control characters escaped), floats written as Python writes them. Same
 * interface as ExportWriter, so the encrypting paths can swap one for the other.
 */
import { plainObject } from './export-writer.js';
import type { WritableObject } from './export-writer.js';
import { PyFloat, pythonFloat } from './python-json.js';

export function compactJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : pythonFloat(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof PyFloat) return pythonFloat(value.value);
  if (Array.isArray(value)) return `[${value.map(compactJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record).map((key) => `${JSON.stringify(key)}:${compactJson(record[key])}`).join(',')}}`;
}

export class CompactExportWriter {
  #count = 0;

  object(object: WritableObject): string {
    const { fields } = plainObject(object);
    return `${this.#count++ === 0 ? '[' : ','}{"model":${JSON.stringify(object.model)},"pk":${object.pk},"fields":${compactJson(fields)}}`;
  }

  end(): string {
    return this.#count === 0 ? '[]' : ']';
  }
}
