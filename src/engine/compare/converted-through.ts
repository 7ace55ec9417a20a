/**
 * Comparing a file with what came back from converting it through other Sentry versions
 * (`relocate convert` there and back): whatever one of those versions cannot hold was dropped on
 * the way (rows of its missing models) or came back as the default (its missing fields). Those are
 * the conversion's legitimate changes, so they are left out of both sides, and listed. And no
 * import ran, so what an import renews (UUIDs, subscription ids) must come back unchanged.
 */
import type { Comparator } from '../../core/compare/comparators.js';
import type { ExportedObject } from '../../core/compare/model-map.js';
import type { Registry } from '../../core/registry/registry.js';

/** A model (or one of its fields) some version of the conversion cannot hold, with its rows per side. */
export interface ConvertedAway {
  readonly model: string;
  readonly field?: string;
  /** The first version (in the order given) that cannot hold it. */
  readonly version: string;
  readonly left: number;
  readonly right: number;
}

function relocates(registry: Registry, model: string): boolean {
  const entry = registry.find(registry.resolve(model));
  return entry !== undefined && entry.stored && entry.scope !== 'Excluded';
}

function lackingModel(through: readonly Registry[], model: string): Registry | undefined {
  return through.find((version) => !relocates(version, model));
}

function lackingField(registry: Registry, through: readonly Registry[], model: string, field: string): Registry | undefined {
  // Fields the compare's own version does not have are one-sided already (see compare-exports.ts).
  const own = registry.find(model)?.fields.find((candidate) => candidate.name === field);
  if (own === undefined) return undefined;
  // A version that keeps the column under another name carries the value there and back.
  return through.find((version) => version.find(version.resolve(model))?.fields.some((candidate) => candidate.column === own.column) !== true);
}

/**
 * Counts, over a first read of both sides, the rows of models some version of `through` cannot
 * hold and the values of fields one cannot hold; `finish` then lists them and says what to leave out.
 */
export class ConvertedAwayCount {
  readonly #models = new Map<string, { version: string; left: number; right: number }>();
  readonly #held = new Set<string>();
  readonly #fields = new Map<string, { model: string; field: string; version: string; left: number; right: number } | null>();

  constructor(readonly registry: Registry, readonly through: readonly Registry[]) {}

  /** One object of a side, under this version's model name. */
  add(object: ExportedObject, side: 'left' | 'right'): void {
    let model = this.#models.get(object.model);
    if (model === undefined && !this.#held.has(object.model)) {
      const lacking = lackingModel(this.through, object.model);
      if (lacking === undefined) this.#held.add(object.model);
      else this.#models.set(object.model, (model = { version: lacking.version, left: 0, right: 0 }));
    }
    if (model !== undefined) {
      model[side]++;
      return;
    }
    for (const name in object.fields) {
      const key = `${object.model}.${name}`;
      let entry = this.#fields.get(key);
      if (entry === undefined) {
        const version = lackingField(this.registry, this.through, object.model, name);
        this.#fields.set(key, (entry = version === undefined ? null : { model: object.model, field: name, version: version.version, left: 0, right: 0 }));
      }
      if (entry !== null) entry[side]++;
    }
  }

  /**
   * Lists what was counted (leaving out models in `ignored`, which are accounted for elsewhere) in
   * `record`, adds the fields to leave out to `leftOut`, and returns the models whose rows to drop.
   */
  finish(ignored: ReadonlySet<string>, leftOut: Map<string, Set<string>>, record: ConvertedAway[]): ReadonlySet<string> {
    const dropped = new Set<string>();
    for (const [model, entry] of [...this.#models].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (ignored.has(model)) continue;
      dropped.add(model);
      record.push({ model, ...entry });
    }
    const fields = [...this.#fields].filter((pair): pair is [string, NonNullable<(typeof pair)[1]>] => pair[1] !== null);
    for (const [, entry] of fields.sort(([a], [b]) => (a < b ? -1 : 1))) {
      record.push(entry);
      let names = leftOut.get(entry.model);
      if (names === undefined) leftOut.set(entry.model, (names = new Set()));
      names.add(entry.field);
    }
    return dropped;
  }
}

/** Comparators that expect the import to have renewed a value (a new UUID, a new subscription id). */
const RENEWED: ReadonlySet<string> = new Set(['UUID4Comparator', 'SubscriptionIDComparator']);

/**
 * The comparators for a file and its own conversion: no import ran, so the values an import renews
 * come back as they were; without their comparators they are compared as every other value is.
 */
export function withoutRenewal(comparators: ReadonlyMap<string, Comparator[]>): Map<string, Comparator[]> {
  return new Map([...comparators].map(([model, list]) => [model, list.filter((comparator) => !RENEWED.has(comparator.name))]));
}
