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
import type { ComparedInstance, CompareContext, OrdinalMap } from './comparators.js';
import { KeyedRun } from './keyed-run.js';
import { SideOrder, instance, mergedFindings, repeatedKey, unequalCounts } from './model-map.js';
import type { ExportedObject, PlacedFinding, Placement, Side } from './model-map.js';
import { OrdinalIndex } from './ordinal-index.js';
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

const PLAIN: Placement = { custom: false, ordinal: 0 };

/** A model's rows on a side read back without their fields: its keys (a repeated one noted in `findings`) and its pks by position. */
function keysOf(staging: CompareStaging, side: Side, model: string, findings: PlacedFinding[] = []): { run: KeyedRun; pks: number[] } {
  const run = new KeyedRun(model);
  const pks: number[] = [];
  for (const row of staging.rows(side, model, false)) {
    const placement: Placement = row.key === undefined ? PLAIN : { custom: true, key: row.key, text: row.text as string };
    if (run.add(pks.length, placement) && row.key !== undefined) repeatedKey(side, { model, pk: row.pk, fields: {} }, row.key, row.seq, findings);
    pks.push(row.pk);
  }
  return { run, pks };
}

/**
 * Appends the pair findings of a model, read back from the staging without holding its rows: a
 * model ordered by pk pair by pair from both sides at once; one with custom ordinals by the
 * positions of its instances in ordinal order (from its keys alone), one row at a time.
 */
function comparePairs(staging: CompareStaging, model: string, keyed: boolean, comparators: ComparatorMap, context: CompareContext, findings: ComparatorFinding[]): ComparatorFinding[] {
  const comparison = new ModelComparison(model, comparators);
  const at = (side: Side, position: number, ordinal: number): ComparedInstance => {
    const row = staging.row(side, model, position);
    return instance({ model, pk: row.pk, fields: row.fields ?? {} }, ordinal);
  };
  if (keyed) {
    const lefts = keysOf(staging, 'left', model).run.ordinalOrder();
    const rights = keysOf(staging, 'right', model).run.ordinalOrder();
    rights.forEach((position, i) => {
      const left = lefts[i];
      if (left !== undefined) comparison.compare(at('left', left, i + 1), at('right', position, i + 1), context, findings);
    });
    return findings;
  }
  const lefts = staging.rows('left', model, true)[Symbol.iterator]();
  try {
    let ordinal = 0;
    for (const r of staging.rows('right', model, true)) {
      const l = lefts.next();
      if (l.done === true) break;
      ordinal++;
      comparison.compare(instance({ model, pk: l.value.pk, fields: l.value.fields ?? {} }, ordinal), instance({ model, pk: r.pk, fields: r.fields ?? {} }, ordinal), context, findings);
    }
  } finally {
    lefts.return?.(); // a database reader left open would keep the staging from closing
  }
  return findings;
}

export function stagedPass(registry: Registry, open: (side: Side) => Iterable<ExportedObject>, comparators: ComparatorMap, staging: CompareStaging): ComparatorFinding[] {
  const orders = staged(registry, open, staging, () => true);
  const findings: ComparatorFinding[] = [];
  for (const side of SIDES) {
    const order = orders[side];
    const duplicates: PlacedFinding[] = [];
    for (const model of order.customModels()) order.addCustomCount(model, keysOf(staging, side, model, duplicates).run.customCount);
    for (const finding of mergedFindings(order.findings, duplicates)) findings.push(finding); // one by one: there may be millions
  }
  findings.push(...unequalCounts(orders.left, orders.right));
  // Mismatched counts or order mean the pairs cannot be matched: stop here, as Sentry does.
  if (findings.length > 0) return findings;

  const indexes = (side: Side): OrdinalMap => {
    const present = new Set(orders[side].models());
    const map = new Map<string, OrdinalIndex>();
    for (const model of foreignKeyTargets(comparators)) {
      if (!present.has(model)) continue;
      const { run, pks } = keysOf(staging, side, model);
      const index = new OrdinalIndex();
      run.ordinalOrder().forEach((position, i) => index.add(pks[position] as number, i + 1));
      map.set(model, index);
    }
    return map;
  };
  const context: CompareContext = { left: indexes('left'), right: indexes('right') };
  const keyed = new Set([...orders.left.customModels(), ...orders.right.customModels()]);
  for (const model of orders.right.models()) comparePairs(staging, model, keyed.has(model), comparators, context, findings);
  return findings;
}

/** The pair findings of the given models, from a second read of both sides staging only their rows. */
export function revisitPass(registry: Registry, open: (side: Side) => Iterable<ExportedObject>, comparators: ComparatorMap, staging: CompareStaging, models: ReadonlySet<string>, context: CompareContext): Map<string, ComparatorFinding[]> {
  const orders = staged(registry, open, staging, (model) => models.has(model));
  const keyed = new Set([...orders.left.customModels(), ...orders.right.customModels()]);
  return new Map([...models].map((model) => [model, comparePairs(staging, model, keyed.has(model), comparators, context, [])]));
}
