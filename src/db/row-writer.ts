/**
 * How an import writes and looks up rows. On an embedded database every statement is a function
 * call, so rows go in one at a time (`directWriter`). On a server each statement is a round trip,
 * so a driver with `bulkInsert` and a dialect that can draw ids ahead gets `BulkWriter`: rows are
 * given their ids from the sequence, held, and sent in bulk; lookups are answered from what the
 * import wrote. The engine asks for a writer and never which one it got.
 */
import type { ModelEntry } from '../core/registry/types.js';
import { BulkWriter } from './bulk-writer.js';
import type { Driver, SqlValue } from './port.js';
import { findRow, insertFields, insertRow, updateRow } from './store.js';
import type { RowCondition } from './store.js';

/** Where the row being imported is in the file, for an error found when held rows are sent. */
export interface RowOrigin {
  readonly model: string;
  readonly ordinal: number;
  readonly leftPk: number;
  readonly line: number;
}

export interface RowWriter {
  /** The row being imported now: rows written until the next one are on its account. */
  origin: RowOrigin | undefined;
  /** Inserts every field (declared order), with the pk first when `keepPk`; returns the pk. */
  insertFields(entry: ModelEntry, values: readonly SqlValue[], keepPk: boolean): number;
  /** Inserts the given columns (others take their default); returns the pk. */
  insertRow(entry: ModelEntry, values: Readonly<Record<string, SqlValue>>): number;
  /** Writes the given columns over the row with pk `id`. */
  updateRow(entry: ModelEntry, values: Readonly<Record<string, SqlValue>>, id: number): void;
  /** The pk of a row whose columns equal the values (null matches null), some ignoring ASCII case. */
  findRow(entry: ModelEntry, where: readonly RowCondition[]): number | undefined;
  /** The caller is about to read the table with its own SQL: everything written must be there. */
  beforeRead(entry: ModelEntry): void;
  /** Sends whatever is held and hands unused ids back; the writer is done. */
  finish(): void;
  /**
   * An error met by other code on the same driver while rows the writer sent were still being
   * written: the failure of those rows, located at theirs; any other error as it is.
   */
  explain(error: unknown): Error;
}

export interface RowWriterOptions {
  /** Every table was emptied just now (a Global import): no lookup needs the database. */
  readonly cleared: boolean;
  /** The error to throw for a failure the database reported about a held row written for `origin`. */
  readonly locate: (error: unknown, origin: RowOrigin | undefined) => Error;
}

function directWriter(driver: Driver): RowWriter {
  return {
    origin: undefined,
    insertFields: (entry, values, keepPk) => insertFields(driver, entry, values, keepPk),
    insertRow: (entry, values) => insertRow(driver, entry, values),
    updateRow: (entry, values, id) => updateRow(driver, entry, values, id),
    findRow: (entry, where) => findRow(driver, entry, where),
    beforeRead: () => undefined,
    finish: () => undefined,
    explain: (error) => (error instanceof Error ? error : new Error(String(error))),
  };
}

/** The writer for this driver: in bulk where the driver and its dialect can, else row by row. */
export function rowWriterFor(driver: Driver, options: RowWriterOptions): RowWriter {
  if (driver.bulkInsert === undefined || driver.dialect.reserveIds('') === undefined) return directWriter(driver);
  return new BulkWriter(driver, options);
}
