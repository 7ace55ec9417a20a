/**
 * The export's bytes: rows stored from `fixtures/valid-export-format/rows.json` export to exactly
 * the text Python's json.dumps wrote for them (indent 2, and one line).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PyFloat } from '../../src/core/json/python-json.js';
import { parseJsonText } from '../../src/core/json/json-text.js';
import { renderExport } from '../../src/core/json/export-writer.js';

import { toStoredValue } from '../../src/db/field-codec.js';
import { insertRow } from '../../src/db/store.js';
import { exportInScope } from '../../src/engine/export/index.js';
import { ALL_DRIVERS as DRIVERS } from '../helpers/drivers.js';
import { freshDatabase } from '../helpers/export.js';
import { REGISTRY } from '../helpers/registry.js';

const FIXTURE = join(import.meta.dirname, '..', '..', 'fixtures', 'valid-export-format');
const read = (file: string): string => readFileSync(join(FIXTURE, file), 'utf8');

interface FixtureRow {
  model: string;
  pk: number;
  fields: Record<string, unknown>;
}

describe.each(DRIVERS)('$name: export format', (testDriver) => {
  const db = freshDatabase(testDriver);
  // parseJsonText keeps 2.0 a float, as Python does.
  const rows = parseJsonText(read('rows.json')) as unknown as FixtureRow[];
  db.transaction(() => {
    for (const row of rows) {
      const entry = REGISTRY.get(row.model);
      const values: Record<string, ReturnType<typeof toStoredValue>> = { id: row.pk };
      for (const field of entry.fields) values[field.column] = toStoredValue(field, row.fields[field.name]);
      insertRow(db, entry, values);
    }
  });

  it('writes exactly what Python writes, indented', () => {
    expect(renderExport(exportInScope(db, { registry: REGISTRY, scope: 'Global' }).objects)).toBe(read('expected.json'));
  });

  it('writes exactly what Python writes, on one line', () => {
    expect(renderExport(exportInScope(db, { registry: REGISTRY, scope: 'Global' }).objects, null)).toBe(read('expected-one-line.json'));
  });

  it('keeps floats as floats through storage', () => {
    const [first] = [...exportInScope(db, { registry: REGISTRY, scope: 'Global' }).objects];
    expect(first?.fields.value).toEqual(new PyFloat(1687902001.2623305));
  });
});
