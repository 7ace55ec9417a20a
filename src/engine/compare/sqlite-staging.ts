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

function encode(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (item instanceof PyFloat ? { [FLOAT]: pythonFloat(item.value) } : item));
}

function decode(text: string): unknown {
  if (!text.includes(FLOAT_IN_TEXT)) return JSON.parse(text);
  return JSON.parse(text, (_key, item: unknown) => {
    const tagged = item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[FLOAT] : undefined;
    return typeof tagged === 'string' ? new PyFloat(Number(tagged)) : item;
  });
}

const BATCH = 1000;
const SIDE_NUMBER: Record<Side, number> = { left: 0, right: 1 };

export function sqliteStaging(driver: Driver): CompareStaging {
  driver.exec(`
    PRAGMA journal_mode = OFF;
    PRAGMA synchronous = OFF;
    CREATE TABLE staged_row (
      side INTEGER NOT NULL, model TEXT NOT NULL, seq INTEGER NOT NULL, pk INTEGER NOT NULL,
      key TEXT, key_text TEXT, fields TEXT NOT NULL,
      PRIMARY KEY (side, model, seq)
    ) WITHOUT ROWID`);
  const insert = driver.prepare('INSERT INTO staged_row (side, model, seq, pk, key, key_text, fields) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const select = driver.prepare('SELECT seq, pk, key, key_text, fields FROM staged_row WHERE side = ? AND model = ? ORDER BY seq');
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
      pending.push([SIDE_NUMBER[side], model, row.seq, row.pk, row.key === undefined ? null : encode(row.key), row.text ?? null, encode(row.fields)]);
      if (pending.length >= BATCH) flush();
    },
    *rows(side, model): Generator<StagedRow> {
      flush();
      for (const [seq, pk, key, text, fields] of select.values([SIDE_NUMBER[side], model])) {
        const row = { seq: seq as number, pk: pk as number, fields: decode(fields as string) as Record<string, unknown> };
        yield key === null ? row : { ...row, key: decode(key as string) as Key, text: text as string };
      }
    },
    close: () => driver.close(),
  };
}
