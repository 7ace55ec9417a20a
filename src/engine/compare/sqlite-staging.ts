/**
 * The compare's staging (core/compare/staging.ts) in an empty SQLite database reached through the
 * driver port, for sides that are not in model order: rows go in as they are read, in batches,
 * and come back one model at a time, in file order. The caller opens the database (the CLI: a
 * temporary file SQLite deletes on close) and this closes it.
 */
import { PyFloat, pythonFloat } from '../../core/json/python-json.js';
import type { CompareStaging, StagedRow } from '../../core/compare/staging.js';
import type { Key, Side } from '../../core/compare/model-map.js';
import type { Driver, SqlValue } from '../../db/port.js';

/** JSON keeps every value a file holds but one: a float written `1.0`, which comes back tagged. */
const FLOAT = '\u0000PyFloat';
const FLOAT_IN_TEXT = JSON.stringify(FLOAT).slice(1, -1);

/** Whether a value holds a PyFloat anywhere (a walk costs less than JSON.stringify with a replacer). */
function holdsFloat(value: unknown): boolean {
  if (value instanceof PyFloat) return true;
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (holdsFloat(item)) return true;
    return false;
  }
  for (const key in value) if (holdsFloat((value as Record<string, unknown>)[key])) return true;
  return false;
}

function encode(value: unknown): string {
  if (!holdsFloat(value)) return JSON.stringify(value);
  return JSON.stringify(value, (_key, item: unknown) => (item instanceof PyFloat ? { [FLOAT]: pythonFloat(item.value) } : item));
}

function decode(text: string): unknown {
  if (!text.includes(FLOAT_IN_TEXT)) return JSON.parse(text);
  return JSON.parse(text, (_key, item: unknown) => {
    const tagged = item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[FLOAT] : undefined;
    return typeof tagged === 'string' ? new PyFloat(Number(tagged)) : item;
  });
}

/** A row as selected: seq, pk, key, key_text and (when asked for) fields. */
function staged([seq, pk, key, text, fields]: SqlValue[], withFields: boolean): StagedRow {
  const row = { seq: seq as number, pk: pk as number, ...(withFields && { fields: decode(fields as string) as Record<string, unknown> }) };
  return key === null ? row : { ...row, key: decode(key as string) as Key, text: text as string };
}

const BATCH = 1000;
const SIDE_NUMBER: Record<Side, number> = { left: 0, right: 1 };

export function sqliteStaging(driver: Driver): CompareStaging {
  driver.exec(`
    PRAGMA journal_mode = OFF;
    PRAGMA synchronous = OFF;
    CREATE TABLE staged_row (
      side INTEGER NOT NULL, model TEXT NOT NULL, position INTEGER NOT NULL, seq INTEGER NOT NULL,
      pk INTEGER NOT NULL, key TEXT, key_text TEXT, fields TEXT NOT NULL,
      PRIMARY KEY (side, model, position)
    ) WITHOUT ROWID`);
  const insert = driver.prepare('INSERT INTO staged_row (side, model, position, seq, pk, key, key_text, fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const one = driver.prepare('SELECT seq, pk, key, key_text, fields FROM staged_row WHERE side = ? AND model = ? AND position = ?');
  /** Rows so far per side and model: the next row's position. */
  const positions = new Map<string, number>();
  // A statement per side and shape (both sides are read at once; a statement serves one reader).
  const selects = [0, 1].map((side) => [false, true].map((fields) => driver.prepare(`SELECT seq, pk, key, key_text${fields ? ', fields' : ''} FROM staged_row WHERE side = ${side} AND model = ? ORDER BY position`)));
  let pending: SqlValue[][] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    const rows = pending;
    pending = [];
    driver.transaction(() => {
      for (const row of rows) insert.run(row);
    });
  };
  return {
    add(side, model, row) {
      const name = `${side}\u0000${model}`;
      const position = positions.get(name) ?? 0;
      positions.set(name, position + 1);
      pending.push([SIDE_NUMBER[side], model, position, row.seq, row.pk, row.key === undefined ? null : encode(row.key), row.text ?? null, encode(row.fields ?? {})]);
      if (pending.length >= BATCH) flush();
    },
    *rows(side, model, withFields): Generator<StagedRow> {
      flush();
      for (const values of selects[SIDE_NUMBER[side]]?.[withFields ? 1 : 0]?.values([model]) ?? []) yield staged(values, withFields);
    },
    row(side, model, position) {
      flush();
      const found = one.get([SIDE_NUMBER[side], model, position]);
      if (found === undefined) throw new RangeError(`Expected a staged ${side} row of ${model} at ${position}`);
      return staged([found.seq, found.pk, found.key, found.key_text, found.fields] as SqlValue[], true);
    },
    close: () => driver.close(),
  };
}
