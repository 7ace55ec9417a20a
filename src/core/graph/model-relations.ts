/**
 * Sentry's `dependencies()`: one `ModelRelations` per model, with the `dangling` flag resolved.
 * A model is dangling when no chain of non-nullable foreign keys leads from it to a root model.
 */
import { possibleScopes } from '../scopes.js';
import type { ModelEntry } from '../registry/types.js';
import { GraphError } from '../errors.js';

/** The models each relocation scope hangs from (Sentry's `_ROOT_MODELS`). */
export const ROOT_MODELS: readonly string[] = [
  'sentry.user',
  'sentry.organization',
  'sentry.controloption', 'sentry.option', 'sentry.relay', 'sentry.relayusage', 'sentry.userrole',
  'sentry.apiapplication', 'sentry.integration', 'sentry.sentryapp',
];

/**
 * Models Sentry marks non-dangling by hand: their keys are all nullable, but in practice one of
 * them is always set (AlertRule always has an organization; the rest are leaves of the graph).
 */
export const FORCED_NON_DANGLING: readonly string[] = [
  'sentry.alertrule', 'sentry.savedsearch', 'sentry.servicehook', 'sentry.snubaqueryeventtype',
  'sentry.rulesnooze',
];

export interface ModelRelations {
  readonly entry: ModelEntry;
  readonly dangling: boolean;
}

/** `dependencies()`: every model with its dangling flag. Raises on a non-nullable key cycle. */
export function dependencies(models: readonly ModelEntry[]): Map<string, ModelRelations> {
  const byName = new Map(models.map((entry) => [entry.name, entry]));
  const dangling = new Map<string, boolean>();
  for (const name of [...ROOT_MODELS, ...FORCED_NON_DANGLING]) {
    if (byName.has(name)) dangling.set(name, false);
  }

  const resolve = (seen: Set<string>, name: string): boolean => {
    const entry = byName.get(name);
    if (entry === undefined) throw new GraphError(`Unknown model ${name} in the dependency graph`);
    if (seen.has(name)) throw new GraphError(`Circular dependency: ${name} cannot transitively reference itself`);
    if (possibleScopes(entry.scope).includes('Excluded')) {
      dangling.set(name, false);
      return false;
    }
    const known = dangling.get(name);
    if (known !== undefined) return known;

    seen.add(name);
    let result = true;
    for (const key of entry.foreignKeys) {
      // One non-nullable path to a non-dangling model is enough.
      if (!key.nullable && !resolve(seen, key.model)) {
        result = false;
        break;
      }
    }
    seen.delete(name);
    dangling.set(name, result);
    return result;
  };

  const relations = new Map<string, ModelRelations>();
  for (const entry of models) {
    relations.set(entry.name, { entry, dangling: resolve(new Set(), entry.name) });
  }
  return relations;
}

/** Everything a model must come after: its foreign-key targets and relocation dependencies. */
export function dependenciesForRelocation(entry: ModelEntry): Set<string> {
  return new Set([...entry.foreignKeys.map((key) => key.model), ...entry.relocationDependencies]);
}

/**
 * Unique sets that contain no foreign key (and are not just the pk): the natural keys an
 * overwritable config model is matched on when it collides with an existing row.
 */
export function uniquesWithoutForeignKeys(entry: ModelEntry): (readonly string[])[] {
  const keyFields = new Set(entry.foreignKeys.map((key) => key.field));
  return entry.uniques.filter(
    (set) => !(set.length === 1 && set[0] === 'id') && !set.some((field) => keyFields.has(field)),
  );
}
