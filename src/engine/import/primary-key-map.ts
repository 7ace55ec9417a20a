/**
 * Sentry's `PrimaryKeyMap`: for each model, old pk (in the file) → new pk, what writing did
 * (Inserted, Existing, Overwrite) and the row's slug, which a later model may need (a re-minted
 * org auth token embeds its organization's final slug). It is the only state that grows with
 * the input.
 */
import type { ImportKind, MappedPk } from '../../core/registry/import-rules.js';

/** What the batch importer needs of a pk map: the import's (below), or a check's compact one. */
export interface PkMap {
  get(model: string, oldPk: number): MappedPk | undefined;
  insert(model: string, oldPk: number, pk: number, kind: ImportKind, slug?: string): void;
}

export class PrimaryKeyMap implements PkMap {
  readonly #models = new Map<string, Map<number, MappedPk>>();

  get(model: string, oldPk: number): MappedPk | undefined {
    return this.#models.get(model)?.get(oldPk);
  }

  insert(model: string, oldPk: number, pk: number, kind: ImportKind, slug?: string): void {
    let entries = this.#models.get(model);
    if (entries === undefined) this.#models.set(model, (entries = new Map()));
    entries.set(oldPk, slug === undefined ? { pk, kind } : { pk, kind, slug });
  }

  /** Entries of one model, in insertion order. */
  entries(model: string): ReadonlyMap<number, MappedPk> {
    return this.#models.get(model) ?? new Map();
  }

  get models(): IterableIterator<string> {
    return this.#models.keys();
  }
}
