/**
 * PostgreSQL's dialect, for databases relocate makes: the column types Django gives Sentry's field
 * classes (bigserial ids, bigint keys, varchar(n), timestamptz, boolean, jsonb, inet, uuid, arrays),
 * the CHECK Django adds to positive integers, deferrable foreign keys as Django makes them, and
 * case-insensitive lookups as Django's `iexact` writes them. Reads and writes convert between the
 * port's form (0/1, Sentry's datetime text, JSON text) and these types in SQL.
 */
import { fieldClassInfo } from '../core/registry/field-classes.js';
import type { FieldClass } from '../core/registry/field-classes.js';
import type { Field } from '../core/registry/types.js';
import { quoteIdentifier as q } from './dialect.js';
import type { Dialect } from './dialect.js';
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
  if (field.class === 'ArrayField') return `${typeOf(field.of ?? 'TextField', undefined)}[]`;
  return typeOf(field.class, field.maxLength);
}

/** `'["a","b"]'` → `'{"a","b"}'`: a JSON list default as an array literal. */
function arrayLiteral(json: string): string {
  const items = JSON.parse(json) as unknown[];
  return sqlLiteral(`{${items.map((item) => `"${String(item).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`);
}

const sequenceOf = (table: string): string => `pg_get_serial_sequence(${sqlLiteral(q(table))}, 'id')`;

export const postgresDialect: Dialect = {
  name: 'postgres',
  columnType,
  defaultValue(field, value) {
    if (value === null) return 'NULL';
    const kind = fieldClassInfo(field.class).value;
    if (kind === 'boolean') return value === 1 ? 'true' : 'false';
    if (field.class === 'ArrayField') return arrayLiteral(String(value));
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
  caseInsensitiveIndex: (name, table, column) => `CREATE INDEX ${q(name)} ON ${q(table)} (UPPER(${q(column)}::text))`,
  listTablesSql: "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
  readColumn(_entry, field) {
    const column = q(field.column);
    switch (columnType(field)) {
      case 'timestamp with time zone': return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
      case 'date': return `to_char(${column}, 'YYYY-MM-DD')`;
      case 'jsonb': case 'uuid': return `${column}::text`;
      case 'inet': return `host(${column})`;
      default: return field.class === 'ArrayField' ? `array_to_json(${column})::text` : column;
    }
  },
  writeParam(_entry, field) {
    const type = columnType(field);
    if (field.class === 'ArrayField') {
      // One parameter, null kept null and [] kept an empty array.
      return `(SELECT CASE WHEN j IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(j))::${type} END FROM (SELECT ?::jsonb AS j) s)`;
    }
    if (type === 'boolean' || type === 'jsonb' || type === 'uuid' || type === 'inet' || type === 'date' || type.startsWith('timestamp')) return `?::${type}`;
    return '?';
  },
  equalsIgnoringCase: (column) => `UPPER(${column}::text) = UPPER(?)`,
  isTrue: (column) => `${column} IS TRUE`,
  returningId: ' RETURNING "id"',
  afterExplicitIds: (table) => [`SELECT setval(${sequenceOf(table)}, GREATEST((SELECT max("id") FROM ${q(table)}), 1))`],
  resetSequences: (tables) => tables.map((table) => `SELECT setval(${sequenceOf(table)}, 1, false)`),
  createTemporaryTable: (name, columns) => `CREATE TEMP TABLE ${q(name)} (${columns})`,
  temporaryTable: (name) => `pg_temp.${q(name)}`,
};
