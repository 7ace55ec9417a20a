/**
 * The Sentry model registry: one entry per model of Sentry's dependency graph, at the Sentry
 * version named below. Exportable models (scope other than Excluded) carry their full field list
 * and rules; Excluded models are graph nodes only, except the engine's own tables.
 */
import * as alertRules from './alert-rules.js';
import * as config from './config.js';
import * as dashboards from './dashboards.js';
import * as engineTables from './engine-tables.js';
import { graphOnlyModels } from './graph-only.js';
import * as incidents from './incidents.js';
import * as integrations from './integrations.js';
import * as monitors from './monitors.js';
import * as organizations from './organizations.js';
import * as projects from './projects.js';
import * as rules from './rules.js';
import * as sentryApps from './sentry-apps.js';
import type { ModelEntry } from './types.js';
import * as users from './users.js';
import * as workflowEngine from './workflow-engine.js';

/** The upstream commit whose `fixtures/backup/model_dependencies/` this registry reproduces. */
export const SENTRY_COMMIT = '3f5fd083cfb0f7f6822c654eef5b1cc429366c01';

/**
 * Bumped whenever a change to the registry changes the SQLite schema. A database records the
 * version that made it; opening it with another version is refused, naming both.
 */
export const REGISTRY_VERSION = `sentry-${SENTRY_COMMIT.slice(0, 8)}/schema-2`;

/**
 * The Sentry version(s) this registry follows, in words, for `relocate --version` and the like.
 * One verified base today (its fixtures are reproduced byte for byte); the commit is from early
 * January 2025, when Sentry 25.1.0 was cut, but no release tag has been checked against it, hence
 * "about". Versions added as deltas over the base belong in this text too.
 */
export function describeRegistryVersions(): string {
  return `Sentry of January 2025, about 25.1.0 (registry ${SENTRY_COMMIT.slice(0, 8)}, verified)`;
}

const families: readonly Readonly<Record<string, ModelEntry>>[] = [
  users, config, organizations, projects, alertRules, rules, incidents, dashboards, monitors,
  integrations, sentryApps, workflowEngine, engineTables,
];

/** Every model, in name order (the order Sentry's `dependencies()` is serialized in). */
export const MODELS: readonly ModelEntry[] = [
  ...families.flatMap((family) => Object.values(family)),
  ...graphOnlyModels,
].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

const byName = new Map(MODELS.map((entry) => [entry.name, entry]));
if (byName.size !== MODELS.length) throw new Error('The model registry lists a model twice');

/** The entry for a model, or undefined when Sentry has no such model (at this version). */
export function findModel(name: string): ModelEntry | undefined {
  return byName.get(name);
}

/** The entry for a model known to exist; a misspelt name is a programming error. */
export function getModel(name: string): ModelEntry {
  const entry = byName.get(name);
  if (entry === undefined) throw new RangeError(`Expected a model of the registry, got "${name}"`);
  return entry;
}

/** Models with a table here: every exportable model and the engine's own tables. */
export const STORED_MODELS: readonly ModelEntry[] = MODELS.filter((entry) => entry.stored);

/** Models that can be exported or imported (scope other than Excluded). */
export const EXPORTABLE_MODELS: readonly ModelEntry[] = MODELS.filter((entry) => entry.scope !== 'Excluded');

export type { ModelEntry, Field, ForeignKey, ForeignFieldKind, Silo, FieldDefault } from './types.js';
export type { FieldClass, SqliteType, ValueKind } from './field-classes.js';
export { FIELD_CLASSES, fieldClassInfo } from './field-classes.js';
