/**
 * `--across-versions`: what only one Sentry version has is left out of the compare (and listed),
 * and every known field is read through its field class on both sides, so that the encodings
 * older Sentry versions wrote (JSON text inside JSON, Python list literals, `.000`-less
 * datetimes) compare by value. Knowing what to leave out takes a first read of both sides, which
 * keeps only counts of unknown models and the names of each model's fields.
 */
import type { ExportedObject, Side } from '../../core/compare/model-map.js';
import type { Registry } from '../../core/registry/registry.js';
import type { ModelEntry } from '../../core/registry/types.js';
import { toExportValue, toStoredValue } from '../../db/field-codec.js';
import type { CompareResult } from './compare-exports.js';
import { ConvertedAwayCount } from './converted-through.js';
import type { ConvertedAway } from './converted-through.js';

export interface VersionGap {
  readonly unknownModels: CompareResult['unknownModels'];
  readonly oneSidedFields: CompareResult['oneSidedFields'];
  /** With versions converted through: what one of them cannot hold (see converted-through.ts). */
  readonly convertedAway: ConvertedAway[];
  /** A side's objects as they are compared: renamed models under this version's name, what is left out gone. */
  objects(side: Iterable<ExportedObject>): Generator<ExportedObject>;
}

function renamedFor(registry: Registry, object: ExportedObject): ExportedObject {
  const model = registry.resolve(object.model);
  return model === object.model ? object : { ...object, model };
}

export function versionGap(registry: Registry, open: (side: Side) => Iterable<ExportedObject>, through?: readonly Registry[]): VersionGap {
  const converted = through === undefined ? undefined : new ConvertedAwayCount(registry, through);
  const counts = new Map<string, { left: number; right: number }>();
  const names = { left: new Map<string, Set<string>>(), right: new Map<string, Set<string>>() };
  for (const side of ['left', 'right'] as const) {
    for (const original of open(side)) {
      // A model one version names otherwise is the same model: compared under this version's name.
      const object = renamedFor(registry, original);
      if (registry.find(object.model) === undefined) {
        const count = counts.get(object.model) ?? { left: 0, right: 0 };
        count[side]++;
        counts.set(object.model, count);
      }
      let set = names[side].get(object.model);
      if (set === undefined) names[side].set(object.model, (set = new Set()));
      for (const name of Object.keys(object.fields)) set.add(name);
      converted?.add(object, side);
    }
  }
  // A model this version does not know is compared as it is when both sides have it (rows an
  // import kept and an export wrote back); one side's alone is what another version has.
  const oneSided = new Set([...counts].filter(([, count]) => count.left === 0 || count.right === 0).map(([model]) => model));
  const unknownModels: CompareResult['unknownModels'] = [];
  for (const [model, count] of [...counts].sort()) if (oneSided.has(model)) unknownModels.push({ model, ...count });
  const oneSidedFields: CompareResult['oneSidedFields'] = [];
  const leftOut = fieldsOnOneSide(names.left, names.right, oneSidedFields);
  const convertedAway: ConvertedAway[] = [];
  const dropped = converted?.finish(oneSided, leftOut, convertedAway) ?? new Set<string>();
  return {
    unknownModels,
    oneSidedFields,
    convertedAway,
    *objects(side) {
      for (const original of side) {
        const object = renamedFor(registry, original);
        if (!oneSided.has(object.model) && !dropped.has(object.model)) yield canonical(registry, object, leftOut);
      }
    },
  };
}

/** Fields some model has on one side only (among models with rows on both), recorded and returned per model. */
function fieldsOnOneSide(leftNames: Map<string, Set<string>>, rightNames: Map<string, Set<string>>, record: CompareResult['oneSidedFields'][number][]): Map<string, Set<string>> {
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
