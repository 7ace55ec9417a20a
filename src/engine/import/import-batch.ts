/**
 * Sentry's `import_by_model`: one batch of up to 20 rows of one model. A chunk recorded for the
 * same import UUID, model and first ordinal means the batch was written before: its pk map is
 * rebuilt from the chunk and nothing is written. Otherwise each row is filtered, its keys remapped
 * through the pk map, normalized and written by its model's rules, and a chunk records the batch.
 */
import type { Registry } from '../../core/registry/registry.js';
import type { ImportKind, ImportRuleContext, ImportRules, ImportingRow, StoredValue, WriteOutcome } from '../../core/registry/import-rules.js';
import type { ModelEntry } from '../../core/registry/types.js';
import { IMPORT_SCOPES, possibleScopes } from '../../core/scopes.js';
import type { ImportScope, RelocationScope } from '../../core/scopes.js';
import { ConstraintViolation, DatabaseError, IntegerOutOfRange } from '../../db/port.js';
import type { Driver } from '../../db/port.js';
import type { RowWriter } from '../../db/row-writer.js';
import type { FileObject } from './file-objects.js';
import { ImportingError, RowRefused } from './import-error.js';
import type { ImportErrorKind } from './import-error.js';
import type { ImportReport, ModelImportReport } from './import-report.js';
import { prepareRow } from './prepare-row.js';
import type { Defaults, RowChecks } from './prepare-row.js';
import type { PkMap } from './primary-key-map.js';
import type { ImportFilter, ScanResult } from './scan-file.js';
import type { Keeper } from './keep-unknown.js';
import { findChunk, saveChunk } from './import-chunks.js';
import type { ChunkRecord } from './import-chunks.js';
import { shown } from '../../core/text/shown-value.js';

export const MAX_BATCH_SIZE = 20;

type ConcreteScope = Exclude<RelocationScope, 'Excluded'>;

/** The rules' context as the engine holds it: the row being written is set before each row. */
export interface EngineRuleContext extends ImportRuleContext {
  current: { report: ModelImportReport; pk: number } | undefined;
}

export interface BatchDeps {
  /** Where import chunks are found and recorded; absent for a check, which writes nothing. */
  readonly driver?: Driver | undefined;
  /** Writes and looks up rows (in bulk where the driver can); absent for a check. */
  readonly writer?: RowWriter | undefined;
  readonly registry: Registry;
  readonly scope: ImportScope;
  readonly importUuid: string;
  /** The filters, and the pks the file has of each model other rows point at (so far, for a check). */
  readonly scan: Pick<ScanResult, 'filters' | 'pks'>;
  readonly pkMap: PkMap;
  readonly context: EngineRuleContext;
  readonly defaults: Defaults;
  readonly report: ImportReport;
  readonly keeper: Pick<Keeper, 'keepFields'>;
  /**
   * A check goes on past a row the import would refuse: each refusal is told here (located), and
   * the row is left out; so are the problems of its values, one by one (`rowChecks`).
   */
  readonly onRowError?: ((error: ImportingError, object: FileObject) => void) | undefined;
  readonly rowChecks?: RowChecks | undefined;
}

const NO_RULES: ImportRules = {};

/** What writing a row did: its pk here, how it was written, and its slug (for rules that need it). */
export interface WrittenRow {
  readonly pk: number;
  readonly kind: ImportKind;
  readonly slug: string | undefined;
}

export class BatchImporter {
  /** Scopes of rows already written, for models whose rows take their scope from a parent. */
  readonly #rowScopes = new Map<string, Map<number, ConcreteScope>>();
  readonly #allowed: readonly RelocationScope[];

  constructor(private readonly deps: BatchDeps) {
    this.#allowed = IMPORT_SCOPES[deps.scope];
  }

  importBatch(entry: ModelEntry, objects: readonly FileObject[], minOrdinal: number): void {
    const { driver, importUuid, pkMap, report } = this.deps;
    const modelReport = report.model(entry.name);
    // A Global import has just cleared every table, chunks included: no batch can have been written before.
    const { writer } = this.deps;
    const done = this.deps.scope === 'Global' || driver === undefined || writer === undefined ? undefined : findChunk(driver, writer, this.deps.registry, entry, importUuid, minOrdinal);
    if (done !== undefined) {
      for (const [oldPk, mapped] of done) pkMap.insert(entry.name, oldPk, mapped.pk, mapped.kind, mapped.slug);
      modelReport.resumedRows += done.size;
      return;
    }
    const chunk: ChunkRecord = { minOrdinal, written: [], slugs: new Map() };
    objects.forEach((object, i) => {
      const outcome = this.importRow(entry, object, minOrdinal + i);
      if (outcome !== undefined) chunk.written.push({ oldPk: object.pk, ...outcome });
    });
    if (chunk.written.length > 0 && writer !== undefined) saveChunk(writer, this.deps.registry, entry, importUuid, chunk, this.deps.context.now());
  }

  /** One row: what was written, or undefined when it was dropped (or, for a check, refused). */
  importRow(entry: ModelEntry, object: FileObject, ordinal: number): WrittenRow | undefined {
    const modelReport = this.deps.report.model(entry.name);
    if (!this.#inScope(entry)) {
      modelReport.drop(object.pk, `not in ${this.deps.scope} scope`);
      return undefined;
    }
    // Where a row the writer holds back (to write in bulk) came from, for its errors.
    if (this.deps.writer !== undefined) this.deps.writer.origin = { model: entry.name, ordinal, leftPk: object.pk, line: object.line };
    try {
      return this.#importRow(entry, object, ordinal, this.#filtersOf(entry.name), modelReport);
    } catch (error) {
      if (error instanceof RowRefused) return undefined;
      const refusal = located(error, { model: entry.name, ordinal, leftPk: object.pk, line: object.line });
      if (this.deps.onRowError === undefined) throw refusal;
      this.deps.onRowError(refusal, object);
      return undefined;
    }
  }

  readonly #scopes = new Map<string, boolean>();
  readonly #filters = new Map<string, readonly ImportFilter[]>();

  #inScope(entry: ModelEntry): boolean {
    let inScope = this.#scopes.get(entry.name);
    if (inScope === undefined) this.#scopes.set(entry.name, (inScope = possibleScopes(entry.scope).some((scope) => this.#allowed.includes(scope))));
    return inScope;
  }

  #filtersOf(model: string): readonly ImportFilter[] {
    let filters = this.#filters.get(model);
    if (filters === undefined) this.#filters.set(model, (filters = this.deps.scan.filters.filter((filter) => filter.model === model)));
    return filters;
  }

  /** Imports one row; returns what was written, or undefined when the row was dropped. */
  #importRow(entry: ModelEntry, object: FileObject, ordinal: number, filters: readonly ImportFilter[], modelReport: ModelImportReport): WrittenRow | undefined {
    for (const filter of filters) {
      const value = filter.field === 'id' ? object.pk : object.fields[filter.field];
      if (!filter.values.has(value)) return modelReport.drop(object.pk, `filtered: ${filter.reason}`);
    }
    const { context, pkMap } = this.deps;
    const prepared = prepareRow(entry, object, ordinal, this.deps.defaults, this.deps.rowChecks);
    for (const name of prepared.unknownFields) modelReport.unknownFields.set(name, (modelReport.unknownFields.get(name) ?? 0) + 1);
    const row: ImportingRow = { model: entry.name, oldPk: object.pk, fields: prepared.fields, original: { ...prepared.fields } };
    const rules = entry.rules.import ?? NO_RULES;
    context.current = { report: modelReport, pk: object.pk };

    const unmapped = this.#remapKeys(entry, row, rules);
    if (unmapped !== undefined) return modelReport.drop(object.pk, unmapped);
    const dropped = rules.normalize?.(row, context);
    if (dropped !== undefined) return modelReport.drop(object.pk, dropped);
    const rowScope = this.#rowScope(entry, row);
    if (!this.#allowed.includes(rowScope)) return modelReport.drop(object.pk, `this row is ${rowScope}, not in ${this.deps.scope} scope`);

    const keepPk = rules.keepPkIn?.includes(this.deps.scope) === true;
    const outcome: WriteOutcome = rules.write?.(row, context) ?? { pk: context.insert(row, { keepPk }), kind: 'Inserted' };
    if ('skip' in outcome) return modelReport.drop(object.pk, outcome.skip);
    const slug = typeof row.fields.slug === 'string' ? row.fields.slug : undefined;
    pkMap.insert(entry.name, object.pk, outcome.pk, outcome.kind, slug);
    if (entry.rules.scopeOf !== undefined) this.#rememberScope(entry.name, outcome.pk, rowScope);
    if (prepared.unknownFields.length > 0) this.deps.keeper.keepFields(entry.name, outcome.pk, object.fields, prepared.unknownFields, outcome.kind === 'Existing', modelReport);
    if (outcome.kind === 'Inserted') modelReport.inserted++;
    else if (outcome.kind === 'Existing') modelReport.existing++;
    else modelReport.overwritten++;
    return { pk: outcome.pk, kind: outcome.kind, slug };
  }

  /**
   * Sentry's default normalize: every key through the pk map. A key whose target was not imported
   * drops the row (or becomes null, where the model says so); a key to a row the file never had
   * is an error, since the file is then inconsistent.
   */
  #remapKeys(entry: ModelEntry, row: ImportingRow, rules: ImportRules): string | undefined {
    for (const key of entry.foreignKeys) {
      const value = row.fields[key.field];
      if (value === null || value === undefined) continue;
      const target = this.deps.registry.find(key.model);
      if (target === undefined || !target.stored || target.scope === 'Excluded') return `${key.field} points at ${key.model}, which is never imported`;
      const mapped = this.deps.pkMap.get(key.model, value as number);
      if (mapped !== undefined) {
        row.fields[key.field] = mapped.pk;
        continue;
      }
      if (rules.nullWhenUnmapped?.includes(key.field) === true) {
        row.fields[key.field] = null;
        continue;
      }
      if (this.deps.scan.pks.get(key.model)?.has(value as number) === true) {
        return `parent ${key.model} pk ${String(value)} was not imported (via ${key.field})`;
      }
      throw new ImportingError('ValidationError', { model: entry.name }, `${key.field} points at ${key.model} pk ${shown(String(value))}, which is not in the file`,
        { field: key.field, fault: 'DanglingForeignKey' });
    }
    return undefined;
  }

  #rowScope(entry: ModelEntry, row: ImportingRow): ConcreteScope {
    const { scopeOf } = entry.rules;
    if (scopeOf === undefined) return entry.scope as ConcreteScope;
    return scopeOf(row.fields as Readonly<Record<string, StoredValue>>, (model, pk) => this.#rowScopes.get(model)?.get(pk));
  }

  #rememberScope(model: string, pk: number, scope: ConcreteScope): void {
    let scopes = this.#rowScopes.get(model);
    if (scopes === undefined) this.#rowScopes.set(model, (scopes = new Map()));
    scopes.set(pk, scope);
  }
}

/** Sentry's exception mapping (§3.2), with the row's place in the file added. */
export function located(error: unknown, where: { model: string; ordinal: number; leftPk: number; line: number }): ImportingError {
  if (error instanceof ImportingError) {
    if (error.on.ordinal !== undefined) return error;
    return new ImportingError(error.kind, where, error.reason, { cause: error.cause ?? error, field: error.field, fault: error.fault });
  }
  const reason = error instanceof Error ? error.message : String(error);
  let kind: ImportErrorKind = 'Unknown';
  if (error instanceof ConstraintViolation) {
    return new ImportingError('IntegrityError', where, reason, { cause: error, fault: error.kind === 'UniqueViolation' ? 'UniqueViolation' : undefined });
  }
  if (error instanceof IntegerOutOfRange || error instanceof TypeError || error instanceof SyntaxError) kind = 'DeserializationFailed';
  else if (error instanceof DatabaseError) kind = 'DatabaseError';
  else if (error instanceof Error && error.name === 'UniqueVariantError') kind = 'IntegrityError';
  return new ImportingError(kind, where, reason, { cause: error });
}
