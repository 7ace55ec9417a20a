/**
 * `backup compare`: two exports read as streams of objects and validated with the default
 * comparators, model by model (core/compare/validate.ts): files in model order are read once and
 * only one model's rows are held at a time (none at all for models compared in pk order); sides
 * in other orders are staged and read back model by model. `--across-versions` leaves out what
 * only one Sentry version has (across-versions.ts), which takes one more read of each side;
 * `--converted-through` also leaves out what the versions converted through cannot hold
 * (converted-through.ts).
 */
import { defaultComparators } from '../../core/compare/default-comparators.js';
import type { ComparatorFinding } from '../../core/compare/comparator-findings.js';
import type { ExportedObject, Side } from '../../core/compare/model-map.js';
import { memoryStaging } from '../../core/compare/staging.js';
import { validateStreams } from '../../core/compare/validate.js';
import type { Registry } from '../../core/registry/registry.js';
import type { Driver } from '../../db/port.js';
import { arrayElements, JsonInputError } from '../../core/json/array-elements.js';
import type { ArrayElement } from '../../core/json/array-elements.js';
import { parseElement } from '../import/file-objects.js';
import type { ImportSource } from '../import/file-objects.js';
import { ImportingError } from '../import/import-error.js';
import { RelocateError } from '../../core/errors.js';
import { COMPARE_OPTIONS, checkOptions } from '../verb-options.js';
import { versionGap } from './across-versions.js';
import { withoutRenewal } from './converted-through.js';
import type { ConvertedAway } from './converted-through.js';
import { sqliteStaging } from './sqlite-staging.js';

export interface CompareOptions {
  /** The Sentry version whose models and comparators the two files are read with. */
  readonly registry: Registry;
  /** Leave out what only one version has, and compare known fields by value (across-versions.ts). */
  readonly acrossVersions?: boolean;
  /**
   * Across versions: the Sentry versions the right side was converted through (`relocate convert`
   * to them and back). What one of them cannot hold is left out of both sides and listed in
   * `convertedAway`: conversion drops those rows, and those fields come back as their defaults.
   * Values an import renews (UUIDs, subscription ids) are then expected unchanged: no import ran.
   */
  readonly convertedThrough?: readonly Registry[];
  /**
   * Opens an empty database (which the compare closes) to stage sides that are not in the same
   * model order, so that memory grows with the largest model rather than with the files; the CLI
   * passes a temporary SQLite file. Without it such sides are staged in memory.
   */
  readonly stagingDatabase?: () => Driver;
}

export interface CompareResult {
  readonly findings: ComparatorFinding[];
  /** Across versions: models the registry does not know, with their rows per side. */
  readonly unknownModels: { readonly model: string; readonly left: number; readonly right: number }[];
  /** Across versions: fields only one side has, per model. */
  readonly oneSidedFields: { readonly model: string; readonly field: string; readonly side: 'left' | 'right' }[];
  /** With convertedThrough: models and fields some version of the conversion cannot hold. */
  readonly convertedAway: ConvertedAway[];
}

/** A side that cannot be read: which side, where, and why (Sentry's "Invalid left JSON"). */
export class UnreadableSideError extends RelocateError {
  constructor(readonly kind: string, readonly side: 'left' | 'right', readonly line: number | undefined, readonly reason: string, options?: { cause?: unknown }) {
    super(`Invalid ${side} JSON${line === undefined ? '' : ` at line ${line}`}: ${reason}`, options);
  }
}

/**
 * A side's objects as fileObjects reads them (held objects, or each element parsed and checked by
 * parseElement, JSON errors made DeserializationFailed the same way), an unreadable side named as
 * such. An iterator object rather than generators stacked on generators: the compare's one pass
 * takes millions of objects through here.
 */
class SideObjects implements IterableIterator<ExportedObject> {
  readonly #elements: Iterator<ArrayElement>;

  constructor(source: ImportSource, readonly side: Side) {
    this.#elements = arrayElements(source.chunks());
  }

  [Symbol.iterator](): this {
    return this;
  }

  next(): IteratorResult<ExportedObject> {
    try {
      const element = this.#elements.next();
      return element.done === true ? element : { done: false, value: parseElement(element.value) };
    } catch (error) {
      throw unreadable(error, this.side);
    }
  }

  return(): IteratorResult<ExportedObject> {
    this.#elements.return?.();
    return { done: true, value: undefined };
  }
}

function unreadable(error: unknown, side: Side): unknown {
  const importing = error instanceof JsonInputError ? new ImportingError('DeserializationFailed', { model: error.model ?? '', line: error.line }, error.message, { cause: error }) : error;
  if (!(importing instanceof ImportingError)) return error;
  const reason = importing.on.model === '' ? importing.reason : `${importing.on.model}: ${importing.reason}`;
  return new UnreadableSideError(importing.kind, side, importing.line, reason, { cause: importing });
}

export function compareExports(left: ImportSource, right: ImportSource, options: CompareOptions): CompareResult {
  checkOptions('compareExports', COMPARE_OPTIONS, options);
  const { registry, stagingDatabase } = options;
  const sources = { left, right };
  const read = (side: Side): Iterable<ExportedObject> => sources[side].parsed ?? new SideObjects(sources[side], side);
  const staging = stagingDatabase === undefined ? memoryStaging : () => sqliteStaging(stagingDatabase());
  const comparators = defaultComparators(registry);
  if (options.acrossVersions !== true) {
    return { findings: validateStreams(registry, read, comparators, staging), unknownModels: [], oneSidedFields: [], convertedAway: [] };
  }
  const gap = versionGap(registry, read, options.convertedThrough);
  const used = options.convertedThrough === undefined ? comparators : withoutRenewal(comparators);
  const findings = validateStreams(registry, (side) => gap.objects(read(side)), used, staging);
  return { findings, unknownModels: gap.unknownModels, oneSidedFields: gap.oneSidedFields, convertedAway: gap.convertedAway };
}
