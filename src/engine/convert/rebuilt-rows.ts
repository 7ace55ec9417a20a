/**
 * Rows the target version needs and the source version keeps elsewhere, made as Sentry's signals
 * make them when the rows they follow are saved. Today one: an Email row per address a user has
 * (Sentry creates `sentry.email` when a `sentry.useremail` is saved), needed when the target
 * relocates Email rows and the source version exported none.
 */
import type { ExportObject } from '../../core/json/export-writer.js';
import type { Registry } from '../../core/registry/registry.js';
import { convertFields } from './convert-fields.js';
import type { FieldContext } from './convert-fields.js';

interface RowRebuild {
  /** The model whose rows are made. */
  readonly model: string;
  /** The model whose rows hold the values, and the field that holds them. */
  readonly source: string;
  readonly field: string;
  /** Values equal but for case make one row (the first spelling is kept). */
  readonly caseInsensitive: boolean;
  /** Fields set to the time of the conversion, as the signal sets them to the time of the save. */
  readonly stamped: readonly string[];
  readonly why: string;
}

const REBUILDS: readonly RowRebuild[] = [
  {
    model: 'sentry.email',
    source: 'sentry.useremail',
    field: 'email',
    caseInsensitive: true,
    stamped: ['date_added'],
    why: 'Sentry creates an Email row for each address a user adds (a UserEmail saved): one per distinct sentry.useremail address, ignoring case, dated now',
  },
];

/** Whether a version exports rows of a model (by whatever name it gives it). */
function relocates(registry: Registry, model: string): boolean {
  const entry = registry.find(registry.resolve(model));
  return entry !== undefined && entry.stored && entry.scope !== 'Excluded';
}

/**
 * Appends to `rows` (converted rows by the target's model names) the rows the target needs that
 * `from` does not export; each made row is noted in the report.
 */
export function rebuildRows(from: Registry, rows: Map<string, ExportObject[]>, context: FieldContext): void {
  const { to, report } = context;
  for (const rebuild of REBUILDS) {
    if (!relocates(to, rebuild.model) || relocates(from, rebuild.model) || !relocates(to, rebuild.source)) continue;
    const entry = to.get(to.resolve(rebuild.model));
    const made = rows.get(entry.name) ?? [];
    const key = (value: string) => (rebuild.caseInsensitive ? value.toLowerCase() : value);
    const seen = new Set(made.map((row) => row.fields[rebuild.field]).filter((value): value is string => typeof value === 'string').map(key));
    let pk = made.reduce((max, row) => Math.max(max, row.pk), 0);
    const reason = `Sentry ${from.version} exports no ${entry.name} rows and Sentry ${to.version} needs them: ${rebuild.why}`;
    for (const source of rows.get(to.resolve(rebuild.source)) ?? []) {
      const value = source.fields[rebuild.field];
      if (typeof value !== 'string' || seen.has(key(value))) continue;
      seen.add(key(value));
      pk++;
      const now = context.defaults.now();
      const given = { [rebuild.field]: value, ...Object.fromEntries(rebuild.stamped.map((name) => [name, now])) };
      made.push({ model: entry.name, pk, fields: convertFields(entry, entry.name, { pk, fields: given }, context) });
      report.note('rebuilt-rows', { model: entry.name }, reason, pk);
    }
    if (made.length > 0) rows.set(entry.name, made);
  }
}
