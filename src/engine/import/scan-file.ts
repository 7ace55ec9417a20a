/**
 * The first pass over the file, before anything is written: every object parsed and checked,
 * models sorted into kept and dropped, pks recorded for the models that others point at (so that
 * a key to a row the file never had is an error, and a key to a row that was filtered out is a
 * drop), and the filters resolved from the file as Sentry's pre-pass does (§2.4).
 */
import { MODEL_NAME_SHAPE } from '../../core/registry/index.js';
import type { Registry } from '../../core/registry/registry.js';
import type { ModelEntry } from '../../core/registry/types.js';
import type { ImportScope } from '../../core/scopes.js';
import { fileObjects } from './file-objects.js';
import type { FileObject, ImportSource } from './file-objects.js';
import { ImportingError } from './import-error.js';
import { shown } from '../../core/text/shown-value.js';
import { NumberSet } from './number-map.js';

const referencedModels = new WeakMap<Registry, ReadonlySet<string>>();

/** Models some foreign key points at: their pks are kept to tell a filtered parent from a missing one. */
export function referencedModelsOf(registry: Registry): ReadonlySet<string> {
  let models = referencedModels.get(registry);
  if (models === undefined) referencedModels.set(registry, (models = new Set(registry.stored.flatMap((entry) => entry.foreignKeys.map((key) => key.model)))));
  return models;
}

export interface ImportFilter {
  readonly model: string;
  readonly field: string;
  readonly values: ReadonlySet<unknown>;
  readonly reason: string;
}

export interface FilterOptions {
  readonly filterUsernames?: readonly string[] | undefined;
  readonly filterOrgSlugs?: readonly string[] | undefined;
}

export interface ScanResult {
  /** Rows per imported model (by this version's name), in file order of first appearance. */
  readonly counts: ReadonlyMap<string, number>;
  /** Pks in the file of each referenced model. */
  readonly pks: ReadonlyMap<string, PkSet>;
  /** Rows dropped whole-model, by model (as the file names it): why, how many, and their pks. */
  readonly droppedModels: ReadonlyMap<string, DroppedModel>;
  /** Rows of models this version does not know, kept as they are (Global only), in file order. */
  readonly kept: readonly KeptObject[];
  /** Models the file names otherwise than this version: the file's name → this version's, with rows. */
  readonly renamedModels: ReadonlyMap<string, { readonly to: string; readonly count: number }>;
  /** The file's models (as it names them) and the fields seen in their first rows: what dates it. */
  readonly shape: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per model, the keys its objects have beside model, pk and fields: key → objects. */
  readonly extraKeys: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** False when some model's rows come after a model that sorts later: the rows must be re-sorted. */
  readonly inOrder: boolean;
  readonly filters: readonly ImportFilter[];
  /** Values of the user's filters that no row of the file matched. */
  readonly unmatched: { readonly filterUsernames: readonly string[]; readonly filterOrgSlugs: readonly string[] };
}

/** The pks of one model seen in the file (a compact set of numbers, number-map.ts). */
export interface PkSet {
  has(pk: number): boolean;
  add(pk: number): unknown;
}

export interface DroppedModel {
  readonly reason: string;
  count: number;
  readonly pks: number[];
}

export interface KeptObject {
  readonly object: FileObject;
  /** The known model it followed in the file (this version's name), or null when it came first. */
  readonly afterModel: string | null;
}

/** How many pks a report lists per reason (the count is always exact). */
export const LISTED_PKS = 1000;

/** Fields of a model's first rows say what version wrote it; later rows rarely say more. */
const SHAPE_ROWS = 3;

type Verdict = { entry: ModelEntry } | { drop: string } | { keep: string } | { error: string };

/** Whether rows of a model are imported, kept as they are, dropped (with why), or an error. */
export function classifyModel(registry: Registry, name: string, scope: ImportScope = 'Global'): Verdict {
  const entry = registry.find(registry.resolve(name));
  if (entry !== undefined && entry.scope !== 'Excluded') return { entry };
  if (entry !== undefined) return { drop: `Excluded: Sentry ${registry.version} never relocates this model` };
  const removed = registry.removedModels.get(name);
  if (removed !== undefined) return { drop: `removed from Sentry${removed.until === undefined ? ` before ${registry.version}` : ` in ${removed.until}`}: ${removed.note}` };
  const label = name.slice(0, name.indexOf('.'));
  if (MODEL_NAME_SHAPE.test(name) && registry.appLabels.has(label)) {
    // Its scope is unknown, so only a Global import (which takes everything) may keep it.
    return scope === 'Global'
      ? { keep: `not a model of Sentry ${registry.version}: kept as it is, and written back by a Global export` }
      : { drop: `not a model of Sentry ${registry.version}: only a Global import keeps such rows (their scope is unknown)` };
  }
  return { error: `unknown model "${shown(name)}": not a Sentry model name (expected "app_label.model", such as "sentry.user")` };
}

/** What the scan decided for one object: imported (as `entry`, its `ordinal`-th row), dropped, kept or refused. */
export type ScanVerdict =
  | { readonly entry: ModelEntry; readonly ordinal: number }
  | { readonly drop: string }
  | { readonly keep: string }
  | { readonly error: string };

/** A problem the scan found, for a caller that goes on (check); the import throws instead. */
export type ScanProblem = (kind: 'UnknownModel' | 'DuplicatePk', object: FileObject, reason: string, ordinal?: number) => void;

/**
 * The first pass, one object at a time: `add` each object in file order, then `result()`. Without
 * `onProblem`, an unknown model or an ambiguous duplicate pk throws (the import stops there).
 */
export class FileScan {
  readonly #referenced: ReadonlySet<string>;
  readonly #counts = new Map<string, number>();
  readonly #pks = new Map<string, PkSet>();
  readonly #droppedModels = new Map<string, DroppedModel>();
  readonly #kept: KeptObject[] = [];
  readonly #renamedModels = new Map<string, { to: string; count: number }>();
  readonly #shape = new Map<string, Set<string>>();
  readonly #seenRows = new Map<string, number>();
  readonly #extraKeys = new Map<string, Map<string, number>>();
  readonly #verdicts = new Map<string, Verdict>();
  readonly #wantsFilters: boolean;
  readonly #users = new Map<number, { username: unknown; email: unknown }>();
  readonly #orgs: FileObject[] = [];
  readonly #members: FileObject[] = [];
  #lastRank = -1;
  #lastKnown: string | null = null;
  #inOrder = true;

  constructor(
    private readonly registry: Registry,
    private readonly scope: ImportScope,
    private readonly options: FilterOptions,
    private readonly onProblem?: ScanProblem,
    private readonly newPkSet: () => PkSet = () => new NumberSet(),
  ) {
    this.#referenced = referencedModelsOf(registry);
    this.#wantsFilters = options.filterUsernames !== undefined || options.filterOrgSlugs !== undefined;
  }

  /** Pks seen so far of each model other rows point at. */
  get pks(): ReadonlyMap<string, PkSet> {
    return this.#pks;
  }

  /** Whether the objects so far came in the registry's model order. */
  get inOrder(): boolean {
    return this.#inOrder;
  }

  add(object: FileObject): ScanVerdict {
    if (object.extraKeys !== undefined) {
      let keys = this.#extraKeys.get(object.model);
      if (keys === undefined) this.#extraKeys.set(object.model, (keys = new Map()));
      for (const key of object.extraKeys) keys.set(key, (keys.get(key) ?? 0) + 1);
    }
    const rows = (this.#seenRows.get(object.model) ?? 0) + 1;
    this.#seenRows.set(object.model, rows);
    if (rows <= SHAPE_ROWS) {
      let fields = this.#shape.get(object.model);
      if (fields === undefined) this.#shape.set(object.model, (fields = new Set()));
      for (const name in object.fields) fields.add(name);
    }
    let verdict = this.#verdicts.get(object.model);
    if (verdict === undefined) this.#verdicts.set(object.model, (verdict = classifyModel(this.registry, object.model, this.scope)));
    if ('error' in verdict) {
      if (this.onProblem === undefined) throw new ImportingError('UnknownModel', { model: object.model, line: object.line, leftPk: object.pk }, verdict.error);
      this.onProblem('UnknownModel', object, verdict.error);
      return verdict;
    }
    if ('keep' in verdict) {
      this.#kept.push({ object, afterModel: this.#lastKnown });
      return verdict;
    }
    if ('drop' in verdict) {
      let dropped = this.#droppedModels.get(object.model);
      if (dropped === undefined) this.#droppedModels.set(object.model, (dropped = { reason: verdict.drop, count: 0, pks: [] }));
      dropped.count++;
      if (dropped.pks.length < LISTED_PKS) dropped.pks.push(object.pk);
      return verdict;
    }
    const entry = verdict.entry;
    const model = entry.name;
    if (model !== object.model) {
      const renamed = this.#renamedModels.get(object.model) ?? { to: model, count: 0 };
      renamed.count++;
      this.#renamedModels.set(object.model, renamed);
    }
    this.#lastKnown = model;
    const ordinal = (this.#counts.get(model) ?? 0) + 1;
    this.#counts.set(model, ordinal);
    const rank = this.registry.rank(model) as number;
    if (rank < this.#lastRank) this.#inOrder = false;
    this.#lastRank = Math.max(this.#lastRank, rank);
    if (this.#referenced.has(model)) {
      let seen = this.#pks.get(model);
      if (seen === undefined) this.#pks.set(model, (seen = this.newPkSet()));
      if (seen.has(object.pk)) {
        // Other rows point at this model by pk, so two rows with one pk make those keys ambiguous.
        const reason = `duplicate pk ${object.pk}: another ${shown(model)} row earlier in the file has it, and keys to it would be ambiguous`;
        if (this.onProblem === undefined) throw new ImportingError('DeserializationFailed', { model, ordinal, leftPk: object.pk, line: object.line }, reason);
        this.onProblem('DuplicatePk', object, reason, ordinal);
      }
      seen.add(object.pk);
    }
    if (this.#wantsFilters) {
      if (model === 'sentry.user') this.#users.set(object.pk, { username: object.fields.username, email: object.fields.email });
      else if (model === 'sentry.organization') this.#orgs.push(object);
      else if (model === 'sentry.organizationmember') this.#members.push(object);
    }
    return { entry, ordinal };
  }

  result(): ScanResult {
    const { options } = this;
    const users = this.#users;
    const unmatched = {
      filterUsernames: (options.filterUsernames ?? []).filter((name) => ![...users.values()].some((user) => user.username === name)),
      filterOrgSlugs: (options.filterOrgSlugs ?? []).filter((slug) => !this.#orgs.some((org) => org.fields.slug === slug)),
    };
    return {
      counts: this.#counts, pks: this.#pks, droppedModels: this.#droppedModels, extraKeys: this.#extraKeys, kept: this.#kept,
      renamedModels: this.#renamedModels, shape: this.#shape, inOrder: this.#inOrder, unmatched,
      filters: resolveFilters(this.scope, options, users, this.#orgs, this.#members),
    };
  }
}

export function scanFile(registry: Registry, source: ImportSource, scope: ImportScope, options: FilterOptions): ScanResult {
  const scan = new FileScan(registry, scope, options);
  for (const object of fileObjects(source)) scan.add(object);
  return scan.result();
}

/**
 * Sentry's pre-pass: organization slugs → their members' users; usernames → users; either way the
 * chosen users' primary emails → Email rows.
 */
function resolveFilters(
  scope: ImportScope,
  options: FilterOptions,
  users: ReadonlyMap<number, { username: unknown; email: unknown }>,
  orgs: readonly FileObject[],
  members: readonly FileObject[],
): ImportFilter[] {
  const filters: ImportFilter[] = [];
  let chosenUsers: number[] | undefined;
  if (scope === 'Organization' && options.filterOrgSlugs !== undefined) {
    const slugs = new Set<unknown>(options.filterOrgSlugs);
    const orgPks = new Set(orgs.filter((org) => slugs.has(org.fields.slug)).map((org) => org.pk));
    chosenUsers = members
      .filter((member) => orgPks.has(member.fields.organization as number) && typeof member.fields.user_id === 'number')
      .map((member) => member.fields.user_id as number);
    filters.push({ model: 'sentry.organization', field: 'slug', values: slugs, reason: 'organization slug not in --filter-org-slugs' });
    filters.push({ model: 'sentry.user', field: 'id', values: new Set(chosenUsers), reason: 'not a member of an organization in --filter-org-slugs' });
  } else if ((scope === 'User' || scope === 'Config') && options.filterUsernames !== undefined) {
    const usernames = new Set<unknown>(options.filterUsernames);
    chosenUsers = [...users].filter(([, user]) => usernames.has(user.username)).map(([pk]) => pk);
    filters.push({ model: 'sentry.user', field: 'username', values: usernames, reason: 'username not in --filter-usernames' });
  }
  if (chosenUsers !== undefined) {
    const emails = new Set(chosenUsers.map((pk) => users.get(pk)?.email).filter((email) => email !== undefined));
    filters.push({ model: 'sentry.email', field: 'email', values: emails, reason: 'not the primary email of a chosen user' });
  }
  return filters;
}
