/**
 * The model names a file holds, read without parsing it: enough to tell which Sentry version it
 * comes from before choosing the registry to read it with (a new database's version, a check's,
 * a compare's). The bytes are read in pieces as Latin-1 text (one character a byte, nothing
 * decoded) and searched with a pattern for `"model"`, JSON's spaces, `:`, and a quoted
 * `app_label.model` that is not the name found last: in an export, which comes in model order,
 * the regex engine then runs through each model's rows without stopping, and stops only where
 * the model changes (a search that stopped at every object took 4.6 times as long). A model name
 * cannot hold a quote or a backslash, so a field's text cannot fool the search but by a key
 * literally named "model" (none of Sentry's is, inside `fields`).
 */
import type { ImportSource } from './file-objects.js';

/** Bytes searched at once, and the bytes after them read too, for a match that starts before their end. */
const PIECE = 64 * 1024;
const SEAM = 4096;
const SPACES = '[ \\t\\n\\r]*';

/** A `"model": "app.model"`, but for `last`. */
function namePatternAfter(last: string): RegExp {
  const skip = last === '' ? '' : `(?!${last.replaceAll('.', '\\.')}")`;
  return new RegExp(`"model"${SPACES}:${SPACES}"${skip}([a-z0-9_]{1,100}\\.[a-z0-9_]{1,100})"`, 'g');
}

const latin1 = new TextDecoder('latin1');

export function fileModelNames(source: ImportSource): Set<string> {
  const names = new Set<string>();
  const patterns = new Map<string, RegExp>();
  let pattern = namePatternAfter('');
  /** Adds the names of the matches in `text` that start before `limit`. */
  const scan = (text: string, limit: number): void => {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null && match.index < limit; match = pattern.exec(text)) {
      const name = match[1] as string;
      names.add(name);
      const next = match.index + 1;
      pattern = patterns.get(name) ?? (patterns.set(name, namePatternAfter(name)).get(name) as RegExp);
      pattern.lastIndex = next;
    }
  };
  let pending = new Uint8Array(0);
  for (const chunk of source.chunks()) {
    let bytes: Uint8Array = chunk;
    if (pending.length > 0) {
      bytes = new Uint8Array(pending.length + chunk.length);
      bytes.set(pending);
      bytes.set(chunk, pending.length);
    }
    let start = 0;
    for (; start + PIECE + SEAM <= bytes.length; start += PIECE) scan(latin1.decode(bytes.subarray(start, start + PIECE + SEAM)), PIECE);
    pending = bytes.slice(start); // a copy: the source may reuse its buffer
  }
  scan(latin1.decode(pending), pending.length);
  return names;
}
