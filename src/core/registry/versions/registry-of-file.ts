/**
 * The registry a file is read as when nothing else says (no database, no version named): the
 * oldest known Sentry version that knows every model the file names (see registryForFile), from
 * the names alone, which a cheap scan of the bytes finds before the file is read for real.
 */
import type { Registry } from '../registry.js';
import { registryForFile } from './file-versions.js';
import { REGISTRIES, fileVersionsOf } from './index.js';

export function registryForModelNames(names: Iterable<string>): Registry {
  return registryForFile(fileVersionsOf(new Map([...names].map((name) => [name, new Set<string>()]))), REGISTRIES);
}
