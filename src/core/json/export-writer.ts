/**
 * Writes an export the way Sentry does (`json.dump(list, indent=N)`), one object at a time so
 * that nothing holds the whole file: `[`, the objects, `]`, no final newline; `[]` when empty.
 * The caller decides where the text goes (a file, stdout, a download) and when to flush it.
 */
import { PyFloat, dumpPythonJson, pythonFloat, pythonString } from './python-json.js';

/** One object of an export, as Sentry writes it and as the library hands it out. */
export interface ExportObject {
  readonly model: string;
  readonly pk: number;
  /** Field name → export value, in the model's declared order. */
  readonly fields: Readonly<Record<string, unknown>>;
}

/**
 * The same object with its fields as two arrays (the names shared by every row of a model): what
 * the exporter produces for the writers, which then build and walk no `fields` object per row.
 */
export interface ExportRow {
  readonly model: string;
  readonly pk: number;
  readonly names: readonly string[];
  readonly values: readonly unknown[];
}

/** What the writers take: either form. */
export type WritableObject = ExportObject | ExportRow;

/** The plain form of either (a new object for a row; the object itself otherwise). */
export function plainObject(object: WritableObject): ExportObject {
  if ('fields' in object) return object;
  const fields: Record<string, unknown> = {};
  for (let i = 0; i < object.names.length; i++) fields[object.names[i] as string] = object.values[i];
  return { model: object.model, pk: object.pk, fields };
}

export class ExportWriter {
  #count = 0;
  readonly #indent: number | undefined;
  readonly #separator: string;

  /** `indent` null writes everything on one line (Python's `indent=None`). */
  constructor(indent: number | null = 2) {
    this.#indent = indent ?? undefined;
    this.#separator = indent === null ? ', ' : ',\n' + ' '.repeat(indent);
  }

  readonly #keys = new Map<string, string>();
  readonly #keyLists = new WeakMap<readonly string[], string[]>();

  /** `"name": ` for each name, once per list of names. */
  #keysOf(names: readonly string[]): string[] {
    let keys = this.#keyLists.get(names);
    if (keys === undefined) this.#keyLists.set(names, (keys = names.map((name) => `${pythonString(name)}: `)));
    return keys;
  }
  readonly #newlines: string[] = [];

  #newline(depth: number): string {
    return this.#indent === undefined ? '' : (this.#newlines[depth] ??= '\n' + ' '.repeat(this.#indent * depth));
  }

  /** A value inside `fields`: scalars directly (the common case), structures through dumpPythonJson. */
  #value(value: unknown): string {
    if (value === null || value === undefined) return 'null';
    if (typeof value === 'string') return pythonString(value);
    if (typeof value === 'number') return Number.isInteger(value) ? String(value) : pythonFloat(value);
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    if (value instanceof PyFloat) return pythonFloat(value.value);
    return dumpPythonJson(value, { ...(this.#indent !== undefined && { indent: this.#indent }), depth: 3 });
  }

  /** The text for one object, preceded by `[` or the separator (same bytes as dumpPythonJson). */
  object(object: WritableObject): string {
    const inner = this.#newline(2);
    const field = this.#newline(3);
    const separator = this.#indent === undefined ? ', ' : ',';
    let fields = '';
    if (!('fields' in object)) {
      const keys = this.#keysOf(object.names);
      for (let i = 0; i < keys.length; i++) {
        fields += (i === 0 ? '{' + field : separator + field) + keys[i] + this.#value(object.values[i]);
      }
    } else {
      for (const name in object.fields) {
        let key = this.#keys.get(name);
        if (key === undefined) this.#keys.set(name, (key = `${pythonString(name)}: `));
        fields += (fields === '' ? '{' + field : separator + field) + key + this.#value(object.fields[name]);
      }
    }
    fields = fields === '' ? '{}' : fields + inner + '}';
    const text = `{${inner}"model": ${pythonString(object.model)}${separator}${inner}"pk": ${object.pk}${separator}${inner}"fields": ${fields}${this.#newline(1)}}`;
    const lead = this.#count++ === 0 ? (this.#indent === undefined ? '[' : '[\n' + ' '.repeat(this.#indent)) : this.#separator;
    return lead + text;
  }

  /** The closing text: `]` after the last object, or the whole `[]` of an empty export. */
  end(): string {
    if (this.#count === 0) return '[]';
    return this.#indent === undefined ? ']' : '\n]';
  }

  get count(): number {
    return this.#count;
  }
}

/** A whole export as one string (small exports, tests). */
export function renderExport(objects: Iterable<WritableObject>, indent: number | null = 2): string {
  const writer = new ExportWriter(indent);
  let text = '';
  for (const object of objects) text += writer.object(object);
  return text + writer.end();
}
