/**
 * Sentry's `validate(expect, actual, comparators)` (§7.1): both sides as model maps; unequal
 * counts (or pks out of order, or repeated custom ordinals) end it early; otherwise each matched
 * pair runs its model's comparators and the JSON diff of what is left (pair-compare.ts).
 *
 * Sentry holds both sides whole. Here the sides are streams read model by model
 * (lockstep-pass.ts); sides that do not come in the same model order are staged and read back one
 * model at a time (staged-pass.ts). The findings are the same either way.
 */
import type { ComparatorFinding } from './comparator-findings.js';
import { lockstepPass } from './lockstep-pass.js';
import type { ExportedObject, Side } from './model-map.js';
import type { ComparatorMap } from './pair-compare.js';
import { revisitPass, stagedPass } from './staged-pass.js';
import { memoryStaging } from './staging.js';
import type { CompareStaging } from './staging.js';
import type { Registry } from '../registry/registry.js';

export type { ComparatorMap } from './pair-compare.js';

/** The two sides held in arrays (or any iterables, read once). */
export function validate(registry: Registry, expect: Iterable<ExportedObject>, actual: Iterable<ExportedObject>, comparators: ComparatorMap): ComparatorFinding[] {
  const sides = { left: Array.isArray(expect) ? expect : [...expect], right: Array.isArray(actual) ? actual : [...actual] };
  return validateStreams(registry, (side) => sides[side], comparators);
}

/**
 * The two sides as streams: `open(side)` reads a side from its start, each time it is called (once
 * per side for files in the same model order, twice when some of it must be staged: sides in
 * different orders, or a model whose rows the two sides order differently). `staging` makes the
 * store for that, only when needed; by default rows are staged in memory.
 */
export function validateStreams(registry: Registry, open: (side: Side) => Iterable<ExportedObject>, comparators: ComparatorMap, staging: () => CompareStaging = memoryStaging): ComparatorFinding[] {
  const first = lockstepPass(registry, open('left'), open('right'), comparators);
  if ('findings' in first) return first.findings;
  const store = staging();
  try {
    if ('revisit' in first) return first.assemble(revisitPass(registry, open, comparators, store, first.revisit, first.context));
    return stagedPass(registry, open, comparators, store);
  } finally {
    store.close();
  }
}
