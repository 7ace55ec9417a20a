/**
 * The model names a file holds, read without parsing it: enough to tell which Sentry version it
 * comes from before choosing the registry to read it with (a new database's version). A model
 * name cannot hold a quote or a backslash, so the pattern cannot be fooled by a field's text
 * except by a field literally named "model" (none of Sentry's is, inside `fields`).
 */
import type { ImportSource } from './file-objects.js';

const MODEL = /"model"\s*:\s*"([a-z0-9_]{1,100}\.[a-z0-9_]{1,100})"/g;

export function fileModelNames(source: ImportSource): Set<string> {
  const names = new Set<string>();
  const decoder = new TextDecoder();
  let carry = '';
  for (const chunk of source.chunks()) {
    const text = carry + decoder.decode(chunk, { stream: true });
    for (const match of text.matchAll(MODEL)) names.add(match[1] as string);
    // A name cut at the chunk's end is read whole with the next chunk.
    carry = text.slice(-240);
  }
  for (const match of (carry + decoder.decode()).matchAll(MODEL)) names.add(match[1] as string);
  return names;
}
