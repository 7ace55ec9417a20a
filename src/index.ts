/**
 * relocate's public API: the model registry (one value per Sentry version), its dependency graph,
 * the SQLite schema, the driver port, and the engine (export, import, check, repair, validate,
 * compare, convert, sanitize, round trip, seeds), with Sentry's JSON reader and writer and its encrypted tarball.
 * No backend is imported here; take one from `relocate/better-sqlite3` or `relocate/sql-js`.
 */
import { sortedDependencies as sortModels, reversedDependencies as reverseModels } from './core/graph/sorted-dependencies.js';
import { VERIFIED_REGISTRY } from './core/registry/index.js';
import type { ModelEntry } from './core/registry/index.js';

export * from './core/registry/index.js';
export { dependencies, dependenciesForRelocation, uniquesWithoutForeignKeys, renderModelDependencies, ROOT_MODELS, FORCED_NON_DANGLING } from './core/graph/index.js';
export type { ModelRelations, ModelDependencyFiles } from './core/graph/index.js';

/** Sentry's `sorted_dependencies()`: the models (by default every model of the verified version) in relocation order. */
export function sortedDependencies(models: readonly ModelEntry[] = VERIFIED_REGISTRY.models): ModelEntry[] {
  return sortModels(models);
}

/** The deletion order: children before parents (by default of the verified version). */
export function reversedDependencies(models: readonly ModelEntry[] = VERIFIED_REGISTRY.models): ModelEntry[] {
  return reverseModels(models);
}

export * from './core/scopes.js';
export { normalizeModelName } from './core/model-name.js';
export type { NormalizedModelName } from './core/model-name.js';
export { RelocateError, GraphError, SchemaVersionError, NotRelocateDatabaseError } from './core/errors.js';
export { dumpPythonJson, pythonFloat, pythonString, PyFloat } from './core/json/python-json.js';
export { ExportWriter, renderExport, plainObject } from './core/json/export-writer.js';
export type { ExportObject, ExportRow, WritableObject } from './core/json/export-writer.js';
export { CompactExportWriter } from './core/json/compact-writer.js';
export { ensureSchema, recordedSchemaVersion } from './db/open-database.js';
export type { SchemaStatus } from './db/open-database.js';
export { schemaStatements, createTableSql } from './db/schema.js';
export { ConstraintViolation, IntegerOutOfRange, DatabaseError } from './db/port.js';
export type { Driver, DriverName, Statement, Params, Row, RunResult, SqlValue, ConstraintKind } from './db/port.js';
export { exportInScope, exportRowsInScope, modelsInScope, ExportingError, ExportReport } from './engine/export/index.js';
export type { ExportOptions, ExportRun, ExportRowsRun, ExportProgress } from './engine/export/index.js';
export { importInScope, ImportingError, ImportReport, fileObjects, heldObjects } from './engine/import/index.js';
export type { ImportOptions, ImportSource, ImportProgress, FileObject } from './engine/import/index.js';
export { roundtrip, memoryStore } from './engine/roundtrip/index.js';
export type { RoundtripOptions, RoundtripResult, RoundtripStore } from './engine/roundtrip/index.js';
export { compareExports, UnreadableSideError } from './engine/compare/index.js';
export type { CompareOptions, CompareResult, ConvertedAway } from './engine/compare/index.js';
export { convertExport, ConvertingError, ConvertReport, fileShape } from './engine/convert/index.js';
export type { ConvertOptions, ConvertResult, ConvertChange, ConvertChangeKind, ConvertError } from './engine/convert/index.js';
export { checkExport, checkExportAll } from './engine/check/index.js';
export type { CheckOptions, CheckSummary } from './engine/check/index.js';
export { planRepair, repairedObjects } from './engine/repair/index.js';
export type { RepairCheck } from './engine/repair/index.js';
export { PROBLEM_KINDS, problemJson, problemPlace } from './core/check/problem.js';
export type { Problem, ProblemKind, RepairAction, Severity } from './core/check/problem.js';
export { inspectExport } from './engine/inspect/index.js';
export type { InspectResult } from './engine/inspect/index.js';
export { sanitizeExport } from './engine/sanitize/index.js';
export type { SanitizeOptions, SanitizeRun } from './engine/sanitize/index.js';
export { validate } from './core/compare/validate.js';
export { defaultComparators } from './core/compare/default-comparators.js';
export { findingsFileText, prettyFinding } from './core/findings.js';
export type { Finding, InstanceID } from './core/findings.js';
export { SeedBuilder, createExhaustiveInstance, createExhaustiveUser, createExhaustiveOrganization, createSyntheticInstance } from './engine/seed/index.js';
export {
  createEncryptedExport, decryptEncryptedExport, readEncryptedExport, InvalidTarballError,
  generateKeyPair, importPrivateKey, importPublicKey, publicPemOf, toPem, KeyFormatError, DecryptionError,
  fernetEncrypt, fernetDecrypt, generateFernetKey, InvalidTokenError,
} from './crypto/index.js';
