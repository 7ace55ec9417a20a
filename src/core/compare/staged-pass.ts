/**
 * The compare for sides that cannot be taken model by model as they come: each side is read once
 * in file order into a staging store (what Sentry's model map would note as it goes: usernames,
 * pk order, custom keys), then read back one model at a time: custom models first, for their
 * distinct keys and DuplicateCustomOrdinal findings, which take their place in file order among
 * the UnorderedInput ones; then, unless the counts or the order end it (Sentry's early return),
 * the models keys point at, for their pk → ordinal indexes; then each model's pairs.
 *
 * `revisitPass` is the same for a few models only, when the streaming pass has found everything
 * else (the counts, the order, the indexes) and only their pairs are left to compare.
 */
import type { ComparatorFinding } from './comparator-findings.js';
import type { CompareContext, OrdinalMap } from './comparators.js';
import { ModelInstances, SideOrder, mergedFindings, unequalCounts } from './model-map.js';
import type { ExportedObject, PlacedFinding, Placement, Side } from './model-map.js';
import { ordinalIndex } from './ordinal-index.js';
import type { OrdinalIndex } from './ordinal-index.js';
import { ModelComparison, foreignKeyTargets } from './pair-compare.js';
import type { ComparatorMap } from './pair-compare.js';
import type { CompareStaging } from './staging.js';
import type { Registry } from '../registry/registry.js';

const SIDES: readonly Side[] = ['left', 'right'];

/** Reads both sides in file order, staging the rows of the models `wanted` keeps. */
function staged(registry: Registry, open: (side: Side) => Iterable<ExportedObject>, staging: CompareStaging, wanted: (model: string) => boolean): Record<Side, SideOrder> {
  const orders = { left: new SideOrder(registry, 'left'), right: new SideOrder(registry, 'right') };
  for (const side of SIDES) {
    const order = orders[side];
    for (const object of open(side)) {
      const seq = order.seq;
      const placement = order.observe(object);
      if (!wanted(object.model)) continue;
      const row = { seq, pk: object.pk, fields: object.fields };
      staging.add(side, object.model, placement.custom ? { ...row, key: placement.key, text: placement.text } : row);
    }
  }
  return orders;
}

/** A model's instances on a side, in ordinal order, as the staging gives them back (repeated keys noted in `findings`). */
function readBack(staging: CompareStaging, side: Side, model: string, findings: PlacedFinding[] = []): ModelInstances {
  const instances = new ModelInstances(model, side);
  let plain = 0;
  for (const row of staging.rows(side, model)) {
    const placement: Placement = row.key === undefined ? { custom: false, ordinal: ++plain } : { custom: true, key: row.key, text: row.text as string };
    instances.add({ model, pk: row.pk, fields: row.fields }, placement, row.seq, findings);
  }
  return instances;
}

/** The pair findings of a model, read back from the staging. */
function comparedPairs(staging: CompareStaging, model: string, comparators: ComparatorMap, context: CompareContext): ComparatorFinding[] {
  const comparison = new ModelComparison(model, comparators);
  const lefts = readBack(staging, 'left', model).instances();
  const rights = readBack(staging, 'right', model).instances();
  const findings: ComparatorFinding[] = [];
  rights.forEach((r, i) => {
    const l = lefts[i];
    if (l !== undefined) comparison.compare(l, r, context, findings);
  });
  return findings;
}

export function stagedPass(registry: Registry, open: (side: Side) => Iterable<ExportedObject>, comparators: ComparatorMap, staging: CompareStaging): ComparatorFinding[] {
  const orders = staged(registry, open, staging, () => true);
  const findings: ComparatorFinding[] = [];
  for (const side of SIDES) {
    const order = orders[side];
    const duplicates: PlacedFinding[] = [];
    for (const model of order.customModels()) order.addCustomCount(model, readBack(staging, side, model, duplicates).customCount);
    findings.push(...mergedFindings(order.findings, duplicates));
  }
  findings.push(...unequalCounts(orders.left, orders.right));
  // Mismatched counts or order mean the pairs cannot be matched: stop here, as Sentry does.
  if (findings.length > 0) return findings;

  const indexes = (side: Side): OrdinalMap => {
    const present = new Set(orders[side].models());
    const map = new Map<string, OrdinalIndex>();
    for (const model of foreignKeyTargets(comparators)) if (present.has(model)) map.set(model, ordinalIndex(readBack(staging, side, model).instances()));
    return map;
  };
  const context: CompareContext = { left: indexes('left'), right: indexes('right') };
  for (const model of orders.right.models()) findings.push(...comparedPairs(staging, model, comparators, context));
  return findings;
}

/** The pair findings of the given models, from a second read of both sides staging only their rows. */
export function revisitPass(registry: Registry, open: (side: Side) => Iterable<ExportedObject>, comparators: ComparatorMap, staging: CompareStaging, models: ReadonlySet<string>, context: CompareContext): Map<string, ComparatorFinding[]> {
  staged(registry, open, staging, (model) => models.has(model));
  return new Map([...models].map((model) => [model, comparedPairs(staging, model, comparators, context)]));
}
