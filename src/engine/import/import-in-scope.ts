/**
 * Import in a scope: Sentry's `_import` (§3.1), over the driver port. A first pass checks the
 * whole file and resolves the filters before anything is written; then, in one transaction,
 * Global clears every table, and the rows go in batches of 20 per model in the registry's order,
 * org auth tokens last. Any failure rolls everything back, so the database is exactly as before.
 */
import { randomString, RuleContext } from './rule-context.js';
import { randomUuid4 } from '../fields/field-values.js';
import type { ImportScope } from '../../core/scopes.js';
import { formatSentryDatetime } from '../../core/json/datetime.js';
import type { Driver } from '../../db/port.js';
import { BatchImporter, MAX_BATCH_SIZE, located } from './import-batch.js';
import { rowWriterFor } from '../../db/row-writer.js';
import { clearAllTables } from './clear-tables.js';
import { heldWhenRead } from './file-objects.js';
import type { FileObject, ImportSource } from './file-objects.js';
import { ImportingError } from './import-error.js';
import { ImportReport } from './import-report.js';
import { orderedObjects } from './ordered-objects.js';
import { PrimaryKeyMap } from './primary-key-map.js';
import { scanFile } from './scan-file.js';
import { Keeper } from './keep-unknown.js';
import { IMPORT_OPTIONS, checkOptions } from '../verb-options.js';
import type { KeepTables } from './keep-unknown.js';
import { countRows } from '../../db/store.js';
import type { FilterOptions, ScanResult } from './scan-file.js';
import type { Registry } from '../../core/registry/registry.js';
import { shown } from '../../core/text/shown-value.js';

export interface ImportOptions extends FilterOptions {
  /** The Sentry version of the database's schema. */
  readonly registry: Registry;
  readonly scope: ImportScope;
  readonly mergeUsers?: boolean;
  readonly overwriteConfigs?: boolean;
  /** Shared by every chunk of the import; a run with the UUID of an earlier one skips its batches. */
  readonly importUuid?: string;
  /** Global only: reset the id sequences after clearing (default), or let new pks go on from the old. */
  readonly resetSequences?: boolean;
  /** Do everything, then roll back. */
  readonly dryRun?: boolean;
  /**
   * Where rows and fields the database's version does not know are kept: tables relocate makes
   * when missing (`create`, the default), or only tables already there (`if-present`: a database
   * relocate did not make, without the user's consent to add tables to it).
   */
  readonly keepTables?: KeepTables;
  /**
   * Hold the file's objects from the check to the write, so that the file is parsed once instead
   * of twice (the check then reads objects, and the write re-sorts them in memory): for a caller
   * that can afford about the file's size again in memory. Otherwise each pass streams the file.
   */
  readonly holdObjects?: boolean;
  /** "Now" for the rows an import stamps (defaults to the clock). */
  readonly now?: () => string;
  readonly onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  readonly phase: 'checking' | 'writing';
  readonly rowsDone: number;
  readonly rowsTotal: number;
  readonly model?: string;
}

class DryRunRollback extends Error {}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/** "Now" as Sentry's datetime text, formatted once per millisecond (rules ask for it on most rows). */
function clockText(): () => string {
  let at = -1;
  let text = '';
  return () => {
    const ms = Date.now();
    if (ms !== at) {
      at = ms;
      text = formatSentryDatetime(new Date(ms));
    }
    return text;
  };
}

/** A UUID in its canonical hyphenated form, from either form; undefined when it is not one. */
export function canonicalUuid(text: string): string | undefined {
  const hex = text.trim().toLowerCase().replaceAll('-', '');
  if (!/^[0-9a-f]{32}$/.test(hex)) return undefined;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function newUuid(): string {
  return randomUuid4(randomString);
}

export function importInScope(driver: Driver, given: ImportSource, options: ImportOptions): ImportReport {
  checkOptions('importInScope', IMPORT_OPTIONS, options);
  const source = options.holdObjects === true ? heldWhenRead(given) : given;
  const importUuid = options.importUuid === undefined ? newUuid() : canonicalUuid(options.importUuid);
  if (importUuid === undefined) {
    throw new ImportingError('MissingImportUUID', { model: '' }, `--import-uuid ${JSON.stringify(shown(options.importUuid ?? ''))} is not a UUID`);
  }
  const report = new ImportReport(options.scope, importUuid);
  report.dryRun = options.dryRun ?? false;
  const now = options.now ?? clockText();

  options.onProgress?.({ phase: 'checking', rowsDone: 0, rowsTotal: 0 });
  const { registry } = options;
  const scan = scanFile(registry, source, options.scope, options);
  reportScan(report, scan);
  const rowsTotal = [...scan.counts.values()].reduce((sum, n) => sum + n, 0);

  const pkMap = new PrimaryKeyMap();
  const defaults = { now, random: randomString, uuid4: () => newUuid() };
  const keeper = new Keeper(driver, registry, options.keepTables ?? 'create', importUuid);

  try {
    driver.transaction(() => {
      const cleared = options.scope === 'Global';
      if (cleared) {
        report.clearedRows = registry.stored.filter((entry) => entry.scope !== 'Excluded').reduce((sum, entry) => sum + countRows(driver, entry), 0);
        clearAllTables(driver, registry, options.resetSequences ?? true);
        keeper.clear();
      }
      keeper.keepRows(scan.kept, report);
      // Made once the tables are cleared: a Global import's writer knows that every table is empty.
      const writer = rowWriterFor(driver, { cleared, locate: (error, origin) => (origin === undefined ? asError(error) : located(error, origin)) });
      const context = new RuleContext(driver, writer, pkMap, {
        registry,
        scope: options.scope,
        mergeUsers: options.mergeUsers ?? false,
        overwriteConfigs: options.overwriteConfigs ?? false,
        now,
      });
      const importer = new BatchImporter({ driver, writer, registry, scope: options.scope, importUuid, scan, pkMap, context, defaults, report, keeper });
      let rowsDone = 0;
      const deferred: { model: string; objects: FileObject[]; minOrdinal: number }[] = [];
      try {
        for (const batch of batches(orderedObjects(driver, registry, source, scan))) {
          const entry = registry.get(batch.model);
          if (entry.rules.import?.deferred === true) deferred.push(batch);
          else importer.importBatch(entry, batch.objects, batch.minOrdinal);
          rowsDone += batch.objects.length;
          options.onProgress?.({ phase: 'writing', rowsDone, rowsTotal, model: batch.model });
        }
        for (const batch of deferred) importer.importBatch(registry.get(batch.model), batch.objects, batch.minOrdinal);
        // Everything held is sent before the end, a dry run's too: what the database refuses is part of its report.
        writer.finish();
      } catch (error) {
        // Reading a re-sorted file's staging table may meet the failure of rows the writer sent.
        throw writer.explain(error);
      }
      if (options.dryRun === true) throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return report;
}

/** What the first pass found that the report says: whole models dropped, models renamed, keys ignored, the file's shape. */
export function reportScan(report: ImportReport, scan: ScanResult): void {
  report.reordered = !scan.inOrder;
  for (const [model, dropped] of scan.droppedModels) report.model(model).dropped.addAll(dropped.reason, dropped.count, dropped.pks);
  for (const [from, renamed] of scan.renamedModels) report.model(renamed.to).renamedFrom.set(from, renamed.count);
  report.fileShape = scan.shape;
  report.unmatched = scan.unmatched;
  for (const [model, keys] of scan.extraKeys) {
    const modelReport = report.model(model);
    for (const [key, count] of keys) modelReport.extraKeys.set(key, count);
  }
}

/** Runs of one model, at most MAX_BATCH_SIZE long, each with the ordinal of its first row. */
function* batches(objects: Iterable<FileObject>): Generator<{ model: string; objects: FileObject[]; minOrdinal: number }> {
  let current: { model: string; objects: FileObject[]; minOrdinal: number } | undefined;
  const offsets = new Map<string, number>();
  for (const object of objects) {
    if (current === undefined || current.model !== object.model || current.objects.length === MAX_BATCH_SIZE) {
      if (current !== undefined) yield current;
      const offset = offsets.get(object.model) ?? 0;
      current = { model: object.model, objects: [], minOrdinal: offset + 1 };
    }
    current.objects.push(object);
    offsets.set(object.model, (offsets.get(object.model) ?? 0) + 1);
  }
  if (current !== undefined) yield current;
}

