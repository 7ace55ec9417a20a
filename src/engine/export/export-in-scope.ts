/**
 * Export in a scope: Sentry's `_export` / `export_by_model`, over the driver port. Models come in
 * the registry's sorted order, rows in ascending pk; a row is left out when its model's scope (or
 * its own, for models with a set of scopes) is not allowed, when a filter excludes it, when a
 * non-Global query override excludes it, or when any non-null foreign key points at a row that was
 * not exported. Objects are yielded one at a time; the report says why each row was left out.
 */
import type { Registry } from '../../core/registry/registry.js';
import type { ModelEntry, RowFields } from '../../core/registry/types.js';
import { EXPORT_SCOPES, possibleScopes } from '../../core/scopes.js';
import type { ExportScope, RelocationScope } from '../../core/scopes.js';
import { plainObject } from '../../core/json/export-writer.js';
import type { ExportObject, ExportRow } from '../../core/json/export-writer.js';
import type { Driver, SqlValue } from '../../db/port.js';
import { exportConverter } from '../../db/field-codec.js';
import { rowValuesInPkOrder } from '../../db/store.js';
import { filtersFor, unmatchedFilters } from './export-filters.js';
import type { ExportFilterOptions, Filter } from './export-filters.js';
import { ExportingError } from './export-error.js';
import { ExportReport } from './export-report.js';
import { referencedValues } from './referenced-values.js';
import { keptForExport, keptRowObject, withKeptFields } from './export-kept.js';
import { EXPORT_OPTIONS, checkOptions } from '../verb-options.js';
import type { KeptRow } from '../../db/kept-store.js';

export interface ExportOptions extends ExportFilterOptions {
  /** The Sentry version of the database's schema. */
  readonly registry: Registry;
  readonly scope: ExportScope;
  /** Called before each model and every 1000 rows. */
  readonly onProgress?: (progress: ExportProgress) => void;
}

export interface ExportProgress {
  readonly model: string;
  readonly modelIndex: number;
  readonly modelCount: number;
  readonly rowsExported: number;
}

export interface ExportRun {
  /** The objects, in file order, as plain `{model, pk, fields}`; iterate once. */
  readonly objects: Iterable<ExportObject>;
  /** Filled as `objects` is iterated; complete after it. */
  readonly report: ExportReport;
}

/** The same run with each row's fields as arrays, for the writers (`ExportWriter` takes both). */
export interface ExportRowsRun {
  readonly rows: Iterable<ExportRow>;
  readonly report: ExportReport;
}

type ConcreteScope = Exclude<RelocationScope, 'Excluded'>;

/** The models an export in `scope` visits, in order. */
export function modelsInScope(registry: Registry, scope: ExportScope): ModelEntry[] {
  const allowed: readonly RelocationScope[] = EXPORT_SCOPES[scope];
  // Sentry sorts the whole graph, then filters: sorting the stored models alone gives another order.
  return registry.relocatable.filter((entry) => possibleScopes(entry.scope).some((s) => allowed.includes(s)));
}

/**
 * Models whose exported pks a later model may ask about: foreign-key targets, and the models the
 * query overrides look at. Only these keep a pk set, so that leaf models cost no memory per row.
 */
const referencedModels = new WeakMap<Registry, ReadonlySet<string>>();

function referencedModelsOf(registry: Registry): ReadonlySet<string> {
  let models = referencedModels.get(registry);
  if (models === undefined) {
    models = new Set(registry.stored.flatMap((entry) => [
      ...entry.foreignKeys.map((key) => key.model),
      ...(entry.rules.exportReferencedBy?.from.flatMap((source) => source.where.map((condition) => condition.exported)) ?? []),
    ]));
    referencedModels.set(registry, models);
  }
  return models;
}

export function exportInScope(driver: Driver, options: ExportOptions): ExportRun {
  const { rows, report } = exportRowsInScope(driver, options);
  return { objects: plainObjects(rows), report };
}

function* plainObjects(rows: Iterable<ExportRow>): Generator<ExportObject> {
  for (const row of rows) yield plainObject(row);
}

/** `exportInScope` for a writer: no `fields` object is built per row. */
export function exportRowsInScope(driver: Driver, options: ExportOptions): ExportRowsRun {
  checkOptions('exportInScope', EXPORT_OPTIONS, options);
  const report = new ExportReport(options.scope);
  return { rows: generate(driver, options, report), report };
}

function* generate(driver: Driver, options: ExportOptions, report: ExportReport): Generator<ExportRow> {
  const allowed: readonly RelocationScope[] = EXPORT_SCOPES[options.scope];
  const { registry } = options;
  const models = modelsInScope(registry, options.scope);
  const referenced = referencedModelsOf(registry);
  const filters = filtersFor(driver, registry, options.scope, options);
  report.unmatched = unmatchedFilters(driver, registry, options);
  const exported = new Map<string, Set<number>>();
  const rowScopes = new Map<string, Map<number, ConcreteScope>>();
  const scopeOfParent = (model: string, pk: number) => rowScopes.get(model)?.get(pk);
  const kept = keptForExport(driver, registry, options.scope, models, report);
  let total = 0;
  yield* writtenBack(kept.first, report);

  for (const [modelIndex, entry] of models.entries()) {
    options.onProgress?.({ model: entry.name, modelIndex, modelCount: models.length, rowsExported: total });
    const pks = referenced.has(entry.name) ? new Set<number>() : undefined;
    if (pks !== undefined) exported.set(entry.name, pks);
    const ownFilters = filters.filter((filter) => filter.model === entry.name);
    const narrowing = options.scope === 'Global' ? undefined : queryOverride(driver, registry, entry, exported);
    const plan = planFor(entry);
    const modelReport = report.model(entry.name);
    const keptFields = kept.fieldsOf(entry);

    let ordinal = 0;
    const rows = rowValuesInPkOrder(driver, entry);
    // A consumer that stops early (a closed stdout) returns this generator: close the read too,
    // or the database refuses to close.
    try {
      for (;;) {
        let object: ExportRow | undefined;
        try {
          // The ordinal names the row being read, so a row that fails to read is located too.
          ordinal++;
          const next = rows.next();
          if (next.done === true) break;
          const row = next.value;
          const pk = row[0] as number;
          const reason = leftOutBecause(entry, pk, row, plan, { allowed, ownFilters, narrowing, exported, scopeOfParent, rowScopes });
          if (reason !== undefined) {
            modelReport.leftOut(pk, reason);
            continue;
          }
          pks?.add(pk);
          object = exportObject(entry.name, pk, plan, row);
          const extra = keptFields?.get(pk);
          if (extra !== undefined) object = withKeptFields(object, extra, report);
        } catch (error) {
          rows.return?.();
          throw asExportingError(error, entry.name, ordinal);
        }
        modelReport.exported++;
        total++;
        if (total % 1000 === 0) options.onProgress?.({ model: entry.name, modelIndex, modelCount: models.length, rowsExported: total });
        yield object;
      }
    } finally {
      rows.return?.();
    }
    yield* writtenBack(kept.after.get(entry.name) ?? [], report);
  }
  yield* writtenBack(kept.last, report);
}

/** Kept rows of models this version does not know, as the file had them. */
function* writtenBack(rows: readonly KeptRow[], report: ExportReport): Generator<ExportRow> {
  for (const row of rows) {
    report.model(row.model).keptRows++;
    yield keptRowObject(row);
  }
}

/** Any failure while reading a model becomes Sentry's export error, located at the row. */
function asExportingError(error: unknown, model: string, ordinal: number): ExportingError {
  if (error instanceof ExportingError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new ExportingError('Unknown', { model, ...(ordinal > 0 && { ordinal }) }, reason, { cause: error });
}

/** What exporting a model's rows needs, worked out once per model. */
interface ModelPlan {
  /** Fields in select order: `index` into the row's values (0 is the pk). */
  readonly fields: readonly { readonly name: string; readonly index: number; readonly convert: (stored: SqlValue) => unknown }[];
  /** The field names, in order (shared by every object of the model). */
  readonly names: readonly string[];
  /** Foreign keys that must point at exported rows: value index, target model, field name. */
  readonly keys: readonly { readonly index: number; readonly model: string; readonly field: string }[];
}

// By entry, not by name: two versions may define one model differently.
const plans = new WeakMap<ModelEntry, ModelPlan>();

function planFor(entry: ModelEntry): ModelPlan {
  let plan = plans.get(entry);
  if (plan !== undefined) return plan;
  const ignored = entry.rules.exportIgnoresMissing ?? [];
  const indexOf = (name: string) => entry.fields.findIndex((field) => field.name === name) + 1;
  plan = {
    fields: entry.fields.map((field, i) => ({ name: field.name, index: i + 1, convert: exportConverter(field) })),
    names: entry.fields.map((field) => field.name),
    keys: entry.foreignKeys.filter((key) => !ignored.includes(key.field)).map((key) => ({ index: indexOf(key.field), model: key.model, field: key.field })),
  };
  plans.set(entry, plan);
  return plan;
}

interface RowContext {
  readonly allowed: readonly RelocationScope[];
  readonly ownFilters: readonly Filter[];
  readonly narrowing: ((pk: number, fields: RowFields) => string | undefined) | undefined;
  readonly exported: ReadonlyMap<string, ReadonlySet<number>>;
  readonly scopeOfParent: (model: string, pk: number) => ConcreteScope | undefined;
  readonly rowScopes: Map<string, Map<number, ConcreteScope>>;
}

/** Why a row is left out, or undefined when it is exported. Order follows Sentry's checks. */
function leftOutBecause(entry: ModelEntry, pk: number, row: SqlValue[], plan: ModelPlan, context: RowContext): string | undefined {
  // Field values by name, made only for the few models whose filters or rules look at them.
  let byName: RowFields | undefined;
  const fields = (): RowFields => (byName ??= fieldsOf(plan, row));
  for (const filter of context.ownFilters) {
    const value = filter.field === 'id' ? pk : fields()[filter.field];
    if (!filter.values.has(value)) return `filtered: ${filter.reason}`;
  }
  const narrowed = context.narrowing?.(pk, fields());
  if (narrowed !== undefined) return narrowed;
  if (entry.rules.scopeOf !== undefined) {
    const scope = entry.rules.scopeOf(fields(), context.scopeOfParent);
    if (!context.allowed.includes(scope)) return `scope: this row is ${scope}, not allowed in this export`;
    let scopes = context.rowScopes.get(entry.name);
    if (scopes === undefined) context.rowScopes.set(entry.name, (scopes = new Map()));
    scopes.set(pk, scope);
  }
  for (const key of plan.keys) {
    const value = row[key.index];
    if (value === null || value === undefined) continue;
    if (!context.exported.get(key.model)?.has(value as number)) {
      return `parent ${key.model} pk ${String(value)} not exported (via ${key.field})`;
    }
  }
  return undefined;
}

/** A non-Global export's per-model query override (Sentry's `query_for_relocation_export`). */
function queryOverride(
  driver: Driver,
  registry: Registry,
  entry: ModelEntry,
  exported: ReadonlyMap<string, ReadonlySet<number>>,
): ((pk: number, fields: RowFields) => string | undefined) | undefined {
  const { exportExcludes, exportReferencedBy } = entry.rules;
  const referenced = exportReferencedBy === undefined ? undefined : referencedValues(driver, registry, exportReferencedBy, exported);
  if (exportExcludes === undefined && referenced === undefined) return undefined;
  return (pk, fields) => {
    if (exportExcludes !== undefined && exportExcludes.values.includes(fields[exportExcludes.field] as string)) {
      return `excluded: ${exportExcludes.field} ${String(fields[exportExcludes.field])} is never exported`;
    }
    if (referenced !== undefined && exportReferencedBy !== undefined) {
      const value = exportReferencedBy.field === 'id' ? pk : fields[exportReferencedBy.field];
      if (!referenced.has(value)) {
        const sources = exportReferencedBy.from.map((source) => source.model).join(' or ');
        return `not referenced by an exported row's ${sources}`;
      }
    }
    return undefined;
  };
}

/** The row's stored values by field name, for filters and rules. */
function fieldsOf(plan: ModelPlan, row: SqlValue[]): RowFields {
  const fields: Record<string, unknown> = {};
  for (const field of plan.fields) fields[field.name] = row[field.index];
  return fields;
}

/** An exported row: each value converted once, the names shared by the model's rows. */
function exportObject(model: string, pk: number, plan: ModelPlan, row: SqlValue[]): ExportRow {
  const values = new Array<unknown>(plan.fields.length);
  for (let i = 0; i < plan.fields.length; i++) {
    const field = plan.fields[i] as ModelPlan['fields'][number];
    values[i] = field.convert(row[field.index] ?? null);
  }
  return { model, pk, names: plan.names, values };
}
