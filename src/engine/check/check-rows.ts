/**
 * A check's work on each object of the file, in one pass: the import's scan (models kept, dropped,
 * unknown; duplicate pks), Sentry's own refusals, then the import's writing pass run against the
 * picture (picture.ts) with the import's code (BatchImporter: filters, values, keys, the models'
 * rules), every refusal and every change told as a problem instead of thrown. Rows whose parents
 * come later in the file wait for them (the import re-sorts such a file); rows of deferred models
 * wait for the end, as in the import. Where repair can fix a problem, the plan says how.
 */
import { problem } from '../../core/check/problem.js';
import type { Problem, ProblemKind, ProblemPlace, RepairAction, Severity } from '../../core/check/problem.js';
import type { Registry } from '../../core/registry/registry.js';
import type { ModelEntry } from '../../core/registry/types.js';
import type { StoredValue } from '../../core/registry/import-rules.js';
import type { ImportScope } from '../../core/scopes.js';
import { BatchImporter } from '../import/import-batch.js';
import { reportScan } from '../import/import-in-scope.js';
import type { FileObject } from '../import/file-objects.js';
import type { ImportingError } from '../import/import-error.js';
import { PrimaryKeyMap } from '../import/primary-key-map.js';
import { NumberSet } from '../import/number-map.js';
import { randomString } from '../import/rule-context.js';
import { FileScan, referencedModelsOf } from '../import/scan-file.js';
import type { FilterOptions, ImportFilter } from '../import/scan-file.js';
import { Keeper } from '../import/keep-unknown.js';
import { CheckingReport } from './check-report.js';
import { Picture, UniqueValueTaken } from './picture.js';
import type { DatabaseView } from './picture.js';
import { RepairPlan, fieldsFingerprint } from './repair-plan.js';
import { changeWords, holderWords, modelVerdictProblem, unknownModelMessage } from './check-words.js';

export interface RowCheckOptions extends FilterOptions {
  readonly registry: Registry;
  readonly scope: ImportScope;
  readonly mergeUsers: boolean;
  readonly overwriteConfigs: boolean;
  readonly now: () => string;
  readonly database: DatabaseView | undefined;
  /** Filters resolved from the whole file beforehand (they need rows that come later). */
  readonly filters: readonly ImportFilter[];
  /** Repair's check: rows are fingerprinted, so that equal rows can be told from different ones. */
  readonly fingerprints: boolean;
}

interface Current {
  readonly object: FileObject;
  readonly index: number;
  ordinal?: number | undefined;
}

interface Held {
  readonly entry: ModelEntry;
  readonly object: FileObject;
  readonly ordinal: number;
  readonly index: number;
}

export class RowChecker {
  readonly scan: FileScan;
  readonly report: CheckingReport;
  readonly plan = new RepairPlan();
  readonly pkMap = new PrimaryKeyMap();
  readonly #picture: Picture;
  readonly #importer: BatchImporter;
  readonly #referenced: ReadonlySet<string>;
  readonly #queue: Problem[];
  /** Rows that will not be imported (refused, or left out by a repair): model → pk → whether repair leaves them out. */
  readonly #gone = new Map<string, Map<number, boolean>>();
  readonly #waiting: Held[] = [];
  readonly #deferred: Held[] = [];
  readonly #heldPks = new Map<string, Set<number>>();
  readonly #fingerprints: number[] = [];
  readonly #firstOfPk = new Map<string, Map<number, number>>();
  #current: Current | undefined;
  #scanFound = false;
  #overwrote = false;
  #orderSaid = false;

  constructor(private readonly options: RowCheckOptions, queue: Problem[]) {
    this.#queue = queue;
    const { registry } = options;
    this.#referenced = referencedModelsOf(registry);
    this.scan = new FileScan(registry, options.scope, options, (kind, object, reason, ordinal) => this.#scanProblem(kind, object, reason, ordinal));
    this.report = new CheckingReport(options.scope, {
      dropped: (model, pk, reason) => this.#say('Dropped', { pk }, `the import drops it: ${reason}`),
      fieldKept: (model, field) => this.#say('UnknownField', { field }, `not a field of ${model} in Sentry ${registry.version}: the import keeps it beside the row, and a Global export writes it back`),
      fieldDropped: (_model, field, reason) => this.#say('RemovedField', { field }, `the import drops it: ${reason}`),
    });
    this.#picture = new Picture({
      registry, scope: options.scope, mergeUsers: options.mergeUsers, overwriteConfigs: options.overwriteConfigs, now: options.now,
      pkMap: this.pkMap, database: options.database, places: options.fingerprints,
      events: {
        overwrote: (_row, target) => {
          this.#overwrote = true;
          if (target.from === 'database') this.#say('Overwritten', {}, `the import writes it over the database's row pk ${target.pk}, as the model's import rule does`);
          else if (target.from === 'file') this.#duplicate(target, 'the import writes this row\'s values over that row (as Sentry\'s import does)', 'note', false);
        },
        changed: (row, changes) => {
          const holder = (field: string, value: StoredValue) => (value === null ? undefined : this.#picture.holderOf(row.model, field, value));
          for (const said of changeWords(changes, holder)) this.#say(said.kind, { field: said.field }, said.message);
        },
      },
    });
    this.#importer = new BatchImporter({
      registry, scope: options.scope, importUuid: '00000000-0000-4000-8000-000000000000',
      scan: { filters: options.filters, pks: this.scan.pks }, pkMap: this.pkMap, context: this.#picture,
      defaults: { now: options.now, random: randomString, uuid4: () => '00000000-0000-4000-8000-000000000000' },
      report: this.report, keeper: new Keeper(undefined, registry, 'create', ''),
      onRowError: (error) => this.#refused(error),
      rowChecks: {
        problem: (error, field) => this.#refusedValue(error, field),
        repaired: (field, how) => this.#say('LegacyEncoding', { field }, `${how}; repair writes it decoded`, { repair: 're-encode' }),
      },
    });
  }

  /** One object of the file, `index` its place in the array and `text` its JSON. */
  add(object: FileObject, index: number, text: string): void {
    this.#current = { object, index };
    if (this.options.fingerprints) this.#fingerprints[index] = fieldsFingerprint(text);
    if (object.extraKeys !== undefined) {
      this.#say('ExtraKeys', {}, `keys beside "model", "pk" and "fields": ${object.extraKeys.map((key) => JSON.stringify(key)).join(', ')}; Django's deserializer ignores them, and so does the import; repair leaves them out`, { repair: 'drop-keys' });
    }
    this.#scanFound = false;
    const verdict = this.scan.add(object);
    if ('error' in verdict) return;
    if (!('entry' in verdict)) {
      if ('keep' in verdict) this.report.model(object.model).keptRows++;
      const said = modelVerdictProblem(this.options.registry, object.model, verdict);
      if (said.repair === 'drop-row') this.plan.drop(index);
      this.#say(said.kind, {}, said.message, { repair: said.repair });
      return;
    }
    const { entry, ordinal } = verdict;
    this.#current.ordinal = ordinal;
    if (this.#scanFound) return; // an ambiguous duplicate pk: the import stops there
    if (entry.name !== object.model) this.#say('RenamedModel', {}, `Sentry ${this.options.registry.version} calls this model ${entry.name}: the import reads it as one`);
    if (!this.scan.inOrder && !this.#orderSaid) {
      this.#orderSaid = true;
      this.#say('OutOfOrder', {}, `${object.model} comes after models the import writes later: the import re-sorts the file into Sentry's model order`);
    }
    const refusal = entry.rules.sentryRefuses?.(object.fields);
    if (refusal !== undefined) {
      this.#say('SentryRefuses', {}, refusal.reason, { repair: refusal.drop === true ? 'drop-row' : undefined });
      if (refusal.drop === true) return this.#leaveOut(entry, object.pk, index, true);
    }
    if (this.#gone.size > 0 && this.#afterGoneParent(entry, object, index)) return;
    const held = { entry, object, ordinal, index };
    if (entry.rules.import?.deferred === true) return this.#hold(this.#deferred, held);
    if (this.#waitsForParent(entry, object)) return this.#hold(this.#waiting, held);
    this.#simulate(held);
  }

  /** The rows that waited: for parents later in the file (in model order), then the deferred models. */
  finish(): void {
    const rank = (held: Held) => this.options.registry.rank(held.entry.name) ?? 0;
    const waiting = [...this.#waiting].sort((a, b) => rank(a) - rank(b));
    for (const held of [...waiting, ...this.#deferred]) {
      this.#current = { object: held.object, index: held.index, ordinal: held.ordinal };
      if (this.#gone.size > 0 && this.#afterGoneParent(held.entry, held.object, held.index)) continue;
      this.#simulate(held);
    }
    this.#current = undefined;
    const scanned = this.scan.result();
    reportScan(this.report, scanned);
    const { unmatched } = scanned;
    for (const name of unmatched.filterUsernames) this.#queue.push(problem('UnmatchedFilter', { model: 'sentry.user' }, `--filter-usernames ${JSON.stringify(name)} matches no user in the file`));
    for (const slug of unmatched.filterOrgSlugs) this.#queue.push(problem('UnmatchedFilter', { model: 'sentry.organization' }, `--filter-org-slugs ${JSON.stringify(slug)} matches no organization in the file`));
  }

  #hold(list: Held[], held: Held): void {
    list.push(held);
    let pks = this.#heldPks.get(held.entry.name);
    if (pks === undefined) this.#heldPks.set(held.entry.name, (pks = new Set()));
    pks.add(held.object.pk);
  }

  #simulate(held: Held): void {
    const { entry, object, ordinal, index } = held;
    this.#heldPks.get(entry.name)?.delete(object.pk);
    if (!this.#referenced.has(entry.name) && this.pkMap.get(entry.name, object.pk) !== undefined) {
      this.#say('DuplicatePk', {}, `another ${entry.name} row earlier in the file has pk ${object.pk}: no key points at this model, so the import gives each row its own pk`, { severity: 'note' });
    }
    this.#picture.row = { pk: object.pk, line: object.line, index };
    this.#overwrote = false;
    const outcome = this.#importer.importRow(entry, object, ordinal);
    this.#picture.row = undefined;
    if (outcome?.kind !== 'Existing' || this.#overwrote) return;
    const holder = this.#picture.origin(entry.name, outcome.pk);
    if (holder.from === 'file') this.#duplicate(holder, 'the import keeps that row and drops this one (as Sentry\'s import does)', 'note', true);
    else if (holder.from === 'database') this.#say('Merged', {}, `the import merges it into the database's row pk ${holder.pk} (the model's import rule), whose own values stand`);
  }

  /** Whether a key of the row points at a row that is not there yet: a parent later in the file, or one still waiting. */
  #waitsForParent(entry: ModelEntry, object: FileObject): boolean {
    for (const key of entry.foreignKeys) {
      const value = object.fields[key.field];
      if (typeof value !== 'number') continue;
      if (this.#heldPks.get(key.model)?.has(value) === true) return true;
      const target = this.options.registry.find(key.model);
      if (target === undefined || !target.stored || target.scope === 'Excluded') continue;
      if (this.scan.pks.get(key.model)?.has(value) !== true) return true;
    }
    return false;
  }

  /** A row whose parent is refused or left out: it goes too (and with repair, when its parent does). */
  #afterGoneParent(entry: ModelEntry, object: FileObject, index: number): boolean {
    for (const key of entry.foreignKeys) {
      const value = object.fields[key.field];
      const leftOut = typeof value === 'number' ? this.#gone.get(key.model)?.get(value) : undefined;
      if (leftOut === undefined) continue;
      this.#say('DependsOnDroppedRow', { field: key.field }, `points at ${key.model} pk ${value}, which the import refuses${leftOut ? ' and repair leaves out' : ''}: ${leftOut ? 'repair leaves this row out too' : 'it cannot be imported either'}`, { repair: leftOut ? 'drop-row' : undefined });
      this.#leaveOut(entry, object.pk, index, leftOut);
      return true;
    }
    return false;
  }

  #leaveOut(entry: ModelEntry, pk: number, index: number, repairable: boolean): void {
    if (repairable) this.plan.drop(index);
    let pks = this.#gone.get(entry.name);
    if (pks === undefined) this.#gone.set(entry.name, (pks = new Map()));
    pks.set(pk, repairable);
  }

  #scanProblem(kind: 'UnknownModel' | 'DuplicatePk', object: FileObject, reason: string, ordinal?: number): void {
    const current = this.#current as Current;
    if (kind === 'UnknownModel') return this.#say('UnknownModel', {}, unknownModelMessage(this.options.registry, object.model, reason));
    this.#scanFound = true;
    current.ordinal = ordinal;
    // The first row with the pk: equal to this one, repair keeps it alone.
    let firsts = this.#firstOfPk.get(object.model);
    if (firsts === undefined) this.#firstOfPk.set(object.model, (firsts = new Map()));
    const first = firsts.get(object.pk);
    const equal = first !== undefined && this.#fingerprints[first] === this.#fingerprints[current.index];
    if (equal) this.plan.drop(current.index);
    this.#say('DuplicatePk', {}, `${reason}${equal ? '; the two rows are equal, and repair keeps the first' : ''}`, { repair: equal ? 'keep-first' : undefined });
  }

  /** Two rows of the file with the same values in a unique set: this one and the row at `holder`. */
  #duplicate(holder: { pk: number; line: number; index: number }, what: string, severity: Severity, merged: boolean): boolean {
    const current = this.#current as Current;
    const equal = this.options.fingerprints && this.#fingerprints[holder.index] === this.#fingerprints[current.index];
    const repair: RepairAction | undefined = equal || (merged && severity === 'note') ? 'keep-first' : undefined;
    if (repair !== undefined) {
      this.plan.drop(current.index);
      this.plan.repoint(current.object.model, current.object.pk, holder.pk);
    }
    const same = equal ? ' (the two rows are equal)' : '';
    this.#say('DuplicateUniqueValue', {}, `the same unique values as the row at line ${holder.line} (pk ${holder.pk})${same}: ${what}`, { severity, repair });
    return repair !== undefined;
  }

  #refused(error: ImportingError): void {
    const current = this.#current as Current;
    const { object, index } = current;
    const entry = this.options.registry.get(this.options.registry.resolve(object.model));
    const cause = error.cause;
    if (cause instanceof UniqueValueTaken) {
      if (cause.holder.from === 'file') {
        const kept = this.#duplicate(cause.holder, `the import stops here (IntegrityError): ${cause.message}`, 'error', false);
        // Repair keeps the first of two equal rows, and keys to the second then lead to the first.
        const first = kept ? this.pkMap.get(entry.name, cause.holder.pk) : undefined;
        if (first !== undefined) return this.pkMap.insert(entry.name, object.pk, first.pk, 'Existing', first.slug);
        return this.#leaveOut(entry, object.pk, index, false);
      }
      const kind: ProblemKind = cause.holder.from === 'database' ? 'CollidesWithDatabase' : 'ImportRefuses';
      this.#say(kind, {}, `the import stops here (IntegrityError): ${cause.message}${holderWords(cause.holder)}`);
      return this.#leaveOut(entry, object.pk, index, false);
    }
    if (error.fault === 'DanglingForeignKey') {
      this.#say('DanglingForeignKey', { field: error.field }, `${error.reason}: the import stops here; repair leaves the row out, with the rows that depend on it`, { repair: 'drop-row' });
      return this.#leaveOut(entry, object.pk, index, true);
    }
    this.#say('ImportRefuses', { field: error.field }, `the import stops here (${error.kind}): ${error.reason}`);
    this.#leaveOut(entry, object.pk, index, false);
  }

  #refusedValue(error: ImportingError, field: string): void {
    const current = this.#current as Current;
    this.#say(error.fault === 'MissingField' ? 'MissingField' : 'InvalidValue', { field }, error.reason);
    this.#leaveOut(this.options.registry.get(this.options.registry.resolve(current.object.model)), current.object.pk, current.index, false);
  }

  /** A problem of the current row. */
  #say(kind: ProblemKind, place: Partial<ProblemPlace>, message: string, extra: { severity?: Severity; repair?: RepairAction | undefined } = {}): void {
    const current = this.#current;
    const where: ProblemPlace = current === undefined ? { model: '' } : {
      model: current.object.model, pk: current.object.pk, ordinal: current.ordinal, line: current.object.line,
    };
    this.#queue.push(problem(kind, { ...where, ...place }, message, extra));
  }
}
