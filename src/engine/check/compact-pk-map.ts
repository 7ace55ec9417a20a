/**
 * A check's pk map: what the import's PrimaryKeyMap holds (old pk → new pk, how it was written,
 * its slug), with each entry one number (the new pk times four plus the kind) in a typed map
 * (number-map.ts) instead of an object in a Map, and slugs apart, since only organizations and the
 * like have one. The entries it hands out are made on demand.
 */
import type { ImportKind, MappedPk } from '../../core/registry/import-rules.js';
import type { PkMap } from '../import/primary-key-map.js';
import { NumberMap } from './number-map.js';

const KINDS: readonly ImportKind[] = ['Inserted', 'Existing', 'Overwrite'];

export class CompactPkMap implements PkMap {
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
