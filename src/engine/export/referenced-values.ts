/**
 * The values a non-Global export may take for a model with an `exportReferencedBy` rule: what the
 * referencing models' rows hold in `select`, among rows that point at something exported.
 */
import type { Registry } from '../../core/registry/registry.js';
import type { ExportReferencedBy } from '../../core/registry/types.js';
import type { Driver } from '../../db/port.js';
import { columnsOf, quoteIdentifier as q } from '../../db/schema.js';

export function referencedValues(
  driver: Driver,
  registry: Registry,
  rule: ExportReferencedBy,
  exported: ReadonlyMap<string, ReadonlySet<number>>,
): Set<unknown> {
  const values = new Set<unknown>();
  for (const source of rule.from) {
    const entry = registry.get(source.model);
    const [select] = columnsOf(entry, [source.select]);
    const where = source.where.map((condition) => ({
      column: columnsOf(entry, [condition.field])[0] as string,
      pks: exported.get(condition.exported) ?? new Set<number>(),
    }));
    const columns = [select as string, ...where.map((condition) => condition.column)];
    const sql = `SELECT ${columns.map((column, i) => `${q(column)} AS c${i}`).join(', ')} FROM ${q(entry.table)}`;
    for (const row of driver.prepare(sql).iterate()) {
      if (where.some((condition, i) => condition.pks.has(row[`c${i + 1}`] as number))) values.add(row.c0);
    }
  }
  return values;
}
