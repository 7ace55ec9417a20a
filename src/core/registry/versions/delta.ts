/**
 * A newer Sentry version written as a readable list of changes over an older registry, each change
 * citing the upstream file (and commit) it was read from, and the first release that has it. The
 * list reads like a changelog; `applyDelta` turns it into the newer registry's spec.
 */
import type { ModelScope } from '../../scopes.js';
import type { Registry, RegistrySpec, Removal, Upstream } from '../registry.js';
import type { Field, ModelEntry, ModelRules } from '../types.js';

interface Cited {
  /** The first Sentry release with the change (`25.5.0`). */
  readonly since: string;
  readonly source: Upstream;
  /** Why, or what the source says, in our words. */
  readonly note?: string;
}

export type Change = Cited & (
  /** A model the older version does not have (an exportable one, or a graph-only Excluded node). */
  | { readonly kind: 'add-model'; readonly model: ModelEntry }
  /** The same model (same rows) under another name; `table` when its table was renamed too. */
  | { readonly kind: 'rename-model'; readonly from: string; readonly to: string; readonly table?: string }
  /** Deleted from Sentry: older files still carry its rows. */
  | { readonly kind: 'remove-model'; readonly model: string }
  /** A model whose relocation scope changed (to Excluded: no longer exported, and no table here). */
  | { readonly kind: 'set-scope'; readonly model: string; readonly scope: ModelScope }
  /** A new field, placed after `after` in declared order (first when absent). */
  | { readonly kind: 'add-field'; readonly model: string; readonly field: Field; readonly after?: string }
  | { readonly kind: 'remove-field'; readonly model: string; readonly field: string }
  /** A field whose class, length, nullability or default changed: its whole new definition. */
  | { readonly kind: 'change-field'; readonly model: string; readonly field: Field }
  | { readonly kind: 'set-uniques'; readonly model: string; readonly uniques: readonly (readonly string[])[] }
  /** Rules added or replaced (merged over the older rules). */
  | { readonly kind: 'set-rules'; readonly model: string; readonly rules: ModelRules }
  /** Other properties of a model: its silos, custom ordinal, relocation dependencies, lookups. */
  | { readonly kind: 'change-model'; readonly model: string; readonly set: ModelProperties }
);

export type ModelProperties = Partial<Pick<ModelEntry, 'table' | 'silos' | 'customOrdinal' | 'relocationDependencies' | 'caseInsensitive' | 'uniqueConditions'>>;

export interface RegistryDelta {
  /** The version the delta makes (`26.8.0`). */
  readonly version: string;
  readonly description: string;
  readonly schemaVersion: string;
  readonly changes: readonly Change[];
}

/** A rename's other side, so that every registry resolves both names. */
export function renamesOf(deltas: readonly RegistryDelta[]): [string, string][] {
  return deltas.flatMap((delta) => delta.changes.flatMap((change) => (change.kind === 'rename-model' ? [[change.from, change.to] as [string, string]] : [])));
}

function withFields(entry: ModelEntry, fields: readonly Field[]): ModelEntry {
  return {
    ...entry,
    fields,
    // Graph edges follow the fields, as `defineModel` builds them (self-references left out).
    foreignKeys: entry.stored || fields.length > 0
      ? fields.flatMap((field) => (field.foreignKey !== undefined && field.foreignKey.model !== entry.name ? [field.foreignKey] : []))
      : entry.foreignKeys,
  };
}

function renamedTarget(entry: ModelEntry, from: string, to: string): ModelEntry {
  const retarget = (field: Field): Field => (field.foreignKey?.model === from ? { ...field, foreignKey: { ...field.foreignKey, model: to } } : field);
  return {
    ...entry,
    fields: entry.fields.map(retarget),
    foreignKeys: entry.foreignKeys.map((key) => (key.model === from ? { ...key, model: to } : key)),
    relocationDependencies: entry.relocationDependencies.map((name) => (name === from ? to : name)),
  };
}

/** The newer registry's spec: `base` with every change applied in order. */
export function applyDelta(base: Registry, delta: RegistryDelta, extra: Pick<RegistrySpec, 'renames' | 'appLabels'>): RegistrySpec {
  const models = new Map(base.models.map((entry) => [entry.name, entry]));
  const removedModels = new Map<string, Removal>(base.removedModels);
  const removedFields = new Map<string, Removal>(base.removedFields);
  const get = (name: string, change: Change): ModelEntry => {
    const entry = models.get(name);
    if (entry === undefined) throw new RangeError(`Delta ${delta.version}: ${change.kind} names ${name}, which the registry does not have`);
    return entry;
  };
  for (const change of delta.changes) {
    switch (change.kind) {
      case 'add-model':
        if (models.has(change.model.name)) throw new RangeError(`Delta ${delta.version}: ${change.model.name} is added twice`);
        models.set(change.model.name, change.model);
        break;
      case 'rename-model': {
        const entry = get(change.from, change);
        models.delete(change.from);
        models.set(change.to, { ...entry, name: change.to, ...(change.table !== undefined && { table: change.table }) });
        for (const [name, other] of models) models.set(name, renamedTarget(other, change.from, change.to));
        break;
      }
      case 'remove-model':
        get(change.model, change);
        models.delete(change.model);
        removedModels.set(change.model, { until: change.since, note: change.note ?? 'removed from Sentry' });
        break;
      case 'set-scope': {
        const entry = get(change.model, change);
        const stored = change.scope !== 'Excluded';
        models.set(change.model, { ...entry, scope: change.scope, stored });
        if (!stored) removedModels.set(change.model, { until: change.since, note: change.note ?? 'no longer exported (Excluded)' });
        break;
      }
      case 'add-field': {
        const entry = get(change.model, change);
        const at = change.after === undefined ? 0 : entry.fields.findIndex((field) => field.name === change.after) + 1;
        if (change.after !== undefined && at === 0) throw new RangeError(`Delta ${delta.version}: ${change.model} has no field ${change.after}`);
        models.set(change.model, withFields(entry, [...entry.fields.slice(0, at), change.field, ...entry.fields.slice(at)]));
        break;
      }
      case 'remove-field': {
        const entry = get(change.model, change);
        if (!entry.fields.some((field) => field.name === change.field)) throw new RangeError(`Delta ${delta.version}: ${change.model} has no field ${change.field}`);
        models.set(change.model, withFields(entry, entry.fields.filter((field) => field.name !== change.field)));
        removedFields.set(`${change.model}.${change.field}`, { until: change.since, note: change.note ?? 'removed from Sentry' });
        break;
      }
      case 'change-field': {
        const entry = get(change.model, change);
        if (!entry.fields.some((field) => field.name === change.field.name)) throw new RangeError(`Delta ${delta.version}: ${change.model} has no field ${change.field.name}`);
        models.set(change.model, withFields(entry, entry.fields.map((field) => (field.name === change.field.name ? change.field : field))));
        break;
      }
      case 'set-uniques':
        models.set(change.model, { ...get(change.model, change), uniques: change.uniques });
        break;
      case 'set-rules': {
        const entry = get(change.model, change);
        models.set(change.model, { ...entry, rules: { ...entry.rules, ...change.rules } });
        break;
      }
      case 'change-model':
        models.set(change.model, { ...get(change.model, change), ...change.set });
        break;
    }
  }
  return {
    version: delta.version,
    description: delta.description,
    verified: false,
    sources: [...base.sources, ...delta.changes.map((change) => change.source)],
    schemaVersion: delta.schemaVersion,
    models: [...models.values()],
    removedModels,
    removedFields,
    ...extra,
  };
}
