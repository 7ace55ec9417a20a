/**
 * Sentry's `validate(expect, actual, comparators)` (§7.1): both sides as model maps; unequal
 * counts end it early; otherwise each matched pair runs its model's comparators (existence
 * checks first, every compare before any scrub) and whatever is left of the two `fields` must
 * print the same, or the unified diff of the two is an UnequalJSON finding.
 */
import { PyFloat, dumpPythonJson } from '../json/python-json.js';
import type { ComparatorFinding } from './comparator-findings.js';
import type { Comparator, CompareContext } from './comparators.js';
import { buildModelMap } from './model-map.js';
import type { ExportedObject } from './model-map.js';
import { unifiedDiff } from './unified-diff.js';
import type { Registry } from '../registry/registry.js';

export type ComparatorMap = ReadonlyMap<string, readonly Comparator[]>;

/** The fields as Sentry's validator prints them: indent 2, sorted keys, ASCII. */
function jsonText(fields: Readonly<Record<string, unknown>>): string {
  return dumpPythonJson(fields, { indent: 2, sortKeys: true });
}

export function validate(registry: Registry, expect: Iterable<ExportedObject>, actual: Iterable<ExportedObject>, comparators: ComparatorMap): ComparatorFinding[] {
  const findings: ComparatorFinding[] = [];
  const left = buildModelMap(registry, expect, 'left', findings);
  const right = buildModelMap(registry, actual, 'right', findings);

  const names = [...new Set([...left.models.keys(), ...right.models.keys()])];
  for (const model of names) {
    const leftCount = left.models.get(model)?.length ?? 0;
    const rightCount = right.models.get(model)?.length ?? 0;
    if (leftCount !== rightCount) {
      findings.push({ finding: 'ComparatorFinding', kind: 'UnequalCounts', on: { model }, reason: `counted ${leftCount} left entries and ${rightCount} right entries` });
    }
  }
  // Mismatched counts or order mean the pairs cannot be matched: stop here, as Sentry does.
  if (findings.length > 0) return findings;

  const context: CompareContext = { left: left.ordinals, right: right.ordinals };
  for (const [model, rights] of right.models) {
    const lefts = left.models.get(model) ?? [];
    const modelComparators = comparators.get(model) ?? [];
    // Scrubbing removes every field a comparator handles (set or not) before the diff, so the
    // diff may as well skip them: the inputs stay untouched and no field is deleted per row.
    const scrubbed = new Set(modelComparators.flatMap((comparator) => [...comparator.fields]));
    rights.forEach((r, i) => {
      const l = lefts[i];
      if (l === undefined) return;
      const on = { model, ordinal: r.ordinal };
      for (const comparator of modelComparators) {
        const missing = comparator.existence(on, l, r);
        if (missing.length > 0) {
          findings.push(...missing);
          continue;
        }
        findings.push(...comparator.compare(on, l, r, context));
      }
      // The diff (the costly part) only runs for pairs that would print differently.
      if (printsEqual(l.fields, r.fields, scrubbed)) return;
      const leftText = jsonText(without(l.fields, scrubbed));
      const rightText = jsonText(without(r.fields, scrubbed));
      if (leftText === rightText) return;
      const diff = unifiedDiff(leftText.split('\n'), rightText.split('\n'), { n: 15 });
      if (diff.length > 0) {
        findings.push({ finding: 'ComparatorFinding', kind: 'UnequalJSON', on, leftPk: l.pk, rightPk: r.pk, reason: `\n    ${diff.join('\n    ')}` });
      }
    });
  }
  return findings;
}

function without(fields: Readonly<Record<string, unknown>>, skip: ReadonlySet<string>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(fields)) if (!skip.has(key)) kept[key] = fields[key];
  return kept;
}

/**
 * Whether two values print as the same JSON: Python's `==` is not enough (1, 1.0 and True are
 * equal to it and print as 1, 1.0 and true); key order does not matter (keys are sorted).
 */
function samePrint(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof PyFloat && b instanceof PyFloat) return a.value === b.value;
  if (a instanceof PyFloat || b instanceof PyFloat) {
    // A float prints like a plain number only when it has a fraction (1.5), not when whole (1.0).
    const float = (a instanceof PyFloat ? a : b) as PyFloat;
    const plain = a instanceof PyFloat ? b : a;
    return typeof plain === 'number' && plain === float.value && !Number.isInteger(plain);
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!samePrint(a[i], other[i])) return false; // a loop: one frame per level
    return true;
  }
  return printsEqual(a as Record<string, unknown>, b as Record<string, unknown>, new Set());
}

function printsEqual(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>, skip: ReadonlySet<string>): boolean {
  let counted = 0;
  for (const key in a) {
    if (skip.has(key)) continue;
    if (!Object.hasOwn(b, key) || !samePrint(a[key], b[key])) return false;
    counted++;
  }
  for (const key in b) if (!skip.has(key)) counted--;
  return counted === 0;
}
