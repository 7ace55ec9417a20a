/**
 * A value a user gave, cut to a readable length for a message. Error messages echo model names,
 * field values, usernames, slugs and keys; a file can hold a 10 MB one, and a message that
 * repeats it is a 10 MB line nobody can read. Pure, so the engine, the CLI and the page share it.
 */

/** How many characters of a value a message shows. */
export const SHOWN_LENGTH = 80;

/**
 * `value` when it is at most `limit` characters (code points) long, else its first `limit`
 * characters and "… (N more characters)". A surrogate pair is never split.
 */
export function shown(value: string, limit: number = SHOWN_LENGTH): string {
  // Fast path: fewer UTF-16 units than the limit means fewer code points too.
  if (value.length <= limit) return value;
  let cut = 0;
  let kept = 0;
  while (cut < value.length && kept < limit) {
    cut += isPairAt(value, cut) ? 2 : 1;
    kept++;
  }
  if (cut >= value.length) return value;
  let more = 0;
  for (let at = cut; at < value.length; at += isPairAt(value, at) ? 2 : 1) more++;
  return `${value.slice(0, cut)}… (${more} more character${more === 1 ? '' : 's'})`;
}

function isPairAt(text: string, at: number): boolean {
  const unit = text.charCodeAt(at);
  if (unit < 0xd800 || unit > 0xdbff || at + 1 >= text.length) return false;
  const next = text.charCodeAt(at + 1);
  return next >= 0xdc00 && next <= 0xdfff;
}
