/**
 * PostgreSQL's failures as the port's error kinds. The kind comes from the SQLSTATE, never from
 * the message (which the server may translate); the table and columns come from libpq's error
 * fields, and for unique and foreign keys from the detail's `Key (a, b)=(…)`, whose shape is not
 * translated.
 */
import { ConstraintViolation, DatabaseError } from '../../db/port.js';
import type { ConstraintKind } from '../../db/port.js';
import type { LibpqErrorFields } from './libpq.js';

const CONSTRAINT_KINDS: Readonly<Record<string, ConstraintKind>> = {
  '23505': 'UniqueViolation',
  '23503': 'ForeignKeyViolation',
  '23502': 'NotNullViolation',
  '23514': 'CheckViolation',
  // string_data_right_truncation: text longer than its varchar(n), the maximum length Django's
  // columns hold themselves (SQLite's tables check it with a CHECK).
  '22001': 'CheckViolation',
};

/** One line: PostgreSQL's messages and details may hold newlines and tabs. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Splits `a, "B c", lower(d)` on its top-level commas and unquotes the identifiers. */
function splitColumns(list: string): string[] {
  const columns: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of list) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth--;
    if (!quoted && depth === 0 && ch === ',') {
      columns.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  columns.push(current.trim());
  return columns.map((column) => (/^"(?:[^"]|"")*"$/.test(column) ? column.slice(1, -1).replaceAll('""', '"') : column));
}

/** The key columns a unique or foreign key violation's detail names: `Key (a, b)=(1, 2) …`. */
export function keyColumns(detail: string | undefined): string[] {
  const match = /\((.+?)\)=\(/.exec(detail ?? '');
  return match === null ? [] : splitColumns(match[1] as string);
}

/** The port error for a failed command, from libpq's error fields (or its message when there are none). */
export function toPostgresError(fields: LibpqErrorFields | null, fallback: string): Error {
  const primary = fields?.messagePrimary;
  if (fields === null || primary === undefined) return new DatabaseError(oneLine(fallback) || 'PostgreSQL reported an error without a message');
  const detail = fields.messageDetail === undefined ? '' : ` (${oneLine(fields.messageDetail)})`;
  // A COPY names the line (the row) it failed on; the rest of its context repeats the row's text.
  const line = /^COPY [^,]+, line (\d+)/.exec(fields.context ?? '')?.[1];
  const message = oneLine(primary) + detail + (line === undefined ? '' : ` at row ${line} of the bulk insert`);
  const kind = CONSTRAINT_KINDS[fields.sqlState ?? ''];
  let columns: string[] = [];
  if (kind === 'UniqueViolation' || kind === 'ForeignKeyViolation') columns = keyColumns(fields.messageDetail);
  else if (fields.columnName !== undefined) columns = [fields.columnName];
  const error = kind === undefined ? new DatabaseError(message) : new ConstraintViolation(kind, message, fields.tableName, columns);
  if (line !== undefined) error.bulkRow = Number(line);
  return error;
}

/**
 * The connection string as it may be shown: the password of a URL (`user:secret@`), of a
 * `password=` query parameter and of a `password=` keyword are masked.
 */
export function maskPassword(connection: string): string {
  return connection
    .replace(/^(postgres(?:ql)?:\/\/[^:/?#@]*:)[^@/?#]*@/i, '$1***@')
    .replace(/([?&]password=)[^&#]*/gi, '$1***')
    .replace(/(^|\s)(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S*)/gi, '$1$2***');
}
