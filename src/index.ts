/**
 * relocate's public API: the model registry, its dependency graph, the SQLite schema, the driver
 * port, and the engine (export, import, validate, round trip, seeds). No backend is imported
 * here; take one from `relocate/better-sqlite3` or `relocate/sql-js`.
 */
export * from './core/registry/index.js';
export * from './core/graph/index.js';
export * from './core/scopes.js';
export { normalizeModelName } from './core/model-name.js';
export type { NormalizedModelName } from './core/model-name.js';
export { RelocateError, GraphError, SchemaVersionError, NotRelocateDatabaseError } from './core/errors.js';
export { dumpPythonJson, pythonFloat, pythonString, PyFloat } from './core/json/python-json.js';
export { ensureSchema } from './db/open-database.js';
export type { SchemaStatus } from './db/open-database.js';
export { schemaStatements, createTableSql } from './db/schema.js';
export { ConstraintViolation, IntegerOutOfRange, DatabaseError } from './db/port.js';
export type { Driver, DriverName, Statement, Params, Row, RunResult, SqlValue, ConstraintKind } from './db/port.js';
export { exportInScope, ExportingError } from './engine/export/index.js';
export type { ExportOptions, ExportRun } from './engine/export/index.js';
export { importInScope, ImportingError, ImportReport } from './engine/import/index.js';
export type { ImportOptions, ImportSource } from './engine/import/index.js';
export { roundtrip, memoryStore } from './engine/roundtrip/index.js';
export type { RoundtripOptions, RoundtripResult, RoundtripStore } from './engine/roundtrip/index.js';
export { compareExports } from './engine/compare/index.js';
export { inspectExport } from './engine/inspect/index.js';
export type { InspectResult } from './engine/inspect/index.js';
export type { CompareOptions, CompareResult } from './engine/compare/index.js';
export { validate } from './core/compare/validate.js';
export { defaultComparators } from './core/compare/default-comparators.js';
export { findingsFileText, prettyFinding } from './core/findings.js';
export type { Finding, InstanceID } from './core/findings.js';
export { SeedBuilder, createExhaustiveInstance, createExhaustiveUser, createExhaustiveOrganization, createSyntheticInstance } from './engine/seed/index.js';
