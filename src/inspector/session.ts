/**
 * One inspector session: an in-memory sql.js database and the export opened into it, driven by
 * the engine modules the CLI runs (inspect, import in Global scope, export, sanitize, compare).
 * It runs in a worker when the page is served, on the page's thread when opened from disk; either
 * way the page talks to it through the same asynchronous methods (see session-protocol.ts).
 */
import { renderExport } from '../core/json/export-writer.js';
import type { WritableObject } from '../core/json/export-writer.js';
import { NEWEST_REGISTRY, REGISTRIES, VERIFIED_REGISTRY, describeFileVersions, fileVersionsOf, registryFor, registryForFile, registryForModelNames } from '../core/registry/index.js';
import type { Registry } from '../core/registry/index.js';
import { ensureSchema } from '../db/open-database.js';
import type { Driver } from '../db/port.js';
import { countRows, rowsBefore, rowValuesPage } from '../db/store.js';
import { openSqlJs } from '../backends/sql-js/index.js';
import type { SqlJsStatic } from '../backends/sql-js/index.js';
import { compareExports } from '../engine/compare/index.js';
import { convertExport } from '../engine/convert/index.js';
import type { ConvertReport } from '../engine/convert/index.js';
import { exportRowsInScope } from '../engine/export/index.js';
import { HOLD_OBJECTS_UP_TO, fileModelNames, heldObjects, importInScope, ImportingError } from '../engine/import/index.js';
import { inspectExport } from '../engine/inspect/index.js';
import type { InspectResult } from '../engine/inspect/index.js';
import type { ImportSource } from '../engine/import/index.js';
import { checkOpened, repairedDownload } from './check-session.js';
import { sanitizeExport } from '../engine/sanitize/index.js';
import { openGivenFile } from './sources.js';
import type { CountedSource } from './sources.js';
import type { CheckResult, CompareSummary, Download, GivenFile, OpenSummary, Progress, RowsPage, SubsetRequest, SummaryRow } from './session-protocol.js';

/** Progress is in thousandths: reading (and parsing) the file is the first part, the import the rest. */
const PROGRESS_TOTAL = 1000;

export class InspectorSession {
  #driver: Driver | undefined;
  #source: CountedSource | undefined;
  #name = 'export.json';
  /** The Sentry version the opened file is read as. */
  #registry: Registry = VERIFIED_REGISTRY;
  /** The Sentry version the opened file is consistent with: the one a conversion reads it as (as `relocate convert` does). */
  #fileRegistry: Registry = VERIFIED_REGISTRY;

  constructor(private readonly SQL: SqlJsStatic) {}

  /** Reads the file for its own problems, then imports it in Global scope into a new database. */
  async open(given: GivenFile, onProgress: (progress: Progress) => void): Promise<OpenSummary> {
    const started = Date.now();
    // What was open is closed first: after a failed open nothing is open, rather than the previous
    // file answering for the one that failed (its tables, its downloads).
    this.#driver?.close();
    this.#driver = undefined;
    this.#source = undefined;
    onProgress({ label: `Opening ${given.name}`, done: 0, total: PROGRESS_TOTAL });
    const source = await openGivenFile(given);
    const held = source.size <= HOLD_OBJECTS_UP_TO;
    // Held: one pass reads the file (the first 40%), then the import writes. Not held: the
    // inspection and the import's check each read it (a third each), then the import writes.
    const readShare = held ? 0.4 : 1 / 3;
    const writeFrom = held ? 0.4 : 2 / 3;
    let pass = -1;
    let last = Infinity;
    source.onRead = (done, total) => {
      if (done < last) pass++;
      last = done;
      if (pass > 1) return; // the writing pass reports rows instead
      const label = `${pass === 0 ? 'Reading' : 'Checking'} ${given.name}`;
      onProgress({ label, done: Math.round(PROGRESS_TOTAL * readShare * (pass + done / total)), total: PROGRESS_TOTAL });
    };
    let objects: ImportSource = source;
    let inspected: InspectResult;
    try {
      objects = held ? heldObjects(source) : source;
      // Inspected as the newest version knows models (any older name resolves to it), then imported
      // into a database of the version the file comes from, so that nothing of it is only kept aside.
      inspected = inspectExport(NEWEST_REGISTRY, objects);
    } catch (error) {
      // A file that is not a clean JSON array (Sentry's progress lines in it, say) does not open,
      // but stays at hand for the Check tab, which reads it leniently (as the version its model
      // names say) and can repair it.
      source.onRead = undefined;
      if (error instanceof ImportingError) {
        this.#source = source;
        this.#name = given.name;
        this.#registry = registryForModelNames(fileModelNames(source));
      }
      throw error;
    }
    const versions = fileVersionsOf(inspected.shape);
    const registry = registryForFile(versions, REGISTRIES);
    this.#registry = registry;
    const driver = openSqlJs(this.SQL);
    ensureSchema(driver, registry);

    const rows = new Map<string, SummaryRow>();
    for (const [model, inFile] of inspected.counts) {
      const entry = registry.find(registry.resolve(model));
      const scope = entry === undefined ? '' : typeof entry.scope === 'string' ? entry.scope : entry.scope.join(' / ');
      rows.set(model, { model, scope, inFile, imported: 0, dropped: [], renamed: [], unknownFields: [] });
    }
    let importError: OpenSummary['importError'];
    let reordered = false;
    try {
      const report = importInScope(driver, objects, {
        registry,
        scope: 'Global',
        onProgress: (progress) => {
          if (progress.phase !== 'writing') return;
          const written = progress.rowsTotal === 0 ? 1 : progress.rowsDone / progress.rowsTotal;
          onProgress({ label: `Importing ${given.name}`, done: Math.round(PROGRESS_TOTAL * (writeFrom + (1 - writeFrom) * written)), total: PROGRESS_TOTAL });
        },
      });
      reordered = report.reordered;
      for (const [model, modelReport] of report.models) {
        const row = rows.get(model);
        if (row === undefined) continue;
        row.imported = modelReport.written + modelReport.keptRows;
        row.dropped = [...modelReport.dropped].map(([reason, entry]) => ({ reason, count: entry.count, pks: entry.pks }));
        row.renamed = modelReport.renamed.map((renamed) => ({ ...renamed }));
        row.unknownFields = [...modelReport.unknownFields].map(([field, count]) => ({ field, count }));
      }
    } catch (error) {
      if (!(error instanceof ImportingError)) {
        driver.close();
        throw error;
      }
      importError = { ...error.toFinding(), line: error.line };
    } finally {
      source.onRead = undefined;
    }
    this.#driver = driver;
    this.#source = source;
    this.#name = given.name;
    this.#fileRegistry = registry;
    return {
      name: given.name,
      bytes: source.size,
      objects: [...inspected.counts.values()].reduce((sum, n) => sum + n, 0),
      models: [...rows.values()],
      problems: [...inspected.problems],
      importError,
      reordered,
      millis: Date.now() - started,
      fileVersions: `${describeFileVersions(versions)}; opened as Sentry ${registry.version}`,
      knownVersions: REGISTRIES.map((known) => known.version),
    };
  }

  /** A page of a model's rows, in pk order, with the foreign key columns and what they point at. */
  rows(model: string, offset: number, limit: number): RowsPage {
    const driver = this.#opened();
    const entry = this.#registry.get(model);
    const columns = ['id', ...entry.fields.map((field) => field.column)];
    const links: Record<string, string> = {};
    for (const field of entry.fields) if (field.foreignKey !== undefined && this.#registry.find(field.foreignKey.model)?.stored === true) links[field.column] = field.foreignKey.model;
    return { model, columns, links, rows: rowValuesPage(driver, entry, offset, limit), total: countRows(driver, entry), offset };
  }

  /** The offset of the page-aligned window that holds a row, or undefined when there is no such row. */
  offsetOf(model: string, pk: number, limit: number): number | undefined {
    const before = rowsBefore(this.#opened(), this.#registry.get(model), pk);
    return before === undefined ? undefined : Math.floor(before / limit) * limit;
  }

  async compare(given: GivenFile, acrossVersions: boolean): Promise<CompareSummary> {
    const left = this.#openedSource();
    const right = await openGivenFile(given);
    const result = compareExports(left, right, { registry: this.#registry, acrossVersions });
    return { name: given.name, findings: result.findings, unknownModels: result.unknownModels, oneSidedFields: result.oneSidedFields };
  }

  /** An export of the database in a scope, with Sentry's filters, as Sentry writes it. */
  exportSubset(request: SubsetRequest): Download {
    const run = exportRowsInScope(this.#opened(), {
      registry: this.#registry,
      scope: request.scope,
      ...(request.orgSlugs !== undefined && { filterOrgSlugs: request.orgSlugs }),
      ...(request.usernames !== undefined && { filterUsernames: request.usernames }),
    });
    const suffix = [...(request.orgSlugs ?? []), ...(request.usernames ?? [])].join('-');
    return render(run.rows, `${request.scope.toLowerCase()}${suffix === '' ? '' : `-${suffix}`}-export.json`);
  }

  sanitize(daysOffset: number): Download {
    const run = sanitizeExport(this.#openedSource(), { registry: this.#registry, daysOffset });
    return render(run.objects, this.#name.replace(/(\.json|\.tar)?$/, '.sanitized.json'));
  }

  /** The opened export converted for Sentry `version`, read as the version it is consistent with (as `relocate convert` reads it). */
  convert(version: string): Download {
    const to = registryFor(version);
    if (to === undefined) throw new RangeError(`Expected a Sentry version relocate knows (${REGISTRIES.map((known) => known.version).join(', ')}), got ${JSON.stringify(version)}`);
    const { objects, report } = convertExport(this.#openedSource(), { from: this.#fileRegistry, to, sourceName: this.#name });
    return { ...render(objects, this.#name.replace(/(\.json|\.tar)?$/, `.sentry-${to.version}.json`)), note: conversionNote(report) };
  }

  /** Every problem of the opened file, and what a Global import would do with it. */
  check(): CheckResult {
    return checkOpened(this.#openedSource(), this.#registry, this.#name);
  }

  /** The opened file as `relocate repair` writes it. */
  repaired(): Download {
    return repairedDownload(this.#openedSource(), this.#name);
  }

  database(): Download {
    return { name: this.#name.replace(/(\.json|\.tar)?$/, '.sqlite'), type: 'application/vnd.sqlite3', bytes: this.#opened().serialize(), objects: 0 };
  }

  #opened(): Driver {
    if (this.#driver === undefined) throw new Error('Open an export first');
    return this.#driver;
  }

  #openedSource(): CountedSource {
    if (this.#source === undefined) throw new Error('Open an export first');
    return this.#source;
  }
}

/** Objects as Sentry's export file (indent 2), encoded for a download. */
function render(objects: Iterable<WritableObject>, name: string): Download {
  let count = 0;
  const text = renderExport((function* counted() {
    for (const object of objects) {
      count++;
      yield object;
    }
  })());
  return { name, type: 'application/json', bytes: new TextEncoder().encode(text), objects: count };
}

/** What a conversion did, in a line: the versions, the changes by kind, and the values the target refuses. */
function conversionNote(report: ConvertReport): string {
  const kinds = (['renamed-model', 'dropped-rows', 'rebuilt-rows', 'dropped-field', 'renamed-field', 'derived-field', 'defaulted-field', 'repaired-field'] as const)
    .map((kind) => [kind, report.total(kind)] as const).filter(([, count]) => count > 0).map(([kind, count]) => `${count} ${kind.replace('-', ' ')}`);
  const first = report.errors[0];
  const refused = first === undefined ? '' : ` ${report.errors.length} values Sentry ${report.to} refuses (written as they were), the first ${first.model} pk ${first.pk} ${first.field}: ${first.reason}.`;
  return `Converted from Sentry ${report.from} for Sentry ${report.to}${kinds.length === 0 ? ', unchanged' : `: ${kinds.join(', ')}`}.${refused}`;
}
