/**
 * The vocabulary of per-model import rules (Sentry's `normalize_before_relocation_import` and
 * `write_relocation_import` overrides). A rule sees one row in stored form, its foreign keys
 * already remapped, and acts on the database only through the context the import engine gives
 * it, so the rules stay data beside their models and the engine stays storage-agnostic.
 */
import type { ImportScope } from '../scopes.js';

/** A value as stored: integers and booleans (0/1) as numbers, text, JSON as its text. */
export type StoredValue = null | number | string | Uint8Array;

/** Sentry's `ImportKind`: what writing a row did. */
export type ImportKind = 'Inserted' | 'Existing' | 'Overwrite';

/** One row on its way in. `fields` is the rules' to change; `original` is the file's values. */
export interface ImportingRow {
  readonly model: string;
  /** The pk in the file. */
  readonly oldPk: number;
  /** Field name → stored value; foreign keys hold new pks after the remap. */
  readonly fields: Record<string, StoredValue>;
  /** The values as the file had them (old pks), for rules that ask what a key pointed at. */
  readonly original: Readonly<Record<string, StoredValue>>;
}

export interface MappedPk {
  readonly pk: number;
  readonly kind: ImportKind;
  readonly slug?: string | undefined;
}

/** What the import engine offers a rule. */
export interface ImportRuleContext {
  readonly scope: ImportScope;
  readonly mergeUsers: boolean;
  readonly overwriteConfigs: boolean;
  /** The pk map entry for a model's old pk. */
  mapped(model: string, oldPk: number): MappedPk | undefined;
  /** The pk of a row of `model` matching every `where` (null matches null); `nocase` fields ignore ASCII case. */
  find(model: string, where: Readonly<Record<string, StoredValue>>, options?: { readonly nocase?: readonly string[] }): number | undefined;
  /** Inserts the row; with `keepPk`, at its pk in the file. Returns the new pk. */
  insert(row: ImportingRow, options?: { readonly keepPk?: boolean }): number;
  /** Writes the row's fields over the existing row `pk`. */
  update(row: ImportingRow, pk: number): void;
  /** Inserts a row of another model the engine keeps (a claim hash); returns its pk. */
  insertOther(model: string, fields: Readonly<Record<string, StoredValue>>): number;
  /** The value of one of the instance's options (`sentry.option`), as text, if it is set. */
  option(key: string): string | undefined;
  /** "Now", as Sentry's datetime text. */
  now(): string;
  /** `length` characters drawn from `alphabet` by a cryptographic random source. */
  random(length: number, alphabet: string): string;
  /** Records that a field was changed to avoid a collision (the report's "renamed"). */
  renamed(field: string, from: string, to: string): void;
}

export type WriteOutcome = { readonly pk: number; readonly kind: ImportKind } | { readonly skip: string };

export interface ImportRules {
  /** Keys that become null, instead of dropping the row, when their target was not imported. */
  readonly nullWhenUnmapped?: readonly string[];
  /** Integer fields holding a pk of the model another field names (DataSource's `source_id`). */
  readonly dynamicKeys?: readonly { readonly field: string; readonly targetOf: (fields: Readonly<Record<string, StoredValue>>) => string | undefined }[];
  /** Changes beyond the key remap; returns why the row is dropped, or undefined to keep it. */
  readonly normalize?: (row: ImportingRow, context: ImportRuleContext) => string | undefined;
  /** Writes the row (the default inserts it and reports Inserted). */
  readonly write?: (row: ImportingRow, context: ImportRuleContext) => WriteOutcome;
  /** Scopes in which a row keeps its pk from the file (Project in Global, so DSNs stay valid). */
  readonly keepPkIn?: readonly ImportScope[];
  /** Imported after every other model (OrgAuthToken: a re-minted token embeds its org's final slug). */
  readonly deferred?: boolean;
  /**
   * The fields these rules change on purpose, and what a check calls the change when it sees one:
   * a username or slug suffixed, a credential or id made anew, a user left to claim the account,
   * admin flags cleared. A check runs the rules and names each change these fields show.
   */
  readonly announces?: Readonly<Record<string, AnnouncedChange>>;
}

export type AnnouncedChange = 'Renamed' | 'Reminted' | 'Unclaimed' | 'PrivilegesRemoved';

export const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** Sentry's suffix alphabet: lowercase letters and the digit string "0123456790" (its typo: no 8). */
export const SUFFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456790';
export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const HEX = '0123456789abcdef';

/** Sentry's `unique_db_instance` tries: one suffix of 2 characters, 5 of 3, 20 of 5, 1 of 12. */
const SUFFIX_TRIES: readonly (readonly [length: number, tries: number])[] = [[2, 1], [3, 5], [5, 20], [12, 1]];

/**
 * `base` if it is free, else `base-<suffix>` with Sentry's suffix lengths, the base cut so that
 * the whole fits `maxLength`. `taken` decides freedom (callers make it case-insensitive).
 */
export function uniqueVariant(base: string, maxLength: number, taken: (candidate: string) => boolean, context: ImportRuleContext): string {
  if (!taken(base)) return base;
  for (const [length, tries] of SUFFIX_TRIES) {
    for (let i = 0; i < tries; i++) {
      const suffix = `-${context.random(length, SUFFIX_ALPHABET)}`;
      const candidate = base.slice(0, maxLength - suffix.length) + suffix;
      if (!taken(candidate)) return candidate;
    }
  }
  throw new UniqueVariantError(`Could not find a free variant of ${JSON.stringify(base)} after ${SUFFIX_TRIES.reduce((n, [, t]) => n + t, 0)} tries`);
}

export class UniqueVariantError extends Error {}

/** A uuid4 in its hyphenated form, from the context's random source. */
export function uuid4(context: ImportRuleContext): string {
  const hex = context.random(32, HEX);
  const variant = '89ab'[Number.parseInt(hex[16] as string, 16) % 4] as string;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Drops a user's own rows when the user was merged into an existing one (§3.7). */
export function dropUnderMergedUser(row: ImportingRow, context: ImportRuleContext): string | undefined {
  const user = row.original.user;
  if (typeof user === 'number' && context.mapped('sentry.user', user)?.kind === 'Existing') {
    return 'its user was merged into an existing user';
  }
  return undefined;
}

/**
 * Sentry's `OverwritableConfigMixin`: a config row whose unique fields match an existing row is
 * that row (Existing), or is written over it with `--overwrite-configs` (Overwrite).
 */
export function overwritableConfig(uniqueFields: readonly string[]): ImportRules {
  const write = (row: ImportingRow, context: ImportRuleContext): WriteOutcome => {
    const where: Record<string, StoredValue> = {};
    for (const name of uniqueFields) if (row.fields[name] !== null) where[name] = row.fields[name] as StoredValue;
    const existing = Object.keys(where).length === 0 ? undefined : context.find(row.model, where);
    if (existing === undefined) return { pk: context.insert(row), kind: 'Inserted' };
    if (!context.overwriteConfigs) return { pk: existing, kind: 'Existing' };
    context.update(row, existing);
    return { pk: existing, kind: 'Overwrite' };
  };
  return { write };
}

/** Replaces each of `fields` that is empty or collides with an existing row's value by `make()`. */
export function regenerateColliding(row: ImportingRow, context: ImportRuleContext, fields: readonly string[], make: (field: string) => string): void {
  for (const field of fields) {
    const value = row.fields[field];
    if (value === null || value === undefined) continue;
    if (value !== '' && context.find(row.model, { [field]: value }) === undefined) continue;
    const fresh = make(field);
    row.fields[field] = fresh;
    context.renamed(field, String(value), fresh);
  }
}
