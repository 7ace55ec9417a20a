/**
 * The streaming reader's help with text it does not read as JSON: the character a message quotes,
 * the model an element names, where invalid UTF-8 starts, and what a run of text outside the
 * array (Sentry's progress lines) says, captured as it streams by.
 */
import { shown } from '../text/shown-value.js';

const MODEL_KEY = /"model"\s*:\s*"([^"\\]{1,200})"/;

/** The "model" an element's first bytes name, if they do (read from at most its first 64 KiB). */
export function modelIn(parts: readonly Uint8Array[]): string | undefined {
  let text = '';
  const decoder = new TextDecoder('utf-8');
  for (const part of parts) {
    text += decoder.decode(part.subarray(0, Math.max(0, (1 << 16) - text.length)), { stream: true });
    if (text.length >= 1 << 16) break;
  }
  return MODEL_KEY.exec(text)?.[1];
}

/** The length of the UTF-8 sequence a lead byte starts, or 0 for a byte that cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** The character at `at`, quoted for a message; undefined when the bytes there are not UTF-8. */
export function characterAt(chunk: Uint8Array, at: number): string | undefined {
  const size = sequenceLength(chunk[at] as number);
  if (size === 0) return undefined;
  if (size === 1) return JSON.stringify(String.fromCharCode(chunk[at] as number));
  if (at + size > chunk.length) return 'non-ASCII text';
  try {
    return JSON.stringify(new TextDecoder('utf-8', { fatal: true }).decode(chunk.subarray(at, at + size)));
  } catch {
    return undefined;
  }
}

/** Where the first byte that is not valid UTF-8 is in `bytes` (which failed to decode). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const size = sequenceLength(bytes[at] as number);
    if (size === 0 || at + size > bytes.length) return at;
    for (let k = 1; k < size; k++) if (((bytes[at + k] as number) & 0xc0) !== 0x80) return at;
    // Overlong and surrogate forms that the lead byte alone does not rule out.
    const second = bytes[at + 1] as number;
    const lead = bytes[at] as number;
    if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f) || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) return at;
    at += size;
  }
  return bytes.length;
}

/** Newlines in `bytes` before `end`. */
export function newlinesBefore(bytes: Uint8Array, end: number): number {
  let count = 0;
  for (let at = bytes.indexOf(0x0a); at >= 0 && at < end; at = bytes.indexOf(0x0a, at + 1)) count++;
  return count;
}

const PREVIEW_BYTES = 240;

/** A run of text outside the array: where it starts, how long it is, and its first bytes. */
export class TextRun {
  bytes = 0;
  /** Lines with something other than whitespace on them. */
  lines = 1;
  #afterNewline = false;
  readonly #head = new Uint8Array(PREVIEW_BYTES);
  #headLength = 0;

  constructor(readonly offset: number, readonly line: number) {}

  add(chunk: Uint8Array, from: number, to: number): void {
    if (to <= from) return;
    this.bytes += to - from;
    for (let at = from; at < to; at++) {
      const b = chunk[at] as number;
      if (b === 0x0a) this.#afterNewline = true;
      else if (b !== 0x20 && b !== 0x09 && b !== 0x0d && this.#afterNewline) {
        this.lines++;
        this.#afterNewline = false;
      }
    }
    const take = Math.min(to - from, PREVIEW_BYTES - this.#headLength);
    if (take > 0) {
      this.#head.set(chunk.subarray(from, from + take), this.#headLength);
      this.#headLength += take;
    }
  }

  /** The run's first line, as text (bytes that are not UTF-8 shown as U+FFFD), cut for a message. */
  get firstLine(): string {
    const text = new TextDecoder('utf-8').decode(this.#head.subarray(0, this.#headLength));
    return shown(text.trim().split(/\r?\n/)[0] ?? '');
  }

  /** `N bytes (M lines) at line L, byte B, starting "…"`. */
  describe(): string {
    const lines = this.lines === 1 ? '' : `, ${this.lines} lines`;
    return `${this.bytes} bytes${lines} at line ${this.line} (byte ${this.offset}), starting ${JSON.stringify(this.firstLine)}`;
  }
}
