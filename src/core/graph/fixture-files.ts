/**
 * The four files of Sentry's `fixtures/backup/model_dependencies/`, rendered from the registry
 * byte for byte as Sentry's generator writes them (sorted keys, indent 2, ASCII, no final newline).
 */
import { RELOCATION_SCOPES } from '../scopes.js';
import type { ModelEntry } from '../registry/types.js';
import { dumpPythonJson } from '../json/python-json.js';
import { dependencies } from './model-relations.js';
import { sortedDependencies } from './sorted-dependencies.js';

export interface ModelDependencyFiles {
  readonly 'detailed.json': string;
  readonly 'flat.json': string;
  readonly 'sorted.json': string;
  readonly 'truncate.json': string;
}

const dump = (value: unknown): string => dumpPythonJson(value, { indent: 2, sortKeys: true });

function scopeJson(entry: ModelEntry): string | string[] {
  if (typeof entry.scope === 'string') return entry.scope;
  return [...entry.scope].sort((a, b) => RELOCATION_SCOPES.indexOf(a) - RELOCATION_SCOPES.indexOf(b));
}

export function renderModelDependencies(models: readonly ModelEntry[]): ModelDependencyFiles {
  const relations = dependencies(models);
  const detailed: Record<string, unknown> = {};
  const flat: Record<string, string[]> = {};
  for (const { entry, dangling } of relations.values()) {
    detailed[entry.name] = {
      dangling,
      foreign_keys: Object.fromEntries(
        entry.foreignKeys.map((key) => [key.field, { kind: key.kind, model: key.model, nullable: key.nullable }]),
      ),
      model: entry.name,
      relocation_dependencies: [...entry.relocationDependencies].sort(),
      relocation_scope: scopeJson(entry),
      silos: entry.silos,
      table_name: entry.table,
      uniques: entry.uniques,
    };
    flat[entry.name] = [...new Set(entry.foreignKeys.map((key) => key.model))].sort();
  }
  const sorted = sortedDependencies(models);
  return {
    'detailed.json': dump(detailed),
    'flat.json': dump(flat),
    'sorted.json': dump(sorted.map((entry) => entry.name)),
    'truncate.json': dump(sorted.map((entry) => entry.table)),
  };
}
