import { RelocateError } from '../../core/errors.js';
import type { Finding, InstanceID } from '../../core/findings.js';
import { shown } from '../../core/text/shown-value.js';

/** Sentry's `RpcImportErrorKind`. */
export type ImportErrorKind =
  | 'Unknown'
  | 'DatabaseError'
  | 'DeserializationFailed'
  | 'IncorrectSiloModeForModel'
  | 'IntegrityError'
  | 'InvalidMinOrdinal'
  | 'MissingImportUUID'
  | 'UnknownModel'
  | 'UnexpectedModel'
  | 'UnspecifiedScope'
  | 'ValidationError';

/** What is wrong, for a caller that sorts refusals (check): a key, a missing field, a value. */
export type ImportFault = 'DanglingForeignKey' | 'MissingField' | 'InvalidValue' | 'UniqueViolation';

export interface ImportErrorLocation extends InstanceID {
  /** The row's pk in the file. */
  readonly leftPk?: number | undefined;
  /** The 1-based line of the file where the row starts. */
  readonly line?: number | undefined;
}

/**
 * An import that stopped, located at the model, its ordinal, the row's pk and its line in the
 * file. Nothing was written: the import runs in one transaction.
 */
export class ImportingError extends RelocateError {
  readonly on: InstanceID;
  readonly leftPk: number | undefined;
  readonly line: number | undefined;

  /** The field at fault, and what kind of fault, where known (a check names them). */
  readonly field: string | undefined;
  readonly fault: ImportFault | undefined;

  constructor(readonly kind: ImportErrorKind, where: ImportErrorLocation, readonly reason: string, options?: { cause?: unknown; field?: string | undefined; fault?: ImportFault | undefined }) {
    super(`Import failed at ${describe(where)}: ${reason}`, options);
    this.field = options?.field;
    this.fault = options?.fault;
    this.on = { model: where.model, ...(where.ordinal !== undefined && { ordinal: where.ordinal }) };
    this.leftPk = where.leftPk;
    this.line = where.line;
  }

  toFinding(): Finding {
    return { finding: 'RpcImportError', kind: this.kind, on: this.on, leftPk: this.leftPk, reason: this.reason };
  }
}

/** A row a checking caller was told about problem by problem: it is not imported, and nothing more is said. */
export class RowRefused extends Error {
  constructor() {
    super('the row was refused; its problems were reported');
  }
}

function describe(where: ImportErrorLocation): string {
  const parts = [where.model === '' ? 'the file' : shown(where.model)];
  if (where.ordinal !== undefined) parts.push(`#${where.ordinal}`);
  const details = [
    ...(where.leftPk !== undefined ? [`pk ${where.leftPk}`] : []),
    ...(where.line !== undefined ? [`line ${where.line}`] : []),
  ];
  return parts.join(' ') + (details.length > 0 ? ` (${details.join(', ')})` : '');
}

/** The "restoring from the same version?" hint Sentry prints after an IntegrityError. */
export const INTEGRITY_ERROR_HINT =
  'Are you restoring from a backup of the same version of Sentry (this relocate knows Sentry at ' +
  'the version its registry names)? Are you restoring onto a clean database (import global clears ' +
  'it first; the other scopes merge into what is there)? If so, please open an issue.';
