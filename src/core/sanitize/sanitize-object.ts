/**
 * Which fields of a model are sanitized and how (§6.3 of the research): every model by its field
 * classes and names (datetimes, emails, IPs, URLs, UUIDs, anything named like a password, token
 * or secret, names and their slugs), plus the model's own `rules.sanitize` in the registry.
 */
import { nestsDeeperThan } from '../json/nesting.js';
import { fieldClassInfo } from '../registry/field-classes.js';
import type { Field, ModelEntry } from '../registry/types.js';
import { Sanitizer } from './sanitizer.js';

type Fields = Record<string, unknown>;

const isUrlName = (name: string): boolean => name.endsWith('url') || name.endsWith('uri');
const isUuidName = (name: string): boolean => name.endsWith('guid') || name.endsWith('uuid');
const isSecretName = (name: string): boolean => name.includes('password') || name.includes('token') || name.includes('secret');
const TEXT_CLASSES = new Set(['CharField', 'TextField', 'EncryptedCharField', 'EncryptedTextField']);

/** Every datetime-class field of the model: what the datetime pass collects. */
export function datetimeFields(entry: ModelEntry): string[] {
  return entry.fields.filter((field) => fieldClassInfo(field.class).value === 'datetime').map((field) => field.name);
}

/** JSON (or the JSON text a pickled field holds) with every string replaced; keys and shapes stay. */
function sanitizeJson(value: unknown, sanitizer: Sanitizer): unknown {
  if (typeof value === 'string') {
    const text = value.trim();
    // JSON text is sanitized inside (unless nested deeper than any JSON Python can load: then it is a string).
    if ((text.startsWith('{') || text.startsWith('[')) && !nestsDeeperThan(text)) {
      try {
        return JSON.stringify(sanitizeJson(JSON.parse(text) as unknown, sanitizer));
      } catch {
        return sanitizer.string(value);
      }
    }
    return sanitizer.string(value);
  }
  // Loops rather than map(): one stack frame per level, for values nested as deep as files may be.
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value) items.push(sanitizeJson(item, sanitizer));
    return items;
  }
  if (value !== null && typeof value === 'object' && value.constructor === Object) {
    const record: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) record[key] = sanitizeJson(item, sanitizer);
    return record;
  }
  return value;
}

/** Every string inside a JSON value with its embedded emails and IPs replaced; keys and shapes stay. */
function scrubEmbedded(value: unknown, sanitizer: Sanitizer): unknown {
  if (typeof value === 'string') return sanitizer.embedded(value);
  if (Array.isArray(value)) return value.map((item) => scrubEmbedded(item, sanitizer));
  if (value !== null && typeof value === 'object' && value.constructor === Object) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubEmbedded(item, sanitizer)]));
  }
  return value;
}

function sanitizeField(field: Field, value: unknown, sanitizer: Sanitizer): unknown {
  if (value === null || value === undefined) return value;
  const kind = fieldClassInfo(field.class).value;
  if (kind === 'datetime') return sanitizer.datetime(value);
  if (typeof value !== 'string') return kind === 'json' ? scrubEmbedded(value, sanitizer) : value;
  if (field.class === 'EmailField' || field.class === 'CIEmailField') return sanitizer.email(value);
  if (field.class === 'GenericIPAddressField') return sanitizer.ip(value);
  if (field.class === 'URLField' || isUrlName(field.name)) return sanitizer.url(value);
  if (kind === 'uuid' || isUuidName(field.name)) return sanitizer.uuid(value);
  if (TEXT_CLASSES.has(field.class) && isSecretName(field.name)) return sanitizer.string(value);
  // Free text and JSON text may hold copies of addresses kept elsewhere.
  return sanitizer.embedded(value);
}

/** The object's fields, sanitized (a new object; the input is not changed). */
export function sanitizeFields(entry: ModelEntry, fields: Readonly<Fields>, sanitizer: Sanitizer): Fields {
  const out: Fields = { ...fields };
  const byName = new Map(entry.fields.map((field) => [field.name, field]));
  const own = entry.rules.sanitize;
  // The model's own rules take their fields from the file's values, not from the default pass.
  const ruled = new Set([...(own?.strings ?? []), ...(own?.emails ?? []), ...(own?.jsons ?? [])]);
  for (const [name, value] of Object.entries(out)) {
    const field = byName.get(name);
    if (field !== undefined && !ruled.has(name)) out[name] = sanitizeField(field, value, sanitizer);
  }
  const nameField = byName.get('name');
  if (nameField !== undefined && typeof fields.name === 'string' && fields.name !== '') {
    out.name = sanitizer.name(fields.name, nameField.maxLength);
    const slugField = byName.get('slug');
    if (slugField !== undefined && typeof fields.slug === 'string') {
      out.slug = Sanitizer.slugify(out.name as string).slice(0, slugField.maxLength ?? 50);
    }
  }
  for (const name of own?.strings ?? []) if (typeof fields[name] === 'string') out[name] = sanitizer.string(fields[name] as string);
  for (const name of own?.emails ?? []) if (typeof fields[name] === 'string') out[name] = sanitizer.email(fields[name] as string);
  for (const name of own?.jsons ?? []) if (fields[name] !== null && fields[name] !== undefined) out[name] = sanitizeJson(fields[name], sanitizer);
  return out;
}
