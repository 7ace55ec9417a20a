/**
 * PostgreSQL's dialect. For databases relocate makes: the column types Django gives Sentry's field
 * classes (bigserial ids, bigint keys, varchar(n), timestamptz, boolean, jsonb, inet, uuid, arrays),
 * the CHECK Django adds to positive integers, deferrable foreign keys as Django makes them, and
 * case-insensitive lookups as Django's `iexact` writes them. Reads and writes convert between the
 * port's form (0/1, Sentry's datetime text, JSON text) and the columns' types in SQL; built for a
 * catalog (`postgresDialectFor`), they follow the types a database really has (Sentry's own).
 */
import { fieldClassInfo } from '../core/registry/field-classes.js';
import type { FieldClass } from '../core/registry/field-classes.js';
import type { Field, ModelEntry } from '../core/registry/types.js';
import type { Catalog } from './catalog.js';
import { quoteIdentifier as q } from './dialect.js';
import type { Dialect } from './dialect.js';
import { arrayLiteral, bulkConverter, columnFits, fromText, neededTypes, readExpression, writeExpression } from './postgres-columns.js';
import { sqlLiteral } from './schema.js';

const INTEGER_TYPES: Partial<Record<FieldClass, string>> = {
  AutoField: 'integer', BigAutoField: 'bigint', BoundedAutoField: 'integer', BoundedBigAutoField: 'bigint',
  IntegerField: 'integer', BoundedIntegerField: 'integer', PositiveIntegerField: 'integer', BoundedPositiveIntegerField: 'integer',
  SmallIntegerField: 'smallint', PositiveSmallIntegerField: 'smallint',
  BigIntegerField: 'bigint', BoundedBigIntegerField: 'bigint', PositiveBigIntegerField: 'bigint', BoundedPositiveBigIntegerField: 'bigint',
  FlexibleForeignKey: 'bigint', ForeignKey: 'bigint', OneToOneField: 'bigint', OneToOneCascadeDeletes: 'bigint', HybridCloudForeignKey: 'bigint',
  BitField: 'bigint', TypedClassBitField: 'bigint',
};

const POSITIVE: ReadonlySet<FieldClass> = new Set<FieldClass>([
  'PositiveIntegerField', 'BoundedPositiveIntegerField', 'PositiveSmallIntegerField', 'PositiveBigIntegerField', 'BoundedPositiveBigIntegerField',
]);

/** The type Django's PostgreSQL backend gives a field class. */
function typeOf(cls: FieldClass, maxLength: number | undefined): string {
  const integer = INTEGER_TYPES[cls];
  if (integer !== undefined) return integer;
  switch (cls) {
    case 'BooleanField': case 'NullBooleanField': return 'boolean';
    case 'FloatField': return 'double precision';
    case 'DecimalField': return 'numeric';
    case 'DateTimeField': return 'timestamp with time zone';
    case 'DateField': return 'date';
    case 'UUIDField': case 'UUIDField4': return 'uuid';
    case 'GenericIPAddressField': return 'inet';
    // Django's JSONField is jsonb; Sentry's older JSON fields keep their JSON in text columns.
    case 'JSONField': return 'jsonb';
    case 'TextField': case 'EncryptedTextField': case 'EncryptedCharField': case 'LegacyTextJSONField': case 'EncryptedJsonField':
    case 'PickledObjectField': case 'GzippedDictField': case 'NodeData': return 'text';
    default: return maxLength === undefined ? 'text' : `varchar(${maxLength})`;
  }
}

function columnType(field: Field): string {
  // Sentry's one list of lists (TimeSeriesSnapshot.values) holds floats; PostgreSQL names a
  // two-dimensional array by its element type alone.
  if (field.class === 'ArrayField' && field.of === 'ArrayField') return 'double precision[]';
  if (field.class === 'ArrayField') return `${typeOf(field.of ?? 'TextField', undefined)}[]`;
  return typeOf(field.class, field.maxLength);
}

/** The `'"table"'` a sequence function takes (a regclass literal of the quoted name). */
const sequenceOf = (table: string): string => `pg_get_serial_sequence(${sqlLiteral(q(table))}, 'id')`;

/** The dialect whose reads and writes follow `catalog` (columns it lacks get relocate's own types). */
export function postgresDialectFor(catalog: Catalog | undefined): Dialect {
  const typeIn = (entry: ModelEntry, field: Field): string => catalog?.get(entry.table)?.get(field.column)?.type ?? columnType(field);
  return {
    name: 'postgres',
    columnType,
    defaultValue(field, value) {
      if (value === null) return 'NULL';
      const kind = fieldClassInfo(field.class).value;
      if (kind === 'boolean') return value === 1 ? 'true' : 'false';
      if (field.class === 'ArrayField') return sqlLiteral(arrayLiteral(String(value)));
      if (columnType(field) === 'jsonb') return `${sqlLiteral(value)}::jsonb`;
      return sqlLiteral(value);
    },
    primaryKey: '"id" bigserial PRIMARY KEY',
    tableSuffix: '',
    lengthCheck(field) {
      // varchar(n) holds the maximum length itself; Django adds this check to positive integers.
      if (!POSITIVE.has(field.class)) return undefined;
      return `CONSTRAINT ${q(`positive:${field.column}`)} CHECK (${q(field.column)} >= 0)`;
    },
    foreignKeySuffix: ' DEFERRABLE INITIALLY DEFERRED',
    foreignKeysAfterTables: true,
    maxIdentifierLength: 63,
    caseInsensitiveIndex: (name, table, column) => `CREATE INDEX ${q(name)} ON ${q(table)} (UPPER(${q(column)}::text))`,
    // pg_catalog, as the catalog below: information_schema shows a role only the tables it may use.
    listTablesSql: `SELECT c.relname AS name FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')`,
    // pg_catalog rather than information_schema: the latter shows a role only the columns it holds
    // a privilege on, and a read-only role for exports must still see every column's type.
    catalogSql: `SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type,
        a.attnotnull AS not_null, (a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> '') AS has_default
      FROM pg_catalog.pg_attribute a
      JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
    columnFits,
    neededTypes,
    forCatalog: (next) => postgresDialectFor(next),
    beginReadSnapshot: 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    readColumn: (entry, field) => readExpression(field, q(field.column), typeIn(entry, field)),
    writeParam: (entry, field) => writeExpression(field, typeIn(entry, field)),
    equalsIgnoringCase: (column) => `UPPER(${column}::text) = UPPER(?)`,
    isTrue: (column) => `${column} IS TRUE`,
    returningId: ' RETURNING "id"',
    // Never backwards: ids drawn for rows still on their way in must not be handed out again.
    afterExplicitIds: (table) => [
      `SELECT setval(${sequenceOf(table)}, GREATEST((SELECT max("id") FROM ${q(table)}), pg_sequence_last_value(${sequenceOf(table)}::regclass), 1))`,
    ],
    resetSequences: (tables) => tables.map((table) => `SELECT setval(${sequenceOf(table)}, 1, false)`),
    // One row, one text: thousands of one-number rows cost more to receive than to draw. The
    // sequence is looked up once (MATERIALIZED), not once a row.
    reserveIds: (table) => `WITH s AS MATERIALIZED (SELECT ${sequenceOf(table)}::regclass AS seq)
      SELECT string_agg(nextval(s.seq)::text, ',' ORDER BY n) AS ids FROM s, generate_series(1, ?::integer) n`,
    releaseIds: (table) => `SELECT setval(${sequenceOf(table)}, GREATEST(p.used, 1), p.used >= 1) FROM (SELECT ?::bigint AS used, ?::bigint AS reserved) p
      WHERE pg_sequence_last_value(${sequenceOf(table)}::regclass) = p.reserved`,
    bulkValue: (entry, field) => bulkConverter(typeIn(entry, field)),
    updateManySql: (entry, fields) => {
      const set = fields.map((field) => `${q(field.column)} = ${fromText(field, typeIn(entry, field), `v.${q(field.column)}`)}`);
      const record = ['"id" bigint', ...fields.map((field) => `${q(field.column)} text`)];
      return `UPDATE ${q(entry.table)} AS t SET ${set.join(', ')} FROM jsonb_to_recordset(?::jsonb) AS v(${record.join(', ')}) WHERE t."id" = v."id"`;
    },
    createTemporaryTable: (name, columns) => `CREATE TEMP TABLE ${q(name)} (${columns})`,
    temporaryTable: (name) => `pg_temp.${q(name)}`,
  };
}

/** The dialect of databases relocate makes (the PostgreSQL driver's until it is given a catalog). */
export const postgresDialect: Dialect = postgresDialectFor(undefined);
