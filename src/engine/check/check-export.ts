/**
 * `relocate check`: the import's first pass made exhaustive. One streaming read of the file (its
 * bytes through the one reader, its objects through the import's own parse, scan, value rules and
 * model rules, run against a picture of the target instead of a database) yields every problem
 * as it is found, each located and worded, and returns a summary: objects per model, the Sentry
 * versions the file is consistent with, problems per kind, and what an import in the scope would
 * write, merge, drop and rename. Nothing is written, to the file or to a database.
 *
 * With filters, the file is read once more before (the filters name rows that come later, such
 * as organizations' members, exactly as the import's pre-pass resolves them).
 */
import { problem } from '../../core/check/problem.js';
import type { Problem, ProblemKind } from '../../core/check/problem.js';
import { arrayElements } from '../../core/json/array-elements.js';
import type { ReaderProblem } from '../../core/json/array-elements.js';
import { formatSentryDatetime } from '../../core/json/datetime.js';
import { describeFileVersions, fileVersionsOf } from '../../core/registry/index.js';
import type { FileVersions } from '../../core/registry/index.js';
import type { Registry } from '../../core/registry/registry.js';
import type { ImportScope } from '../../core/scopes.js';
import type { Driver } from '../../db/port.js';
import { countRows } from '../../db/store.js';
import { checkedElement } from '../import/file-objects.js';
import type { ImportSource } from '../import/file-objects.js';
import type { ImportReport } from '../import/import-report.js';
import { FileScan } from '../import/scan-file.js';
import type { FilterOptions, ImportFilter } from '../import/scan-file.js';
import { RowChecker } from './check-rows.js';
import { databaseView } from './database-view.js';
import type { RepairPlan } from './repair-plan.js';

export interface CheckOptions extends FilterOptions {
  /** The Sentry version to read the file as (the database's, or the file's own). */
  readonly registry: Registry;
  /** The scope of the import to predict (default Global). */
  readonly scope?: ImportScope;
  readonly mergeUsers?: boolean;
  readonly overwriteConfigs?: boolean;
  /** The database an import would write into: its rows are looked up, never changed. */
  readonly database?: Driver | undefined;
  readonly now?: () => string;
  /** Repair's check: rows are fingerprinted, so that equal rows can be told from different ones. */
  readonly forRepair?: boolean;
}

export interface KindCount {
  errors: number;
  notes: number;
}

export interface CheckSummary {
  readonly scope: ImportScope;
  /** The Sentry version the file was read as. */
  readonly sentryVersion: string;
  readonly objects: number;
  /** Objects per model, as the file names them, in order of first appearance. */
  readonly models: ReadonlyMap<string, number>;
  readonly versions: FileVersions;
  /** In words: `Sentry ≥ 23.9.1 and < 24.5.0: consistent with … (…)`. */
  readonly versionsText: string;
  readonly errors: number;
  readonly notes: number;
  /** Errors `relocate repair` can repair. */
  readonly repairableErrors: number;
  readonly byKind: ReadonlyMap<ProblemKind, KindCount>;
  /** What the import would do (rows refused by a problem are not counted as written). */
  readonly report: ImportReport;
  /** For repair: what it may change. */
  readonly plan: RepairPlan;
}

function readerProblem(found: ReaderProblem): Problem {
  // Writing the objects back leaves out whatever is not one of them, and puts a comma between each two.
  const strip = found.kind === 'TextBeforeArray' || found.kind === 'TextAfterArray' || found.kind === 'ByteOrderMark' || found.kind === 'MalformedArray';
  return problem(found.kind, { model: found.model ?? '', line: found.line }, found.message, { repair: strip ? 'strip-text' : undefined });
}

/** The filters, resolved from the whole file as the import's pre-pass resolves them. */
function resolvedFilters(source: ImportSource, registry: Registry, scope: ImportScope, options: FilterOptions): readonly ImportFilter[] {
  if (options.filterUsernames === undefined && options.filterOrgSlugs === undefined) return [];
  const scan = new FileScan(registry, scope, options, () => undefined);
  for (const element of arrayElements(source.chunks(), { onProblem: () => undefined })) {
    const object = checkedElement(element, () => undefined);
    if (object !== undefined) scan.add(object);
  }
  return scan.result().filters;
}

export function* checkExport(source: ImportSource, options: CheckOptions): Generator<Problem, CheckSummary, undefined> {
  const { registry } = options;
  const scope = options.scope ?? 'Global';
  const queue: Problem[] = [];
  const byKind = new Map<ProblemKind, KindCount>();
  let errors = 0;
  let notes = 0;
  let repairableErrors = 0;
  const tally = (found: Problem): void => {
    let count = byKind.get(found.kind);
    if (count === undefined) byKind.set(found.kind, (count = { errors: 0, notes: 0 }));
    if (found.severity === 'error') {
      count.errors++;
      errors++;
      if (found.repair !== undefined) repairableErrors++;
    } else {
      count.notes++;
      notes++;
    }
  };

  // A Global import deletes the database's rows first, so nothing there can collide.
  const database = options.database !== undefined && scope !== 'Global' ? databaseView(options.database) : undefined;
  if (options.database !== undefined && scope === 'Global') {
    const rows = registry.exportable.filter((entry) => entry.stored).reduce((sum, entry) => sum + countRows(options.database as Driver, entry), 0);
    if (rows > 0) queue.push(problem('DatabaseCleared', { model: '' }, `an import in Global scope deletes all ${rows.toLocaleString('en-US')} rows of the database first; nothing of it can collide`));
  }
  const checker = new RowChecker({
    registry, scope, mergeUsers: options.mergeUsers ?? false, overwriteConfigs: options.overwriteConfigs ?? false,
    now: options.now ?? (() => formatSentryDatetime(new Date())), database,
    filters: resolvedFilters(source, registry, scope, options), fingerprints: options.forRepair === true,
    ...(options.filterUsernames !== undefined && { filterUsernames: options.filterUsernames }),
    ...(options.filterOrgSlugs !== undefined && { filterOrgSlugs: options.filterOrgSlugs }),
  }, queue);

  const models = new Map<string, number>();
  let objects = 0;
  const elements = arrayElements(source.chunks(), { onProblem: (found) => queue.push(readerProblem(found)) });
  for (const element of elements) {
    const object = checkedElement(element, (kind, reason, model, pk) => queue.push(problem(kind, { model, pk, line: element.line }, reason)));
    if (object !== undefined) {
      objects++;
      models.set(object.model, (models.get(object.model) ?? 0) + 1);
      checker.add(object, element.index, element.text);
    }
    for (const found of queue) tally(found), yield found;
    queue.length = 0;
  }
  checker.finish();
  for (const found of queue) tally(found), yield found;
  queue.length = 0;

  const versions = fileVersionsOf(checker.scan.result().shape);
  return {
    scope, sentryVersion: registry.version, objects, models, versions, versionsText: describeFileVersions(versions),
    errors, notes, repairableErrors, byKind, report: checker.report, plan: checker.plan,
  };
}

/** Every problem and the summary, for callers that want them held (tests, small files). */
export function checkExportAll(source: ImportSource, options: CheckOptions): { problems: Problem[]; summary: CheckSummary } {
  const problems: Problem[] = [];
  const run = checkExport(source, options);
  for (;;) {
    const next = run.next();
    if (next.done === true) return { problems, summary: next.value };
    problems.push(next.value);
  }
}
