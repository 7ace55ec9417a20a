/**
 * What `relocate check` reports: one problem per thing wrong with (or notable about) a file, each
 * located (model, pk, ordinal, field, line) and worded with what was expected. An error is what an
 * import would refuse, or data the file holds that an import would lose; a note is what an import
 * (Sentry's too) drops, renames or changes on purpose. The import's own code reports through the
 * same shapes: its path turns the first error into a throw, check's path collects every one.
 */

export type Severity = 'error' | 'note';

/** Every kind, with the severity it has unless the problem says otherwise, and a title for people. */
export const PROBLEM_KINDS = {
  // The bytes: what is not the JSON array.
  TextBeforeArray: { severity: 'error', title: 'text before the JSON array' },
  TextAfterArray: { severity: 'error', title: 'text after the JSON array' },
  ByteOrderMark: { severity: 'note', title: 'a byte order mark before the array' },
  InvalidUtf8: { severity: 'error', title: 'bytes that are not UTF-8' },
  Truncated: { severity: 'error', title: 'the file stops before the array ends' },
  MalformedArray: { severity: 'error', title: 'the array itself is malformed' },
  NoArray: { severity: 'error', title: 'no JSON array in the file' },
  TooDeep: { severity: 'error', title: 'nested deeper than Python loads' },
  // The objects.
  InvalidJson: { severity: 'error', title: 'an element that is not valid JSON' },
  InvalidObject: { severity: 'error', title: 'an element not shaped {"model", "pk", "fields"}' },
  ExtraKeys: { severity: 'note', title: 'keys beside model, pk and fields (ignored)' },
  UnknownModel: { severity: 'error', title: 'a model name of no Sentry app' },
  RemovedModel: { severity: 'note', title: 'rows of a model Sentry removed (dropped)' },
  ExcludedModel: { severity: 'note', title: 'rows of a model Sentry never relocates (dropped)' },
  KeptModel: { severity: 'note', title: 'rows of a model this Sentry version does not know' },
  RenamedModel: { severity: 'note', title: 'a model under another version\'s name' },
  UnknownField: { severity: 'note', title: 'fields this Sentry version does not know (kept)' },
  RemovedField: { severity: 'note', title: 'fields Sentry removed (dropped)' },
  MissingField: { severity: 'error', title: 'a required field the file lacks' },
  InvalidValue: { severity: 'error', title: 'values that do not fit their field' },
  LegacyEncoding: { severity: 'note', title: 'old encodings the import repairs' },
  // Within the file.
  DuplicatePk: { severity: 'error', title: 'two rows of one model with one pk' },
  DuplicateUniqueValue: { severity: 'error', title: 'two rows with the same values in a unique set' },
  DanglingForeignKey: { severity: 'error', title: 'keys to rows the file does not have' },
  SentryRefuses: { severity: 'error', title: 'rows a rule of Sentry\'s refuses' },
  OutOfOrder: { severity: 'note', title: 'models out of the import\'s order (re-sorted)' },
  DependsOnDroppedRow: { severity: 'note', title: 'rows whose parent row is refused or left out' },
  // What an import would do.
  Dropped: { severity: 'note', title: 'rows the import drops' },
  Renamed: { severity: 'note', title: 'usernames and slugs that get a suffix' },
  Reminted: { severity: 'note', title: 'tokens, keys and ids made anew' },
  Unclaimed: { severity: 'note', title: 'users left to claim their account' },
  PrivilegesRemoved: { severity: 'note', title: 'admin privileges removed' },
  Merged: { severity: 'note', title: 'rows merged into an existing row' },
  Overwritten: { severity: 'note', title: 'rows written over an existing row' },
  CollidesWithDatabase: { severity: 'error', title: 'rows that collide with the database\'s' },
  ImportRefuses: { severity: 'error', title: 'rows the import refuses' },
  UnmatchedFilter: { severity: 'note', title: 'filter values that match nothing' },
  DatabaseCleared: { severity: 'note', title: 'rows of the database a Global import deletes' },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type ProblemKind = keyof typeof PROBLEM_KINDS;

/**
 * What `relocate repair` does about a problem: removes the text around the array, leaves the row
 * out (with the rows that depend on it), keeps the first of two equal rows, writes a legacy
 * encoding as the file's version writes it, or leaves out keys beside model, pk and fields. A problem without one is left as it is (an error
 * without one makes repair refuse).
 */
export type RepairAction = 'strip-text' | 'drop-row' | 'keep-first' | 're-encode' | 'drop-keys';

export interface Problem {
  readonly severity: Severity;
  readonly kind: ProblemKind;
  /** The model as the file names it; '' for the file itself. */
  readonly model: string;
  readonly pk?: number | undefined;
  /** The row's place among its model's rows in the file (1-based). */
  readonly ordinal?: number | undefined;
  readonly field?: string | undefined;
  /** 1-based line of the file where the row (or the text) starts. */
  readonly line?: number | undefined;
  /** What is wrong and what was expected, in one line. */
  readonly message: string;
  readonly repair?: RepairAction | undefined;
}

/** Where a problem is, and the row it belongs to. */
export interface ProblemPlace {
  readonly model: string;
  readonly pk?: number | undefined;
  readonly ordinal?: number | undefined;
  readonly field?: string | undefined;
  readonly line?: number | undefined;
}

/** A problem of a kind at a place, with the kind's usual severity unless given. */
export function problem(kind: ProblemKind, place: ProblemPlace, message: string, extra: { severity?: Severity; repair?: RepairAction | undefined } = {}): Problem {
  return { severity: extra.severity ?? PROBLEM_KINDS[kind].severity, kind, ...place, message, ...(extra.repair !== undefined && { repair: extra.repair }) };
}

/** The JSON form `relocate check --json` prints: every key present, null where it does not apply. */
export function problemJson(found: Problem): Record<string, unknown> {
  return {
    severity: found.severity,
    kind: found.kind,
    model: found.model,
    pk: found.pk ?? null,
    ordinal: found.ordinal ?? null,
    field: found.field ?? null,
    line: found.line ?? null,
    message: found.message,
  };
}

/** Where a problem is, for people: `sentry.user pk 3 (#2, line 40) username`. */
export function problemPlace(found: Problem): string {
  const details = [
    ...(found.ordinal !== undefined ? [`#${found.ordinal}`] : []),
    ...(found.line !== undefined ? [`line ${found.line}`] : []),
  ];
  const parts = [found.model === '' ? 'the file' : found.model];
  if (found.pk !== undefined) parts.push(`pk ${found.pk}`);
  let text = parts.join(' ') + (details.length > 0 ? ` (${details.join(', ')})` : '');
  if (found.field !== undefined) text += ` ${found.field}`;
  return text;
}
