/**
 * What an import kept that the database's Sentry version has no place for, written back by an
 * export: rows of unknown models right after the model they followed in the file (a Global export
 * only: their scope is unknown), and unknown fields after their row's own fields (every scope:
 * they belong to a row the scope takes).
 */
import { parseJsonText } from '../../core/json/json-text.js';
import type { ExportRow } from '../../core/json/export-writer.js';
import type { ExportScope } from '../../core/scopes.js';
import type { Registry } from '../../core/registry/registry.js';
import type { ModelEntry } from '../../core/registry/types.js';
import type { Driver } from '../../db/port.js';
import { hasKeptTables, keptFieldsOf, keptRows } from '../../db/kept-store.js';
import type { KeptRow } from '../../db/kept-store.js';
import type { ExportReport } from './export-report.js';

export interface KeptForExport {
  /** Kept rows to write before the first model, after a model, and at the end. */
  readonly first: readonly KeptRow[];
  readonly after: ReadonlyMap<string, readonly KeptRow[]>;
  readonly last: readonly KeptRow[];
  /** The kept fields of a model's rows (pk → JSON object text), or undefined when there are none. */
  fieldsOf(entry: ModelEntry): ReadonlyMap<number, string> | undefined;
}

const NOTHING: KeptForExport = { first: [], after: new Map(), last: [], fieldsOf: () => undefined };

export function keptForExport(driver: Driver, registry: Registry, scope: ExportScope, models: readonly ModelEntry[], report: ExportReport): KeptForExport {
  if (!hasKeptTables(driver)) return NOTHING;
  const rows = keptRows(driver);
  const first: KeptRow[] = [];
  const after = new Map<string, KeptRow[]>();
  const last: KeptRow[] = [];
  const exported = new Set(models.map((entry) => entry.name));
  for (const row of rows) {
    if (scope !== 'Global') {
      report.keptRowsNotWritten.set(row.model, (report.keptRowsNotWritten.get(row.model) ?? 0) + 1);
      continue;
    }
    const anchor = row.afterModel === null ? null : registry.resolve(row.afterModel);
    if (anchor === null) first.push(row);
    else if (exported.has(anchor)) {
      const list = after.get(anchor);
      if (list === undefined) after.set(anchor, [row]);
      else list.push(row);
    } else last.push(row);
  }
  return { first, after, last, fieldsOf: (entry) => nonEmpty(keptFieldsOf(driver, entry.name)) };
}

function nonEmpty(map: Map<number, string>): Map<number, string> | undefined {
  return map.size === 0 ? undefined : map;
}

/** A kept row as the file had it. */
export function keptRowObject(row: KeptRow): ExportRow {
  const fields = parseJsonText(row.fields) as Record<string, unknown>;
  return { model: row.model, pk: row.pk, names: Object.keys(fields), values: Object.values(fields) };
}

/** A row with its kept fields after its own (a new names list: the model's is shared). */
export function withKeptFields(row: ExportRow, json: string, report: ExportReport): ExportRow {
  const fields = parseJsonText(json) as Record<string, unknown>;
  const counts = report.model(row.model).keptFields;
  for (const name of Object.keys(fields)) counts.set(name, (counts.get(name) ?? 0) + 1);
  return { model: row.model, pk: row.pk, names: [...row.names, ...Object.keys(fields)], values: [...row.values, ...Object.values(fields)] };
}
