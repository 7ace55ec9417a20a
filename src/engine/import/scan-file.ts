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

const referencedModels = new WeakMap<Registry, ReadonlySet<string>>();

/** Models some foreign key points at: their pks are kept to tell a filtered parent from a missing one. */
function referencedModelsOf(registry: Registry): ReadonlySet<string> {
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
  /** Rows per kept model, in file order of first appearance. */
  readonly counts: ReadonlyMap<string, number>;
  /** Pks in the file of each referenced model. */
  readonly pks: ReadonlyMap<string, ReadonlySet<number>>;
  /** Rows dropped whole-model, by model: why, and how many. */
  readonly droppedModels: ReadonlyMap<string, { reason: string; count: number }>;
  /** False when some model's rows come after a model that sorts later: the rows must be re-sorted. */
  readonly inOrder: boolean;
  readonly filters: readonly ImportFilter[];
}

/** Whether rows of a model are imported, dropped (with why), or an error. */
export function classifyModel(registry: Registry, name: string): { entry: ModelEntry } | { drop: string } | { error: string } {
  const entry = registry.find(registry.resolve(name));
  if (entry !== undefined && entry.scope !== 'Excluded') return { entry };
  if (entry !== undefined) return { drop: `Excluded: Sentry ${registry.version} never relocates this model` };
  if (registry.removedModels.has(name)) return { drop: `removed from Sentry before ${registry.version}` };
  const label = name.slice(0, name.indexOf('.'));
  if (MODEL_NAME_SHAPE.test(name) && registry.appLabels.has(label)) return { drop: `not a model of Sentry ${registry.version}` };
  return { error: `unknown model "${shown(name)}": not a Sentry model name (expected "app_label.model", such as "sentry.user")` };
}

export function scanFile(registry: Registry, source: ImportSource, scope: ImportScope, options: FilterOptions): ScanResult {
  const referenced = referencedModelsOf(registry);
  const counts = new Map<string, number>();
  const pks = new Map<string, Set<number>>();
  const droppedModels = new Map<string, { reason: string; count: number }>();
  const wantsFilters = options.filterUsernames !== undefined || options.filterOrgSlugs !== undefined;
  const users = new Map<number, { username: unknown; email: unknown }>();
  const orgs: FileObject[] = [];
  const members: FileObject[] = [];
  let lastRank = -1;
  let inOrder = true;

  for (const object of fileObjects(source)) {
    const verdict = classifyModel(registry, object.model);
    if ('error' in verdict) throw new ImportingError('UnknownModel', { model: object.model, line: object.line, leftPk: object.pk }, verdict.error);
    if ('drop' in verdict) {
      const dropped = droppedModels.get(object.model) ?? { reason: verdict.drop, count: 0 };
      dropped.count++;
      droppedModels.set(object.model, dropped);
      continue;
    }
    const ordinal = (counts.get(object.model) ?? 0) + 1;
    counts.set(object.model, ordinal);
    const rank = registry.rank(object.model) as number;
    if (rank < lastRank) inOrder = false;
    lastRank = Math.max(lastRank, rank);
    if (referenced.has(object.model)) {
      let seen = pks.get(object.model);
      if (seen === undefined) pks.set(object.model, (seen = new Set()));
      if (seen.has(object.pk)) {
        // Other rows point at this model by pk, so two rows with one pk make those keys ambiguous.
        throw new ImportingError('DeserializationFailed', { model: object.model, ordinal, leftPk: object.pk, line: object.line },
          `duplicate pk ${object.pk}: another ${shown(object.model)} row earlier in the file has it, and keys to it would be ambiguous`);
      }
      seen.add(object.pk);
    }
    if (!wantsFilters) continue;
    if (object.model === 'sentry.user') users.set(object.pk, { username: object.fields.username, email: object.fields.email });
    else if (object.model === 'sentry.organization') orgs.push(object);
    else if (object.model === 'sentry.organizationmember') members.push(object);
  }
  return { counts, pks, droppedModels, inOrder, filters: resolveFilters(scope, options, users, orgs, members) };
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
