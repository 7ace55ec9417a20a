/**
 * `convert`: an export of one Sentry version rewritten so that `sentry import` of another accepts
 * it. Pure over the file's objects (no database, nothing printed): models renamed to the target's
 * names, rows the target cannot hold dropped, fields the target's models lack dropped and those
 * they add carried from the file (a renamed column, a value another row decides) or filled with
 * their defaults, every value read through the target field's class (which
 * repairs old encodings), values the target refuses reported as errors, rows the target needs and
 * the source keeps elsewhere rebuilt, and the rows put in the target's model order (a model's
 * rows in source order). The report says every change, why, and where.
 */
import { RelocateError } from '../../core/errors.js';
import { formatSentryDatetime } from '../../core/json/datetime.js';
import type { ExportObject } from '../../core/json/export-writer.js';
import { MODEL_NAME_SHAPE } from '../../core/registry/index.js';
import type { Registry } from '../../core/registry/registry.js';
import type { ModelEntry } from '../../core/registry/types.js';
import { shown } from '../../core/text/shown-value.js';
import { randomUuid4 } from '../fields/field-values.js';
import { fileObjects } from '../import/file-objects.js';
import type { FileObject, ImportSource } from '../import/file-objects.js';
import { ImportingError } from '../import/import-error.js';
import { randomString } from '../import/rule-context.js';
import { FieldCarrier } from './carried-fields.js';
import { convertFields } from './convert-fields.js';
import type { FieldContext } from './convert-fields.js';
import { ConvertReport } from './convert-report.js';
import { rebuildRows } from './rebuilt-rows.js';

export interface ConvertOptions {
  /** The Sentry version the file was exported by. */
  readonly from: Registry;
  /** The Sentry version whose `sentry import` is to accept the result. */
  readonly to: Registry;
  /** "Now", in Sentry's datetime form, for defaults and rebuilt rows (defaults to the clock). */
  readonly now?: () => string;
  /** `length` characters drawn from `alphabet`, for called defaults (defaults to a cryptographic source). */
  readonly random?: (length: number, alphabet: string) => string;
  /** The source's name (the user's path) for messages. */
  readonly sourceName?: string;
}

export interface ConvertResult {
  /** The converted export, in the target's model order. */
  readonly objects: readonly ExportObject[];
  readonly report: ConvertReport;
}

/** A source that cannot be converted at all: not an export, or a model that is not Sentry's. Located. */
export class ConvertingError extends RelocateError {
  constructor(readonly kind: string, readonly line: number | undefined, message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The source's objects, a source that is not an export refused as a ConvertingError (located). */
export function* sourceObjects(source: ImportSource, name: string | undefined): Generator<FileObject> {
  try {
    yield* fileObjects(source);
  } catch (error) {
    if (!(error instanceof ImportingError)) throw error;
    const where = `${name === undefined ? '' : ` in ${name}`}${error.line === undefined ? '' : ` at line ${error.line}`}`;
    throw new ConvertingError(error.kind, error.line, `Invalid source JSON${where}: ${error.reason}`, { cause: error });
  }
}

type Verdict = { readonly entry: ModelEntry } | { readonly drop: string } | { readonly unknown: true };

/** What becomes of a model's rows in the target: kept (under the target's name), dropped (why), or not Sentry's. */
function classify(from: Registry, to: Registry, model: string): Verdict {
  const name = to.resolve(model);
  const entry = to.find(name);
  if (entry !== undefined && entry.stored && entry.scope !== 'Excluded') return { entry };
  if (entry !== undefined) return { drop: `Excluded: Sentry ${to.version} never relocates ${name}` };
  const removal = to.removedModels.get(model) ?? to.removedModels.get(name);
  if (removal !== undefined) return { drop: `removed from Sentry${removal.until === undefined ? ` before ${to.version}` : ` in ${removal.until}`}: ${removal.note}` };
  const label = model.slice(0, model.indexOf('.'));
  if (!MODEL_NAME_SHAPE.test(model) || !to.appLabels.has(label)) return { unknown: true };
  const known = from.find(from.resolve(model)) !== undefined;
  return { drop: known ? `not a model of Sentry ${to.version}` : `not a model of Sentry ${from.version} nor of ${to.version}` };
}

export function convertExport(source: ImportSource, options: ConvertOptions): ConvertResult {
  const { from, to } = options;
  const report = new ConvertReport(from.version, to.version);
  const random = options.random ?? randomString;
  const now = options.now ?? (() => formatSentryDatetime(new Date()));
  // Held whole: rows are put in the target's order, and some fields are taken from other rows.
  const held = [...sourceObjects(source, options.sourceName)];
  const carrier = new FieldCarrier(from, to, held);
  const context: FieldContext = { to, report, carrier, defaults: { now, random, uuid4: () => randomUuid4(random) } };
  const verdicts = new Map<string, Verdict>();
  const rows = new Map<string, ExportObject[]>();
  for (const object of held) {
    report.objectsIn++;
    let verdict = verdicts.get(object.model);
    if (verdict === undefined) verdicts.set(object.model, (verdict = classify(from, to, object.model)));
    if ('unknown' in verdict) {
      throw new ConvertingError('UnknownModel', object.line, `Cannot convert${options.sourceName === undefined ? '' : ` ${options.sourceName}`}: `
        + `unknown model "${shown(object.model)}" at line ${object.line} (pk ${object.pk}): not a Sentry model name (expected "app_label.model", such as "sentry.user")`);
    }
    if ('drop' in verdict) {
      report.note('dropped-rows', { model: object.model }, verdict.drop, object.pk);
      continue;
    }
    const { entry } = verdict;
    if (entry.name !== object.model) {
      report.note('renamed-model', { model: entry.name, from: object.model }, `the same model, which Sentry ${to.version} names ${entry.name}`, object.pk);
    }
    let list = rows.get(entry.name);
    if (list === undefined) rows.set(entry.name, (list = []));
    list.push({ model: entry.name, pk: object.pk, fields: convertFields(entry, object.model, object, context) });
  }
  rebuildRows(from, held, rows, context);
  const objects: ExportObject[] = [];
  for (const entry of to.relocatable) {
    const list = rows.get(entry.name);
    if (list === undefined) continue;
    for (const object of list) objects.push(object);
    report.written.set(entry.name, list.length);
  }
  return { objects, report };
}
