/**
 * What a conversion changed, each change with its reason and where (model, field, how many rows,
 * the first pks), and the values the target version refuses, each located (model, pk, field,
 * line). Nothing is changed without a line here: `--report FILE` and the inspector show it.
 */

/** How many pks each change keeps (its count is always exact). */
const KEPT_PKS = 20;

export type ConvertChangeKind =
  /** Rows of a model the target names otherwise (`sentry.monitor` → `monitors.monitor`). */
  | 'renamed-model'
  /** Rows of a model the target cannot hold. */
  | 'dropped-rows'
  /** A field the target's model does not have. */
  | 'dropped-field'
  /** A field the row holds under the name the source version gives the same column. */
  | 'renamed-field'
  /** A field the row lacks, taken from the one row of the file that decides it. */
  | 'derived-field'
  /** A field the target's model has and the row lacks (or holds null where it may not): its default. */
  | 'defaulted-field'
  /** A value in an encoding the target's field class writes otherwise, rewritten. */
  | 'repaired-field'
  /** Rows the target needs that the source keeps elsewhere, made as Sentry makes them. */
  | 'rebuilt-rows';

export interface ConvertChange {
  readonly kind: ConvertChangeKind;
  /** The model as the target names it (for dropped rows, as the file names it). */
  readonly model: string;
  readonly field?: string;
  /** For a renamed model: the name in the file. */
  readonly from?: string;
  readonly reason: string;
  readonly count: number;
  /** The first pks of the rows concerned (all of them up to 20). */
  readonly pks: readonly number[];
}

/** A value the target refuses: the row is written as it is, and the target's import will refuse it. */
export interface ConvertError {
  readonly model: string;
  readonly pk: number;
  readonly field: string;
  /** The line of the row in the source, when it was read from text. */
  readonly line?: number;
  readonly reason: string;
}

interface MutableChange {
  kind: ConvertChangeKind;
  model: string;
  field?: string;
  from?: string;
  reason: string;
  count: number;
  pks: number[];
}

const KIND_ORDER: readonly ConvertChangeKind[] = [
  'renamed-model', 'dropped-rows', 'rebuilt-rows', 'dropped-field', 'renamed-field', 'derived-field', 'defaulted-field', 'repaired-field',
];

export class ConvertReport {
  readonly #changes = new Map<string, MutableChange>();
  readonly errors: ConvertError[] = [];
  /** Rows written per model (the target's names). */
  readonly written = new Map<string, number>();
  objectsIn = 0;

  constructor(readonly from: string, readonly to: string) {}

  /** Counts one row (`pk`) towards the change `kind` of `model` (and `field`) for `reason`. */
  note(kind: ConvertChangeKind, where: { model: string; field?: string; from?: string }, reason: string, pk: number): void {
    const key = `${kind}\u0000${where.model}\u0000${where.field ?? ''}\u0000${where.from ?? ''}\u0000${reason}`;
    let change = this.#changes.get(key);
    if (change === undefined) {
      change = { kind, model: where.model, reason, count: 0, pks: [] };
      if (where.field !== undefined) change.field = where.field;
      if (where.from !== undefined) change.from = where.from;
      this.#changes.set(key, change);
    }
    change.count++;
    if (change.pks.length < KEPT_PKS) change.pks.push(pk);
  }

  refuse(error: ConvertError): void {
    this.errors.push(error);
  }

  /** Every change, by model, then kind (in KIND_ORDER), then field. */
  get changes(): readonly ConvertChange[] {
    const rank = (kind: ConvertChangeKind) => KIND_ORDER.indexOf(kind);
    return [...this.#changes.values()].sort((a, b) => (a.model < b.model ? -1 : a.model > b.model ? 1 : 0)
      || rank(a.kind) - rank(b.kind) || ((a.field ?? '') < (b.field ?? '') ? -1 : (a.field ?? '') > (b.field ?? '') ? 1 : 0));
  }

  /** Rows touched by changes of `kind` (each change counted once per row it concerns). */
  total(kind: ConvertChangeKind): number {
    let total = 0;
    for (const change of this.#changes.values()) if (change.kind === kind) total += change.count;
    return total;
  }

  get objectsOut(): number {
    let total = 0;
    for (const count of this.written.values()) total += count;
    return total;
  }

  /** The JSON form `--report FILE` writes (keys sorted by the writer). */
  toJSON(): unknown {
    return {
      from: this.from,
      to: this.to,
      objects_in: this.objectsIn,
      objects_out: this.objectsOut,
      written: Object.fromEntries(this.written),
      changes: this.changes.map((change) => ({
        kind: change.kind,
        model: change.model,
        ...(change.field !== undefined && { field: change.field }),
        ...(change.from !== undefined && { from: change.from }),
        reason: change.reason,
        count: change.count,
        pks: change.pks,
      })),
      errors: this.errors.map((error) => ({ ...error })),
    };
  }
}
