/**
 * Rows left out, by reason: one shape for what an export leaves out, what an import drops and
 * what a conversion drops, so that every report says it the same way: `{reason: {count, pks}}`,
 * the count exact, the pks listed up to a limit.
 */

/** How many pks a report lists per reason (the count is always exact). */
export const LISTED_PKS = 1000;

export interface DroppedEntry {
  count: number;
  readonly pks: number[];
}

export class DroppedRows extends Map<string, DroppedEntry> {
  add(pk: number, reason: string): void {
    let entry = this.get(reason);
    if (entry === undefined) this.set(reason, (entry = { count: 0, pks: [] }));
    entry.count++;
    if (entry.pks.length < LISTED_PKS) entry.pks.push(pk);
  }

  /** Many rows at once (a whole model), with their pks already listed. */
  addAll(reason: string, count: number, pks: readonly number[]): void {
    let entry = this.get(reason);
    if (entry === undefined) this.set(reason, (entry = { count: 0, pks: [] }));
    entry.count += count;
    entry.pks.push(...pks.slice(0, LISTED_PKS - entry.pks.length));
  }

  get count(): number {
    let total = 0;
    for (const entry of this.values()) total += entry.count;
    return total;
  }

  toJSON(): Record<string, { count: number; pks: number[] }> {
    return Object.fromEntries([...this].map(([reason, entry]) => [reason, { count: entry.count, pks: [...entry.pks] }]));
  }
}
