/**
 * Sentry's filter options: `--filter-usernames a,b` or `--filter-usernames-file F` (one or more per
 * line, or comma separated), never both. Entries are trimmed and blank ones dropped; an omitted
 * option means no filter, while an empty list (or an empty file) filters everything out.
 */
import { readFile } from 'node:fs/promises';
import { UsageError } from './exit.js';
import { withFileErrors } from './file-errors.js';

export function splitFilter(text: string): string[] {
  return text.split(/[,\n\r]/).map((item) => item.trim()).filter((item) => item.length > 0);
}

export async function readFilter(name: string, inline: string | undefined, file: string | undefined): Promise<string[] | undefined> {
  if (inline !== undefined && file !== undefined) {
    throw new UsageError(`--filter-${name} and --filter-${name}-file are mutually exclusive options`);
  }
  if (file !== undefined) return splitFilter(await withFileErrors(file, 'read', () => readFile(file, 'utf8')));
  return inline === undefined ? undefined : splitFilter(inline);
}
