/**
 * PostgreSQL column types as they decide how a field is read and written. A field's column may
 * not be of the type relocate would give it: Sentry keeps its older JSON fields in text and its
 * newer ones in jsonb, its arrays as text[] or bigint[], some UUIDs in varchar. So reads and
 * writes follow the column's real type (from the database's catalog), and a type that cannot
 * hold the field's values is a difference the schema check reports.
 */
import { fieldClassInfo } from '../core/registry/field-classes.js';
import type { ValueKind } from '../core/registry/field-classes.js';
import type { Field } from '../core/registry/types.js';
import type { SqlValue } from './port.js';

export type PostgresFamily =
  | 'integer' | 'boolean' | 'float' | 'numeric' | 'text' | 'timestamptz' | 'timestamp' | 'date'
  | 'json' | 'jsonb' | 'uuid' | 'inet' | 'array' | 'other';

const FAMILIES: Readonly<Record<string, PostgresFamily>> = {
  smallint: 'integer', integer: 'integer', bigint: 'integer',
  boolean: 'boolean',
  real: 'float', 'double precision': 'float',
  numeric: 'numeric',
  text: 'text', 'character varying': 'text', varchar: 'text', character: 'text', citext: 'text', name: 'text',
  'timestamp with time zone': 'timestamptz', 'timestamp without time zone': 'timestamp', date: 'date',
  json: 'json', jsonb: 'jsonb', uuid: 'uuid', inet: 'inet', cidr: 'inet',
};

/** The type without its modifier: `character varying(64)` → `character varying`. */
const baseType = (type: string): string => type.replace(/\(.*\)$/, '').trim();

export function familyOf(type: string): PostgresFamily {
  if (type.endsWith('[]')) return 'array';
  return FAMILIES[baseType(type)] ?? 'other';
}

/** The families a column may be of to hold a field of each value kind, as the schema check lists them. */
const FITS: Readonly<Record<ValueKind, readonly PostgresFamily[]>> = {
  integer: ['integer'],
  bitfield: ['integer'],
  boolean: ['boolean'],
  float: ['float', 'numeric'],
  decimal: ['numeric', 'text'],
  string: ['text', 'inet', 'uuid'],
  uuid: ['uuid', 'text'],
  datetime: ['timestamptz', 'timestamp'],
  date: ['date'],
  json: ['jsonb', 'json', 'text'],
  pickled: ['text', 'jsonb', 'json'],
  gzipped: ['text', 'jsonb', 'json'],
  array: ['array'],
};

/** Element families an array column may have for an ArrayField (its elements are JSON strings or numbers). */
const ARRAY_ELEMENTS: readonly PostgresFamily[] = ['text', 'integer', 'float', 'numeric'];

export function columnFits(field: Field, type: string): boolean {
  const family = familyOf(type);
  if (!FITS[fieldClassInfo(field.class).value].includes(family)) return false;
  return family !== 'array' || ARRAY_ELEMENTS.includes(familyOf(type.slice(0, -2)));
}

/** What a field needs, in words, for the schema check's message. */
export function neededTypes(field: Field): string {
  const kind = fieldClassInfo(field.class).value;
  if (kind === 'array') return 'an array of text or numbers';
  return FITS[kind].join(' or ');
}

const DATETIME = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/** The select expression that reads `column` (quoted) of this type in the port's form. */
export function readExpression(field: Field, column: string, type: string): string {
  switch (familyOf(type)) {
    case 'timestamptz': return `to_char(${column} AT TIME ZONE 'UTC', ${DATETIME})`;
    case 'timestamp': return `to_char(${column}, ${DATETIME})`;
    case 'date': return `to_char(${column}, 'YYYY-MM-DD')`;
    case 'json': case 'jsonb': case 'uuid': return `${column}::text`;
    case 'inet': return `host(${column})`;
    // Floats that hold whole numbers keep their ".0" (PostgreSQL writes 1.0 as 1), as Python,
    // which reads them as floats, exports them.
    case 'array': return familyOf(type.slice(0, -2)) === 'float'
      ? `regexp_replace(array_to_json(${column})::text, '(^|[[,])(-?[0-9]+)(?=[],])', '\\1\\2.0', 'g')`
      : `array_to_json(${column})::text`;
    // A float kept in numeric would be read as its decimal text.
    case 'numeric': return fieldClassInfo(field.class).value === 'float' ? `${column}::double precision` : column;
    default: return column;
  }
}

const CAST: ReadonlySet<PostgresFamily> = new Set<PostgresFamily>(['boolean', 'json', 'jsonb', 'uuid', 'inet', 'date', 'timestamptz', 'timestamp']);

/**
 * A type without its length (`character varying(64)[]` → `character varying[]`): an explicit cast
 * to varchar(n) cuts a longer value short without a word, where storing it in the column refuses it.
 */
const unlimited = (type: string): string => type.replace(/\(\d+(?:,\s*\d+)?\)/g, '');

/** The parameter expression that writes a value in the port's form into a column of this type. */
export function writeExpression(field: Field, type: string): string {
  const family = familyOf(type);
  if (family === 'array') {
    type = unlimited(type);
    // One parameter, null kept null and [] kept an empty array. A list of lists (Sentry's one,
    // TimeSeriesSnapshot.values, holds numbers) is a two-dimensional array: its JSON text, with
    // brackets for braces, is its literal.
    const array = field.of === 'ArrayField' ? `translate(j::text, '[]', '{}')::${type}` : `ARRAY(SELECT jsonb_array_elements_text(j))::${type}`;
    return `(SELECT CASE WHEN j IS NULL THEN NULL ELSE ${array} END FROM (SELECT ?::jsonb AS j) s)`;
  }
  return CAST.has(family) ? `?::${baseType(type)}` : '?';
}

/**
 * The expression that turns `text` (an SQL expression of type text holding a value in the port's
 * form) into a value of this column type: the write expression where it converts, else a cast.
 */
export function fromText(field: Field, type: string, text: string): string {
  const family = familyOf(type);
  if (family === 'array' || CAST.has(family)) return writeExpression(field, type).replace('?', text);
  return `CAST(${text} AS ${unlimited(type)})`;
}

function literalItem(item: unknown): string {
  if (item === null) return 'NULL';
  if (Array.isArray(item)) return `{${item.map(literalItem).join(',')}}`;
  if (typeof item === 'number') return String(item);
  return `"${String(item).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/** `["a","b"]` → `{"a","b"}`, `[[1,2],[3,4]]` → `{{1,2},{3,4}}`: a JSON list's text as an array literal. */
export function arrayLiteral(json: string): string {
  return literalItem(JSON.parse(json) as unknown[]);
}

/** For a bulk insert (COPY), which parses each value as its column's type: arrays as array literals. */
export function bulkConverter(type: string): ((value: SqlValue) => SqlValue) | undefined {
  if (familyOf(type) !== 'array') return undefined;
  return (value) => (typeof value === 'string' ? arrayLiteral(value) : value);
}
