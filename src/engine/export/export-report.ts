/**
 * What an export did, per model: rows written and rows left out, by reason with their pks (the
 * same shape as an import's report), and what it wrote back that the database's Sentry version
 * has no model or field for (rows and fields an import kept). Sentry leaves rows out silently;
 * `--report FILE` writes this so that users can see why.
 */
import type { ExportScope } from '../../core/scopes.js';
import { DroppedRows } from '../report/dropped-rows.js';

export class ModelExportReport {
  exported = 0;
  readonly dropped = new DroppedRows();
  /** Kept rows of this (unknown) model written back. */
  keptRows = 0;
  /** Rows written with fields the model does not have, kept by an import: name → rows. */
  readonly keptFields = new Map<string, number>();

  leftOut(pk: number, reason: string): void {
    this.dropped.add(pk, reason);
  }

  get leftOutCount(): number {
    return this.dropped.count;
  }
}

export class ExportReport {
  readonly models = new Map<string, ModelExportReport>();
  /** Kept rows a non-Global export does not write (their scope is unknown): model → rows. */
  readonly keptRowsNotWritten = new Map<string, number>();
  /** Values of the filters that matched nothing in the database. */
  unmatched: { readonly filterUsernames: readonly string[]; readonly filterOrgSlugs: readonly string[] } = { filterUsernames: [], filterOrgSlugs: [] };

  constructor(readonly scope: ExportScope) {}

  model(name: string): ModelExportReport {
    let report = this.models.get(name);
    if (report === undefined) this.models.set(name, (report = new ModelExportReport()));
    return report;
  }

  get exported(): number {
    let total = 0;
    for (const report of this.models.values()) total += report.exported + report.keptRows;
    return total;
  }

  /** The JSON form `--report FILE` writes. */
  toJSON(): unknown {
    let dropped = 0;
    let keptRows = 0;
    for (const report of this.models.values()) {
      dropped += report.dropped.count;
      keptRows += report.keptRows;
    }
    return {
      scope: this.scope,
      written: this.exported,
      dropped,
      kept_rows: keptRows,
      unmatched_filters: { filter_usernames: [...this.unmatched.filterUsernames], filter_org_slugs: [...this.unmatched.filterOrgSlugs] },
      ...(this.keptRowsNotWritten.size > 0 && {
        kept_rows_not_written: {
          reason: 'rows of models this Sentry version does not know are written only by a Global export (their scope is unknown)',
          models: Object.fromEntries(this.keptRowsNotWritten),
        },
      }),
      models: Object.fromEntries([...this.models].map(([name, report]) => [name, {
        written: report.exported + report.keptRows,
        dropped: report.dropped.toJSON(),
        ...(report.keptRows > 0 && { kept_rows: report.keptRows }),
        ...(report.keptFields.size > 0 && { kept_fields: Object.fromEntries(report.keptFields) }),
      }])),
    };
  }
}
