/**
 * The compare in one pass over both sides, model by model, for files in model order (exports are):
 * while both sides go on with the same model, a model not seen before, its rows are taken from
 * both at once and compared pair by pair as they come. Rows are not held: a model ordered by pk
 * pairs rows by position; a model with custom ordinals is compared by position too, and once its
 * rows have all come (their keys kept, not the rows), those findings stand if both sides put
 * their rows in the same ordinal order, as exports of one instance do; if not, the model is
 * compared again from a second read. Only the pk → ordinal indexes of models that keys point at
 * outlive their model, as numbers. (A model whose keys point at itself is held, one at a time.)
 *
 * Sentry finds every UnequalCounts (and every ordering finding) before it compares any pair, and
 * returns early if there is one. Here the pairs are compared first and their findings set aside
 * per model: when the counts and the order turn out fine, they are the result, in the order
 * Sentry's model map lists the models; otherwise they are dropped. Once the two sides part ways
 * (a model on one side only, models in different orders, a model in two runs), pairs are no
 * longer compared, but both sides are still counted to the end: if that ends early, the result
 * stands; if not, the staged pass must compare the pairs.
 */
import type { ComparatorFinding } from './comparator-findings.js';
import type { ComparedInstance, CompareContext } from './comparators.js';
import { KeyedPair } from './keyed-run.js';
import { LockstepSide, SideReadError } from './lockstep-side.js';
import type { KeyedRow } from './lockstep-side.js';
import { instance, unequalCounts } from './model-map.js';
import type { ExportedObject } from './model-map.js';
import { OrdinalIndex } from './ordinal-index.js';
import { ModelComparison, foreignKeyTargets } from './pair-compare.js';
import type { ComparatorMap } from './pair-compare.js';
import type { Registry } from '../registry/registry.js';

export type LockstepResult =
  /** The findings, final. */
  | { readonly findings: ComparatorFinding[] }
  /** Final but for the pairs of some models, to compare again from a second read with these (complete) indexes. */
  | { readonly revisit: ReadonlySet<string>; readonly context: CompareContext; assemble(revisited: ReadonlyMap<string, ComparatorFinding[]>): ComparatorFinding[] }
  /** The sides parted ways and the counts do not end it: only the staged pass can compare the pairs. */
  | { readonly restage: true };

export function lockstepPass(registry: Registry, leftObjects: Iterable<ExportedObject>, rightObjects: Iterable<ExportedObject>, comparators: ComparatorMap): LockstepResult {
  const targets = foreignKeyTargets(comparators);
  const left = new LockstepSide(registry, 'left', leftObjects, targets);
  const right = new LockstepSide(registry, 'right', rightObjects, targets);
  try {
    return comparedInLockstep(registry, left, right, comparators);
  } catch (error) {
    if (!(error instanceof SideReadError)) throw error;
    // The left side's error comes first, as when each side was read whole, the left first.
    if (error.side === 'right') {
      try {
        while (left.cursor.peek() !== undefined) left.cursor.take();
      } catch (leftError) {
        throw leftError instanceof SideReadError ? leftError.error : leftError;
      }
    }
    throw error.error;
  }
}

function comparedInLockstep(registry: Registry, left: LockstepSide, right: LockstepSide, comparators: ComparatorMap): LockstepResult {
  const context = { left: left.lookup, right: right.lookup };
  const pairFindings = new Map<string, ComparatorFinding[]>();
  const revisit = new Set<string>();
  let countsDiffer = false;
  // Once the result is bound to end early, comparing pairs is wasted work.
  const doomed = (): boolean => countsDiffer || left.order.findings.length > 0 || right.order.findings.length > 0;

  for (;;) {
    const l = left.cursor.peek();
    const r = right.cursor.peek();
    if (l === undefined || r === undefined || l.model !== r.model || left.started.has(l.model) || right.started.has(r.model)) break;
    const model = l.model;
    // Keys that looked for this model before it came were answered "not found": their models are compared again.
    for (const side of [left, right]) for (const asker of side.askedTooEarly.get(model) ?? []) revisit.add(asker);
    left.started.add(model);
    right.started.add(model);
    left.comparing = right.comparing = model;
    const comparison = new ModelComparison(model, comparators);
    const findings: ComparatorFinding[] = [];
    pairFindings.set(model, findings);

    if (comparison.targets.has(model)) {
      const lefts = left.takeHeld(model);
      const rights = right.takeHeld(model);
      if (lefts.length !== rights.length) countsDiffer = true;
      else if (!doomed()) for (let i = 0; i < rights.length; i++) comparison.compare(lefts[i] as ComparedInstance, rights[i] as ComparedInstance, context, findings);
    } else if (registry.find(model)?.customOrdinal !== undefined) {
      const pair = new KeyedPair(model);
      const pks = { left: [] as number[], right: [] as number[] };
      const target = left.targets.has(model);
      const byPosition = new Map<number, ComparatorFinding[]>();
      for (let position = 0; ; position++) {
        const lo = left.takeKeyed(model);
        const ro = right.takeKeyed(model, lo?.placement);
        if (lo === undefined && ro === undefined) break;
        const repeated = pair.add(lo?.placement, ro?.placement);
        if ((repeated & 1) !== 0) left.repeated(lo as KeyedRow);
        if ((repeated & 2) !== 0) right.repeated(ro as KeyedRow);
        if (target) {
          if (lo !== undefined) pks.left.push(lo.object.pk);
          if (ro !== undefined) pks.right.push(ro.object.pk);
        }
        if (lo === undefined || ro === undefined || doomed()) continue;
        const found: ComparatorFinding[] = [];
        comparison.compare(instance(lo.object, 0), instance(ro.object, 0), context, found);
        if (found.length > 0) byPosition.set(position, found);
      }
      left.order.addCustomCount(model, pair.customCount('left'));
      right.order.addCustomCount(model, pair.customCount('right'));
      if (target) for (const side of [left, right]) side.keepIndex(model, pks[side.side], pair.ordinalOrder(side.side));
      if (left.order.count(model) !== right.order.count(model)) countsDiffer = true;
      else if (doomed() || (pair.aligned && byPosition.size === 0)) continue;
      else if (!pair.aligned && pair.ordinalOrder('left').some((position, i) => position !== pair.ordinalOrder('right')[i])) revisit.add(model);
      else pair.ordinalOrder('left').forEach((position, i) => { for (const found of byPosition.get(position) ?? []) findings.push({ ...found, on: { model, ordinal: i + 1 } }); });
    } else {
      const leftIndex = left.targets.has(model) ? new OrdinalIndex() : undefined;
      const rightIndex = right.targets.has(model) ? new OrdinalIndex() : undefined;
      for (;;) {
        const li = left.takePlain(model, leftIndex);
        const ri = right.takePlain(model, rightIndex);
        if (li === undefined && ri === undefined) break;
        if (li !== undefined && ri !== undefined && !doomed()) comparison.compare(li, ri, context, findings);
      }
      if (leftIndex !== undefined) left.indexes.set(model, leftIndex);
      if (rightIndex !== undefined) right.indexes.set(model, rightIndex);
      if (left.order.count(model) !== right.order.count(model)) countsDiffer = true;
    }
  }

  const together = left.cursor.peek() === undefined && right.cursor.peek() === undefined;
  if (!left.drain() || !right.drain()) return { restage: true };
  const findings = [...left.order.findings, ...right.order.findings].map((placed) => placed.finding);
  findings.push(...unequalCounts(left.order, right.order));
  // Mismatched counts or order mean the pairs cannot be matched: stop here, as Sentry does.
  if (findings.length > 0) return { findings };
  if (!together) return { restage: true };
  const models = right.order.models();
  const assemble = (revisited: ReadonlyMap<string, ComparatorFinding[]>): ComparatorFinding[] => models.flatMap((model) => revisited.get(model) ?? pairFindings.get(model) ?? []);
  return revisit.size === 0 ? { findings: assemble(new Map()) } : { revisit, context, assemble };
}
