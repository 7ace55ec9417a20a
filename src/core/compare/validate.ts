/**
 * Sentry's `validate(expect, actual, comparators)` (§7.1): both sides as model maps; unequal
 * counts end it early; otherwise each matched pair runs its model's comparators (existence
 * checks first, every compare before any scrub) and whatever is left of the two `fields` must
 * print the same, or the unified diff of the two is an UnequalJSON finding.
 */
import { dumpPythonJson } from '../json/python-json.js';
import type { ComparatorFinding } from './comparator-findings.js';
import type { Comparator, CompareContext } from './comparators.js';
import { buildModelMap } from './model-map.js';
import type { ExportedObject } from './model-map.js';
import { unifiedDiff } from './unified-diff.js';

export type ComparatorMap = ReadonlyMap<string, readonly Comparator[]>;

/** The fields as Sentry's validator prints them: indent 2, sorted keys, ASCII. */
function jsonLines(fields: Readonly<Record<string, unknown>>): string[] {
  return dumpPythonJson(fields, { indent: 2, sortKeys: true }).split('\n');
}

export function validate(expect: Iterable<ExportedObject>, actual: Iterable<ExportedObject>, comparators: ComparatorMap): ComparatorFinding[] {
  const findings: ComparatorFinding[] = [];
  const left = buildModelMap(expect, 'left', findings);
  const right = buildModelMap(actual, 'right', findings);

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
      for (const comparator of modelComparators) comparator.scrub(l, r);
      const diff = unifiedDiff(jsonLines(l.fields), jsonLines(r.fields), { n: 15 });
      if (diff.length > 0) {
        findings.push({ finding: 'ComparatorFinding', kind: 'UnequalJSON', on, leftPk: l.pk, rightPk: r.pk, reason: `\n    ${diff.join('\n    ')}` });
      }
    });
  }
  return findings;
}
