/**
 * What the page and its session say to each other: plain, structured-cloneable data, so that the
 * session can sit in a worker (messages) or on the page's thread (calls) behind one interface.
 */
import type { Finding } from '../core/findings.js';
import type { ExportScope } from '../core/scopes.js';
import type { CompareResult } from '../engine/compare/index.js';
import type { RenamedRow } from '../engine/import/index.js';
import type { GivenFile } from './sources.js';

export interface Progress {
  readonly label: string;
  readonly done: number;
  readonly total: number;
}

export interface SummaryRow {
  readonly model: string;
  /** The registry's relocation scope ('' for a model this registry does not know). */
  readonly scope: string;
  readonly inFile: number;
  imported: number;
  dropped: { reason: string; count: number; pks: number[] }[];
  renamed: RenamedRow[];
  unknownFields: { field: string; count: number }[];
}

export interface OpenSummary {
  readonly name: string;
  readonly bytes: number;
  readonly objects: number;
  readonly models: readonly SummaryRow[];
  /** The file's own problems: UnorderedInput, DuplicateCustomOrdinal, DanglingForeignKey. */
  readonly problems: readonly Finding[];
  /** Set when the import stopped (nothing was imported then). */
  readonly importError: (Finding & { line?: number | undefined }) | undefined;
  readonly reordered: boolean;
  readonly millis: number;
}

export interface RowsPage {
  readonly model: string;
  readonly columns: readonly string[];
  /** Foreign key column → the model it points at. */
  readonly links: Readonly<Record<string, string>>;
  readonly rows: readonly (readonly unknown[])[];
  readonly total: number;
  readonly offset: number;
}

export interface CompareSummary extends Pick<CompareResult, 'findings' | 'unknownModels' | 'oneSidedFields'> {
  readonly name: string;
}

export interface SubsetRequest {
  readonly scope: ExportScope;
  readonly orgSlugs?: readonly string[] | undefined;
  readonly usernames?: readonly string[] | undefined;
}

export interface Download {
  readonly name: string;
  readonly type: string;
  readonly bytes: Uint8Array;
  /** Objects in an export download (0 for the database file). */
  readonly objects: number;
}

/** The session as the page sees it, wherever it runs. */
export interface SessionApi {
  open(given: GivenFile, onProgress: (progress: Progress) => void): Promise<OpenSummary>;
  rows(model: string, offset: number, limit: number): Promise<RowsPage>;
  offsetOf(model: string, pk: number, limit: number): Promise<number | undefined>;
  compare(given: GivenFile, acrossVersions: boolean): Promise<CompareSummary>;
  exportSubset(request: SubsetRequest): Promise<Download>;
  sanitize(daysOffset: number): Promise<Download>;
  database(): Promise<Download>;
}

export type SessionMethod = Exclude<keyof SessionApi, 'open'> | 'open';

/** page → worker */
export interface SessionRequest {
  readonly id: number;
  readonly method: SessionMethod;
  readonly args: readonly unknown[];
}

/** worker → page: a result, an error, or progress of the request with that id. */
export type SessionReply =
  | { readonly id: number; readonly result: unknown }
  | { readonly id: number; readonly error: { readonly kind: string; readonly message: string } }
  | { readonly id: number; readonly progress: Progress };

/** An error as it crosses to the page: its kind (RelocateError's, or the class name) and message. */
export function describeError(error: unknown): { kind: string; message: string } {
  if (error instanceof Error) {
    const kind = (error as { kind?: unknown }).kind;
    return { kind: typeof kind === 'string' ? kind : error.name, message: error.message };
  }
  return { kind: 'Error', message: String(error) };
}
