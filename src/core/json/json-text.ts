/**
 * JSON (and Python literal) text that keeps what JavaScript's JSON.parse loses: whether a number
 * was written as a float (`1.0` must come back as `1.0`, as Python writes it), and Python's own
 * list literals, which Sentry's ArrayField exports (`"['org:ci']"`).
 */
import { MAX_NESTING_DEPTH, tooDeepReason } from './nesting.js';
import { PyFloat, pythonFloat } from './python-json.js';

export type JsonValue = null | boolean | number | string | PyFloat | JsonValue[] | { [key: string]: JsonValue };

export class JsonSyntaxError extends SyntaxError {}

/**
 * Parses JSON; with `python`, also `'single quoted'` strings and True / False / None. Text nested
 * deeper than MAX_NESTING_DEPTH is refused (the parser recurses once per level).
 */
export function parseJsonText(text: string, options: { python?: boolean } = {}): JsonValue {
  let at = 0;
  const fail = (what: string): never => {
    throw new JsonSyntaxError(`${what} at position ${at}`);
  };
  const space = (): void => {
    while (at < text.length && ' \t\n\r'.includes(text[at] as string)) at++;
  };
  const word = (literal: string, value: JsonValue): JsonValue => {
    if (!text.startsWith(literal, at)) fail(`Unexpected ${JSON.stringify(text.slice(at, at + 10))}`);
    at += literal.length;
    return value;
  };
  const string = (quote: string): string => {
    const start = at++;
    while (at < text.length && text[at] !== quote) at += text[at] === '\\' ? 2 : 1;
    if (at >= text.length) fail('Unterminated string');
    at++;
    const body = text.slice(start + 1, at - 1);
    if (quote === '"') return JSON.parse(`"${body}"`) as string;
    // A Python single-quoted string: \' is a quote, and a bare " needs escaping for JSON.
    return JSON.parse(`"${body.replace(/\\'/g, "'").replace(/(^|[^\\])"/g, '$1\\"')}"`) as string;
  };
  const value = (depth: number): JsonValue => {
    space();
    const ch = text[at];
    if ((ch === '{' || ch === '[') && depth >= MAX_NESTING_DEPTH) fail(`Text with ${tooDeepReason()}`);
    if (ch === '{') {
      at++;
      const result: Record<string, JsonValue> = {};
      space();
      if (text[at] === '}') return at++, result;
      for (;;) {
        space();
        const quote = text[at];
        if (quote !== '"' && !(options.python && quote === "'")) fail('Expected a string key');
        const key = string(quote as string);
        space();
        if (text[at++] !== ':') fail('Expected ":"');
        result[key] = value(depth + 1);
        space();
        const next = text[at++];
        if (next === '}') return result;
        if (next !== ',') fail('Expected "," or "}"');
      }
    }
    if (ch === '[') {
      at++;
      const result: JsonValue[] = [];
      space();
      if (text[at] === ']') return at++, result;
      for (;;) {
        result.push(value(depth + 1));
        space();
        const next = text[at++];
        if (next === ']') return result;
        if (next !== ',') fail('Expected "," or "]"');
        if (options.python) {
          space();
          if (text[at] === ']') return at++, result; // Python allows a trailing comma
        }
      }
    }
    if (ch === '"' || (options.python && ch === "'")) return string(ch);
    if (ch === 't') return word('true', true);
    if (ch === 'f') return word('false', false);
    if (ch === 'n') return word('null', null);
    if (options.python && ch === 'T') return word('True', true);
    if (options.python && ch === 'F') return word('False', false);
    if (options.python && ch === 'N') return word('None', null);
    const match = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at, at + 400));
    if (match === null) return fail(ch === undefined ? 'Unexpected end of text' : `Unexpected ${JSON.stringify(ch)}`);
    at += match[0].length;
    const number = Number(match[0]);
    return match[1] !== undefined || match[2] !== undefined ? new PyFloat(number) : number;
  };
  const result = value(0);
  space();
  if (at !== text.length) fail('Unexpected text after the value');
  return result;
}

const PY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Python's `repr()` of a str: single quotes unless the text has one and no double quote. */
export function pythonStringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (ch === quote) out += `\\${ch}`;
    else if (PY_ESCAPES[ch] !== undefined) out += PY_ESCAPES[ch];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

/** Python's `repr()` of a list, dict or scalar, as `str(list)` writes an ArrayField's value. */
export function pythonRepr(value: JsonValue): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (value instanceof PyFloat) return pythonFloat(value.value);
  if (typeof value === 'string') return pythonStringRepr(value);
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  return `{${Object.entries(value).map(([key, item]) => `${pythonStringRepr(key)}: ${pythonRepr(item)}`).join(', ')}}`;
}
