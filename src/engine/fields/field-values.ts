/**
 * A row's field values across Sentry versions, as both the import and `convert` read them: what a
 * field the row lacks gets (its declared default, literal or called the way Sentry's import fills
 * it; null when nullable), and the legacy JSON encoding repaired before the value goes through its
 * field class. One place, so that a converted file and an imported one agree on every value.
 */
import { nestsDeeperThan } from '../../core/json/nesting.js';
import { fieldClassInfo } from '../../core/registry/field-classes.js';
import { ALNUM, HEX } from '../../core/registry/import-rules.js';
import type { Field } from '../../core/registry/types.js';

/** Where called defaults come from: the clock and a random source (tests pass fixed ones). */
export interface Defaults {
  now(): string;
  random(length: number, alphabet: string): string;
  uuid4(): string;
}

const EXPIRY_MS = 30 * 24 * 3600 * 1000;

/** What a default callable gives for a row made now. */
function called(name: string, field: Field, defaults: Defaults): unknown {
  const size = Math.min(field.maxLength ?? 32, 64);
  switch (name) {
    case 'timezone.now': return defaults.now();
    case 'dict': return {};
    case 'list': return [];
    case 'default_expiration': return new Date(Date.parse(defaults.now()) + EXPIRY_MS).toISOString();
    case 'get_secure_token': return defaults.random(Math.min(size, 32), ALNUM);
    case 'generate_name': return `app-${defaults.random(12, ALNUM.slice(26))}`;
  }
  const kind = fieldClassInfo(field.class).value;
  if (kind === 'uuid' || name.includes('uuid')) return defaults.uuid4();
  if (kind === 'datetime') return defaults.now();
  return defaults.random(size, HEX);
}

/**
 * The value a row that lacks `field` gets: its default (a literal, or a callable run as above),
 * null when the field is nullable, and undefined when it has neither (the row cannot be stored).
 */
export function missingFieldValue(field: Field, defaults: Defaults): { readonly value: unknown } | undefined {
  if (field.default !== undefined) return { value: 'value' in field.default ? field.default.value : called(field.default.call, field, defaults) };
  if (field.nullable) return { value: null };
  return undefined;
}

/** How a missing field's default reads in a report: the literal's JSON, or the callable's name. */
export function describeDefault(field: Field): string {
  if (field.default === undefined) return field.nullable ? 'null' : 'no default';
  return 'value' in field.default ? JSON.stringify(field.default.value) : `${field.default.call}()`;
}

/** Whether the field holds JSON (so that JSON written as text inside the export is decoded first). */
export function holdsJson(field: Field): boolean {
  return fieldClassInfo(field.class).value === 'json';
}

/**
 * A JSON field written as the text of its JSON (an old exporter's double encoding), decoded;
 * anything else as it is. Text nested too deep to be JSON Python can load stays the string it is.
 */
export function repairedJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (!(text.startsWith('{') && text.endsWith('}')) && !(text.startsWith('[') && text.endsWith(']'))) return value;
  if (nestsDeeperThan(text)) return value;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return value;
  }
}

/** A random version-4 UUID in its hyphenated form, drawn from `random`. */
export function randomUuid4(random: (length: number, alphabet: string) => string): string {
  const hex = random(32, HEX);
  const v4 = `${hex.slice(0, 12)}4${hex.slice(13, 16)}${'89ab'[Number.parseInt(hex[16] as string, 16) % 4]}${hex.slice(17)}`;
  return `${v4.slice(0, 8)}-${v4.slice(8, 12)}-${v4.slice(12, 16)}-${v4.slice(16, 20)}-${v4.slice(20)}`;
}
