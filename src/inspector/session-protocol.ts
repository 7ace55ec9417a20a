/**
 * What the page and its session say to each other: plain, structured-cloneable data, so that the
 * session can sit in a worker (messages) or on the page's thread (calls) behind one interface.
 * Each message is described by a superstruct struct (the types below are inferred from them), and
 * the receiving side checks what it gets against it: a malformed message is refused with an error
 * naming the message, the path inside it and what was expected, instead of being half-used.
 */
import {
  array, boolean, empty, enums, instance, integer, literal, min, number, object, optional, record, string, tuple, type, unknown, validate,
} from 'superstruct';
import type { Infer, Struct, StructError } from 'superstruct';
import { EXPORT_SCOPES } from '../core/scopes.js';
import type { ExportScope } from '../core/scopes.js';

export const ProgressStruct = object({ label: string(), done: number(), total: number() });
export type Progress = Infer<typeof ProgressStruct>;

/** A finding as the engine makes it (Finding in core/findings.ts); `type`: the engine may add keys. */
const FindingStruct = type({
  finding: string(),
  kind: string(),
  on: type({ model: string(), ordinal: optional(number()) }),
  leftPk: optional(number()),
  rightPk: optional(number()),
  reason: string(),
  line: optional(number()),
});
export type SessionFinding = Infer<typeof FindingStruct>;

const SummaryRowStruct = object({
  model: string(),
  /** The registry's relocation scope ('' for a model this registry does not know). */
  scope: string(),
  inFile: number(),
  imported: number(),
  dropped: array(object({ reason: string(), count: number(), pks: array(number()) })),
  renamed: array(type({ pk: number(), field: string(), from: string(), to: string() })),
  unknownFields: array(object({ field: string(), count: number() })),
});
export type SummaryRow = Infer<typeof SummaryRowStruct>;

const OpenSummaryStruct = object({
  name: string(),
  bytes: number(),
  objects: number(),
  models: array(SummaryRowStruct),
  /** The file's own problems: UnorderedInput, DuplicateCustomOrdinal, DanglingForeignKey. */
  problems: array(FindingStruct),
  /** Set when the import stopped (nothing was imported then). */
  importError: optional(FindingStruct),
  reordered: boolean(),
  millis: number(),
  /** Which known Sentry versions the file's models and fields are consistent with, and why (one line). */
  fileVersions: string(),
  /** Every Sentry version the engine knows, oldest first: what the file can be converted for. */
  knownVersions: array(string()),
});
export type OpenSummary = Infer<typeof OpenSummaryStruct>;

const RowsPageStruct = object({
  model: string(),
  columns: array(string()),
  /** Foreign key column → the model it points at. */
  links: record(string(), string()),
  rows: array(array(unknown())),
  total: number(),
  offset: number(),
});
export type RowsPage = Infer<typeof RowsPageStruct>;

const CompareSummaryStruct = object({
  name: string(),
  findings: array(FindingStruct),
  /** Across versions: models the registry does not know, with their rows per side. */
  unknownModels: array(type({ model: string(), left: number(), right: number() })),
  /** Across versions: fields only one side has, per model. */
  oneSidedFields: array(type({ model: string(), field: string(), side: enums(['left', 'right']) })),
});
export type CompareSummary = Infer<typeof CompareSummaryStruct>;

const ProblemStruct = object({
  severity: enums(['error', 'note']),
  kind: string(),
  model: string(),
  pk: optional(number()),
  ordinal: optional(number()),
  field: optional(string()),
  line: optional(number()),
  message: string(),
  repair: optional(string()),
});
export type SessionProblem = Infer<typeof ProblemStruct>;

/** What `check` found: problems by kind (counted, the first of each listed) and what an import would do. */
const CheckResultStruct = object({
  name: string(),
  sentryVersion: string(),
  versions: string(),
  objects: number(),
  errors: number(),
  notes: number(),
  repairableErrors: number(),
  kinds: array(object({ kind: string(), severity: enums(['error', 'note']), title: string(), count: number(), problems: array(ProblemStruct) })),
  /** The Global import's counts: written, merged, overwritten, dropped, kept. */
  import: object({ written: number(), merged: number(), overwritten: number(), dropped: number(), kept: number() }),
  millis: number(),
});
export type CheckResult = Infer<typeof CheckResultStruct>;

const SubsetRequestStruct = object({
  scope: enums(Object.keys(EXPORT_SCOPES) as ExportScope[]),
  orgSlugs: optional(array(string())),
  usernames: optional(array(string())),
});
export type SubsetRequest = Infer<typeof SubsetRequestStruct>;

const DownloadStruct = object({
  name: string(),
  type: string(),
  // Any Uint8Array (sql.js's serialize() is typed over ArrayBufferLike), not only one over an ArrayBuffer.
  bytes: instance(Uint8Array) as Struct<Uint8Array, null>,
  /** Objects in an export download (0 for the database file). */
  objects: number(),
  /** What the page says about the download beyond its name and objects (a conversion's changes and refusals). */
  note: optional(string()),
});
export type Download = Infer<typeof DownloadStruct>;

/** What the user gave for one export: the file, and the private key (PEM) when it is Sentry's encrypted tarball. */
const GivenFileStruct = object({ file: instance(Blob), name: string(), privateKey: optional(instance(Blob)) });
export type GivenFile = Infer<typeof GivenFileStruct>;

/** Each method's arguments, as a tuple, and its result. */
const ARGS = {
  open: tuple([GivenFileStruct]),
  rows: tuple([string(), min(integer(), 0), min(integer(), 1)]),
  offsetOf: tuple([string(), integer(), min(integer(), 1)]),
  compare: tuple([GivenFileStruct, boolean()]),
  exportSubset: tuple([SubsetRequestStruct]),
  sanitize: tuple([number()]),
  convert: tuple([string()]),
  database: empty(array(unknown())),
  check: empty(array(unknown())),
  repaired: empty(array(unknown())),
};
const RESULTS = {
  open: OpenSummaryStruct,
  rows: RowsPageStruct,
  offsetOf: optional(integer()),
  compare: CompareSummaryStruct,
  exportSubset: DownloadStruct,
  sanitize: DownloadStruct,
  convert: DownloadStruct,
  database: DownloadStruct,
  check: CheckResultStruct,
  repaired: DownloadStruct,
} satisfies Record<keyof typeof ARGS, Struct<any, any>>;

export type SessionMethod = keyof typeof ARGS;
export const SESSION_METHODS = Object.keys(ARGS) as SessionMethod[];
export type SessionResult<M extends SessionMethod> = Infer<(typeof RESULTS)[M]>;

/** The session as the page sees it, wherever it runs. */
export interface SessionApi {
  open(given: GivenFile, onProgress: (progress: Progress) => void): Promise<OpenSummary>;
  rows(model: string, offset: number, limit: number): Promise<RowsPage>;
  offsetOf(model: string, pk: number, limit: number): Promise<number | undefined>;
  compare(given: GivenFile, acrossVersions: boolean): Promise<CompareSummary>;
  exportSubset(request: SubsetRequest): Promise<Download>;
  sanitize(daysOffset: number): Promise<Download>;
  /** The opened export converted for the Sentry version named (relocate convert's output). */
  convert(version: string): Promise<Download>;
  database(): Promise<Download>;
  /** Every problem of the opened file (read again, leniently) and what a Global import would do. */
  check(): Promise<CheckResult>;
  /** The opened file repaired (relocate repair), or an error naming what cannot be repaired. */
  repaired(): Promise<Download>;
}

/** page → worker: one struct per method, so that a request's arguments are checked for its method. */
const request = <M extends SessionMethod>(method: M) => object({ id: integer(), method: literal(method), args: ARGS[method] as (typeof ARGS)[M] });
const REQUESTS = {
  open: request('open'), rows: request('rows'), offsetOf: request('offsetOf'), compare: request('compare'),
  exportSubset: request('exportSubset'), sanitize: request('sanitize'), convert: request('convert'), database: request('database'),
  check: request('check'), repaired: request('repaired'),
} satisfies Record<SessionMethod, unknown>;
export type SessionRequest = Infer<(typeof REQUESTS)[SessionMethod]>;
const RequestEnvelope = object({ id: integer(), method: enums(SESSION_METHODS), args: array(unknown()) });

/** worker → page: a result, an error, or progress of the request with that id. */
const REPLIES = {
  progress: object({ id: integer(), progress: ProgressStruct }),
  error: object({ id: integer(), error: object({ kind: string(), message: string() }) }),
  result: object({ id: integer(), result: unknown() }),
};
export type SessionReply = Infer<(typeof REPLIES)[keyof typeof REPLIES]>;

/** A message that does not have the shape the protocol says. */
export class MalformedMessageError extends Error {
  override readonly name = 'MalformedMessageError';
  readonly kind = 'MalformedMessage';
}

/** What a failure says, located: the message, where in it, and what was expected there. */
function refusal(what: string, error: StructError): MalformedMessageError {
  const failure = error.failures()[0] ?? error;
  const where = failure.path.length === 0 ? '' : ` at ${failure.path.join('.')}`;
  // superstruct words a key or element the struct does not have as "Expected a value of type `never`".
  const why = failure.type === 'never' ? `nothing is expected there, but received: ${preview(failure.value)}` : failure.message;
  return new MalformedMessageError(`Malformed ${what}${where}: ${why}`);
}

function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** The id of a message, when it has a usable one (to answer a malformed request with an error). */
export function messageId(message: unknown): number | undefined {
  const id = typeof message === 'object' && message !== null ? (message as { id?: unknown }).id : undefined;
  return Number.isInteger(id) ? (id as number) : undefined;
}

/** Checks a request the worker received: its envelope, then its arguments against its method's. */
export function parseRequest(message: unknown): SessionRequest {
  const [envelopeError, envelope] = validate(message, RequestEnvelope);
  if (envelopeError !== undefined) throw refusal('request to the inspector session', envelopeError);
  const [error, parsed] = validate(message, REQUESTS[envelope.method] as Struct<SessionRequest, unknown>);
  if (error !== undefined) throw refusal(`${envelope.method} request (id ${envelope.id}) to the inspector session`, error);
  return parsed;
}

/** Checks a reply the page received: progress, an error or a result, each with the request's id. */
export function parseReply(message: unknown): SessionReply {
  const key = typeof message === 'object' && message !== null ? (Object.keys(REPLIES) as (keyof typeof REPLIES)[]).find((name) => name in message) : undefined;
  if (key === undefined) {
    throw new MalformedMessageError(`Malformed reply from the inspector session: expected an object with an id and a result, an error or progress, but received: ${preview(message)}`);
  }
  const [error, reply] = validate(message, REPLIES[key] as Struct<SessionReply, unknown>);
  if (error !== undefined) throw refusal(`${key} reply from the inspector session`, error);
  return reply;
}

/** Checks the result of a method against what that method returns. */
export function parseResult<M extends SessionMethod>(method: M, result: unknown): SessionResult<M> {
  const [error, value] = validate(result, RESULTS[method] as Struct<SessionResult<M>, unknown>);
  if (error !== undefined) throw refusal(`result of ${method} from the inspector session`, error);
  return value;
}

/** An error as it crosses to the page: its kind (RelocateError's, or the class name) and message. */
export function describeError(error: unknown): { kind: string; message: string } {
  if (error instanceof Error) {
    const kind = (error as { kind?: unknown }).kind;
    return { kind: typeof kind === 'string' ? kind : error.name, message: error.message };
  }
  return { kind: 'Error', message: String(error) };
}
