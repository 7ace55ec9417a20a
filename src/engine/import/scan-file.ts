/**
 * The first pass over the file, before anything is written: every object parsed and checked,
 * models sorted into kept and dropped, pks recorded for the models that others point at (so that
 * a key to a row the file never had is an error, and a key to a row that was filtered out is a
 * drop), and the filters resolved from the file as Sentry's pre-pass does (§2.4).
 */
import { sortedDependencies } from '../../core/graph/index.js';
import { STORED_MODELS, findModel } from '../../core/registry/index.js';
import type { ModelEntry } from '../../core/registry/types.js';
import { KNOWN_APP_LABELS, MODEL_NAME_SHAPE, REMOVED_MODELS } from '../../core/registry/removed.js';
import type { ImportScope } from '../../core/scopes.js';
import { fileObjects } from './file-objects.js';
import type { FileObject, ImportSource } from './file-objects.js';
import { ImportingError } from './import-error.js';

/** Models in the order an import writes them (the registry's sorted order). */
export const IMPORT_ORDER: readonly ModelEntry[] = sortedDependencies(STORED_MODELS).filter((entry) => entry.scope !== 'Excluded');
const RANK = new Map(IMPORT_ORDER.map((entry, i) => [entry.name, i]));

/** Models some foreign key points at: their pks are kept to tell a filtered parent from a missing one. */
const REFERENCED = new Set(STORED_MODELS.flatMap((entry) => entry.foreignKeys.map((key) => key.model)));

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
  /** Rows per kept model, in file order of first appearance. */
  readonly counts: ReadonlyMap<string, number>;
  /** Pks in the file of each referenced model. */
  readonly pks: ReadonlyMap<string, ReadonlySet<number>>;
  /** Rows dropped whole-model, by model: why, and how many. */
  readonly droppedModels: ReadonlyMap<string, { reason: string; count: number }>;
  /** Per model, the keys its objects have beside model, pk and fields: key → objects. */
  readonly extraKeys: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** False when some model's rows come after a model that sorts later: the rows must be re-sorted. */
  readonly inOrder: boolean;
  readonly filters: readonly ImportFilter[];
}

/** Whether rows of a model are imported, dropped (with why), or an error. */
export function classifyModel(name: string): { entry: ModelEntry } | { drop: string } | { error: string } {
  const entry = findModel(name);
  if (entry !== undefined && entry.scope !== 'Excluded') return { entry };
  if (entry !== undefined) return { drop: 'Excluded: this model is never relocated' };
  if (REMOVED_MODELS.includes(name)) return { drop: 'removed from Sentry before this registry\'s version' };
  const label = name.slice(0, name.indexOf('.'));
  if (MODEL_NAME_SHAPE.test(name) && KNOWN_APP_LABELS.has(label)) return { drop: 'not a model of Sentry at this registry\'s version' };
  return { error: `unknown model "${name}": not a Sentry model name (expected "app_label.model", such as "sentry.user")` };
}

export function scanFile(source: ImportSource, scope: ImportScope, options: FilterOptions): ScanResult {
  const counts = new Map<string, number>();
  const pks = new Map<string, Set<number>>();
  const droppedModels = new Map<string, { reason: string; count: number }>();
  const wantsFilters = options.filterUsernames !== undefined || options.filterOrgSlugs !== undefined;
  const users = new Map<number, { username: unknown; email: unknown }>();
  const orgs: FileObject[] = [];
  const members: FileObject[] = [];
  let lastRank = -1;
  let inOrder = true;

  const extraKeys = new Map<string, Map<string, number>>();
  for (const object of fileObjects(source)) {
    if (object.extraKeys !== undefined) {
      let keys = extraKeys.get(object.model);
      if (keys === undefined) extraKeys.set(object.model, (keys = new Map()));
      for (const key of object.extraKeys) keys.set(key, (keys.get(key) ?? 0) + 1);
    }
    const verdict = classifyModel(object.model);
    if ('error' in verdict) throw new ImportingError('UnknownModel', { model: object.model, line: object.line, leftPk: object.pk }, verdict.error);
    if ('drop' in verdict) {
      const dropped = droppedModels.get(object.model) ?? { reason: verdict.drop, count: 0 };
      dropped.count++;
      droppedModels.set(object.model, dropped);
      continue;
    }
    const ordinal = (counts.get(object.model) ?? 0) + 1;
    counts.set(object.model, ordinal);
    const rank = RANK.get(object.model) as number;
    if (rank < lastRank) inOrder = false;
    lastRank = Math.max(lastRank, rank);
    if (REFERENCED.has(object.model)) {
      let seen = pks.get(object.model);
      if (seen === undefined) pks.set(object.model, (seen = new Set()));
      if (seen.has(object.pk)) {
        // Other rows point at this model by pk, so two rows with one pk make those keys ambiguous.
        throw new ImportingError('DeserializationFailed', { model: object.model, ordinal, leftPk: object.pk, line: object.line },
          `duplicate pk ${object.pk}: another ${object.model} row earlier in the file has it, and keys to it would be ambiguous`);
      }
      seen.add(object.pk);
    }
    if (!wantsFilters) continue;
    if (object.model === 'sentry.user') users.set(object.pk, { username: object.fields.username, email: object.fields.email });
    else if (object.model === 'sentry.organization') orgs.push(object);
    else if (object.model === 'sentry.organizationmember') members.push(object);
  }
  return { counts, pks, droppedModels, extraKeys, inOrder, filters: resolveFilters(scope, options, users, orgs, members) };
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
