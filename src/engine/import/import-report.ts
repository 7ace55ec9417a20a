/**
 * What an import did, per model: rows inserted, merged into existing rows, written over existing
 * rows, dropped (counted by reason, with the first pks of each) and renamed to avoid a collision,
 * and what it ignored: fields the model does not have, keys beside model, pk and fields.
 * Sentry drops and renames silently; `--report FILE` and `--dry-run` show this.
 */
import type { ImportScope } from '../../core/scopes.js';

/** How many pks of each drop reason the report keeps (the count is always exact). */
const KEPT_PKS = 20;

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
  readonly dropped = new Map<string, { count: number; pks: number[] }>();
  readonly renamed: RenamedRow[] = [];
  /** Fields the file has and the model does not: name → rows. */
  readonly unknownFields = new Map<string, number>();
  /** Keys beside model, pk and fields in the file's objects (ignored, as Django ignores them): key → objects. */
  readonly extraKeys = new Map<string, number>();

  drop(pk: number, reason: string): void {
    let entry = this.dropped.get(reason);
    if (entry === undefined) this.dropped.set(reason, (entry = { count: 0, pks: [] }));
    entry.count++;
    if (entry.pks.length < KEPT_PKS) entry.pks.push(pk);
  }

  get droppedCount(): number {
    let total = 0;
    for (const entry of this.dropped.values()) total += entry.count;
    return total;
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
      inserted: this.total((m) => m.inserted),
      merged: this.total((m) => m.existing),
      overwritten: this.total((m) => m.overwritten),
      dropped: this.total((m) => m.droppedCount),
      models: Object.fromEntries([...this.models].map(([name, m]) => [name, {
        inserted: m.inserted,
        merged: m.existing,
        overwritten: m.overwritten,
        resumed: m.resumedRows,
        dropped: Object.fromEntries([...m.dropped].map(([reason, entry]) => [reason, { count: entry.count, pks: entry.pks }])),
        renamed: m.renamed.map((row) => ({ pk: row.pk, field: row.field, from: row.from, to: row.to })),
        unknown_fields: Object.fromEntries(m.unknownFields),
        extra_keys: Object.fromEntries(m.extraKeys),
      }])),
    };
  }
}
