/**
 * A registry: every model of Sentry's dependency graph at one Sentry version, as a value. The
 * engine is handed one (the database records which); nothing in the engine reaches for a
 * module-level registry, so two versions can be used side by side (import an old file, convert it,
 * compare it with a newer one).
 */
import { sortedDependencies } from '../graph/sorted-dependencies.js';
import type { ModelEntry } from './types.js';

/** Where an entry of the registry comes from: a file of an upstream repository at a commit. */
export interface Upstream {
  /** `owner/name`; Sentry's own repository when absent. */
  readonly repo?: string;
  readonly path: string;
  /** The commit the file was read at (at least 8 hex digits). */
  readonly commit: string;
  /** The pull request that made the change, where one is known. */
  readonly pr?: number;
}

/** Something a version no longer has: a model or a field, when it went, and why. */
export interface Removal {
  /** The first Sentry release without it (`24.5.0`), or undefined when unknown. */
  readonly until?: string;
  readonly note: string;
  /**
   * A model no Sentry version with relocation scopes ever exported (a Django app's row that
   * Sentry's older backup carried): no importer of any version takes it, so repair leaves it out.
   */
  readonly outsideRelocation?: boolean;
}

export interface RegistrySpec {
  /** The Sentry release the registry matches, as self-hosted names them (`25.1.0`). */
  readonly version: string;
  readonly description: string;
  /** True when checked against Sentry's own generated files; false when reconstructed from sources. */
  readonly verified: boolean;
  /** What the registry was built from. */
  readonly sources: readonly Upstream[];
  /** The text a database made for this registry records; a schema change bumps it. */
  readonly schemaVersion: string;
  readonly models: readonly ModelEntry[];
  /** Models older Sentry versions exported that this one has no more, by name. */
  readonly removedModels: ReadonlyMap<string, Removal>;
  /** Fields older versions exported that this one's models have no more, as `model.field`. */
  readonly removedFields: ReadonlyMap<string, Removal>;
  /** Every rename known across versions: a name → the other names of the same model. */
  readonly renames: readonly (readonly [string, string])[];
  /** App labels of every known Sentry version (and the Django apps old exports carried). */
  readonly appLabels: ReadonlySet<string>;
}

const byName = (a: ModelEntry, b: ModelEntry): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export class Registry {
  readonly version: string;
  readonly description: string;
  readonly verified: boolean;
  readonly sources: readonly Upstream[];
  readonly schemaVersion: string;
  /** Every model, in name order (the order Sentry's `dependencies()` is serialized in). */
  readonly models: readonly ModelEntry[];
  /** Models with a table: every exportable model and the engine's own tables. */
  readonly stored: readonly ModelEntry[];
  /** Models that can be exported or imported (scope other than Excluded). */
  readonly exportable: readonly ModelEntry[];
  readonly removedModels: ReadonlyMap<string, Removal>;
  readonly removedFields: ReadonlyMap<string, Removal>;
  readonly appLabels: ReadonlySet<string>;
  readonly #byName: ReadonlyMap<string, ModelEntry>;
  /** Any known name of a model (this version's or another's) → the name this version uses. */
  readonly #aliases: ReadonlyMap<string, string>;
  #sorted: readonly ModelEntry[] | undefined;
  #rank: ReadonlyMap<string, number> | undefined;

  constructor(spec: RegistrySpec) {
    this.version = spec.version;
    this.description = spec.description;
    this.verified = spec.verified;
    this.sources = spec.sources;
    this.schemaVersion = spec.schemaVersion;
    this.models = [...spec.models].sort(byName);
    this.stored = this.models.filter((entry) => entry.stored);
    this.exportable = this.models.filter((entry) => entry.scope !== 'Excluded');
    this.removedModels = spec.removedModels;
    this.removedFields = spec.removedFields;
    this.appLabels = spec.appLabels;
    this.#byName = new Map(this.models.map((entry) => [entry.name, entry]));
    if (this.#byName.size !== this.models.length) throw new Error(`Registry ${spec.version} lists a model twice`);
    this.#aliases = aliasesFor(this.#byName, spec.renames);
  }

  /** The entry for a model (by this version's name), or undefined when this version has no such model. */
  find(name: string): ModelEntry | undefined {
    return this.#byName.get(name);
  }

  /** The entry for a model known to exist; a misspelt name is a programming error. */
  get(name: string): ModelEntry {
    const entry = this.#byName.get(name);
    if (entry === undefined) throw new RangeError(`Expected a model of registry ${this.version}, got "${name}"`);
    return entry;
  }

  /** The name this version uses for a model another version names `name` (itself when not renamed). */
  resolve(name: string): string {
    return this.#aliases.get(name) ?? name;
  }

  /** Every model of the graph in Sentry's sorted order (sorted whole, as Sentry does, then filtered by callers). */
  get sorted(): readonly ModelEntry[] {
    return (this.#sorted ??= sortedDependencies(this.models));
  }

  /** A model's place in the sorted order. */
  rank(name: string): number | undefined {
    this.#rank ??= new Map(this.sorted.map((entry, i) => [entry.name, i]));
    return this.#rank.get(name);
  }

  /** Models an export or import visits, in the sorted order: those with a table and a scope. */
  get relocatable(): readonly ModelEntry[] {
    return this.sorted.filter((entry) => entry.stored && entry.scope !== 'Excluded');
  }
}

/**
 * Follows renames in both directions (a model renamed twice keeps every name) to the one name
 * this version has, if it has any.
 */
function aliasesFor(models: ReadonlyMap<string, ModelEntry>, renames: RegistrySpec['renames']): Map<string, string> {
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = neighbours.get(a);
    if (list === undefined) neighbours.set(a, [b]);
    else list.push(b);
  };
  for (const [a, b] of renames) {
    link(a, b);
    link(b, a);
  }
  const aliases = new Map<string, string>();
  for (const start of neighbours.keys()) {
    if (models.has(start)) continue;
    const seen = new Set([start]);
    const queue = [start];
    while (queue.length > 0) {
      const name = queue.shift() as string;
      if (models.has(name)) {
        aliases.set(start, name);
        break;
      }
      for (const next of neighbours.get(name) ?? []) if (!seen.has(next)) seen.add(next), queue.push(next);
    }
  }
  return aliases;
}
