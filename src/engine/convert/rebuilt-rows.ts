/**
 * Rows the target version needs and the source version keeps elsewhere, made as Sentry makes them:
 * an Email row per address a user has (Sentry's signal creates `sentry.email` when a
 * `sentry.useremail` is saved), and an issue view owner's star holding the view's position (where
 * Sentry moved the position, `sentry.groupsearchviewstarred`). Each is made only when the target
 * exports the model and the source version exported none of its rows.
 */
import type { ExportObject } from '../../core/json/export-writer.js';
import type { Registry } from '../../core/registry/registry.js';
import type { FileObject } from '../import/file-objects.js';
import { convertFields } from './convert-fields.js';
import type { FieldContext } from './convert-fields.js';

interface RowRebuild {
  /** The model whose rows are made, and the model whose rows (as the file holds them) make them. */
  readonly model: string;
  readonly source: string;
  /**
   * One row per distinct value of the source's `field` (`caseInsensitive`: values equal but for
   * case make one, the first spelling kept), or one per source row whose `when` is set, with the
   * fields named in `fields` (new field → source field, `pk` for the source row's pk).
   */
  readonly make:
    | { readonly distinct: string; readonly caseInsensitive: boolean }
    | { readonly when: string; readonly fields: Readonly<Record<string, string>> };
  /** Fields set to the time of the conversion, as Sentry sets them to the time of the save. */
  readonly stamped: readonly string[];
  readonly why: string;
}

const REBUILDS: readonly RowRebuild[] = [
  {
    model: 'sentry.email', source: 'sentry.useremail', make: { distinct: 'email', caseInsensitive: true }, stamped: ['date_added'],
    why: 'Sentry creates an Email row for each address a user adds (a UserEmail saved): one per distinct sentry.useremail address, ignoring case, dated now',
  },
  {
    model: 'sentry.groupsearchviewstarred', source: 'sentry.groupsearchview',
    make: { when: 'position', fields: { user_id: 'user_id', organization: 'organization', group_search_view: 'pk', position: 'position' } },
    stamped: ['date_added', 'date_updated'],
    why: 'Sentry moved an issue view\'s position to its owner\'s star of the view: one star per view with a position, by its owner, at that position, dated now',
  },
];

/** Whether a version exports rows of a model (by whatever name it gives it). */
function relocates(registry: Registry, model: string): boolean {
  const entry = registry.find(registry.resolve(model));
  return entry !== undefined && entry.stored && entry.scope !== 'Excluded';
}

/** The made rows' source fields, before the target's defaults: one per distinct value, or one per row. */
function madeFields(rebuild: RowRebuild, sources: readonly FileObject[], existing: readonly ExportObject[]): Record<string, unknown>[] {
  const { make } = rebuild;
  if ('when' in make) {
    return sources.filter((row) => row.fields[make.when] !== null && row.fields[make.when] !== undefined)
      .map((row) => Object.fromEntries(Object.entries(make.fields).map(([name, from]) => [name, from === 'pk' ? row.pk : row.fields[from]])));
  }
  const key = (value: string) => (make.caseInsensitive ? value.toLowerCase() : value);
  const seen = new Set(existing.map((row) => row.fields[make.distinct]).filter((value): value is string => typeof value === 'string').map(key));
  const made: Record<string, unknown>[] = [];
  for (const row of sources) {
    const value = row.fields[make.distinct];
    if (typeof value !== 'string' || seen.has(key(value))) continue;
    seen.add(key(value));
    made.push({ [make.distinct]: value });
  }
  return made;
}

/**
 * Appends to `rows` (converted rows by the target's model names) the rows the target needs that
 * `from` does not export, made from the file's own rows (`held`); each made row is reported.
 */
export function rebuildRows(from: Registry, held: readonly FileObject[], rows: Map<string, ExportObject[]>, context: FieldContext): void {
  const { to, report } = context;
  for (const rebuild of REBUILDS) {
    if (!relocates(to, rebuild.model) || relocates(from, rebuild.model) || !relocates(to, rebuild.source)) continue;
    const entry = to.get(to.resolve(rebuild.model));
    const source = to.resolve(rebuild.source);
    const made = rows.get(entry.name) ?? [];
    let pk = made.reduce((max, row) => Math.max(max, row.pk), 0);
    const reason = `Sentry ${from.version} exports no ${entry.name} rows and Sentry ${to.version} needs them: ${rebuild.why}`;
    for (const fields of madeFields(rebuild, held.filter((row) => to.resolve(row.model) === source), made)) {
      pk++;
      const now = context.defaults.now();
      const given = { ...fields, ...Object.fromEntries(rebuild.stamped.map((name) => [name, now])) };
      made.push({ model: entry.name, pk, fields: convertFields(entry, entry.name, { pk, fields: given }, context) });
      report.note('rebuilt-rows', { model: entry.name }, reason, pk);
    }
    if (made.length > 0) rows.set(entry.name, made);
  }
}
