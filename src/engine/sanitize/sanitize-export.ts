/**
 * `backup sanitize`: two passes over an export. The first collects every datetime of every known
 * model (so each can be re-drawn between its neighbours); the second yields each object of a
 * known model with its identifying values replaced. Objects of models the registry does not know
 * are dropped (and counted), as Sentry drops them.
 */
import type { ExportObject } from '../../core/json/export-writer.js';
import type { Registry } from '../../core/registry/registry.js';
import { datetimeFields, sanitizeFields } from '../../core/sanitize/sanitize-object.js';
import { Sanitizer } from '../../core/sanitize/sanitizer.js';
import type { RandomInts } from '../../core/sanitize/sanitizer.js';
import { fileObjects } from '../import/file-objects.js';
import type { ImportSource } from '../import/file-objects.js';

export interface SanitizeOptions {
  /** The Sentry version the file's models are read as. */
  readonly registry: Registry;
  /** Whole days every datetime moves by (after the re-draw). */
  readonly daysOffset?: number;
  /** A random source (tests pass a seeded one). */
  readonly random?: RandomInts;
}

export interface SanitizeRun {
  readonly objects: Iterable<ExportObject>;
  /** Filled as `objects` is iterated: rows dropped per unknown model. */
  readonly dropped: Map<string, number>;
}

function datetimesOf(registry: Registry, source: ImportSource): Set<string> {
  const values = new Set<string>();
  for (const object of fileObjects(source)) {
    const entry = registry.find(object.model);
    if (entry === undefined) continue;
    for (const name of datetimeFields(entry)) {
      const value = object.fields[name];
      if (typeof value === 'string') values.add(value);
    }
  }
  return values;
}

export function sanitizeExport(source: ImportSource, options: SanitizeOptions): SanitizeRun {
  const { registry } = options;
  const dropped = new Map<string, number>();
  function* objects(): Generator<ExportObject> {
    const sanitizer = new Sanitizer(datetimesOf(registry, source), options.daysOffset ?? 0, options.random);
    for (const object of fileObjects(source)) {
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
