/**
 * Inserts rows the way Sentry's test helpers create models: the caller names the fields that
 * matter, and every other field takes its model default, or a made-up value that satisfies the
 * schema (unique where it must be). Deterministic: the same calls give the same database.
 */
import { fieldClassInfo } from '../../core/registry/field-classes.js';
import type { Registry } from '../../core/registry/registry.js';
import type { Field, ModelEntry } from '../../core/registry/types.js';
import { formatSentryDatetime } from '../../core/json/datetime.js';
import type { Driver, SqlValue } from '../../db/port.js';
import { toStoredValue } from '../../db/field-codec.js';
import { insertRow } from '../../db/store.js';
import { columnsOf, quoteIdentifier } from '../../db/schema.js';

export interface SeedBuilderOptions {
  /** The Sentry version of the database's schema. */
  readonly registry: Registry;
  /** The "now" that `timezone.now` defaults start from; each use moves it on by one second. */
  readonly now?: string;
}

export type SeedValues = Readonly<Record<string, unknown>>;

export class SeedBuilder {
  readonly #driver: Driver;
  readonly #registry: Registry;
  #clock: number;
  #counter = 0;
  readonly #inserted = new Map<string, number>();

  constructor(driver: Driver, options: SeedBuilderOptions) {
    this.#driver = driver;
    this.#registry = options.registry;
    this.#clock = Date.parse(options.now ?? '2024-07-01T10:56:54.000Z');
  }

  /** Inserts one row of `model` with `values` (export form: FKs as pks) and returns its pk. */
  insert(model: string, values: SeedValues = {}): number {
    const entry = this.#registry.get(this.#registry.resolve(model));
    if (!entry.stored) throw new RangeError(`Expected a model with a table, got "${model}"`);
    for (const name of Object.keys(values)) {
      if (!entry.fields.some((field) => field.name === name)) throw new TypeError(`Expected a field of ${model}, got "${name}"`);
    }
    const row: Record<string, SqlValue> = {};
    for (const field of entry.fields) {
      row[field.column] = field.name in values ? toStoredValue(field, values[field.name]) : this.#made(entry, field);
    }
    const pk = insertRow(this.#driver, entry, row);
    this.#inserted.set(entry.name, (this.#inserted.get(entry.name) ?? 0) + 1);
    return pk;
  }

  /** The pk of a row whose field holds `value`, if there is one (for get-or-create). */
  find(model: string, field: string, value: string | number): number | undefined {
    const entry = this.#registry.get(this.#registry.resolve(model));
    const [column] = columnsOf(entry, [field]);
    const row = this.#driver.prepare(`SELECT "id" FROM ${quoteIdentifier(entry.table)} WHERE ${quoteIdentifier(column as string)} = ?`).get([value]);
    return row?.id as number | undefined;
  }

  /** Inserts unless a row with the same `field` value exists; returns the pk either way. */
  getOrInsert(model: string, field: string, values: SeedValues): number {
    return this.find(model, field, values[field] as string | number) ?? this.insert(model, values);
  }

  /** Whether this version keeps rows of `model` (under this name or another). */
  has(model: string): boolean {
    return this.#registry.find(this.#registry.resolve(model))?.stored === true;
  }

  /** Whether this version's `model` has a field named `field` (fields come and go between versions). */
  hasField(model: string, field: string): boolean {
    const entry = this.#registry.find(this.#registry.resolve(model));
    return entry?.stored === true && entry.fields.some((candidate) => candidate.name === field);
  }

  /** Rows inserted so far, per model. */
  get inserted(): ReadonlyMap<string, number> {
    return this.#inserted;
  }

  /** The next "now", one second after the last. */
  now(): string {
    const text = formatSentryDatetime(new Date(this.#clock));
    this.#clock += 1000;
    return text;
  }

  /** A deterministic hex token of `length` characters. */
  token(length = 32): string {
    const n = ++this.#counter;
    let text = '';
    for (let i = 0; text.length < length; i++) text += ((n * 2654435761 + i * 40503) >>> 0).toString(16).padStart(8, '0');
    return text.slice(0, length);
  }

  /** A deterministic uuid4 (version and variant bits set). */
  uuid(): string {
    const hex = this.token(32);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  #made(entry: ModelEntry, field: Field): SqlValue {
    const fieldDefault = field.default;
    if (fieldDefault !== undefined && 'value' in fieldDefault) return toStoredValue(field, fieldDefault.value);
    if (fieldDefault !== undefined) return toStoredValue(field, this.#called(fieldDefault.call, field));
    if (field.nullable) return null;
    return toStoredValue(field, this.#invented(entry, field));
  }

  /** What a default callable gives. Unknown ones are token generators in Sentry's models. */
  #called(name: string, field: Field): unknown {
    if (name === 'timezone.now') return this.now();
    if (name === 'dict') return {};
    if (name === 'list') return [];
    const kind = fieldClassInfo(field.class).value;
    if (kind === 'datetime') return this.now(); // expiry dates and the like: a time is a time
    if (kind === 'uuid' || name.includes('uuid')) return this.uuid();
    if (kind === 'integer') return ++this.#counter;
    return this.token(Math.min(field.maxLength ?? 64, 64));
  }

  /** A value for a required field nobody named: valid, and unique by construction. */
  #invented(entry: ModelEntry, field: Field): unknown {
    const n = ++this.#counter;
    const fit = (text: string): string => text.slice(0, field.maxLength ?? text.length);
    switch (fieldClassInfo(field.class).value) {
      case 'integer': return n;
      case 'bitfield': return 0;
      case 'boolean': return false;
      case 'float': return 1.5;
      case 'decimal': return '1.5';
      case 'uuid': return this.uuid();
      case 'datetime': return this.now();
      case 'date': return this.now().slice(0, 10);
      case 'json': case 'gzipped': return {};
      case 'pickled': return JSON.stringify(`${field.name}-${n}`);
      case 'array': return [];
      case 'string':
        if (field.class === 'EmailField' || field.class === 'CIEmailField') return fit(`${entry.table}-${n}@example.com`);
        if (field.class === 'GenericIPAddressField') return `10.0.${Math.floor(n / 250) % 250}.${n % 250}`;
        if (field.class === 'URLField') return fit(`https://example.com/${field.name}/${n}`);
        return fit(`${field.name.replaceAll('_', '-')}-${n}`);
    }
  }
}
