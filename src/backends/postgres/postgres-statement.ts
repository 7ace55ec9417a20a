/**
 * A statement: the engine's SQL with `$1..$n` for its `?`, prepared once on the server under a
 * name of its own (PQprepare) and run by that name (PQexecPrepared).
 *
 * Reading a large result: libpq keeps a whole result in memory and this binding has no
 * single-row mode, so `iterate`/`values` read through a cursor, FETCH_ROWS rows a round trip. In a
 * transaction the cursor is an ordinary one; outside one it is WITH HOLD, which the server
 * materialises (spilling to disk past work_mem) when the DECLARE's own transaction commits, so
 * that nothing is left open between statements and other statements may run between rows.
 * Measured on 200,000 rows of 5 columns over a unix socket (2 shared cores): reading the whole
 * result took 0.4–0.8 s and +111 MB of client memory; a cursor in a transaction 0.26–0.28 s and
 * +13 MB; WITH HOLD 0.32–0.34 s and +13 MB. Pages of 250 rows cost the same time in 9 MB; pages
 * of 2,000 and 10,000 were slower (0.3–0.7 s) and larger (23 and 48 MB).
 */
import type { Params, Row, RunResult, SqlValue, Statement } from '../../db/port.js';
import { TRANSACTION } from './connection.js';
import type { PostgresConnection } from './connection.js';
import { translatePlaceholders } from './placeholders.js';
import { encodeParams, readValues, resultColumns, toRow } from './values.js';

export const FETCH_ROWS = 1_000;

/** Commands whose row counts are changes (PQcmdTuples also counts the rows of a SELECT). */
const CHANGING = /^(?:INSERT|UPDATE|DELETE|MERGE)\b/;

let cursors = 0;

interface Page {
  readonly rows: SqlValue[][];
  readonly names: string[];
}

/** The rows of the result libpq holds now, read whole (the caller may run other statements between rows). */
function readPage(pq: PostgresConnection['pq']): Page {
  const count = pq.ntuples();
  const columns = resultColumns(pq);
  const rows: SqlValue[][] = new Array<SqlValue[]>(count);
  for (let i = 0; i < count; i++) rows[i] = readValues(pq, i, columns);
  return { rows, names: columns.names };
}

/**
 * Whether rows can be read through a cursor: PostgreSQL declares cursors over SELECT, VALUES and
 * TABLE only, with no data-changing WITH, and no FOR UPDATE/SHARE in a WITH HOLD one. Anything
 * else (INSERT … RETURNING, …) is read whole, as its rows are the ones it just wrote.
 */
function cursorable(text: string, hold: boolean): boolean {
  const body = text.replace(/^(?:\s+|--[^\n]*\n?|\/\*[\s\S]*?\*\/|\()*/, '');
  const keyword = /^[A-Za-z]+/.exec(body)?.[0]?.toUpperCase();
  if (keyword === 'WITH' ? /\b(?:INSERT|UPDATE|DELETE|MERGE)\b/i.test(body) : !['SELECT', 'VALUES', 'TABLE'].includes(keyword ?? '')) return false;
  return !(hold && /\bFOR\s+(?:NO\s+KEY\s+)?(?:UPDATE|SHARE|KEY\s+SHARE)\b/i.test(body));
}

export class PostgresStatement implements Statement {
  readonly #text: string;
  readonly #parameters: number;
  readonly #returning: boolean;

  /** Translates and prepares `sql` on the server as `name` (errors in the SQL are reported here). */
  constructor(readonly connection: PostgresConnection, readonly name: string, sql: string) {
    const translated = translatePlaceholders(sql);
    this.#text = translated.text;
    this.#parameters = translated.parameters;
    this.#returning = /\bRETURNING\b/i.test(translated.text);
    connection.prepare(name, this.#text, this.#parameters);
  }

  #execute(params: Params | undefined): void {
    this.connection.execute(this.name, encodeParams(params, this.#parameters));
  }

  run(params?: Params): RunResult {
    this.#execute(params);
    const pq = this.connection.pq;
    const changes = CHANGING.test(pq.cmdStatus()) ? Number(pq.cmdTuples()) || 0 : 0;
    let lastInsertRowid = 0;
    const rows = pq.ntuples();
    if (this.#returning && rows > 0) {
      // The new row's id as SQLite's last_insert_rowid gives it: the last row written.
      const columns = resultColumns(pq);
      const id = columns.names.indexOf('id');
      if (id !== -1 && !pq.getisnull(rows - 1, id)) {
        const value = readValues(pq, rows - 1, columns)[id];
        if (typeof value === 'number') lastInsertRowid = value;
      }
    }
    return { changes, lastInsertRowid };
  }

  get(params?: Params): Row | undefined {
    this.#execute(params);
    const pq = this.connection.pq;
    if (pq.ntuples() === 0) return undefined;
    const columns = resultColumns(pq);
    return toRow(readValues(pq, 0, columns), columns.names);
  }

  all(params?: Params): Row[] {
    this.#execute(params);
    const pq = this.connection.pq;
    const columns = resultColumns(pq);
    const rows: Row[] = new Array<Row>(pq.ntuples());
    for (let i = 0; i < rows.length; i++) rows[i] = toRow(readValues(pq, i, columns), columns.names);
    return rows;
  }

  *iterate(params?: Params): IterableIterator<Row> {
    let names: string[] | undefined;
    for (const [values, columns] of this.#pages(params)) {
      names ??= columns;
      yield toRow(values, names);
    }
  }

  *values(params?: Params): IterableIterator<SqlValue[]> {
    for (const [values] of this.#pages(params)) yield values;
  }

  /** Each row with its column names, read a page at a time through a cursor where one can be used. */
  *#pages(params: Params | undefined): Generator<[SqlValue[], string[]]> {
    const encoded = encodeParams(params, this.#parameters);
    const connection = this.connection;
    const hold = connection.transactionStatus !== TRANSACTION.inTransaction;
    if (!cursorable(this.#text, hold)) {
      connection.execute(this.name, encoded);
      const columns = resultColumns(connection.pq);
      const rows: SqlValue[][] = [];
      for (let i = 0; i < connection.pq.ntuples(); i++) rows.push(readValues(connection.pq, i, columns));
      for (const values of rows) yield [values, columns.names];
      return;
    }
    // A name of its own for each reading: a reading left unfinished never blocks the next one.
    const cursor = `relocate_cursor_${++cursors}`;
    const transaction = connection.transactionsBegun;
    connection.commandWithParams(`DECLARE ${cursor} NO SCROLL CURSOR ${hold ? 'WITH HOLD ' : ''}FOR ${this.#text}`, encoded);
    let thrown = false;
    const fetch = `FETCH FORWARD ${FETCH_ROWS} FROM ${cursor}`;
    try {
      connection.command(fetch);
      let page = readPage(connection.pq);
      for (;;) {
        // A full page may not be the last: the next is asked for now, so that the server reads it
        // while the caller works through this one. The caller may run other statements between
        // rows: the first of them then reads the next page's answer (kept here) before its own.
        let next: { page?: Page; failure?: unknown } | undefined;
        if (page.rows.length === FETCH_ROWS) {
          const slot: { page?: Page; failure?: unknown } = {};
          connection.sendLater(fetch, (failure) => {
            if (failure !== undefined) slot.failure = failure;
            else {
              try {
                slot.page = readPage(connection.pq);
              } catch (error) {
                slot.failure = error;
              }
            }
          });
          next = slot;
        }
        for (const values of page.rows) yield [values, page.names];
        if (next === undefined) break;
        connection.settle();
        if (next.failure !== undefined) throw next.failure;
        page = next.page as Page;
      }
    } catch (error) {
      thrown = true;
      throw error;
    } finally {
      // An ordinary cursor ends with its transaction; a failed transaction refuses any command but ROLLBACK.
      const status = connection.isOpen ? connection.transactionStatus : TRANSACTION.failed;
      const alive = hold || (status === TRANSACTION.inTransaction && connection.transactionsBegun === transaction);
      try {
        if (alive && status !== TRANSACTION.failed) connection.command(`CLOSE ${cursor}`);
      } catch (error) {
        // The reading's own error is the news; a CLOSE that fails after it would only hide it.
        if (!thrown) throw error;
      }
    }
  }
}
