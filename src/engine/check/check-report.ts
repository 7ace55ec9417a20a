/**
 * The import's report, as a check fills it: the same counts (written, merged, dropped by reason,
 * renamed, fields kept and dropped), and each drop and each field kept or dropped also told to the
 * check as it happens, so that it can name the row (its line and ordinal) in a problem.
 */
import { ImportReport, ModelImportReport } from '../import/import-report.js';
import type { ImportScope } from '../../core/scopes.js';

export interface ReportHooks {
  dropped(model: string, pk: number, reason: string): void;
  fieldKept(model: string, field: string): void;
  fieldDropped(model: string, field: string, reason: string): void;
}

class CheckingModelReport extends ModelImportReport {
  constructor(private readonly name: string, private readonly hooks: ReportHooks) {
    super();
  }

  override drop(pk: number, reason: string): undefined {
    this.hooks.dropped(this.name, pk, reason);
    return super.drop(pk, reason);
  }

  override keepField(name: string): void {
    this.hooks.fieldKept(this.name, name);
    super.keepField(name);
  }

  override dropField(name: string, reason: string): void {
    this.hooks.fieldDropped(this.name, name, reason);
    super.dropField(name, reason);
  }
}

export class CheckingReport extends ImportReport {
  constructor(scope: ImportScope, private readonly hooks: ReportHooks) {
    super(scope, '00000000-0000-4000-8000-000000000000');
    this.dryRun = true;
  }

  override model(name: string): ModelImportReport {
    let report = this.models.get(name);
    if (report === undefined) this.models.set(name, (report = new CheckingModelReport(name, this.hooks)));
    return report;
  }
}
