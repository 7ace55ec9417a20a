/**
 * Findings as Sentry writes them to `--findings-file`: a JSON array (sorted keys, indent 2, ASCII)
 * of `{finding, kind, on: {model, ordinal}, left_pk, right_pk, reason}`; `[]` when there are none.
 */
import { dumpPythonJson } from './json/python-json.js';

/** Where a finding is: a model, and the 1-based ordinal of the row within it when known. */
export interface InstanceID {
  readonly model: string;
  readonly ordinal?: number | undefined;
}

export interface Finding {
  /** The class name Sentry writes: ComparatorFinding, RpcImportError, RpcExportError. */
  readonly finding: string;
  readonly kind: string;
  readonly on: InstanceID;
  readonly leftPk?: number | undefined;
  readonly rightPk?: number | undefined;
  readonly reason: string;
}

export function prettyInstanceId(on: InstanceID): string {
  return on.ordinal === undefined ? `InstanceID(model: '${on.model}')` : `InstanceID(model: '${on.model}', ordinal: ${on.ordinal})`;
}

/** Sentry's `pretty()`: the fields that are set, one per line. */
export function prettyFinding(finding: Finding): string {
  const lines = [`    kind: ${finding.kind}`, `    on: ${prettyInstanceId(finding.on)}`];
  if (finding.leftPk) lines.push(`    left_pk: ${finding.leftPk}`);
  if (finding.rightPk) lines.push(`    right_pk: ${finding.rightPk}`);
  if (finding.reason) lines.push(`    reason: ${finding.reason}`);
  return `${finding.finding}(\n${lines.join(',\n')}\n)`;
}

export function findingsFileText(findings: readonly Finding[]): string {
  return dumpPythonJson(
    findings.map((finding) => ({
      finding: finding.finding,
      kind: finding.kind,
      left_pk: finding.leftPk ?? null,
      on: { model: finding.on.model, ordinal: finding.on.ordinal ?? null },
      reason: finding.reason,
      right_pk: finding.rightPk ?? null,
    })),
    { indent: 2, sortKeys: true },
  );
}
