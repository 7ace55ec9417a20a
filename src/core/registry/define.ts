/**
 * The small vocabulary the registry files are written in, so that each model reads like a table:
 * one `defineModel` per exportable model (its fields in declared order, foreign keys inline), one
 * `graphOnly` line per Excluded model that exists only as a node of the dependency graph.
 */
import type { ModelScope } from '../scopes.js';
import type { FieldClass } from './field-classes.js';
import type { Field, FieldDefault, ForeignFieldKind, ForeignKey, ModelEntry, ModelRules, Silo, UniqueCondition } from './types.js';

type Literal = null | boolean | number | string | readonly unknown[];
interface CallDefault { readonly call: string }

/** A default that Sentry computes when a row is made: `call('timezone.now')`, `call('uuid4')`. */
export function call(name: string): CallDefault {
  return { call: name };
}

/** The callables that recur across models. */
export const now = call('timezone.now');
export const dict = call('dict');
export const list = call('list');

export interface FieldOptions {
  readonly null?: boolean;
  readonly default?: Literal | CallDefault;
  readonly maxLength?: number;
  /** Sentry's db_column, where it differs from the usual. */
  readonly column?: string;
  /** ArrayField element class. */
  readonly of?: FieldClass;
}

export interface ForeignKeyOptions extends FieldOptions {
  /** The integer class behind an ImplicitForeignKey or a HybridCloudForeignKey. */
  readonly class?: FieldClass;
}

function toDefault(value: FieldOptions['default']): FieldDefault | undefined {
  if (value === undefined) return undefined;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as CallDefault;
  return { value: value as Literal };
}

function makeField(name: string, cls: FieldClass, column: string, opts: FieldOptions, foreignKey?: ForeignKey): Field {
  const fieldDefault = toDefault(opts.default);
  return {
    name,
    column: opts.column ?? column,
    class: cls,
    nullable: opts.null ?? false,
    ...(fieldDefault !== undefined && { default: fieldDefault }),
    ...(opts.maxLength !== undefined && { maxLength: opts.maxLength }),
    ...(opts.of !== undefined && { of: opts.of }),
    ...(foreignKey !== undefined && { foreignKey }),
  };
}

/** A plain field: `f('slug', 'SentrySlugField', { maxLength: 50 })`. */
export function f(name: string, cls: FieldClass, opts: FieldOptions = {}): Field {
  return makeField(name, cls, name, opts);
}

/**
 * A foreign key field. Django relations (Flexible, Default, one-to-one) are stored in `<name>_id`;
 * HybridCloud and Implicit keys are plain integer fields already named `<x>_id`.
 */
export function fk(name: string, target: string, kind: ForeignFieldKind, opts: ForeignKeyOptions = {}): Field {
  const relation = RELATION_CLASS[kind];
  const cls = opts.class ?? relation ?? 'BoundedBigIntegerField';
  const column = relation !== undefined && kind !== 'HybridCloudForeignKey' ? `${name}_id` : name;
  const foreignKey: ForeignKey = { field: name, model: target, kind, nullable: opts.null ?? false };
  return makeField(name, cls, column, opts, foreignKey);
}

const RELATION_CLASS: Record<ForeignFieldKind, FieldClass | undefined> = {
  FlexibleForeignKey: 'FlexibleForeignKey',
  DefaultForeignKey: 'ForeignKey',
  DefaultOneToOneField: 'OneToOneField',
  OneToOneCascadeDeletes: 'OneToOneCascadeDeletes',
  HybridCloudForeignKey: 'HybridCloudForeignKey',
  ImplicitForeignKey: undefined,
};

export interface ModelSpec {
  readonly model: string;
  readonly table: string;
  readonly silos: readonly Silo[];
  readonly scope: ModelScope;
  /** As Sentry computes them: each set sorted by field name, the list by the ":"-joined names. */
  readonly uniques: readonly (readonly string[])[];
  readonly relocationDependencies?: readonly string[];
  readonly customOrdinal?: readonly string[];
  /** Conditional unique sets: ":"-joined set → when it holds (see ModelEntry.uniqueConditions). */
  readonly uniqueConditions?: Readonly<Record<string, UniqueCondition>>;
  /** Fields looked up ignoring case (see ModelEntry.caseInsensitive). */
  readonly caseInsensitive?: readonly string[];
  readonly fields: readonly Field[];
  readonly rules?: ModelRules;
  /** Set for the engine's own Excluded tables (import chunks, claim hashes). */
  readonly stored?: boolean;
}

/** A model with a table: every non-Excluded model, plus the engine's own tables. */
export function defineModel(spec: ModelSpec): ModelEntry {
  return {
    name: spec.model,
    table: spec.table,
    silos: spec.silos,
    scope: spec.scope,
    // Sentry ignores self-references when it builds the graph; the column keeps its constraint.
    foreignKeys: spec.fields.flatMap((field) =>
      field.foreignKey !== undefined && field.foreignKey.model !== spec.model ? [field.foreignKey] : [],
    ),
    relocationDependencies: spec.relocationDependencies ?? [],
    uniques: spec.uniques,
    fields: spec.fields,
    ...(spec.customOrdinal !== undefined && { customOrdinal: spec.customOrdinal }),
    ...(spec.uniqueConditions !== undefined && { uniqueConditions: spec.uniqueConditions }),
    ...(spec.caseInsensitive !== undefined && { caseInsensitive: spec.caseInsensitive }),
    stored: spec.stored ?? spec.scope !== 'Excluded',
    rules: spec.rules ?? {},
  };
}

/** An edge of a graph-only model: `[target, kind, nullable]`. */
export type EdgeSpec = readonly [target: string, kind: ForeignFieldKind, nullable: boolean];

/** An Excluded model that is only a node of the graph: no table, no fields, no rules. */
export function graphOnly(
  model: string,
  table: string,
  silos: readonly Silo[],
  edges: Readonly<Record<string, EdgeSpec>>,
  uniques: readonly (readonly string[])[],
  relocationDependencies: readonly string[] = [],
): ModelEntry {
  return {
    name: model,
    table,
    silos,
    scope: 'Excluded',
    foreignKeys: Object.entries(edges).map(([field, [target, kind, nullable]]) => ({ field, model: target, kind, nullable })),
    relocationDependencies,
    uniques,
    fields: [],
    stored: false,
    rules: {},
  };
}
