/**
 * The options a library caller passes to an engine verb, checked once at the call with superstruct
 * (a boundary: a JavaScript caller, or a typo the types did not catch), so that a wrong option is
 * one clear TypeError naming the verb, the option and what was expected, instead of a failure deep
 * inside. Per-row data is checked by the reader and the registry, never here.
 */
import { StructError, array, assert, boolean, enums, func, instance, integer, object, optional, string, type } from 'superstruct';
import type { Struct } from 'superstruct';
import { Registry } from '../core/registry/registry.js';

const scope = enums(['User', 'Organization', 'Config', 'Global']);
const names = optional(array(string()));
const registry = instance(Registry);

/** `type` (not `object`): callers may pass more than a verb reads (one options object for several). */
export const IMPORT_OPTIONS = type({
  registry,
  scope,
  filterUsernames: optional(names),
  filterOrgSlugs: optional(names),
  mergeUsers: optional(boolean()),
  overwriteConfigs: optional(boolean()),
  importUuid: optional(string()),
  resetSequences: optional(boolean()),
  dryRun: optional(boolean()),
  keepTables: optional(enums(['create', 'if-present'])),
  holdObjects: optional(boolean()),
  now: optional(func()),
  onProgress: optional(func()),
});

export const EXPORT_OPTIONS = type({
  registry,
  scope,
  filterUsernames: optional(names),
  filterOrgSlugs: optional(names),
  onProgress: optional(func()),
});

export const COMPARE_OPTIONS = type({ registry, acrossVersions: optional(boolean()), convertedThrough: optional(array(registry)), stagingDatabase: optional(func()) });

export const SANITIZE_OPTIONS = type({ registry, daysOffset: optional(integer()), random: optional(func()), sourceName: optional(string()) });

export const ROUNDTRIP_OPTIONS = type({ registry, resetPks: optional(boolean()), store: optional(object({ save: func() })), onStep: optional(func()) });

/** Throws a TypeError naming the verb and the first wrong option. */
export function checkOptions<T>(verb: string, struct: Struct<T>, options: unknown): asserts options is T {
  try {
    assert(options, struct);
  } catch (error) {
    if (!(error instanceof StructError)) throw error;
    const path = error.path.length === 0 ? 'options' : `options.${error.path.join('.')}`;
    throw new TypeError(`Expected ${path} of ${verb}() to be ${expectation(error)}, got ${received(error.value)}`);
  }
}

function expectation(error: StructError): string {
  if (error.type === 'instance') return 'a Registry (REGISTRIES, VERIFIED_REGISTRY, NEWEST_REGISTRY or registryFor(version))';
  const match = /Expected (.+?), but received/.exec(error.message);
  return match?.[1] ?? error.type;
}

function received(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'function') return 'a function';
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}…` : text;
  } catch {
    return String(value);
  }
}

