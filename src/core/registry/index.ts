/**
 * The Sentry model registry: what every model of Sentry's dependency graph is, at each Sentry
 * version relocate knows. A version is a `Registry` value (see registry.ts); the versions are in
 * versions/ (the verified base in base/, newer ones as readable deltas over it). The engine is
 * always handed one; nothing in the engine imports a version.
 */
export { Registry } from './registry.js';
export type { RegistrySpec, Removal, Upstream } from './registry.js';
export {
  REGISTRIES, DELTAS, VERIFIED_REGISTRY, NEWEST_REGISTRY, SENTRY_25_1_0, registryFor, registryForSchema, describeRegistryVersions, fileVersionsOf,
} from './versions/index.js';
export { compareVersions, describeFileVersions, fileVersions, registryForFile } from './versions/file-versions.js';
export { registryForModelNames } from './versions/registry-of-file.js';
export type { FileShape, FileVersions, VersionBound } from './versions/file-versions.js';
export type { Change, RegistryDelta } from './versions/delta.js';
export type { ModelEntry, Field, ForeignKey, ForeignFieldKind, Silo, FieldDefault } from './types.js';
export type { FieldClass, SqliteType, ValueKind } from './field-classes.js';
export { FIELD_CLASSES, fieldClassInfo } from './field-classes.js';

/** A name shaped like Sentry's normalized model names: `app_label.modelname`, lower case. */
export const MODEL_NAME_SHAPE = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;
