/**
 * `backup sanitize`: two passes over an export. The first collects every datetime of every known
 * model (so each can be re-drawn between its neighbours) and refuses a source that is not an
 * export; the second yields each object of a known model with its identifying values replaced.
 * Objects of models the registry does not know are dropped (and counted), as Sentry drops them.
 */
import { RelocateError } from '../../core/errors.js';
import type { ExportObject } from '../../core/json/export-writer.js';
import type { Registry } from '../../core/registry/registry.js';
import { datetimeFields, sanitizeFields } from '../../core/sanitize/sanitize-object.js';
import { Sanitizer } from '../../core/sanitize/sanitizer.js';
import type { RandomInts } from '../../core/sanitize/sanitizer.js';
import { fileObjects } from '../import/file-objects.js';
import type { FileObject, ImportSource } from '../import/file-objects.js';
import { ImportingError } from '../import/import-error.js';
import { SANITIZE_OPTIONS, checkOptions } from '../verb-options.js';

export interface SanitizeOptions {
  /** The Sentry version the file's models are read as. */
  readonly registry: Registry;
  /** Whole days every datetime moves by (after the re-draw). */
  readonly daysOffset?: number;
  /** A random source (tests pass a seeded one). */
  readonly random?: RandomInts;
  /** The source's name (the user's path) for messages. */
  readonly sourceName?: string;
}

/** A source that is not an export, located (the reader's words are an import's; this is no import). */
export class UnreadableSourceError extends RelocateError {
  constructor(readonly kind: string, readonly line: number | undefined, readonly reason: string, name: string | undefined, model = '', options?: { cause?: unknown }) {
    super(`Invalid source JSON${name === undefined ? '' : ` in ${name}`}${line === undefined ? '' : ` at line ${line}`}${model === '' ? '' : ` (${model})`}: ${reason}`, options);
  }
}

function* sourceObjects(source: ImportSource, name: string | undefined): Generator<FileObject> {
  try {
    yield* fileObjects(source);
  } catch (error) {
    if (error instanceof ImportingError) throw new UnreadableSourceError(error.kind, error.line, error.reason, name, error.on.model, { cause: error });
    throw error;
  }
}

export interface SanitizeRun {
  readonly objects: Iterable<ExportObject>;
  /** Filled as `objects` is iterated: rows dropped per unknown model. */
  readonly dropped: Map<string, number>;
}

function datetimesOf(registry: Registry, source: ImportSource, name: string | undefined): Set<string> {
  const values = new Set<string>();
  for (const object of sourceObjects(source, name)) {
    const entry = registry.find(object.model);
    if (entry === undefined) continue;
    for (const name of datetimeFields(entry)) {
      const value = object.fields[name];
      if (typeof value === 'string') values.add(value);
    }
  }
  return values;
}

/**
 * Reads the source's datetimes now (so a source that is not an export is refused before anything
 * is written), then sanitizes its objects as `objects` is iterated.
 */
export function sanitizeExport(source: ImportSource, options: SanitizeOptions): SanitizeRun {
  checkOptions('sanitizeExport', SANITIZE_OPTIONS, options);
  const { registry } = options;
  const dropped = new Map<string, number>();
  const datetimes = datetimesOf(registry, source, options.sourceName);
  function* objects(): Generator<ExportObject> {
    const sanitizer = new Sanitizer(datetimes, options.daysOffset ?? 0, options.random);
    for (const object of sourceObjects(source, options.sourceName)) {
      const entry = registry.find(object.model);
      if (entry === undefined || entry.fields.length === 0) {
        dropped.set(object.model, (dropped.get(object.model) ?? 0) + 1);
        continue;
      }
      yield { model: object.model, pk: object.pk, fields: sanitizeFields(entry, object.fields, sanitizer) };
    }
  }
  return { objects: objects(), dropped };
}
