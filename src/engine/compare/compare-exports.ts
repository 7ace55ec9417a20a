/**
 * `backup compare`: two exports read as streams of objects (the file text is never held, only the
 * objects the model maps need) and validated with the default comparators. Across versions,
 * models this registry does not know and fields only one side has are left out (and listed), and
 * every known field is read through its field class on both sides, so that the encodings older
 * Sentry versions wrote (JSON text inside JSON, Python list literals, `.000`-less datetimes)
 * compare by value.
 */
import { defaultComparators } from '../../core/compare/default-comparators.js';
import type { ComparatorFinding } from '../../core/compare/comparator-findings.js';
import type { ExportedObject } from '../../core/compare/model-map.js';
import { validate } from '../../core/compare/validate.js';
import type { Registry } from '../../core/registry/registry.js';
import type { ModelEntry } from '../../core/registry/types.js';
import { toExportValue, toStoredValue } from '../../db/field-codec.js';
import { fileObjects } from '../import/file-objects.js';
import type { ImportSource } from '../import/file-objects.js';
import { ImportingError } from '../import/import-error.js';
import { RelocateError } from '../../core/errors.js';
import { COMPARE_OPTIONS, checkOptions } from '../verb-options.js';
import { leaveOutConvertedAway, withoutRenewal } from './converted-through.js';
import type { ConvertedAway } from './converted-through.js';

export interface CompareOptions {
  /** The Sentry version whose models and comparators the two files are read with. */
  readonly registry: Registry;
  /** Leave out what only one version has, and compare known fields by value (see above). */
  readonly acrossVersions?: boolean;
  /**
   * Across versions: the Sentry versions the right side was converted through (`relocate convert`
   * to them and back). What one of them cannot hold is left out of both sides and listed in
   * `convertedAway`: conversion drops those rows, and those fields come back as their defaults.
   * Values an import renews (UUIDs, subscription ids) are then expected unchanged: no import ran.
   */
  readonly convertedThrough?: readonly Registry[];
}

export interface CompareResult {
  readonly findings: ComparatorFinding[];
  /** Across versions: models the registry does not know, with their rows per side. */
  readonly unknownModels: { readonly model: string; readonly left: number; readonly right: number }[];
  /** Across versions: fields only one side has, per model. */
  readonly oneSidedFields: { readonly model: string; readonly field: string; readonly side: 'left' | 'right' }[];
  /** Across versions, converted through other versions: models and fields one of them cannot hold. */
  readonly convertedAway: ConvertedAway[];
}

/** A side that cannot be read: which side, where, and why (Sentry's "Invalid left JSON"). */
export class UnreadableSideError extends RelocateError {
  constructor(readonly kind: string, readonly side: 'left' | 'right', readonly line: number | undefined, readonly reason: string, options?: { cause?: unknown }) {
    super(`Invalid ${side} JSON${line === undefined ? '' : ` at line ${line}`}: ${reason}`, options);
  }
}

function readSide(source: ImportSource, side: 'left' | 'right'): ExportedObject[] {
  try {
    return [...fileObjects(source)];
  } catch (error) {
    if (error instanceof ImportingError) {
      const reason = error.on.model === '' ? error.reason : `${error.on.model}: ${error.reason}`;
      throw new UnreadableSideError(error.kind, side, error.line, reason, { cause: error });
    }
    throw error;
  }
}

export function compareExports(left: ImportSource, right: ImportSource, options: CompareOptions): CompareResult {
  checkOptions('compareExports', COMPARE_OPTIONS, options);
  const { registry } = options;
  let lefts = readSide(left, 'left');
  let rights = readSide(right, 'right');
  const unknownModels: CompareResult['unknownModels'] = [];
  const oneSidedFields: CompareResult['oneSidedFields'] = [];
  const convertedAway: ConvertedAway[] = [];
  if (options.acrossVersions === true) {
    // A model one version names otherwise is the same model: compared under this version's name.
    lefts = lefts.map((object) => renamed(registry, object));
    rights = rights.map((object) => renamed(registry, object));
    const counts = new Map<string, { left: number; right: number }>();
    for (const [objects, side] of [[lefts, 'left'], [rights, 'right']] as const) {
      for (const object of objects) {
        if (registry.find(object.model) !== undefined) continue;
        const count = counts.get(object.model) ?? { left: 0, right: 0 };
        count[side]++;
        counts.set(object.model, count);
      }
    }
    // A model this version does not know is compared as it is when both sides have it (rows an
    // import kept and an export wrote back); one side's alone is what another version has.
    const oneSided = new Set([...counts].filter(([, count]) => count.left === 0 || count.right === 0).map(([model]) => model));
    for (const [model, count] of [...counts].sort()) if (oneSided.has(model)) unknownModels.push({ model, ...count });
    lefts = lefts.filter((object) => !oneSided.has(object.model));
    rights = rights.filter((object) => !oneSided.has(object.model));
    const leftOut = fieldsOnOneSide(lefts, rights, oneSidedFields);
    if (options.convertedThrough !== undefined) [lefts, rights] = leaveOutConvertedAway(registry, [lefts, rights], options.convertedThrough, leftOut, convertedAway);
    lefts = lefts.map((object) => canonical(registry, object, leftOut));
    rights = rights.map((object) => canonical(registry, object, leftOut));
  }
  const comparators = defaultComparators(registry);
  const converted = options.acrossVersions === true && options.convertedThrough !== undefined;
  return { findings: validate(registry, lefts, rights, converted ? withoutRenewal(comparators) : comparators), unknownModels, oneSidedFields, convertedAway };
}

function renamed(registry: Registry, object: ExportedObject): ExportedObject {
  const name = registry.resolve(object.model);
  return name === object.model ? object : { ...object, model: name };
}

function fieldNames(objects: readonly ExportedObject[]): Map<string, Set<string>> {
  const names = new Map<string, Set<string>>();
  for (const object of objects) {
    let set = names.get(object.model);
    if (set === undefined) names.set(object.model, (set = new Set()));
    for (const name of Object.keys(object.fields)) set.add(name);
  }
  return names;
}

/** Fields some model has on one side only (among models with rows on both), recorded and returned per model. */
function fieldsOnOneSide(lefts: readonly ExportedObject[], rights: readonly ExportedObject[], record: CompareResult['oneSidedFields'][number][]): Map<string, Set<string>> {
  const leftNames = fieldNames(lefts);
  const rightNames = fieldNames(rights);
  const leftOut = new Map<string, Set<string>>();
  for (const [model, names] of [...leftNames].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const other = rightNames.get(model);
    if (other === undefined) continue;
    const only = new Set<string>();
    for (const name of [...names].sort()) if (!other.has(name)) { only.add(name); record.push({ model, field: name, side: 'left' }); }
    for (const name of [...other].sort()) if (!names.has(name)) { only.add(name); record.push({ model, field: name, side: 'right' }); }
    if (only.size > 0) leftOut.set(model, only);
  }
  return leftOut;
}

/** The object without its one-sided fields, each known field read through its class. */
function canonical(registry: Registry, object: ExportedObject, leftOut: ReadonlyMap<string, ReadonlySet<string>>): ExportedObject {
  const entry = registry.find(object.model);
  if (entry === undefined) return object;
  const skip = leftOut.get(object.model);
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(object.fields)) {
    if (skip?.has(name) === true) continue;
    const field = entry.fields.find((candidate) => candidate.name === name);
    fields[name] = field === undefined ? value : throughClass(field, value);
  }
  return { model: object.model, pk: object.pk, fields };
}

function throughClass(field: ModelEntry['fields'][number], value: unknown): unknown {
  try {
    return toExportValue(field, toStoredValue(field, value));
  } catch {
    return value; // not a value of the class: compared as written
  }
}
