/**
 * One row's fields as the target version's model holds them: in its declared order, each value
 * read through the target field's class (which repairs the encodings older Sentry versions wrote),
 * fields the target lacks dropped, fields the row lacks carried from elsewhere in the file (see
 * carried-fields.ts) or given the target's default as the import fills it, and values the target refuses (too long, null where it may not be, not of the class)
 * kept as they were and reported as errors. Every change is noted in the report.
 */
import { PyFloat } from '../../core/json/python-json.js';
import { fieldClassInfo } from '../../core/registry/field-classes.js';
import type { Registry } from '../../core/registry/registry.js';
import type { Field, ModelEntry } from '../../core/registry/types.js';
import { toExportValue, toStoredValue } from '../../db/field-codec.js';
import { describeDefault, holdsJson, missingFieldValue, repairedJson } from '../fields/field-values.js';
import type { Defaults } from '../fields/field-values.js';
import type { FieldCarrier } from './carried-fields.js';
import type { ConvertReport } from './convert-report.js';

export interface SourceRow {
  readonly pk: number;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly line?: number;
}

export interface FieldContext {
  readonly to: Registry;
  readonly defaults: Defaults;
  readonly report: ConvertReport;
  /** Where a field the row lacks can be found before its default (see carried-fields.ts). */
  readonly carrier?: FieldCarrier;
}

/** Equal values written the same way (an integer where a float belongs is written otherwise: `1`, `1.0`). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof PyFloat || b instanceof PyFloat) {
    const x = a instanceof PyFloat ? a.value : a;
    const y = b instanceof PyFloat ? b.value : b;
    if (typeof x !== 'number' || x !== y) return false;
    return (a instanceof PyFloat) === (b instanceof PyFloat) || !Number.isInteger(x);
  }
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  // Key order is part of how a JSON value is written, so a reordering counts as a change.
  return keysA.length === keysB.length && keysA.every((key, i) => key === keysB[i] && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** Why a value read through its class came out written otherwise: one reason per kind of field. */
function repairReason(field: Field, given: unknown): string {
  switch (fieldClassInfo(field.class).value) {
    case 'datetime': return 'datetime rewritten as Sentry writes it (YYYY-MM-DDTHH:MM:SS.mmmZ, UTC)';
    case 'json': return typeof given === 'string' ? 'JSON written as text inside the export (encoded twice), decoded' : 'JSON rewritten as Sentry writes it';
    case 'array': return Array.isArray(given) ? 'list written as Sentry writes an ArrayField (its Python text)' : 'list text rewritten as Sentry writes an ArrayField (its Python text)';
    case 'pickled':
    case 'gzipped': return `value rewritten as Sentry writes a ${field.class} (its compact JSON text)`;
    case 'bitfield': return 'bit field written as its decimal text';
    case 'float': return 'number written as a float';
    default: return `value rewritten as Sentry writes a ${field.class}`;
  }
}

/** The stored value's length where the target declares a maximum, when it is longer (in characters). */
function tooLong(field: Field, stored: unknown): number | undefined {
  if (field.maxLength === undefined || typeof stored !== 'string' || fieldClassInfo(field.class).sqlite !== 'TEXT') return undefined;
  if (stored.length <= field.maxLength) return undefined; // UTF-16 units ≥ characters: most values stop here
  const characters = [...stored].length;
  return characters > field.maxLength ? characters : undefined;
}

/** Why the target has no such field: Sentry removed it (and when), or it was never one. */
function droppedFieldReason(to: Registry, entry: ModelEntry, model: string, name: string): string {
  const removal = to.removedFields.get(`${entry.name}.${name}`) ?? to.removedFields.get(`${model}.${name}`);
  if (removal !== undefined) return `removed from Sentry${removal.until === undefined ? ` before ${to.version}` : ` in ${removal.until}`}: ${removal.note}`;
  return `not a field of ${entry.name} in Sentry ${to.version}`;
}

const namesOf = new WeakMap<ModelEntry, ReadonlySet<string>>();

function fieldNames(entry: ModelEntry): ReadonlySet<string> {
  let names = namesOf.get(entry);
  if (names === undefined) namesOf.set(entry, (names = new Set(entry.fields.map((field) => field.name))));
  return names;
}

/**
 * The row's fields for `entry` (the target's model); `model` is the name the file gives it. Values
 * the target refuses are noted as errors and kept as given (null for a required field the row lacks).
 */
export function convertFields(entry: ModelEntry, model: string, row: SourceRow, context: FieldContext): Record<string, unknown> {
  const { to, defaults, report } = context;
  const given = row.fields;
  const fields: Record<string, unknown> = {};
  /** Fields of the row carried into a field of another name: not dropped. */
  const consumed = new Set<string>();
  const refuse = (field: Field, reason: string) => report.refuse({ model: entry.name, pk: row.pk, field: field.name, ...(row.line !== undefined && { line: row.line }), reason });
  for (const field of entry.fields) {
    const present = Object.hasOwn(given, field.name);
    let value: unknown = present ? given[field.name] : undefined;
    const carried = present ? undefined : context.carrier?.carry(entry, model, field, row);
    if (carried !== undefined) {
      report.note(carried.kind, { model: entry.name, field: field.name, ...(carried.from !== undefined && { from: carried.from }) }, carried.reason, row.pk);
      if (carried.from !== undefined) consumed.add(carried.from);
      value = carried.value;
    } else if (!present || (value === null && !field.nullable)) {
      const missing = missingFieldValue(field, defaults);
      if (missing === undefined || (missing.value === null && !field.nullable)) {
        fields[field.name] = null;
        refuse(field, present
          ? `null, which Sentry ${to.version} does not allow here and has no default for`
          : `the row has no "${field.name}", which Sentry ${to.version} requires and has no default for`);
        continue;
      }
      report.note('defaulted-field', { model: entry.name, field: field.name }, present
        ? `null, which Sentry ${to.version} does not allow here: its default ${describeDefault(field)}`
        : `not in the row: Sentry ${to.version}'s default ${describeDefault(field)}`, row.pk);
      value = missing.value;
    }
    let stored: unknown;
    let written: unknown;
    try {
      stored = toStoredValue(field, holdsJson(field) ? repairedJson(value) : value);
      written = toExportValue(field, stored as Parameters<typeof toExportValue>[1]);
    } catch (error) {
      fields[field.name] = value;
      refuse(field, `not a value of Sentry ${to.version}'s ${field.class}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    fields[field.name] = written;
    if (present && value === given[field.name] && !sameValue(value, written)) {
      report.note('repaired-field', { model: entry.name, field: field.name }, repairReason(field, value), row.pk);
    }
    const length = tooLong(field, stored);
    if (length !== undefined) refuse(field, `${length} characters, longer than the ${field.maxLength} Sentry ${to.version} allows`);
  }
  const names = fieldNames(entry);
  for (const name of Object.keys(given)) {
    if (!names.has(name) && !consumed.has(name)) {
      report.note('dropped-field', { model: entry.name, field: name }, droppedFieldReason(to, entry, model, name), row.pk);
    }
  }
  return fields;
}
