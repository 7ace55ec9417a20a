/**
 * Sentry's own files, read from ../shared beside the checkout (never copied into the repo). A test
 * that needs them and cannot find them is skipped, and says so once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED_REFERENCE = process.env.RELOCATE_SENTRY_REFERENCE ?? join(repoRoot, '..', 'shared', 'sentry-reference');

export const hasSharedReference = existsSync(join(SHARED_REFERENCE, 'SOURCES.md'));
if (!hasSharedReference) {
  console.warn(`Skipping tests that read Sentry's files: ${SHARED_REFERENCE} was not found.`);
}

export function referencePath(...parts: string[]): string {
  return join(SHARED_REFERENCE, ...parts);
}

export function readReference(...parts: string[]): string {
  return readFileSync(referencePath(...parts), 'utf8');
}

export const MODEL_DEPENDENCIES_DIR = join('fixtures', 'backup', 'model_dependencies');
