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
import type { Field, ModelEntry } from '../../core/registry/types.js';
import { toStoredValue } from '../../db/field-codec.js';
import { missingFieldValue, repairedJson } from '../fields/field-values.js';
import type { Defaults } from '../fields/field-values.js';
import type { FileObject } from './file-objects.js';
import { ImportingError, RowRefused } from './import-error.js';

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

/**
 * What a checking caller wants to hear about a row: each of its problems (the row is refused once
 * all its fields were looked at, with RowRefused), and each legacy encoding repaired. Without it,
 * the first problem throws, as the import wants.
 */
export interface RowChecks {
  readonly problem: (error: ImportingError, field: string) => void;
  readonly repaired: (field: string, how: string) => void;
}

export function prepareRow(entry: ModelEntry, object: FileObject, ordinal: number, defaults: Defaults, checks?: RowChecks): PreparedRow {
  const given = object.fields;
  const fields: Record<string, StoredValue> = {};
  const plan = planOf(entry);
  let refused = false;
  // A plain loop, and the error path out of it: this runs for every field of every row.
  const declared = entry.fields;
  for (let i = 0; i < declared.length; i++) {
    const field = declared[i] as Field;
    const problem = prepareField(field, i, given, plan, defaults, fields, checks);
    if (problem === undefined) continue;
    const error = new ImportingError(problem.kind, { model: entry.name, ordinal, leftPk: object.pk, line: object.line },
      problem.kind === 'ValidationError' && problem.fault === 'MissingField' ? `the file has no "${field.name}", which ${entry.name} requires and has no default for` : problem.reason,
      { field: field.name, fault: problem.fault, ...(problem.cause !== undefined && { cause: problem.cause }) });
    if (checks === undefined) throw error;
    checks.problem(error, field.name);
    refused = true;
  }
  if (refused) throw new RowRefused();
  const unknownFields: string[] = [];
  for (const name in given) if (!plan.names.has(name)) unknownFields.push(name);
  return { fields, unknownFields };
}

interface FieldProblem {
  readonly kind: 'ValidationError' | 'DeserializationFailed';
  readonly fault: 'MissingField' | 'InvalidValue';
  readonly reason: string;
  readonly cause?: unknown;
}

/** One field's stored value into `fields`, or what is wrong with it. */
function prepareField(field: Field, i: number, given: Readonly<Record<string, unknown>>, plan: Plan, defaults: Defaults, fields: Record<string, StoredValue>, checks: RowChecks | undefined): FieldProblem | undefined {
  let value: unknown;
  const fromFile = Object.hasOwn(given, field.name);
  if (fromFile) {
    value = given[field.name];
    if (plan.json[i] === true) {
      const repaired = repairedJson(value);
      if (repaired !== value && checks !== undefined) checks.repaired(field.name, 'a JSON value written as the text of its JSON (encoded twice) is decoded once');
      value = repaired;
    }
  } else {
    const missing = missingFieldValue(field, defaults);
    if (missing === undefined) return { kind: 'ValidationError', fault: 'MissingField', reason: '' };
    value = missing.value;
  }
  try {
    fields[field.name] = toStoredValue(field, value);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'DeserializationFailed', fault: 'InvalidValue', reason: `field "${field.name}": ${reason}`, cause: error };
  }
  // After the conversion, which refuses values of the wrong type as Django's deserializer does.
  const problem = fromFile ? (plan.checks[i] as ValueCheck)(value) : undefined;
  if (problem !== undefined) return { kind: 'ValidationError', fault: 'InvalidValue', reason: `field "${field.name}" (${field.class}): ${problem}` };
  return undefined;
}
