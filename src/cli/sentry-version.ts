/**
 * `--sentry-version V`: which Sentry version a command reads or makes files and databases for.
 * A database records its own version, so commands that open one take it from there; this option
 * chooses for new databases (`init`, `import` into a new file) and for commands on files alone.
 */
import { REGISTRIES, VERIFIED_REGISTRY, registryFor } from '../core/registry/index.js';
import type { Registry } from '../core/registry/index.js';
import { shown } from '../core/text/shown-value.js';
import { CommandError, UsageError } from './exit.js';

export const sentryVersionOption = {
  type: 'string',
  describe: `The Sentry version (see relocate versions): ${REGISTRIES.map((registry) => registry.version).join(', ')}; default ${VERIFIED_REGISTRY.version}`,
  requiresArg: true,
} as const;

/** The registry of a version the user named, or the default; an unknown name is a usage error listing the known ones. */
export function chooseRegistry(version: string | undefined): Registry {
  if (version === undefined) return VERIFIED_REGISTRY;
  const registry = registryFor(version);
  if (registry === undefined) {
    throw new UsageError(`Unknown Sentry version ${JSON.stringify(version)}; known versions: ${REGISTRIES.map((known) => known.version).join(', ')} (see relocate versions)`);
  }
  return registry;
}

/** The registry of a version named by `option` (`--to`, `--from`); an unknown name is refused in one line, listing the known ones. */
export function registryNamed(version: string, option: string): Registry {
  const registry = registryFor(version);
  if (registry === undefined) {
    throw new CommandError(`${option} ${JSON.stringify(shown(version))} is not a Sentry version relocate knows; known versions: ${REGISTRIES.map((known) => known.version).join(', ')} (see relocate versions)`);
  }
  return registry;
}
