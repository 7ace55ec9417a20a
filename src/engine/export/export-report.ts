/**
 * What an export did, per model: rows exported and rows left out with the reason. Sentry drops
 * such rows silently; `--report FILE` writes this so that users can see why.
 */
import type { ExportScope } from '../../core/scopes.js';

export interface LeftOutRow {
  readonly pk: number;
  readonly reason: string;
}

export class ModelExportReport {
  exported = 0;
  leftOutCount = 0;
  readonly leftOutRows: LeftOutRow[] = [];

  constructor(readonly explain: boolean) {}

  leftOut(pk: number, reason: string): void {
    this.leftOutCount++;
    if (this.explain) this.leftOutRows.push({ pk, reason });
  }
}

export class ExportReport {
  readonly models = new Map<string, ModelExportReport>();

  constructor(readonly scope: ExportScope, readonly explain: boolean) {}

  model(name: string): ModelExportReport {
    let report = this.models.get(name);
    if (report === undefined) this.models.set(name, (report = new ModelExportReport(this.explain)));
    return report;
  }

  get exported(): number {
    let total = 0;
    for (const report of this.models.values()) total += report.exported;
    return total;
  }

  /** The JSON form `--report FILE` writes. */
  toJSON(): unknown {
    return {
      scope: this.scope,
      exported: this.exported,
      models: Object.fromEntries(
        [...this.models].map(([name, report]) => [
          name,
          { exported: report.exported, left_out: report.leftOutCount, ...(this.explain && { left_out_rows: report.leftOutRows }) },
        ]),
      ),
    };
  }
}
