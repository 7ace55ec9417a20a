/**
 * The SQLite schema, generated from the registry: one STRICT table per stored model with Sentry's
 * table and column names, NOT NULL, a UNIQUE constraint per unique set, a FOREIGN KEY per key
 * whose target has a table, CHECKs for declared maximum lengths, and an index per foreign key
 * (SQLite needs one to delete parents without scanning every child table).
 */
import { fieldClassInfo } from '../core/registry/field-classes.js';
import type { Registry } from '../core/registry/registry.js';
import type { Field, FieldDefault, ModelEntry } from '../core/registry/types.js';

export const META_TABLE = 'relocate_meta';

export const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;

function sqlLiteral(value: unknown): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `'${text.replaceAll("'", "''")}'`;
}

/** The DDL default for a literal default; callables (`now`, `uuid4`, ...) are the engine's job. */
function defaultClause(field: Field, fieldDefault: FieldDefault | undefined): string {
  if (fieldDefault === undefined || !('value' in fieldDefault)) return '';
  const { value } = fieldDefault;
  const info = fieldClassInfo(field.class);
  // JSON and array fields hold JSON text: a default of "" for a JSONField is the JSON string "".
  const stored = info.value === 'json' || info.value === 'array' ? JSON.stringify(value) : value;
  return ` DEFAULT ${sqlLiteral(stored)}`;
}

/** The column's type, adjusted for the DDL: JSON and arrays are text. */
function columnDefinition(field: Field): string {
  const info = fieldClassInfo(field.class);
  const parts = [quoteIdentifier(field.column), info.sqlite];
  if (!field.nullable) parts.push('NOT NULL');
  return parts.join(' ') + defaultClause(field, field.default);
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

export function createTableSql(entry: ModelEntry, tables: ReadonlyMap<string, string>): string {
  const lines = ['"id" INTEGER PRIMARY KEY AUTOINCREMENT', ...entry.fields.map(columnDefinition)];
  for (const field of entry.fields) {
    if (field.maxLength !== undefined && fieldClassInfo(field.class).sqlite === 'TEXT') {
      const name = quoteIdentifier(`max_length:${field.column}`);
      lines.push(`CONSTRAINT ${name} CHECK (length(${quoteIdentifier(field.column)}) <= ${field.maxLength})`);
    }
  }
  for (const set of entry.uniques) {
    if (set.length === 1 && set[0] === 'id') continue;
    if (entry.uniqueConditions?.[set.join(':')] !== undefined) continue; // a partial unique index
    lines.push(`UNIQUE (${columnsOf(entry, set).map(quoteIdentifier).join(', ')})`);
  }
  for (const field of entry.fields) {
    const target = field.foreignKey && tables.get(field.foreignKey.model);
    if (target === undefined) continue;
    lines.push(`FOREIGN KEY (${quoteIdentifier(field.column)}) REFERENCES ${quoteIdentifier(target)} ("id")`);
  }
  return `CREATE TABLE ${quoteIdentifier(entry.table)} (\n  ${lines.join(',\n  ')}\n) STRICT`;
}

function indexSql(entry: ModelEntry, tables: ReadonlyMap<string, string>): string[] {
  return entry.fields
    .filter((field) => field.foreignKey !== undefined && tables.has(field.foreignKey.model))
    .map((field) => {
      const name = quoteIdentifier(`${entry.table}__${field.column}`);
      return `CREATE INDEX ${name} ON ${quoteIdentifier(entry.table)} (${quoteIdentifier(field.column)})`;
    });
}

/** Django's conditional unique constraints, as partial unique indexes. */
function conditionalUniqueSql(entry: ModelEntry): string[] {
  return Object.entries(entry.uniqueConditions ?? {}).map(([key, condition]) => {
    const columns = columnsOf(entry, key.split(':')).map(quoteIdentifier).join(', ');
    const name = quoteIdentifier(`${entry.table}__unique__${key.replaceAll(':', '__')}`);
    return `CREATE UNIQUE INDEX ${name} ON ${quoteIdentifier(entry.table)} (${columns}) WHERE ${condition}`;
  });
}

/** Indexes for the lookups that ignore case (username and slug collisions, shared emails). */
function caseInsensitiveIndexSql(entry: ModelEntry): string[] {
  return columnsOf(entry, entry.caseInsensitive ?? []).map((column) =>
    `CREATE INDEX ${quoteIdentifier(`${entry.table}__${column}__nocase`)} ON ${quoteIdentifier(entry.table)} (${quoteIdentifier(column)} COLLATE NOCASE)`);
}

/** Every statement that makes a new database for a Sentry version, in an order SQLite accepts. */
export function schemaStatements(registry: Registry): string[] {
  const stored = registry.stored;
  const tables = new Map(stored.map((entry) => [entry.name, entry.table]));
  return [
    `CREATE TABLE ${quoteIdentifier(META_TABLE)} (\n  "key" TEXT PRIMARY KEY,\n  "value" TEXT NOT NULL\n) STRICT`,
    `INSERT INTO ${quoteIdentifier(META_TABLE)} ("key", "value") VALUES ('registry_version', ${sqlLiteral(registry.schemaVersion)}), ('sentry_version', ${sqlLiteral(registry.version)})`,
    ...stored.map((entry) => createTableSql(entry, tables)),
    ...stored.flatMap((entry) => indexSql(entry, tables)),
    ...stored.flatMap(conditionalUniqueSql),
    ...stored.flatMap(caseInsensitiveIndexSql),
  ];
}
