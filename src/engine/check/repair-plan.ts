/**
 * What a check found that `relocate repair` can change safely, by the rows' places in the file's
 * array: rows to leave out, and the keys to re-point when one of two equal rows is left out.
 * The rest of a repair (text around the array, legacy encodings) needs no plan: writing the
 * parsed objects back leaves the text out, and the writer re-encodes as it goes.
 */
export class RepairPlan {
  /** Elements left out, by their 0-based place in the array. */
  readonly drops = new Set<number>();
  /** Per model: the pk of a left-out duplicate → the pk of the equal row kept. */
  readonly repoints = new Map<string, Map<number, number>>();

  drop(index: number): void {
    this.drops.add(index);
  }

  repoint(model: string, from: number, to: number): void {
    if (from === to) return;
    let map = this.repoints.get(model);
    if (map === undefined) this.repoints.set(model, (map = new Map()));
    map.set(from, to);
  }
}

/**
 * A 53-bit fingerprint of an element's text from its "fields" on (two FNV-1a lanes): two rows of
 * a file with the same fingerprint hold the same values (whatever their pks).
 */
export function fieldsFingerprint(text: string): number {
  const from = Math.max(0, text.indexOf('"fields"'));
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0) * 2 ** 21 + ((b >>> 11) & 0x1fffff);
}
