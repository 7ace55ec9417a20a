/**
 * Where the compare puts a side it cannot take model by model as it comes (a file out of model
 * order, a model split in two runs, two files listing models in different orders), to read it back
 * one model at a time. The CLI stages in a temporary SQLite database (engine/compare/
 * sqlite-staging.ts), so that memory grows with the largest model, not with the file; a library
 * caller or the browser without one gets this in-memory store, which holds the rows as they are.
 */
import type { Key, Side } from './model-map.js';

/** One object of a side, with its position in the file and, when it has one, its custom key. */
export interface StagedRow {
  readonly seq: number;
  readonly pk: number;
  /** Given back only when asked for. */
  readonly fields?: Readonly<Record<string, unknown>>;
  /** The custom ordinal key (usernames resolved as they were at the object's place in the file). */
  readonly key?: Key;
  /** The key's identity (its parts as Python hashes them), when it has a key. */
  readonly text?: string;
}

export interface CompareStaging {
  add(side: Side, model: string, row: StagedRow): void;
  /**
   * A model's rows on one side, in file order, with their fields or not (rows without fields cost
   * a store less to give back). Both sides may be read at once.
   */
  rows(side: Side, model: string, fields: boolean): Iterable<StagedRow>;
  /** A model's row on one side by its position among the model's rows there (0 for the first), with its fields. */
  row(side: Side, model: string, position: number): StagedRow;
  /** Frees whatever the staging holds. */
  close(): void;
}

export function memoryStaging(): CompareStaging {
  const rows = new Map<string, StagedRow[]>();
  const name = (side: Side, model: string): string => `${side}\u0000${model}`;
  return {
    add(side, model, row) {
      let list = rows.get(name(side, model));
      if (list === undefined) rows.set(name(side, model), (list = []));
      list.push(row);
    },
    rows: (side, model) => rows.get(name(side, model)) ?? [],
    row: (side, model, position) => rows.get(name(side, model))?.[position] as StagedRow,
    close: () => rows.clear(),
  };
}
