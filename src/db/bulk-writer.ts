/**
 * An import's rows in bulk, for a server database where every statement is a round trip.
 *
 * A table the import fills from empty (every table, in Global scope, which clears them first) is
 * written in bulk: each new row takes the next of a block of ids drawn ahead from the table's
 * sequence (one round trip per block of up to 8,192), is held, and goes with the table's other
 * held rows through the driver's bulkInsert (COPY) once TABLE_ROWS are held, before the engine
 * reads the table with its own SQL, and at the end. A table's rows are sent without waiting for
 * the database: it writes them while the import works out the next rows, and its answer is read
 * before the writer next needs the connection. Lookups on such a table are answered from an index
 * of what the import wrote (built from the table once, when a lookup of that shape first comes);
 * an update of a held row changes it where it is held, one of a sent row waits to go with others.
 * Ids drawn and not used are handed back to the sequence at the end, if no one drew after them.
 *
 * Tables are sent one at a time, not parents first: this relies on foreign keys being checked at
 * the commit, as Django makes them (DEFERRABLE INITIALLY DEFERRED) and relocate does.
 *
 * A table that had rows already is written row by row, and its lookups go to the database: its
 * rows are not the import's to index. A failure the database reports for a sent row is thrown as
 * the error of the row being imported when it was written (`locate`).
 */
import type { ModelEntry } from '../core/registry/types.js';
import { canWait, locateRefusedUpdate, updateBatches } from './bulk-updates.js';
import type { UpdateBatch, WaitingUpdate } from './bulk-updates.js';
import { quoteIdentifier as q } from './dialect.js';
import { LookupIndex } from './lookup-index.js';
import type { Driver, SqlValue } from './port.js';
import type { RowOrigin, RowWriter, RowWriterOptions } from './row-writer.js';
import { findRow, insertFields, insertRow, updateRow } from './store.js';
import type { RowCondition } from './store.js';

/** Held rows of one table that make the writer send them (a few hundred KB of COPY text). */
const TABLE_ROWS = 4_000;
/** Held rows and waiting updates, across tables, that make the writer send everything. */
const HELD_ROWS = 50_000;
const FIRST_BLOCK = 64;
const LARGEST_BLOCK = 8_192;

interface HeldBatch {
  readonly columns: readonly string[];
  readonly rows: SqlValue[][];
  readonly origins: (RowOrigin | undefined)[];
}

interface TableState {
  readonly entry: ModelEntry;
  /** Written in bulk (empty when the import first touched it), else row by row. */
  readonly bulk: boolean;
  /** Ids drawn from the sequence and not used yet, the next last. */
  ids: number[];
  block: number;
  /** Some rows went with ids of their own: the sequence must move past them. */
  explicitIds: boolean;
  /** Held rows, by the columns they give. */
  readonly held: Map<string, HeldBatch>;
  heldRows: number;
  readonly heldById: Map<number, { readonly batch: HeldBatch; readonly row: SqlValue[] }>;
  readonly updates: Map<number, WaitingUpdate>;
  readonly indexes: Map<string, LookupIndex>;
  /** The pk and every field's column, and their signature: the shape of most rows. */
  readonly allColumns: readonly string[];
  readonly allSignature: string;
}

export class BulkWriter implements RowWriter {
  origin: RowOrigin | undefined;
  readonly #tables = new Map<string, TableState>();
  #held = 0;
  /** The batch of rows or of updates whose answer the database still owes. */
  #unsettled: { readonly rows: HeldBatch } | { readonly updates: UpdateBatch } | undefined;

  constructor(private readonly driver: Driver, private readonly options: RowWriterOptions) {}

  /** Reads the database's answer to the last batch sent, and locates a refusal at its row. */
  #settle(): void {
    const unsettled = this.#unsettled;
    if (unsettled === undefined) return;
    this.#unsettled = undefined;
    try {
      this.driver.settle?.();
    } catch (error) {
      if ('updates' in unsettled) throw locateRefusedUpdate(this.driver, unsettled.updates, error, this.options.locate);
      const row = (error as { bulkRow?: number }).bulkRow;
      throw this.options.locate(error, row === undefined ? undefined : unsettled.rows.origins[row - 1]);
    }
  }

  /** A failure met by other code after rows were sent: located at its row when the database named one of those. */
  explain(error: unknown): Error {
    const unsettled = this.#unsettled;
    const row = (error as { bulkRow?: number } | undefined)?.bulkRow;
    if (unsettled === undefined || !('rows' in unsettled) || row === undefined) return error instanceof Error ? error : new Error(String(error));
    this.#unsettled = undefined;
    return this.options.locate(error, unsettled.rows.origins[row - 1]);
  }

  #state(entry: ModelEntry): TableState {
    let state = this.#tables.get(entry.table);
    if (state === undefined) {
      this.#settle();
      const bulk = this.options.cleared || this.driver.prepare(`SELECT 1 AS found FROM ${q(entry.table)} LIMIT 1`).get() === undefined;
      const allColumns = ['id', ...entry.fields.map((field) => field.column)];
      state = {
        entry, bulk, ids: [], block: FIRST_BLOCK / 2, explicitIds: false,
        held: new Map(), heldRows: 0, heldById: new Map(), updates: new Map(), indexes: new Map(), allColumns, allSignature: allColumns.join(','),
      };
      this.#tables.set(entry.table, state);
    }
    return state;
  }

  #nextId(state: TableState): number {
    if (state.ids.length === 0) this.#draw(state);
    return state.ids.pop() as number;
  }

  /** Draws the table's next block of ids (twice the last), to be used before those left. */
  #draw(state: TableState): void {
    this.#settle();
    state.block = Math.min(state.block * 2, LARGEST_BLOCK);
    const drawn = this.driver.prepare(this.driver.dialect.reserveIds(state.entry.table) as string).get([state.block])?.ids as string;
    state.ids = [...drawn.split(',').map(Number).reverse(), ...state.ids];
  }

  /**
   * Draws ids for tables about to run out while the connection waits anyway (before a batch is
   * sent): drawing one mid-import would wait for the database to finish the batch in flight.
   */
  #drawAhead(): void {
    for (const state of this.#tables.values()) if (state.bulk && state.block > FIRST_BLOCK / 2 && state.ids.length < state.block / 4) this.#draw(state);
  }

  #hold(state: TableState, columns: readonly string[], row: SqlValue[], signature = columns.join(',')): number {
    const id = row[0] as number;
    let batch = state.held.get(signature);
    if (batch === undefined) state.held.set(signature, (batch = { columns, rows: [], origins: [] }));
    batch.rows.push(row);
    batch.origins.push(this.origin);
    state.heldById.set(id, { batch, row });
    for (const [shape, index] of state.indexes) {
      const at = index.columns.map((column) => columns.indexOf(column));
      // A column left to its default has a value only the database knows: ask it next time.
      if (at.includes(-1)) state.indexes.delete(shape);
      else index.add(id, at.map((i) => row[i] as SqlValue));
    }
    this.#held++;
    if (++state.heldRows >= TABLE_ROWS) this.#sendTable(state);
    if (this.#held >= HELD_ROWS) this.#sendAll();
    return id;
  }

  insertFields(entry: ModelEntry, values: readonly SqlValue[], keepPk: boolean): number {
    const state = this.#state(entry);
    if (!state.bulk) return this.#direct(() => insertFields(this.driver, entry, values, keepPk));
    state.explicitIds ||= keepPk;
    const row = keepPk ? [...values] : [this.#nextId(state), ...values];
    return this.#hold(state, state.allColumns, row, state.allSignature);
  }

  insertRow(entry: ModelEntry, values: Readonly<Record<string, SqlValue>>): number {
    const state = this.#state(entry);
    if (!state.bulk) return this.#direct(() => insertRow(this.driver, entry, values));
    const columns = ['id', ...Object.keys(values).filter((column) => column !== 'id')];
    const explicit = Object.hasOwn(values, 'id');
    state.explicitIds ||= explicit;
    const id = explicit ? values.id as number : this.#nextId(state);
    return this.#hold(state, columns, columns.map((column) => (column === 'id' ? id : values[column] as SqlValue)));
  }

  updateRow(entry: ModelEntry, values: Readonly<Record<string, SqlValue>>, id: number): void {
    const state = this.#state(entry);
    const held = state.heldById.get(id);
    const columns = Object.keys(values);
    if (held !== undefined && columns.every((column) => held.batch.columns.includes(column))) {
      for (const column of columns) held.row[held.batch.columns.indexOf(column)] = values[column] as SqlValue;
    } else if (held === undefined && state.bulk && canWait(this.driver, entry, values)) {
      const waiting = state.updates.get(id);
      if (waiting !== undefined) Object.assign(waiting.values, values);
      else {
        state.updates.set(id, { values: { ...values }, origin: this.origin });
        if (++this.#held >= HELD_ROWS) this.#sendAll();
      }
    } else {
      this.#sendTable(state);
      this.#direct(() => updateRow(this.driver, entry, values, id));
    }
    for (const index of state.indexes.values()) index.update(id, values);
  }

  findRow(entry: ModelEntry, where: readonly RowCondition[]): number | undefined {
    const state = this.#state(entry);
    if (!state.bulk) return this.#direct(() => findRow(this.driver, entry, where));
    const shape = LookupIndex.shapeOf(where);
    let index = state.indexes.get(shape);
    if (index === undefined) state.indexes.set(shape, (index = this.#buildIndex(state, where)));
    return index.find(where);
  }

  /** An index of the table's rows on the lookup's columns, read from the table once everything held is there. */
  #buildIndex(state: TableState, where: readonly RowCondition[]): LookupIndex {
    this.#sendTable(state);
    this.#settle();
    const { entry } = state;
    const index = new LookupIndex(where.map((condition) => condition.column), where.map((condition) => condition.nocase));
    const reads = index.columns.map((column, i) => {
      const field = entry.fields.find((candidate) => candidate.column === column);
      return `${field === undefined ? q(column) : this.driver.dialect.readColumn(entry, field)} AS c${i}`;
    });
    for (const row of this.driver.prepare(`SELECT "id", ${reads.join(', ')} FROM ${q(entry.table)}`).values()) index.add(row[0] as number, row.slice(1));
    return index;
  }

  /** A statement of the writer's own: the answer to the last batch is read first, to locate its failure. */
  #direct<T>(statement: () => T): T {
    this.#settle();
    return statement();
  }

  beforeRead(entry: ModelEntry): void {
    const state = this.#tables.get(entry.table);
    if (state !== undefined) this.#sendTable(state);
    this.#settle();
  }

  /** Sends a table's held rows, then its waiting updates (which may be of rows just sent). */
  #sendTable(state: TableState): void {
    for (const batch of state.held.values()) {
      const convert = batch.columns.map((column) => {
        const field = state.entry.fields.find((candidate) => candidate.column === column);
        return field === undefined ? undefined : this.driver.dialect.bulkValue(state.entry, field);
      });
      const rows = convert.some((converter) => converter !== undefined)
        ? batch.rows.map((row) => row.map((value, i) => (value === null || convert[i] === undefined ? value : (convert[i] as (value: SqlValue) => SqlValue)(value))))
        : batch.rows;
      this.#settle();
      this.#drawAhead();
      (this.driver as Required<Driver>).bulkInsert(state.entry.table, batch.columns, rows, { wait: false });
      this.#unsettled = { rows: batch };
    }
    this.#held -= state.heldRows;
    if (state.heldRows > 0 && state.explicitIds) this.#direct(() => this.driver.dialect.afterExplicitIds(state.entry.table).forEach((sql) => this.driver.exec(sql)));
    state.held.clear();
    state.heldById.clear();
    state.heldRows = 0;
    if (state.updates.size > 0) {
      this.#held -= state.updates.size;
      for (const batch of updateBatches(this.driver, state.entry, state.updates)) {
        this.#settle();
        (this.driver as Required<Driver>).sendStatements(batch.sql);
        this.#unsettled = { updates: batch };
      }
      state.updates.clear();
    }
  }

  #sendAll(): void {
    for (const state of this.#tables.values()) this.#sendTable(state);
  }

  finish(): void {
    this.#sendAll();
    this.#settle();
    for (const state of this.#tables.values()) {
      const unused = state.ids;
      const release = this.driver.dialect.releaseIds(state.entry.table);
      // Only a run of ids that ends the sequence can go back: no one else holds one of them.
      if (unused.length === 0 || release === undefined || unused.some((id, i) => i > 0 && id !== (unused[i - 1] as number) - 1)) continue;
      this.driver.prepare(release).get([(unused[unused.length - 1] as number) - 1, unused[0] as number]);
      state.ids = [];
    }
  }
}
