/**
 * The engine writes SQL with SQLite's positional `?`; PostgreSQL numbers its parameters `$1..$n`.
 * Only a `?` that stands where a value goes is one: those inside string literals ('…', E'…' with
 * backslash escapes, $tag$…$tag$), quoted identifiers ("…") and comments (--, nested /* *\/) are
 * text and stay as they are. PostgreSQL's own `?` operators (jsonb key tests) cannot be written
 * through this driver; their functions (jsonb_exists, …) can.
 */

export interface TranslatedSql {
  /** The statement with `$1..$n` in place of each `?`. */
  readonly text: string;
  readonly parameters: number;
}

const IDENTIFIER_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/;
const DOLLAR_TAG = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;

/** Where the quoted text, identifier or comment that starts at `start` ends (the index after it). */
function skipQuoted(sql: string, start: number): number {
  const ch = sql[start];
  const next = sql[start + 1];
  if (ch === "'") {
    // E'…' (or e'…') takes backslash escapes; a plain literal does (standard_conforming_strings is on).
    const escapes = (sql[start - 1] === 'E' || sql[start - 1] === 'e') && !IDENTIFIER_CHAR.test(sql[start - 2] ?? ' ');
    for (let i = start + 1; i < sql.length; i++) {
      if (escapes && sql[i] === '\\') i++;
      else if (sql[i] === "'") return i + 1; // '' inside a literal reads as two literals back to back: same end
    }
    return sql.length;
  }
  if (ch === '"') {
    const end = sql.indexOf('"', start + 1);
    return end === -1 ? sql.length : end + 1;
  }
  if (ch === '-' && next === '-') {
    const end = sql.indexOf('\n', start);
    return end === -1 ? sql.length : end + 1;
  }
  if (ch === '/' && next === '*') {
    let depth = 1;
    let i = start + 2;
    while (i < sql.length && depth > 0) {
      const pair = sql.slice(i, i + 2);
      if (pair === '/*') depth++;
      else if (pair === '*/') depth--;
      i += pair === '/*' || pair === '*/' ? 2 : 1;
    }
    return i;
  }
  if (ch === '$' && !IDENTIFIER_CHAR.test(sql[start - 1] ?? ' ')) {
    const tag = DOLLAR_TAG.exec(sql.slice(start, start + 64))?.[0];
    if (tag === undefined) return start; // $1 or a lone $: not a quote
    const end = sql.indexOf(tag, start + tag.length);
    return end === -1 ? sql.length : end + tag.length;
  }
  return start;
}

/** Numbers each value placeholder `?` of `sql` as `$1..$n`. */
export function translatePlaceholders(sql: string): TranslatedSql {
  let text = '';
  let parameters = 0;
  let copied = 0;
  let i = 0;
  while (i < sql.length) {
    const skipped = skipQuoted(sql, i);
    if (skipped > i) {
      i = skipped;
    } else if (sql[i] === '?') {
      text += `${sql.slice(copied, i)}$${++parameters}`;
      copied = ++i;
    } else {
      i++;
    }
  }
  return { text: text + sql.slice(copied), parameters };
}
