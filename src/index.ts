/**
 * relocate's public API: the model registry, its dependency graph, the SQLite schema and the
 * driver port. No backend is imported here; take one from `relocate/better-sqlite3` or
 * `relocate/sql-js`.
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
