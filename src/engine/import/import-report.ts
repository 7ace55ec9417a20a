/**
 * What an import did, per model: rows inserted, merged into existing rows, written over existing
 * rows, dropped (counted by reason, with their pks) and renamed to avoid a collision; what it kept
 * that the database's Sentry version has no place for (rows of unknown models, unknown fields);
 * what it dropped of a row (fields Sentry removed) and ignored (keys beside model, pk and fields).
 * Sentry drops and renames silently; `--report FILE` and `--dry-run` show this, in the same shape
 * as an export's report (`written`, `dropped: {reason: {count, pks}}`).
 */
import type { ImportScope } from '../../core/scopes.js';
import { DroppedRows } from '../report/dropped-rows.js';

export interface RenamedRow {
  readonly pk: number;
  readonly field: string;
  readonly from: string;
  readonly to: string;
}

export class ModelImportReport {
  inserted = 0;
  existing = 0;
  overwritten = 0;
  /** Batches skipped because a chunk of the same import UUID records them. */
  resumedRows = 0;
  readonly dropped = new DroppedRows();
  readonly renamed: RenamedRow[] = [];
  /** Rows of this model, which the database's version does not know, kept as they were. */
  keptRows = 0;
  /** Rows the file names by another name of the model (another version's): that name → rows. */
  readonly renamedFrom = new Map<string, number>();
  /** Fields the file has and the model does not: name → rows. */
  readonly unknownFields = new Map<string, number>();
  /** Of those, the fields kept beside their rows: name → rows. */
  readonly keptFields = new Map<string, number>();
  /** And the fields dropped: name → rows and why. */
  readonly droppedFields = new Map<string, { count: number; reason: string }>();
  /** Keys beside model, pk and fields in the file's objects (ignored, as Django ignores them): key → objects. */
  readonly extraKeys = new Map<string, number>();

  /** Records a dropped row (returns undefined, what a dropped row's writing gives). */
  drop(pk: number, reason: string): undefined {
    this.dropped.add(pk, reason);
    return undefined;
  }

  keepField(name: string): void {
    this.keptFields.set(name, (this.keptFields.get(name) ?? 0) + 1);
  }

  dropField(name: string, reason: string): void {
    const entry = this.droppedFields.get(name) ?? { count: 0, reason };
    entry.count++;
    this.droppedFields.set(name, entry);
  }

  get droppedCount(): number {
    return this.dropped.count;
  }

  get written(): number {
    return this.inserted + this.existing + this.overwritten;
  }
}

export class ImportReport {
  readonly models = new Map<string, ModelImportReport>();
  /** Whether the file was out of the registry's model order and had to be re-sorted. */
  reordered = false;
  dryRun = false;
  /** The file's models and the fields of their first rows: what dates it (see fileVersionsOf). */
  fileShape: ReadonlyMap<string, ReadonlySet<string>> = new Map();
  /** Values of the filters that matched nothing in the file. */
  unmatched: { readonly filterUsernames: readonly string[]; readonly filterOrgSlugs: readonly string[] } = { filterUsernames: [], filterOrgSlugs: [] };
  /** Rows the database held before a Global import cleared it. */
  clearedRows = 0;

  constructor(readonly scope: ImportScope, readonly importUuid: string) {}

  model(name: string): ModelImportReport {
    let report = this.models.get(name);
    if (report === undefined) this.models.set(name, (report = new ModelImportReport()));
    return report;
  }

  total(pick: (model: ModelImportReport) => number): number {
    let total = 0;
    for (const report of this.models.values()) total += pick(report);
    return total;
  }

  /** The JSON form `--report FILE` writes (keys sorted by the writer). */
  toJSON(): unknown {
    return {
      scope: this.scope,
      import_uuid: this.importUuid,
      dry_run: this.dryRun,
      reordered: this.reordered,
      ...(this.scope === 'Global' && { cleared: this.clearedRows }),
      written: this.total((m) => m.written),
      inserted: this.total((m) => m.inserted),
      merged: this.total((m) => m.existing),
      overwritten: this.total((m) => m.overwritten),
      dropped: this.total((m) => m.droppedCount),
      kept_rows: this.total((m) => m.keptRows),
      unmatched_filters: { filter_usernames: [...this.unmatched.filterUsernames], filter_org_slugs: [...this.unmatched.filterOrgSlugs] },
      models: Object.fromEntries([...this.models].map(([name, m]) => [name, {
        written: m.written,
        inserted: m.inserted,
        merged: m.existing,
        overwritten: m.overwritten,
        resumed: m.resumedRows,
        dropped: m.dropped.toJSON(),
        renamed: m.renamed.map((row) => ({ pk: row.pk, field: row.field, from: row.from, to: row.to })),
        kept_rows: m.keptRows,
        renamed_from: Object.fromEntries(m.renamedFrom),
        unknown_fields: Object.fromEntries(m.unknownFields),
        kept_fields: Object.fromEntries(m.keptFields),
        dropped_fields: Object.fromEntries(m.droppedFields),
        extra_keys: Object.fromEntries(m.extraKeys),
      }])),
    };
  }
}
