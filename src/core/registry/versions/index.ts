/**
 * The Sentry versions this relocate knows, oldest first: the verified base and the readable deltas
 * over it. Callers (the CLI, the inspector, a library user) choose one and hand it to the engine.
 */
import { BASE_COMMIT, BASE_MODELS, BASE_REMOVED_FIELDS, BASE_REMOVED_MODELS, BASE_SOURCES } from '../base/index.js';
import { Registry } from '../registry.js';
import { applyDelta, renamesOf } from './delta.js';
import type { RegistryDelta } from './delta.js';
import { SENTRY_26_DELTA } from './sentry-26.js';
import { fileVersions } from './file-versions.js';
import type { FileShape, FileVersions } from './file-versions.js';

/** The deltas, oldest first: each makes the next registry from the one before. */
export const DELTAS: readonly RegistryDelta[] = [SENTRY_26_DELTA];

/** Django apps whose rows old exports carried (`sites.site` in 23.7) besides Sentry's own. */
const DJANGO_APP_LABELS = ['sites', 'auth', 'contenttypes', 'sessions'];

const labelOf = (name: string): string => name.slice(0, name.indexOf('.'));

/** Every app label any known version has: a model of one of these apps is Sentry's, even if this version lacks it. */
const APP_LABELS: ReadonlySet<string> = new Set([
  ...BASE_MODELS.map((entry) => labelOf(entry.name)),
  ...DELTAS.flatMap((delta) => delta.changes.flatMap((change) => {
    if (change.kind === 'add-model') return [labelOf(change.model.name)];
    if (change.kind === 'rename-model') return [labelOf(change.to)];
    return [];
  })),
  ...DJANGO_APP_LABELS,
]);

const shared = { renames: renamesOf(DELTAS), appLabels: APP_LABELS };

/** Sentry 25.1.0 (January 2025): verified against Sentry's own generated model-dependency files. */
export const SENTRY_25_1_0 = new Registry({
  version: '25.1.0',
  description: `Sentry of January 2025 (upstream ${BASE_COMMIT.slice(0, 8)}); verified: its model-dependency files are Sentry's, byte for byte`,
  verified: true,
  sources: BASE_SOURCES,
  // Kept from before versions had names, so that databases made then still open.
  schemaVersion: `sentry-${BASE_COMMIT.slice(0, 8)}/schema-2`,
  models: BASE_MODELS,
  removedModels: BASE_REMOVED_MODELS,
  removedFields: BASE_REMOVED_FIELDS,
  ...shared,
});

const built: Registry[] = [SENTRY_25_1_0];
for (const delta of DELTAS) built.push(new Registry(applyDelta(built[built.length - 1] as Registry, delta, shared)));

/** Every known version, oldest first. */
export const REGISTRIES: readonly Registry[] = built;

/** The verified version: the default where a caller does not choose. */
export const VERIFIED_REGISTRY: Registry = SENTRY_25_1_0;

/** The newest version known. */
export const NEWEST_REGISTRY: Registry = built[built.length - 1] as Registry;

/** The registry of a version name (`25.1.0`), or undefined. */
export function registryFor(version: string): Registry | undefined {
  return REGISTRIES.find((registry) => registry.version === version);
}

/** The registry whose databases record `schemaVersion`, or undefined. */
export function registryForSchema(schemaVersion: string): Registry | undefined {
  return REGISTRIES.find((registry) => registry.schemaVersion === schemaVersion);
}

/** One line per version, oldest first: the version, a tab, what it is. */
export function describeRegistryVersions(): string {
  return REGISTRIES.map((registry) => `${registry.version}\t${registry.description}`).join('\n');
}

/** Which known versions a file with these models and fields can come from, and why. */
export function fileVersionsOf(shape: FileShape): FileVersions {
  return fileVersions(shape, REGISTRIES, DELTAS);
}
