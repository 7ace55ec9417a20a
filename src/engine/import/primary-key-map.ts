/**
 * Sentry's `PrimaryKeyMap`: for each model, old pk (in the file) → new pk, what writing did
 * (Inserted, Existing, Overwrite) and the row's slug, which a later model may need (a re-minted
 * org auth token embeds its organization's final slug). It is the state that grows most with the
 * input, so each entry is one number (the new pk times four plus the kind) in a typed map
 * (number-map.ts: two 8-byte numbers a place, at most 75% full) instead of an object in a Map,
 * and slugs are apart, since only organizations and the like have one. The entries it hands out
 * are made on demand.
 */
import type { ImportKind, MappedPk } from '../../core/registry/import-rules.js';
import { NumberMap } from './number-map.js';

/** What the batch importer needs of a pk map. */
export interface PkMap {
  get(model: string, oldPk: number): MappedPk | undefined;
  insert(model: string, oldPk: number, pk: number, kind: ImportKind, slug?: string): void;
}

const KINDS: readonly ImportKind[] = ['Inserted', 'Existing', 'Overwrite'];

export class PrimaryKeyMap implements PkMap {
  readonly #models = new Map<string, NumberMap>();
  readonly #slugs = new Map<string, Map<number, string>>();

  get(model: string, oldPk: number): MappedPk | undefined {
    const packed = this.#models.get(model)?.get(oldPk);
    if (packed === undefined) return undefined;
    const slug = this.#slugs.get(model)?.get(oldPk);
    const mapped = { pk: Math.floor(packed / 4), kind: KINDS[packed % 4] as ImportKind };
    return slug === undefined ? mapped : { ...mapped, slug };
  }

  insert(model: string, oldPk: number, pk: number, kind: ImportKind, slug?: string): void {
    let entries = this.#models.get(model);
    if (entries === undefined) this.#models.set(model, (entries = new NumberMap()));
    entries.set(oldPk, pk * 4 + KINDS.indexOf(kind));
    if (slug === undefined) return;
    let slugs = this.#slugs.get(model);
    if (slugs === undefined) this.#slugs.set(model, (slugs = new Map()));
    slugs.set(oldPk, slug);
  }
}
