/**
 * A check's picture of the target an import would write into: the rows the file's import would
 * have written so far (their unique values only, picture-table.ts), over the database a `--db`
 * names (looked up, never written). It is the import rules' context (ImportRuleContext), so the
 * registry's own rules run against it unchanged and their outcomes are the import's: a username
 * suffixed, a token re-minted, a row merged into another, a unique value taken (the IntegrityError
 * an import would stop at, with the row that holds the value). Writes that change the fields a
 * model's rules announce are told to the check as they happen.
 */
import type { Registry } from '../../core/registry/registry.js';
import type { AnnouncedChange, ImportingRow, MappedPk, StoredValue } from '../../core/registry/import-rules.js';
import type { ModelEntry } from '../../core/registry/types.js';
import type { ImportScope } from '../../core/scopes.js';
import { shown } from '../../core/text/shown-value.js';
import { ConstraintViolation } from '../../db/port.js';
import type { EngineRuleContext } from '../import/import-batch.js';
import type { PkMap } from '../import/primary-key-map.js';
import { RowRuleContext } from '../import/rule-context.js';
import { PictureTable, conditionHolds } from './picture-table.js';
import type { RowOrigin, UniqueSet } from './picture-table.js';

/** The database under the picture: lookups only. */
export interface DatabaseView {
  /** The pk of a row whose fields equal `where` (null matches null; `nocase` fields ignore ASCII case). */
  find(entry: ModelEntry, where: Readonly<Record<string, StoredValue>>, nocase: readonly string[]): number | undefined;
  /** The first pk after the model's rows. */
  firstFreePk(entry: ModelEntry): number;
  option(key: string): string | undefined;
}

export interface AnnouncedFieldChange {
  readonly field: string;
  readonly kind: AnnouncedChange;
  readonly from: StoredValue;
  readonly to: StoredValue;
}

/** What the picture tells the check as rows are written. */
export interface PictureEvents {
  /** A row was written over an existing row (the file's, the database's, or one a rule made). */
  overwrote(row: ImportingRow, target: RowOrigin): void;
  /** Fields the model's rules announce were changed by them. */
  changed(row: ImportingRow, changes: readonly AnnouncedFieldChange[]): void;
}

export interface PictureOptions {
  readonly registry: Registry;
  readonly scope: ImportScope;
  readonly mergeUsers: boolean;
  readonly overwriteConfigs: boolean;
  readonly now: () => string;
  readonly pkMap: PkMap;
  /** The database the import would write into; absent for a new one (or a Global import, which clears it). */
  readonly database?: DatabaseView | undefined;
  readonly events: PictureEvents;
  /** Keep each file row's place in the array (a repair needs it). */
  readonly places: boolean;
}

/** A unique value the import could not write: taken by a row of the file, or of the database. */
export class UniqueValueTaken extends ConstraintViolation {
  constructor(message: string, table: string, columns: readonly string[], readonly holder: RowOrigin) {
    super('UniqueViolation', message, table, columns);
  }
}

export class Picture extends RowRuleContext implements EngineRuleContext {
  /** The file row being imported: set by the check before each row, so that inserts know their origin. */
  row: { readonly pk: number; readonly line: number; readonly index: number } | undefined;
  readonly #tables = new Map<string, PictureTable>();

  constructor(private readonly options: PictureOptions) {
    super(options);
  }

  #table(model: string): PictureTable {
    let table = this.#tables.get(model);
    if (table === undefined) {
      const entry = this.options.registry.get(model);
      this.#tables.set(model, (table = new PictureTable(entry, this.options.database?.firstFreePk(entry) ?? 1, this.options.places)));
    }
    return table;
  }

  /** Where the row with this pk (here) came from. */
  origin(model: string, pk: number): RowOrigin {
    const table = this.#table(model);
    const slot = table.slotOf(pk);
    if (slot !== undefined) return table.origin(slot);
    return pk < table.firstPk ? { from: 'database', pk } : { from: 'rule' };
  }

  /** Who else holds `value` in `field` (ignoring case where the model looks it up so), if anyone. */
  holderOf(model: string, field: string, value: StoredValue): RowOrigin | undefined {
    const entry = this.options.registry.get(model);
    const nocase = entry.caseInsensitive?.includes(field) === true ? [field] : [];
    try {
      const pk = this.find(model, { [field]: value }, { nocase });
      return pk === undefined ? undefined : this.origin(model, pk);
    } catch (error) {
      if (error instanceof RangeError) return undefined; // not a field rows are looked up by
      throw error;
    }
  }

  mapped(model: string, oldPk: number): MappedPk | undefined {
    return this.options.pkMap.get(model, oldPk);
  }

  find(model: string, where: Readonly<Record<string, StoredValue>>, options: { readonly nocase?: readonly string[] } = {}): number | undefined {
    const table = this.#table(model);
    const nocase = options.nocase ?? [];
    const slot = table.find(where, nocase);
    if (slot !== undefined) return table.pkOf(slot);
    const pk = this.options.database?.find(table.entry, where, nocase);
    // A database row the import has written over is the picture's now, with its new values.
    return pk !== undefined && table.slotOf(pk) === undefined ? pk : undefined;
  }

  insert(row: ImportingRow): number {
    const table = this.#table(row.model);
    this.#guard(table, row.fields, row.original);
    const pk = table.nextPk;
    table.add(pk, row.fields, this.row === undefined ? { from: 'rule' } : { from: 'file', ...this.row });
    this.#announce(row);
    return pk;
  }

  update(row: ImportingRow, pk: number): void {
    const table = this.#table(row.model);
    const slot = table.slotOf(pk);
    const target: RowOrigin = slot === undefined ? { from: 'database', pk } : table.origin(slot);
    this.#guard(table, row.fields, row.original, slot, pk);
    if (slot === undefined) table.add(pk, row.fields, target);
    else table.replace(slot, row.fields);
    this.options.events.overwrote(row, target);
    this.#announce(row);
  }

  insertOther(model: string, fields: Readonly<Record<string, StoredValue>>): number {
    const table = this.#table(model);
    this.#guard(table, fields, fields);
    const pk = table.nextPk;
    table.add(pk, fields, { from: 'rule' });
    return pk;
  }

  option(key: string): string | undefined {
    return this.options.database?.option(key);
  }


  /** Throws UniqueValueTaken when a unique set's values are another row's (the picture's or the database's). */
  #guard(table: PictureTable, fields: Readonly<Record<string, StoredValue>>, original: Readonly<Record<string, StoredValue>>, slot?: number, pk?: number): void {
    const taken = table.collision(fields, slot);
    if (taken !== undefined) throw this.#taken(table, taken.set, original, table.origin(taken.slot));
    const database = this.options.database;
    if (database === undefined) return;
    for (const set of table.uniques) {
      if (!conditionHolds(set.condition, fields) || set.fields.some((field) => fields[field] === null || fields[field] === undefined)) continue;
      const where: Record<string, StoredValue> = {};
      for (const field of set.fields) where[field] = fields[field] as StoredValue;
      // A partial index holds only the database rows its condition covers.
      const condition = set.condition;
      if (condition !== undefined && 'is' in condition) where[condition.field] = null;
      else if (condition !== undefined && 'equals' in condition) where[condition.field] = typeof condition.equals === 'boolean' ? Number(condition.equals) : condition.equals;
      else if (condition !== undefined) continue;
      const holder = database.find(table.entry, where, []);
      if (holder !== undefined && holder !== pk && table.slotOf(holder) === undefined) throw this.#taken(table, set, original, { from: 'database', pk: holder });
    }
  }

  #taken(table: PictureTable, set: UniqueSet, original: Readonly<Record<string, StoredValue>>, holder: RowOrigin): UniqueValueTaken {
    const values = set.fields.map((field) => shown(JSON.stringify(original[field] ?? null))).join(', ');
    const where = holder.from === 'file' ? `the row at line ${holder.line} (pk ${holder.pk}) of the file`
      : holder.from === 'database' ? `the database's row pk ${holder.pk}` : 'a row the import makes itself';
    const message = `(${set.fields.join(', ')}) = (${values}) is unique in ${table.entry.name}, and ${where} has it`;
    return new UniqueValueTaken(message, table.entry.table, set.fields, holder);
  }

  #announce(row: ImportingRow): void {
    const announces = this.options.registry.get(row.model).rules.import?.announces;
    if (announces === undefined) return;
    const changes: AnnouncedFieldChange[] = [];
    for (const field in announces) {
      const from = row.original[field] ?? null;
      const to = row.fields[field] ?? null;
      if (from !== to) changes.push({ field, kind: announces[field] as AnnouncedChange, from, to });
    }
    if (changes.length > 0) this.options.events.changed(row, changes);
  }
}
