/**
 * Sentry's `sorted_dependencies()`, pass for pass, so that its quirk comes out the same: the first
 * pass visits models in ascending name order, every later pass in descending order (the skipped
 * list is re-sorted ascending and then popped from the end).
 */
import type { ModelEntry } from '../registry/types.js';
import { GraphError } from '../errors.js';
import { dependenciesForRelocation } from './model-relations.js';

const byName = (a: ModelEntry, b: ModelEntry): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function sortedDependencies(models: readonly ModelEntry[]): ModelEntry[] {
  const known = new Set(models.map((entry) => entry.name));
  // Sorted descending and popped from the end: the first pass sees ascending names.
  let remaining = [...models].sort(byName).reverse();
  const placed = new Set<string>();
  const order: ModelEntry[] = [];

  while (remaining.length > 0) {
    const skipped: ModelEntry[] = [];
    let changed = false;
    while (remaining.length > 0) {
      const entry = remaining.pop() as ModelEntry;
      const ready = [...dependenciesForRelocation(entry)].every((dep) => !known.has(dep) || placed.has(dep));
      if (ready) {
        order.push(entry);
        placed.add(entry.name);
        changed = true;
      } else {
        skipped.push(entry);
      }
    }
    if (!changed) {
      const names = skipped.sort(byName).map((entry) => entry.name).join(', ');
      throw new GraphError(`Can't resolve dependencies for ${names} in serialized app list.`);
    }
    // Re-sorted ascending and popped from the end again: later passes see descending names.
    remaining = skipped.sort(byName);
  }
  return order;
}

/** The deletion order: children before parents. */
export function reversedDependencies(models: readonly ModelEntry[]): ModelEntry[] {
  return sortedDependencies(models).reverse();
}
