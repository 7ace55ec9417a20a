import { RelocateError } from '../../core/errors.js';
import type { Finding, InstanceID } from '../../core/findings.js';

/** Sentry's `RpcExportErrorKind`. */
export type ExportErrorKind = 'Unknown' | 'IncorrectSiloModeForModel' | 'UnknownModel' | 'UnexportableModel' | 'UnspecifiedScope';

/** An export that could not finish, located at the model (and row) where it stopped. */
export class ExportingError extends RelocateError {
  constructor(readonly kind: ExportErrorKind, readonly on: InstanceID, readonly reason: string, options?: { cause?: unknown }) {
    super(`Export failed at ${on.model}${on.ordinal === undefined ? '' : ` row ${on.ordinal}`}: ${reason}`, options);
  }

  toFinding(): Finding {
    return { finding: 'RpcExportError', kind: this.kind, on: this.on, reason: this.reason };
  }
}
