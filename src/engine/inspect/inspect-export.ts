/**
 * What a file says about itself, before any import: its objects per model, its own problems, and
 * the fields each model's rows carry (which tell the Sentry versions it can come from).
 * Pks out of order and repeated custom ordinals are found exactly as validation finds them
 * (`buildModelMap`, one side); a foreign key whose value is no pk of the target model anywhere in
 * the file is a DanglingForeignKey (the import refuses such a file, naming the first one).
 * One streaming pass; only pks, and keys whose target has not been seen yet, are kept.
 */
import { buildModelMap } from '../../core/compare/model-map.js';
import type { ExportedObject } from '../../core/compare/model-map.js';
import type { ComparatorFinding } from '../../core/compare/comparator-findings.js';
import type { Finding } from '../../core/findings.js';
import type { Registry } from '../../core/registry/registry.js';
import type { FileShape } from '../../core/registry/versions/file-versions.js';
import { fileObjects } from '../import/file-objects.js';
import type { ImportSource } from '../import/file-objects.js';

export interface InspectResult {
  /** Objects per model, in order of first appearance. */
  readonly counts: ReadonlyMap<string, number>;
  /** UnorderedInput, DuplicateCustomOrdinal and DanglingForeignKey findings, in file order. */
  readonly problems: readonly Finding[];
  /** Per model, the field names its rows carry: what tells which Sentry versions the file can come from. */
  readonly shape: FileShape;
}

interface PendingKey {
  readonly model: string;
  readonly ordinal: number;
  readonly pk: number;
  readonly field: string;
  readonly target: string;
  readonly value: number;
}

/** How many dangling keys are listed one by one (all of them are counted). */
export const LISTED_DANGLING_KEYS = 1000;

export function inspectExport(registry: Registry, source: ImportSource): InspectResult {
  const counts = new Map<string, number>();
  const pks = new Map<string, Set<number>>();
  const pending: PendingKey[] = [];
  const shape = new Map<string, Set<string>>();

  function* observed(): Generator<ExportedObject> {
    for (const object of fileObjects(source)) {
      const ordinal = (counts.get(object.model) ?? 0) + 1;
      counts.set(object.model, ordinal);
      let seen = pks.get(object.model);
      if (seen === undefined) pks.set(object.model, (seen = new Set()));
      seen.add(object.pk);
      let fields = shape.get(object.model);
      if (fields === undefined) shape.set(object.model, (fields = new Set()));
      for (const name in object.fields) fields.add(name);
      for (const key of registry.find(registry.resolve(object.model))?.foreignKeys ?? []) {
        const value = object.fields[key.field];
        const target = registry.find(key.model);
        // Keys to models that are never exported (Excluded, graph-only) cannot be checked here.
        if (typeof value !== 'number' || target === undefined || !target.stored || target.scope === 'Excluded') continue;
        if (pks.get(key.model)?.has(value) === true) continue;
        pending.push({ model: object.model, ordinal, pk: object.pk, field: key.field, target: key.model, value });
      }
      yield object;
    }
  }

  const ordering: ComparatorFinding[] = [];
  buildModelMap(registry, observed(), 'left', ordering);
  const findings: Finding[] = [...ordering];
  const dangling = pending.filter((key) => pks.get(key.target)?.has(key.value) !== true);
  for (const key of dangling.slice(0, LISTED_DANGLING_KEYS)) {
    findings.push({
      finding: 'InspectFinding', kind: 'DanglingForeignKey', on: { model: key.model, ordinal: key.ordinal }, leftPk: key.pk,
      reason: `\`${key.field}\` points at ${key.target} pk ${key.value}, which is not in the file`,
    });
  }
  if (dangling.length > LISTED_DANGLING_KEYS) {
    findings.push({
      finding: 'InspectFinding', kind: 'DanglingForeignKey', on: { model: '' },
      reason: `${dangling.length - LISTED_DANGLING_KEYS} more keys point at rows that are not in the file`,
    });
  }
  return { counts, problems: findings, shape };
}
