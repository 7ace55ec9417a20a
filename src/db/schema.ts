/**
 * The schema of a relocate database, generated from the registry with the backend's dialect: one
 * table per stored model with Sentry's table and column names, NOT NULL, a UNIQUE constraint per
 * unique set, a FOREIGN KEY per key whose target has a table, maximum lengths enforced, and an
 * index per foreign key (SQLite needs one to delete parents without scanning every child table).
 */
import { fieldClassInfo } from '../core/registry/field-classes.js';
import type { Registry } from '../core/registry/registry.js';
import type { Field, FieldDefault, ModelEntry, UniqueCondition } from '../core/registry/types.js';
import { quoteIdentifier } from './dialect.js';
import type { Dialect } from './dialect.js';
import { keptTablesStatements } from './kept-store.js';

export { quoteIdentifier };

export const META_TABLE = 'relocate_meta';

/** FNV-1a of a name, as 8 hex digits: a short, stable tag for a name cut to fit. */
function nameHash(name: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/**
 * An index name the database keeps whole: PostgreSQL cuts identifiers to 63 bytes, which made two
 * of Sentry 26's unique indexes the same name. A longer one keeps its start and gets a hash of the
 * whole (as Django names its long indexes).
 */
export function objectName(dialect: Dialect, name: string): string {
  if (name.length <= dialect.maxIdentifierLength) return name;
  return `${name.slice(0, dialect.maxIdentifierLength - 9)}_${nameHash(name)}`;
}

/** A value as an SQL literal (text quoted; JSON values as their text). */
export function sqlLiteral(value: unknown): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `'${text.replaceAll("'", "''")}'`;
}

/** The DDL default for a literal default; callables (`now`, `uuid4`, ...) are the engine's job. */
function defaultClause(dialect: Dialect, field: Field, fieldDefault: FieldDefault | undefined): string {
  if (fieldDefault === undefined || !('value' in fieldDefault)) return '';
  const { value } = fieldDefault;
  const info = fieldClassInfo(field.class);
  // JSON and array fields hold JSON text: a default of "" for a JSONField is the JSON string "".
  const stored = info.value === 'json' || info.value === 'array' ? JSON.stringify(value) : typeof value === 'boolean' ? (value ? 1 : 0) : value;
  return ` DEFAULT ${dialect.defaultValue(field, stored as string | number | null)}`;
}

function columnDefinition(dialect: Dialect, field: Field): string {
  const parts = [quoteIdentifier(field.column), dialect.columnType(field)];
  if (!field.nullable) parts.push('NOT NULL');
  return parts.join(' ') + defaultClause(dialect, field, field.default);
}

/**
 * Maps a unique set's names to columns (`organization` → `organization_id`). Sentry's constraints
 * sometimes name the column itself (`organization_id`), which Django accepts too.
 */
export function columnsOf(entry: ModelEntry, fieldNames: readonly string[]): string[] {
  return fieldNames.map((name) => {
    if (name === 'id') return 'id';
    const field = entry.fields.find((candidate) => candidate.name === name) ??
      entry.fields.find((candidate) => candidate.column === name);
    if (field === undefined) throw new RangeError(`Expected ${entry.name} to have a field "${name}"`);
    return field.column;
  });
}

export function createTableSql(dialect: Dialect, entry: ModelEntry, tables: ReadonlyMap<string, string>): string {
  const lines = [dialect.primaryKey, ...entry.fields.map((field) => columnDefinition(dialect, field))];
  for (const field of entry.fields) {
    const check = dialect.lengthCheck(field);
    if (check !== undefined) lines.push(check);
  }
  for (const set of entry.uniques) {
    if (set.length === 1 && set[0] === 'id') continue;
    if (entry.uniqueConditions?.[set.join(':')] !== undefined) continue; // a partial unique index
    lines.push(`UNIQUE (${columnsOf(entry, set).map(quoteIdentifier).join(', ')})`);
  }
  if (!dialect.foreignKeysAfterTables) lines.push(...foreignKeyClauses(dialect, entry, tables));
  return `CREATE TABLE ${quoteIdentifier(entry.table)} (\n  ${lines.join(',\n  ')}\n)${dialect.tableSuffix}`;
}

function foreignKeyClauses(dialect: Dialect, entry: ModelEntry, tables: ReadonlyMap<string, string>): string[] {
  return entry.fields.flatMap((field) => {
    const target = field.foreignKey && tables.get(field.foreignKey.model);
    if (target === undefined) return [];
    return [`FOREIGN KEY (${quoteIdentifier(field.column)}) REFERENCES ${quoteIdentifier(target)} ("id")${dialect.foreignKeySuffix}`];
  });
}

/** The keys of a table added once every table exists, for dialects that need their target first. */
function addedForeignKeys(dialect: Dialect, entry: ModelEntry, tables: ReadonlyMap<string, string>): string[] {
  if (!dialect.foreignKeysAfterTables) return [];
  return foreignKeyClauses(dialect, entry, tables).map((clause) => `ALTER TABLE ${quoteIdentifier(entry.table)} ADD ${clause}`);
}

function indexSql(dialect: Dialect, entry: ModelEntry, tables: ReadonlyMap<string, string>): string[] {
  return entry.fields
    .filter((field) => field.foreignKey !== undefined && tables.has(field.foreignKey.model))
    .map((field) => {
      const name = quoteIdentifier(objectName(dialect, `${entry.table}__${field.column}`));
      return `CREATE INDEX ${name} ON ${quoteIdentifier(entry.table)} (${quoteIdentifier(field.column)})`;
    });
}

/** A conditional unique set's condition in the dialect's SQL. */
export function conditionSql(dialect: Dialect, entry: ModelEntry, condition: UniqueCondition): string {
  const column = quoteIdentifier(columnsOf(entry, [condition.field])[0] as string);
  if ('is' in condition) return `${column} IS NULL`;
  if ('isNot' in condition) return `${column} IS NOT NULL`;
  if (typeof condition.equals === 'boolean') return condition.equals ? dialect.isTrue(column) : `NOT (${dialect.isTrue(column)})`;
  return `${column} = ${sqlLiteral(condition.equals)}`;
}

/** Django's conditional unique constraints, as partial unique indexes. */
function conditionalUniqueSql(dialect: Dialect, entry: ModelEntry): string[] {
  return Object.entries(entry.uniqueConditions ?? {}).map(([key, condition]) => {
    const columns = columnsOf(entry, key.split(':')).map(quoteIdentifier).join(', ');
    const name = quoteIdentifier(objectName(dialect, `${entry.table}__unique__${key.replaceAll(':', '__')}`));
    return `CREATE UNIQUE INDEX ${name} ON ${quoteIdentifier(entry.table)} (${columns}) WHERE ${conditionSql(dialect, entry, condition)}`;
  });
}

/** Indexes for the lookups that ignore case (username and slug collisions, shared emails). */
function caseInsensitiveIndexSql(dialect: Dialect, entry: ModelEntry): string[] {
  return columnsOf(entry, entry.caseInsensitive ?? []).map((column) => dialect.caseInsensitiveIndex(objectName(dialect, `${entry.table}__${column}__nocase`), entry.table, column));
}

/**
 * relocate's own tables beside Sentry's: what it records about the database. In a database
 * relocate makes, the meta table records the Sentry version the schema was made for; in one
 * Sentry made (`madeBy: 'sentry'`, created only with the user's --create-bookkeeping), it
 * records only that: the version there is always read from the tables themselves, which Sentry's
 * own upgrades change.
 */
export function bookkeepingStatements(dialect: Dialect, registry: Registry, madeBy: 'relocate' | 'sentry' = 'relocate'): string[] {
  const recorded = madeBy === 'relocate'
    ? `('registry_version', ${sqlLiteral(registry.schemaVersion)}), ('sentry_version', ${sqlLiteral(registry.version)})`
    : `('made_by', 'sentry')`;
  return [
    `CREATE TABLE ${quoteIdentifier(META_TABLE)} (\n  "key" TEXT PRIMARY KEY,\n  "value" TEXT NOT NULL\n)${dialect.tableSuffix}`,
    `INSERT INTO ${quoteIdentifier(META_TABLE)} ("key", "value") VALUES ${recorded}`,
    ...keptTablesStatements(dialect),
  ];
}

/** Every statement that makes a new database for a Sentry version, in an order the database accepts. */
export function schemaStatements(registry: Registry, dialect: Dialect): string[] {
  const stored = registry.stored;
  const tables = new Map(stored.map((entry) => [entry.name, entry.table]));
  return [
    ...bookkeepingStatements(dialect, registry),
    ...stored.map((entry) => createTableSql(dialect, entry, tables)),
    ...stored.flatMap((entry) => addedForeignKeys(dialect, entry, tables)),
    ...stored.flatMap((entry) => indexSql(dialect, entry, tables)),
    ...stored.flatMap((entry) => conditionalUniqueSql(dialect, entry)),
    ...stored.flatMap((entry) => caseInsensitiveIndexSql(dialect, entry)),
  ];
}
