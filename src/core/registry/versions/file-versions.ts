/**
 * Which Sentry versions a file can come from, and why: every model and field of the file is
 * evidence when some version added it (the file is at least that new) or removed it (the file is
 * older than that). The bounds come from the deltas' `since` and the registries' removals, so the
 * answer reads like "monitors.monitor ⇒ ≥ 25.4.0; has sentry.email ⇒ < 26.6.0".
 */
import type { Registry } from '../registry.js';
import type { RegistryDelta } from './delta.js';

/** What a file holds: per model name, the field names seen. */
export type FileShape = ReadonlyMap<string, ReadonlySet<string>>;

export interface VersionBound {
  readonly version: string;
  /** The model or `model.field` that sets the bound. */
  readonly because: string;
  /** In words: `monitors.monitor ⇒ ≥ 25.4.0`. */
  readonly reason: string;
}

export interface FileVersions {
  /** The file is at least this new (the highest lower bound), if anything says so. */
  readonly atLeast?: VersionBound;
  /** The file is older than this (the lowest upper bound), if anything says so. */
  readonly before?: VersionBound;
  /** The known versions within the bounds, oldest first. */
  readonly consistent: readonly string[];
  /** Every bound found, in the order of the reasons (lower bounds first). */
  readonly reasons: readonly string[];
  /** True when the bounds contradict each other (a mixed or edited file). */
  readonly contradictory: boolean;
}

/** Orders CalVer release names (`24.7.0` < `25.4.0` < `26.10.1`). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

interface Evidence {
  readonly lower: Map<string, string>;
  readonly upper: Map<string, string>;
}

function note(map: Map<string, string>, key: string, version: string, keep: (a: string, b: string) => boolean): void {
  const known = map.get(key);
  if (known === undefined || keep(version, known)) map.set(key, version);
}

/** The bounds each model and `model.field` sets, from every delta and the oldest registry's removals. */
function evidenceOf(oldest: Registry, deltas: readonly RegistryDelta[]): Evidence {
  const lower = new Map<string, string>();
  const upper = new Map<string, string>();
  const earliest = (a: string, b: string) => compareVersions(a, b) < 0;
  const latest = (a: string, b: string) => compareVersions(a, b) > 0;
  for (const [name, removal] of oldest.removedModels) if (removal.until !== undefined) note(upper, name, removal.until, earliest);
  for (const [name, removal] of oldest.removedFields) if (removal.until !== undefined) note(upper, name, removal.until, earliest);
  for (const delta of deltas) {
    for (const change of delta.changes) {
      switch (change.kind) {
        case 'add-model': note(lower, change.model.name, change.since, latest); break;
        case 'rename-model': note(lower, change.to, change.since, latest); note(upper, change.from, change.since, earliest); break;
        case 'remove-model': note(upper, change.model, change.since, earliest); break;
        case 'set-scope': if (change.scope === 'Excluded') note(upper, change.model, change.since, earliest); break;
        case 'add-field': note(lower, `${change.model}.${change.field.name}`, change.since, latest); break;
        case 'remove-field': note(upper, `${change.model}.${change.field}`, change.since, earliest); break;
        default: break;
      }
    }
  }
  return { lower, upper };
}

/**
 * The versions `shape` is consistent with, among `registries` (oldest first, the first being the
 * base the deltas apply to).
 */
export function fileVersions(shape: FileShape, registries: readonly Registry[], deltas: readonly RegistryDelta[]): FileVersions {
  const { lower, upper } = evidenceOf(registries[0] as Registry, deltas);
  const lowers: VersionBound[] = [];
  const uppers: VersionBound[] = [];
  const consider = (key: string) => {
    const low = lower.get(key);
    if (low !== undefined) lowers.push({ version: low, because: key, reason: `${key} ⇒ ≥ ${low}` });
    const high = upper.get(key);
    if (high !== undefined) uppers.push({ version: high, because: key, reason: `has ${key} ⇒ < ${high}` });
  };
  for (const [model, fields] of shape) {
    consider(model);
    for (const field of fields) consider(`${model}.${field}`);
  }
  const atLeast = lowers.reduce<VersionBound | undefined>((best, bound) => (best === undefined || compareVersions(bound.version, best.version) > 0 ? bound : best), undefined);
  const before = uppers.reduce<VersionBound | undefined>((best, bound) => (best === undefined || compareVersions(bound.version, best.version) < 0 ? bound : best), undefined);
  const consistent = registries
    .filter((registry) => (atLeast === undefined || compareVersions(registry.version, atLeast.version) >= 0) && (before === undefined || compareVersions(registry.version, before.version) < 0))
    .map((registry) => registry.version);
  const byVersion = (a: VersionBound, b: VersionBound) => compareVersions(a.version, b.version) || (a.because < b.because ? -1 : 1);
  return {
    ...(atLeast !== undefined && { atLeast }),
    ...(before !== undefined && { before }),
    consistent,
    reasons: [...lowers.sort(byVersion).reverse(), ...uppers.sort(byVersion)].map((bound) => bound.reason),
    contradictory: atLeast !== undefined && before !== undefined && compareVersions(atLeast.version, before.version) >= 0,
  };
}

/**
 * The registry to read a file with when nothing else says: the oldest known version at least as
 * new as the file (so that its models are known), or the newest when the file is newer than all.
 */
export function registryForFile(versions: FileVersions, registries: readonly Registry[]): Registry {
  const floor = versions.atLeast?.version;
  if (floor === undefined) return registries[0] as Registry;
  return registries.find((registry) => compareVersions(registry.version, floor) >= 0) ?? (registries[registries.length - 1] as Registry);
}

/** One line for people: `consistent with 25.1.0 (monitors.monitor ⇒ ≥ 25.4.0; …)`. */
export function describeFileVersions(versions: FileVersions): string {
  const why = versions.reasons.length === 0 ? 'nothing in it dates it' : versions.reasons.slice(0, 6).join('; ') + (versions.reasons.length > 6 ? `; ${versions.reasons.length - 6} more` : '');
  if (versions.contradictory) return `no single Sentry version (its models and fields contradict each other: ${why})`;
  const range = [versions.atLeast && `≥ ${versions.atLeast.version}`, versions.before && `< ${versions.before.version}`].filter(Boolean).join(' and ');
  const known = versions.consistent.length === 0 ? 'none of the versions relocate knows' : versions.consistent.join(', ');
  return `Sentry ${range === '' ? 'of any version' : range}: consistent with ${known} (${why})`;
}
