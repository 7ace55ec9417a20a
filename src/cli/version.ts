/**
 * `relocate --version`: this package's version, read from package.json when asked (so that it
 * cannot drift from what npm installed), and the Sentry version(s) the model registry follows.
 */
import { readFileSync } from 'node:fs';
import { REGISTRIES } from '../core/registry/index.js';

/** package.json beside dist/ (or src/): two folders up from this file. */
const PACKAGE_JSON = new URL('../../package.json', import.meta.url);

export function versionText(): string {
  const { name, version } = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { name: string; version: string };
  const versions = REGISTRIES.map((registry) => `${registry.version} (${registry.verified ? 'verified' : 'reconstructed'})`).join(', ');
  return `${name} ${version}\nSentry versions: ${versions}; see relocate versions`;
}
