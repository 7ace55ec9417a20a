/**
 * JSON text exactly as Python's `json.dumps` writes it, because Sentry's files are compared byte
 * for byte: `ensure_ascii` escapes (lower-case `\uXXXX`, surrogate pairs above the BMP, DEL too),
 * Python's separators (`", "` / `": "` on one line; `","` + newline when indented), `[]` and `{}`
 * for empty containers, keys in insertion order unless `sortKeys`.
 */

/** A number that Python holds as a float: written `100.0`, `1e+16`, not `100`, `10000000000000000`. */
export class PyFloat {
  constructor(readonly value: number) {}
}

export interface PythonJsonOptions {
  /** Spaces per level; undefined writes everything on one line. */
  readonly indent?: number;
  readonly sortKeys?: boolean;
  /** The nesting level the value starts at (for values written inside an enclosing array). */
  readonly depth?: number;
}

const ESCAPES: Record<string, string> = {
  '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f',
};

const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** A string literal with Python's ASCII-only escaping. */
export function pythonString(text: string): string {
  if (PLAIN.test(text)) return `"${text}"`; // the common case: nothing to escape
  let out = '"';
  let plainStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code < 0x7f && code !== 0x22 && code !== 0x5c) continue;
    out += text.slice(plainStart, i);
    const ch = text[i] as string;
    out += ESCAPES[ch] ?? `\\u${code.toString(16).padStart(4, '0')}`;
    plainStart = i + 1;
  }
  return out + text.slice(plainStart) + '"';
}

/** Python's `repr(float)`: shortest round-trip digits, exponent form outside 1e-4 <= |x| < 1e16. */
export function pythonFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = negative ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const head = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const expSign = exponent < 0 ? '-' : '+';
    return `${sign}${head}e${expSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const intPart = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return `${sign}${intPart}.${fraction === '' ? '0' : fraction}`;
}

/** `json.dumps(value, indent=..., sort_keys=...)` with `ensure_ascii=True`. */
export function dumpPythonJson(value: unknown, options: PythonJsonOptions = {}): string {
  const { indent, sortKeys = false, depth: startDepth = 0 } = options;
  const newlines: string[] = [];
  const newline = (depth: number): string =>
    indent === undefined ? '' : (newlines[depth] ??= '\n' + ' '.repeat(indent * depth));
  const write = (item: unknown, depth: number): string => {
    if (item === null || item === undefined) return 'null';
    if (item === true) return 'true';
    if (item === false) return 'false';
    if (typeof item === 'number') {
      if (!Number.isInteger(item)) return pythonFloat(item);
      return String(item);
    }
    if (typeof item === 'bigint') return item.toString();
    if (typeof item === 'string') return pythonString(item);
    if (item instanceof PyFloat) return pythonFloat(item.value);
    const inner = newline(depth + 1);
    const outer = newline(depth);
    const separator = indent === undefined ? ', ' : ',' + inner;
    // Loops rather than map(): one stack frame per level, for values nested as deep as files may be.
    if (Array.isArray(item)) {
      if (item.length === 0) return '[]';
      let out = '[' + inner;
      for (let i = 0; i < item.length; i++) out += (i === 0 ? '' : separator) + write(item[i], depth + 1);
      return out + outer + ']';
    }
    if (typeof item === 'object') {
      let keys = Object.keys(item);
      if (keys.length === 0) return '{}';
      if (sortKeys) keys = keys.sort(compareCodePoints);
      const record = item as Record<string, unknown>;
      let out = '{' + inner;
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] as string;
        out += (i === 0 ? '' : separator) + pythonString(key) + ': ' + write(record[key], depth + 1);
      }
      return out + outer + '}';
    }
    throw new TypeError(`Expected a JSON value, got ${typeof item}`);
  };
  return write(value, startDepth);
}

/** Python sorts strings by code point; JavaScript's default sort compares UTF-16 units. */
export function compareCodePoints(a: string, b: string): number {
  // UTF-16 order equals code-point order unless a surrogate meets a unit at or above U+E000.
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x < 0xd800 && y < 0xd800) return x - y;
    return (a.codePointAt(i) as number) - (b.codePointAt(i) as number);
  }
  return a.length - b.length;
}
