/**
 * Nothing a user gave is lost: rows of models the database's Sentry version does not know, and
 * fields its models do not have, are kept beside the rows (db/kept-store.ts) and reported, and a
 * Global export writes them back. Fields Sentry removed (the registry lists them) are dropped, as
 * Sentry's importer drops them, and reported too.
 */
import { dumpPythonJson } from '../../core/json/python-json.js';
import type { Registry } from '../../core/registry/registry.js';
import type { Driver } from '../../db/port.js';
import { clearKept, createKeptTables, hasKeptTables, keepFields, keepRow } from '../../db/kept-store.js';
import type { ImportReport, ModelImportReport } from './import-report.js';
import type { KeptObject } from './scan-file.js';

/**
 * Whether an import may make the kept-data tables when the database lacks them: yes on a database
 * relocate made; on one it did not (Sentry's own), only with the user's consent.
 */
export type KeepTables = 'create' | 'if-present';

export class Keeper {
  #ready: boolean | undefined;

  /** Without a driver nothing is written (a check): what would be kept is only reported. */
  constructor(
    private readonly driver: Driver | undefined,
    private readonly registry: Registry,
    private readonly tables: KeepTables,
    private readonly importUuid: string,
  ) {}

  /** Whether there is somewhere to keep things (making the tables the first time, where allowed). */
  #canKeep(): boolean {
    if (this.#ready === undefined) {
      this.#ready = this.driver !== undefined && hasKeptTables(this.driver);
      if (!this.#ready && this.tables === 'create') {
        if (this.driver !== undefined) createKeptTables(this.driver);
        this.#ready = true;
      }
    }
    return this.#ready;
  }

  /** A Global import replaces everything: what earlier imports kept goes too. */
  clear(): void {
    if (this.driver !== undefined && hasKeptTables(this.driver)) clearKept(this.driver);
  }

  /** Rows of models this version does not know, as the file has them. */
  keepRows(kept: readonly KeptObject[], report: ImportReport): void {
    if (kept.length === 0) return;
    const canKeep = this.#canKeep();
    for (const { object, afterModel } of kept) {
      const modelReport = report.model(object.model);
      if (!canKeep) {
        modelReport.drop(object.pk, NO_TABLES);
        continue;
      }
      if (this.driver !== undefined) keepRow(this.driver, { model: object.model, pk: object.pk, afterModel, fields: dumpPythonJson(object.fields) }, this.importUuid);
      modelReport.keptRows++;
    }
  }

  /**
   * The fields a written row has and its model does not: kept beside the row `pk` (the row's pk
   * here), or dropped with the reason. `merged`: the file's row was merged into an existing one,
   * whose own fields stand.
   */
  keepFields(model: string, pk: number, fields: Readonly<Record<string, unknown>>, names: readonly string[], merged: boolean, modelReport: ModelImportReport): void {
    const kept: Record<string, unknown> = {};
    let keeping = 0;
    for (const name of names) {
      const removal = this.registry.removedFields.get(`${model}.${name}`);
      const reason = removal !== undefined ? `removed from Sentry${removal.until === undefined ? '' : ` in ${removal.until}`}: ${removal.note}`
        : merged ? 'the row was merged into an existing row, whose own fields stand'
        : this.#canKeep() ? undefined : NO_TABLES;
      if (reason !== undefined) {
        modelReport.dropField(name, reason);
        continue;
      }
      kept[name] = fields[name];
      keeping++;
      modelReport.keepField(name);
    }
    if (keeping > 0 && this.driver !== undefined) keepFields(this.driver, model, pk, dumpPythonJson(kept));
  }
}

const NO_TABLES = 'this database has no relocate tables to keep it in (a Sentry database: pass --create-bookkeeping)';
