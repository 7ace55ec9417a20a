/**
 * Sentry's (and Django's) model field classes, and how each is stored in SQLite and carried in an
 * export. The registry names the class a model declares; everything else follows from this table,
 * so a new model needs no new storage logic unless it uses a class missing here.
 *
 * `value` is the JSON shape of the field in an export:
 * - integer / float / boolean: JSON numbers and booleans;
 * - string: JSON strings (slugs, emails, URLs, IPs, free text, encrypted text);
 * - uuid: a hyphenated UUID string;
 * - datetime: `YYYY-MM-DDTHH:MM:SS.mmmZ`; date: `YYYY-MM-DD`;
 * - decimal: a decimal string (Django's serializer writes Decimal as text);
 * - json: any JSON value (JSONField and its legacy text-backed variants);
 * - pickled: PickledObjectField; Django's serializer keeps numbers, booleans and null as they are
 *   and writes anything else as its JSON text (`"value": "\"a\""`);
 * - gzipped: GzippedDictField, always written as its compact JSON text;
 * - array: a Postgres ArrayField; Sentry's serializer writes it as the text of a list (`"[]"`,
 *   `"['org:ci']"` in exports of this era), stored here as a JSON array's text;
 * - bitfield: an integer bit set that Django's serializer writes as a decimal string ("1").
 */
export type SqliteType = 'INTEGER' | 'REAL' | 'TEXT' | 'BLOB';
export type ValueKind =
  | 'integer' | 'float' | 'boolean' | 'string' | 'uuid' | 'datetime' | 'date' | 'decimal'
  | 'json' | 'pickled' | 'gzipped' | 'array' | 'bitfield';

interface FieldClassInfo {
  readonly sqlite: SqliteType;
  readonly value: ValueKind;
}

const integer: FieldClassInfo = { sqlite: 'INTEGER', value: 'integer' };
const text: FieldClassInfo = { sqlite: 'TEXT', value: 'string' };
const json: FieldClassInfo = { sqlite: 'TEXT', value: 'json' };

export const FIELD_CLASSES = {
  // integers, including Sentry's Bounded* guards and the FK-shaped ones
  AutoField: integer,
  BigAutoField: integer,
  BoundedAutoField: integer,
  BoundedBigAutoField: integer,
  IntegerField: integer,
  BigIntegerField: integer,
  SmallIntegerField: integer,
  PositiveIntegerField: integer,
  PositiveSmallIntegerField: integer,
  PositiveBigIntegerField: integer,
  BoundedIntegerField: integer,
  BoundedBigIntegerField: integer,
  BoundedPositiveIntegerField: integer,
  BoundedPositiveBigIntegerField: integer,
  FlexibleForeignKey: integer,
  ForeignKey: integer,
  OneToOneField: integer,
  OneToOneCascadeDeletes: integer,
  HybridCloudForeignKey: integer,
  // other scalars
  BooleanField: { sqlite: 'INTEGER', value: 'boolean' },
  NullBooleanField: { sqlite: 'INTEGER', value: 'boolean' },
  FloatField: { sqlite: 'REAL', value: 'float' },
  DecimalField: { sqlite: 'TEXT', value: 'decimal' },
  BitField: { sqlite: 'INTEGER', value: 'bitfield' },
  TypedClassBitField: { sqlite: 'INTEGER', value: 'bitfield' },
  // text
  CharField: text,
  TextField: text,
  SlugField: text,
  SentrySlugField: text,
  SentryOrgSlugField: text,
  EmailField: text,
  CIEmailField: text,
  URLField: text,
  GenericIPAddressField: text,
  EncryptedCharField: text,
  EncryptedTextField: text,
  UUIDField: { sqlite: 'TEXT', value: 'uuid' },
  UUIDField4: { sqlite: 'TEXT', value: 'uuid' },
  // dates
  DateTimeField: { sqlite: 'TEXT', value: 'datetime' },
  DateField: { sqlite: 'TEXT', value: 'date' },
  // structured values, stored as JSON text
  JSONField: json,
  LegacyTextJSONField: json,
  EncryptedJsonField: json,
  PickledObjectField: { sqlite: 'TEXT', value: 'pickled' },
  GzippedDictField: { sqlite: 'TEXT', value: 'gzipped' },
  NodeData: json,
  ArrayField: { sqlite: 'TEXT', value: 'array' },
} as const satisfies Record<string, FieldClassInfo>;

export type FieldClass = keyof typeof FIELD_CLASSES;

export function fieldClassInfo(cls: FieldClass): FieldClassInfo {
  return FIELD_CLASSES[cls];
}
