/**
 * Bulk insert through COPY … FROM STDIN (PQputCopyData / PQputCopyEnd) in COPY's text format:
 * one line a row, tab between values, `\N` for NULL, backslash escapes for the characters that
 * would break a line. Rows are sent in chunks of about CHUNK_BYTES, so memory stays bounded
 * whatever the number of rows.
 */
import { DatabaseError, checkParams } from '../../db/port.js';
import type { SqlValue } from '../../db/port.js';
import type { PostgresConnection } from './connection.js';
import { oneLine } from './errors.js';

const CHUNK_BYTES = 256 * 1024;

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function copyText(value: SqlValue, column: string): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (value.includes('\0')) throw new DatabaseError(`Column "${column}" holds the character U+0000, which PostgreSQL text cannot store`);
    return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (ch) => ESCAPES[ch] as string) : value;
  }
  if (value instanceof Uint8Array) return `\\\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
  throw new TypeError(`Expected column "${column}" to be a number, string, Uint8Array or null, got ${typeof value}`);
}

/** Reads the COPY's own result (and drains the connection), throwing its error if it failed. */
function finishCopy(connection: PostgresConnection): void {
  const pq = connection.pq;
  if (!pq.getResult()) throw new DatabaseError(`PostgreSQL gave no answer to the COPY: ${oneLine(pq.errorMessage())}`);
  let failure: unknown;
  try {
    connection.checkResult();
  } catch (error) {
    failure = error;
  }
  while (pq.getResult()) {
    // Nothing more is expected; a connection must be drained before its next command.
  }
  if (failure !== undefined) throw failure;
}

/**
 * Inserts `rows` (values in `columns` order) into `table`; returns how many rows went in. Without
 * `wait`, the server's answer is left for the connection's next command to read (settle).
 */
export function copyRows(connection: PostgresConnection, table: string, columns: readonly string[], rows: Iterable<readonly SqlValue[]>, wait = true): number {
  const pq = connection.pq;
  connection.command(`COPY ${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')}) FROM STDIN`);
  let count = 0;
  let chunk = '';
  try {
    for (const row of rows) {
      if (row.length !== columns.length) {
        throw new RangeError(`Expected ${columns.length} values in row ${count + 1} for ${table}, got ${row.length}`);
      }
      checkParams(row);
      for (let i = 0; i < row.length; i++) chunk += (i === 0 ? '' : '\t') + copyText(row[i] as SqlValue, columns[i] as string);
      chunk += '\n';
      count++;
      if (chunk.length >= CHUNK_BYTES) {
        if (pq.putCopyData(Buffer.from(chunk)) !== 1) throw new DatabaseError(`Sending rows to ${table} failed: ${pq.errorMessage()}`);
        chunk = '';
      }
    }
    if (chunk.length > 0 && pq.putCopyData(Buffer.from(chunk)) !== 1) throw new DatabaseError(`Sending rows to ${table} failed: ${pq.errorMessage()}`);
  } catch (error) {
    // Ends the COPY with an error, so that the server drops every row this call sent.
    pq.putCopyEnd(error instanceof Error ? error.message : String(error));
    try {
      finishCopy(connection);
    } catch {
      // The server's answer is the cancellation we asked for; our error is the news.
    }
    throw error;
  }
  pq.putCopyEnd();
  if (wait) finishCopy(connection);
  else connection.deferAnswer(() => finishCopy(connection));
  return count;
}
