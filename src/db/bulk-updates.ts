/**
 * Updates of rows an import already sent, sent together: one statement for up to UPDATE_ROWS rows
 * that change the same columns, in a savepoint of its own, so that a refusal can be found again
 * row by row and reported at the row of the file that made it.
 */
import type { Field, ModelEntry } from '../core/registry/types.js';
import type { Driver, SqlValue } from './port.js';
import type { RowOrigin } from './row-writer.js';
import { sqlLiteral } from './schema.js';
import { updateRow } from './store.js';

const UPDATE_ROWS = 2_000;
const SAVEPOINT = 'relocate_bulk_update';

export interface WaitingUpdate {
  /** Column → new value (merged when a row changes twice). */
  readonly values: Record<string, SqlValue>;
  /** The row of the file being imported when the update was made. */
  readonly origin: RowOrigin | undefined;
}

/** One statement's worth of updates: its SQL (savepoint included) and the rows it changes. */
export interface UpdateBatch {
  readonly entry: ModelEntry;
  readonly sql: string;
  readonly rows: readonly (readonly [number, WaitingUpdate])[];
}

/** The statements that apply a table's waiting updates, each in a savepoint. */
export function updateBatches(driver: Driver, entry: ModelEntry, updates: ReadonlyMap<number, WaitingUpdate>): UpdateBatch[] {
  const groups = new Map<string, [number, WaitingUpdate][]>();
  for (const update of updates) {
    const signature = Object.keys(update[1].values).sort().join(',');
    const group = groups.get(signature);
    if (group === undefined) groups.set(signature, [update]);
    else group.push(update);
  }
  const batches: UpdateBatch[] = [];
  for (const [signature, group] of groups) {
    const fields = signature.split(',').map((column) => entry.fields.find((field) => field.column === column) as Field);
    const sql = driver.dialect.updateManySql(entry, fields) as string;
    for (let at = 0; at < group.length; at += UPDATE_ROWS) {
      const rows = group.slice(at, at + UPDATE_ROWS);
      const json = JSON.stringify(rows.map(([id, { values }]) => {
        const record: Record<string, string | number | null> = { id };
        for (const field of fields) {
          const value = values[field.column] as SqlValue;
          record[field.column] = value === null ? null : String(value);
        }
        return record;
      }));
      // The JSON goes as a literal: statements sent without waiting take no parameters.
      batches.push({ entry, rows, sql: `SAVEPOINT ${SAVEPOINT}; ${sql.replace('?', sqlLiteral(json))}; RELEASE SAVEPOINT ${SAVEPOINT}` });
    }
  }
  return batches;
}

/**
 * After a batch's statement failed: back to its savepoint, then the rows one at a time (each in a
 * savepoint), and the first the database refuses thrown as located at its row.
 */
export function locateRefusedUpdate(driver: Driver, batch: UpdateBatch, error: unknown, locate: (error: unknown, origin: RowOrigin | undefined) => Error): Error {
  driver.exec(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}; RELEASE SAVEPOINT ${SAVEPOINT}`);
  for (const [id, update] of batch.rows) {
    try {
      driver.transaction(() => updateRow(driver, batch.entry, update.values, id));
    } catch (rowError) {
      return locate(rowError, update.origin);
    }
  }
  return locate(error, undefined);
}

/** Whether an update can wait to go with others: fields only, with values a JSON text carries. */
export function canWait(driver: Driver, entry: ModelEntry, values: Readonly<Record<string, SqlValue>>): boolean {
  if (driver.sendStatements === undefined || driver.dialect.updateManySql(entry, []) === undefined) return false;
  return Object.entries(values).every(([column, value]) => column !== 'id' && !(value instanceof Uint8Array) &&
    entry.fields.some((field) => field.column === column));
}
