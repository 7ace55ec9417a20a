/**
 * The model names a file holds, read without parsing it: enough to tell which Sentry version it
 * comes from before choosing the registry to read it with (a new database's version). The bytes
 * are searched for `"model"` natively and only the few bytes of each name are looked at, so that
 * a file of hundreds of megabytes goes by without being decoded (decoding it in slices left
 * hundreds of megabytes of text for the garbage collector). A model name cannot hold a quote or
 * a backslash, so the search cannot be fooled by a field's text except by a field literally named
 * "model" (none of Sentry's is, inside `fields`).
 */
import type { ImportSource } from './file-objects.js';

const KEY = new TextEncoder().encode('"model"');
/** Room for the key, its separators and the longest name: what a chunk's end may cut. */
const SEAM = 320;

const isSpace = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
const isNamePart = (b: number): boolean => (b >= 0x61 && b <= 0x7a) || (b >= 0x30 && b <= 0x39) || b === 0x5f;

/** The name after a `"model"` at `at` (`app_label.model`, each part 1 to 100 characters), if it is all in `bytes`. */
function nameAt(bytes: Uint8Array, at: number): string | undefined {
  let i = at + KEY.length;
  while (i < bytes.length && isSpace(bytes[i] as number)) i++;
  if (bytes[i++] !== 0x3a) return undefined;
  while (i < bytes.length && isSpace(bytes[i] as number)) i++;
  if (bytes[i++] !== 0x22) return undefined;
  const start = i;
  let dot = -1;
  for (; i < bytes.length && i - start <= 201; i++) {
    const b = bytes[i] as number;
    if (b === 0x22) break;
    if (b === 0x2e && dot < 0) dot = i;
    else if (!isNamePart(b)) return undefined;
  }
  if (bytes[i] !== 0x22 || dot - start < 1 || dot - start > 100 || i - dot - 1 < 1 || i - dot - 1 > 100) return undefined;
  return String.fromCharCode(...bytes.subarray(start, i));
}

function scan(bytes: Uint8Array, names: Set<string>): void {
  // Searched by its "l", rarer in an export than its quotes or its "m".
  for (let at = bytes.indexOf(0x6c, 5); at >= 0; at = bytes.indexOf(0x6c, at + 1)) {
    if (bytes[at + 1] !== 0x22 || bytes[at - 5] !== 0x22) continue;
    let k = 1;
    while (k < 5 && bytes[at - 5 + k] === KEY[k]) k++;
    if (k < 5) continue;
    const name = nameAt(bytes, at - 5);
    if (name !== undefined) names.add(name);
  }
}

export function fileModelNames(source: ImportSource): Set<string> {
  const names = new Set<string>();
  let carry = new Uint8Array(0);
  for (const chunk of source.chunks()) {
    // A name cut by the previous chunk's end is read whole across the seam (a name seen twice is one).
    const seam = new Uint8Array(carry.length + Math.min(chunk.length, SEAM));
    seam.set(carry);
    seam.set(chunk.subarray(0, SEAM), carry.length);
    scan(seam, names);
    scan(chunk, names);
    carry = chunk.length >= SEAM ? chunk.slice(chunk.length - SEAM) : seam.slice(Math.max(0, seam.length - SEAM));
  }
  return names;
}
