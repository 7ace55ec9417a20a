/**
 * A file object's fields in stored form, across Sentry versions: fields this version of the model
 * lacks are dropped (and counted), fields the file lacks take the model's default, the legacy
 * encodings are repaired (an ArrayField written as a Python list literal, a JSON field encoded
 * twice), every value is converted as the field's class stores it, and every value the file gives
 * must pass the field's value rules (core/values/field-value-problem.ts).
 */
import { fieldClassInfo } from '../../core/registry/field-classes.js';
import { fieldValueCheck } from '../../core/values/field-value-problem.js';
import type { ValueCheck } from '../../core/values/field-value-problem.js';
import type { StoredValue } from '../../core/registry/import-rules.js';
import type { ModelEntry } from '../../core/registry/types.js';
import { toStoredValue } from '../../db/field-codec.js';
import { missingFieldValue, repairedJson } from '../fields/field-values.js';
import type { Defaults } from '../fields/field-values.js';
import type { FileObject } from './file-objects.js';
import { ImportingError } from './import-error.js';

export type { Defaults };

export interface PreparedRow {
  readonly fields: Record<string, StoredValue>;
  readonly unknownFields: readonly string[];
}

interface Plan {
  readonly names: ReadonlySet<string>;
  /** Which fields hold JSON (repaired when double-encoded). */
  readonly json: readonly boolean[];
  readonly checks: readonly ValueCheck[];
}

/** Per model, once: its field names, its JSON fields and each field's value check. */
const plans = new WeakMap<ModelEntry, Plan>();

function planOf(entry: ModelEntry): Plan {
  let plan = plans.get(entry);
  if (plan === undefined) {
    plan = {
      names: new Set(entry.fields.map((field) => field.name)),
      json: entry.fields.map((field) => fieldClassInfo(field.class).value === 'json'),
      checks: entry.fields.map(fieldValueCheck),
    };
    plans.set(entry, plan);
  }
  return plan;
}

export function prepareRow(entry: ModelEntry, object: FileObject, ordinal: number, defaults: Defaults): PreparedRow {
  const given = object.fields;
  const fields: Record<string, StoredValue> = {};
  const plan = planOf(entry);
  const where = () => ({ model: entry.name, ordinal, leftPk: object.pk, line: object.line });
  entry.fields.forEach((field, i) => {
    let value: unknown;
    const fromFile = Object.hasOwn(given, field.name);
    if (fromFile) {
      value = given[field.name];
      if (plan.json[i] === true) value = repairedJson(value);
    } else {
      const missing = missingFieldValue(field, defaults);
      if (missing === undefined) throw new ImportingError('ValidationError', where(), `the file has no "${field.name}", which ${entry.name} requires and has no default for`);
      value = missing.value;
    }
    try {
      fields[field.name] = toStoredValue(field, value);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ImportingError('DeserializationFailed', where(), `field "${field.name}": ${reason}`, { cause: error });
    }
    // After the conversion, which refuses values of the wrong type as Django's deserializer does.
    const problem = fromFile ? (plan.checks[i] as ValueCheck)(value) : undefined;
    if (problem !== undefined) throw new ImportingError('ValidationError', where(), `field "${field.name}" (${field.class}): ${problem}`);
  });
  const unknownFields: string[] = [];
  for (const name in given) if (!plan.names.has(name)) unknownFields.push(name);
  return { fields, unknownFields };
}
