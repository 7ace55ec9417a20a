/**
 * How deep arrays and objects may nest in anything relocate reads: at most 995 levels, counting
 * the file's own array (so an export's field value may nest 992 levels). That is the deepest
 * Python's `json.loads` loads at its default recursion limit of 1000: measured with
 * /usr/bin/python3 (3.11.2), `python3 -c "import json; json.loads('[' * 995 + ']' * 995)"` loads
 * and 996 levels raise RecursionError (the C scanner spends one recursion level per array or
 * object, and the caller's frames use the rest: called from inside a function, it loads one level
 * less per frame). Sentry parses from deeper in its stack, so it loads a little less still:
 * nothing deeper than this can have come from, or go back to, a Sentry instance.
 *
 * The one streaming reader every command uses (array-elements.ts) refuses a deeper file at the
 * first bracket past the limit, and the float-keeping parser (json-text.ts) and the parses of JSON
 * held in strings (legacy double-encoded fields, sanitize's JSON text) refuse deeper text, so no
 * recursive walker (compare, sanitize, the Python JSON writer, the parser itself) ever sees a
 * deeper value; each is tested at this depth, and recurses one stack frame per level.
 */
export const MAX_NESTING_DEPTH = 995;

/** Whether JSON text nests arrays and objects deeper than `limit` (brackets inside strings do not count). */
export function nestsDeeperThan(text: string, limit = MAX_NESTING_DEPTH): boolean {
  if (text.length <= limit) return false; // too short to open more than `limit` brackets
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) {
      // Skip the string: to its closing quote, past escaped characters.
      for (i++; i < text.length; i++) {
        const inner = text.charCodeAt(i);
        if (inner === 0x5c) i++;
        else if (inner === 0x22) break;
      }
    } else if (code === 0x5b || code === 0x7b) {
      if (++depth > limit) return true;
    } else if (code === 0x5d || code === 0x7d) {
      depth--;
    }
  }
  return false;
}

/** The one-line reason given for a value nested past the limit. */
export function tooDeepReason(): string {
  return `arrays and objects nested deeper than ${MAX_NESTING_DEPTH} levels (the most Python's json, and so Sentry, can load)`;
}
