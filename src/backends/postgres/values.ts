/**
 * Values between the port and PostgreSQL's text format. Parameters go as text (PostgreSQL infers
 * each one's type from where it stands); results come back as text and are turned, by their
 * column's type OID, into what SQLite would give the engine: integers and floats as numbers,
 * booleans as 1/0, bytea as Uint8Array, numeric as its exact decimal text, everything else
 * (text, varchar, json, jsonb, timestamptz, arrays, …) as PostgreSQL writes it.
 */
import { DatabaseError, IntegerOutOfRange, checkParams } from '../../db/port.js';
import type { Params, SqlValue } from '../../db/port.js';
import type { Libpq } from './libpq.js';

/** Type OIDs from PostgreSQL's pg_type.dat; fixed since their types exist. */
export const OID = {
  bool: 16,
  bytea: 17,
  int8: 20,
  int2: 21,
  int4: 23,
  oid: 26,
  float4: 700,
  float8: 701,
  numeric: 1700,
} as const;

/** The parameters as libpq takes them: text, or null for SQL NULL. */
export function encodeParams(params: Params | undefined, expected: number): (string | null)[] {
  checkParams(params);
  const given = params?.length ?? 0;
  if (given !== expected) {
    throw new RangeError(`Expected ${expected} parameter value${expected === 1 ? '' : 's'}, got ${given}`);
  }
  const encoded: (string | null)[] = new Array<string | null>(given);
  for (let i = 0; i < given; i++) encoded[i] = encodeValue((params as Params)[i], i);
  return encoded;
}

function encodeValue(value: SqlValue | undefined, index: number): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    // libpq sends parameters as C strings, so a NUL would cut the value short without a word;
    // PostgreSQL's text cannot hold one anyway.
    if (value.includes('\0')) {
      throw new DatabaseError(`Parameter ${index + 1} holds the character U+0000, which PostgreSQL text cannot store`);
    }
    return value;
  }
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
  throw new TypeError(`Expected parameter ${index + 1} to be a number, string, Uint8Array or null, got ${typeof value}`);
}

export type Decoder = (text: string, column: string) => SqlValue;

const asText: Decoder = (text) => text;
const asNumber: Decoder = (text) => Number(text);
const asBoolean: Decoder = (text) => (text === 't' ? 1 : 0);
const asBytes: Decoder = (text) => {
  // bytea_output is set to hex on open: \x followed by two digits a byte.
  const buffer = Buffer.from(text.slice(2), 'hex');
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
};
const asInt8: Decoder = (text, column) => {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new IntegerOutOfRange(text, `in column "${column}"`);
  return value;
};

const DECODERS = new Map<number, Decoder>([
  [OID.bool, asBoolean],
  [OID.bytea, asBytes],
  [OID.int8, asInt8],
  [OID.int2, asNumber],
  [OID.int4, asNumber],
  [OID.oid, asNumber],
  [OID.float4, asNumber],
  [OID.float8, asNumber],
]);

/** The columns of the result libpq holds now: their names and how to read each. */
export interface ResultColumns {
  readonly names: string[];
  readonly decoders: Decoder[];
}

export function resultColumns(pq: Libpq): ResultColumns {
  const count = pq.nfields();
  const names: string[] = new Array<string>(count);
  const decoders: Decoder[] = new Array<Decoder>(count);
  for (let i = 0; i < count; i++) {
    names[i] = pq.fname(i);
    decoders[i] = DECODERS.get(pq.ftype(i)) ?? asText;
  }
  return { names, decoders };
}

/** Row `row` of the result libpq holds now, as values in select order. */
export function readValues(pq: Libpq, row: number, columns: ResultColumns): SqlValue[] {
  const { names, decoders } = columns;
  const values: SqlValue[] = new Array<SqlValue>(names.length);
  for (let i = 0; i < names.length; i++) {
    const text = pq.getvalue(row, i);
    // libpq gives '' for NULL too; only then is the second call needed.
    values[i] = text === '' && pq.getisnull(row, i) ? null : (decoders[i] as Decoder)(text, names[i] as string);
  }
  return values;
}

/** Values in select order as a row object (a later column wins a repeated name, as in SQLite). */
export function toRow(values: readonly SqlValue[], names: readonly string[]): Record<string, SqlValue> {
  const row: Record<string, SqlValue> = {};
  for (let i = 0; i < values.length; i++) row[names[i] as string] = values[i] as SqlValue;
  return row;
}
