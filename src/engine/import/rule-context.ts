/**
 * The import engine's side of the rules' context: lookups, inserts and updates over the driver
 * port by field name, the pk map, "now" and a cryptographic random source. One per import; the
 * row being written is set before each row so that renames land in the right report.
 */
import type { Registry } from '../../core/registry/registry.js';
import type { ImportRuleContext, ImportingRow, MappedPk, StoredValue } from '../../core/registry/import-rules.js';
import type { ModelEntry } from '../../core/registry/types.js';
import type { ImportScope } from '../../core/scopes.js';
import type { Driver, SqlValue } from '../../db/port.js';
import { columnsOf } from '../../db/schema.js';
import type { RowWriter } from '../../db/row-writer.js';
import type { PrimaryKeyMap } from './primary-key-map.js';
import type { ModelImportReport } from './import-report.js';

export interface RuleContextOptions {
  readonly registry: Registry;
  readonly scope: ImportScope;
  readonly mergeUsers: boolean;
  readonly overwriteConfigs: boolean;
  readonly now: () => string;
}

/**
 * Cryptographic random bytes drawn 16 KiB at a time: an import makes a token or hash for most
 * users, and one `getRandomValues` call per string cost more than the rest of making it.
 */
const pool = new Uint8Array(16384);
let poolAt = pool.length;

function randomByte(): number {
  if (poolAt === pool.length) {
    crypto.getRandomValues(pool);
    poolAt = 0;
  }
  return pool[poolAt++] as number;
}

/** `length` characters from `alphabet`, each drawn without modulo bias. */
export function randomString(length: number, alphabet: string): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    const byte = randomByte();
    if (byte < limit) out += alphabet[byte % alphabet.length];
  }
  return out;
}

/**
 * What every rules' context does the same way, the import's (below) and a check's picture of the
 * target: the import's flags, the clock, random text, and renames reported at the row being written.
 */
export abstract class RowRuleContext {
  readonly scope: ImportScope;
  readonly mergeUsers: boolean;
  readonly overwriteConfigs: boolean;
  /** The report of the model being written, and the pk of the row (for renames). */
  current: { report: ModelImportReport; pk: number } | undefined;
  readonly #now: () => string;

  protected constructor(options: Pick<RuleContextOptions, 'scope' | 'mergeUsers' | 'overwriteConfigs' | 'now'>) {
    this.scope = options.scope;
    this.mergeUsers = options.mergeUsers;
    this.overwriteConfigs = options.overwriteConfigs;
    this.#now = options.now;
  }

  now(): string {
    return this.#now();
  }

  random(length: number, alphabet: string): string {
    return randomString(length, alphabet);
  }

  renamed(field: string, from: string, to: string): void {
    if (this.current !== undefined) this.current.report.renamed.push({ pk: this.current.pk, field, from, to });
  }
}

export class RuleContext extends RowRuleContext implements ImportRuleContext {
  constructor(
    private readonly driver: Driver,
    private readonly writer: RowWriter,
    private readonly pkMap: PrimaryKeyMap,
    private readonly options: RuleContextOptions,
  ) {
    super(options);
  }

  mapped(model: string, oldPk: number): MappedPk | undefined {
    return this.pkMap.get(model, oldPk);
  }

  find(model: string, where: Readonly<Record<string, StoredValue>>, options: { readonly nocase?: readonly string[] } = {}): number | undefined {
    const entry = this.options.registry.get(model);
    const names = Object.keys(where);
    const columns = columnsOf(entry, names);
    return this.writer.findRow(entry, names.map((name, i) => ({
      column: columns[i] as string,
      value: where[name] as SqlValue,
      nocase: options.nocase?.includes(name) === true,
    })));
  }

  insert(row: ImportingRow, options: { readonly keepPk?: boolean } = {}): number {
    const entry = this.options.registry.get(row.model);
    const keepPk = options.keepPk === true;
    const values: SqlValue[] = keepPk ? [row.oldPk] : [];
    for (const field of entry.fields) values.push((row.fields[field.name] ?? null) as SqlValue);
    return this.writer.insertFields(entry, values, keepPk);
  }

  update(row: ImportingRow, pk: number): void {
    const entry = this.options.registry.get(row.model);
    this.writer.updateRow(entry, byColumn(entry, row.fields), pk);
  }

  insertOther(model: string, fields: Readonly<Record<string, StoredValue>>): number {
    const entry = this.options.registry.get(model);
    return this.writer.insertRow(entry, byColumn(entry, fields));
  }

  option(key: string): string | undefined {
    const options = this.options.registry.get('sentry.option');
    this.writer.beforeRead(options);
    const row = this.driver.prepare(`SELECT "value" FROM "${options.table}" WHERE "key" = ?`).get([key]);
    if (row === undefined || typeof row.value !== 'string') return undefined;
    const value = JSON.parse(row.value) as unknown;
    return typeof value === 'string' ? value : undefined;
  }

}


/** Field name → stored value, as column → value (fields the model lacks are ignored). */
function byColumn(entry: ModelEntry, fields: Readonly<Record<string, StoredValue>>): Record<string, SqlValue> {
  const values: Record<string, SqlValue> = {};
  for (const field of entry.fields) if (Object.hasOwn(fields, field.name)) values[field.column] = fields[field.name] as SqlValue;
  return values;
}
