/**
 * One matched pair of Sentry's validate (§7.1): the model's comparators (existence checks first,
 * every compare before any scrub), then whatever is left of the two `fields` must print the same,
 * or the unified diff of the two is an UnequalJSON finding.
 */
import { PyFloat, dumpPythonJson } from '../json/python-json.js';
import type { ComparatorFinding } from './comparator-findings.js';
import { ForeignKeyComparator } from './comparators.js';
import type { Comparator, ComparedInstance, CompareContext } from './comparators.js';
import { unifiedDiff } from './unified-diff.js';

export type ComparatorMap = ReadonlyMap<string, readonly Comparator[]>;

/** The fields as Sentry's validator prints them: indent 2, sorted keys, ASCII. */
function jsonText(fields: Readonly<Record<string, unknown>>): string {
  return dumpPythonJson(fields, { indent: 2, sortKeys: true });
}

/** A model's comparators, and the fields they scrub, ready to compare pairs of it. */
export class ModelComparison {
  readonly comparators: readonly Comparator[];
  /**
   * Scrubbing removes every field a comparator handles (set or not) before the diff, so the diff
   * may as well skip them: the inputs stay untouched and no field is deleted per row.
   */
  readonly scrubbed: ReadonlySet<string>;
  /** The models this one's foreign keys point at. */
  readonly targets: ReadonlySet<string>;

  constructor(readonly model: string, comparators: ComparatorMap) {
    this.comparators = comparators.get(model) ?? [];
    this.scrubbed = new Set(this.comparators.flatMap((comparator) => [...comparator.fields]));
    this.targets = new Set(this.comparators.flatMap((comparator) => (comparator instanceof ForeignKeyComparator ? Object.values(comparator.foreignFields) : [])));
  }

  /** Appends the pair's findings. */
  compare(l: ComparedInstance, r: ComparedInstance, context: CompareContext, findings: ComparatorFinding[]): void {
    const on = { model: this.model, ordinal: r.ordinal };
    for (const comparator of this.comparators) {
      const missing = comparator.existence(on, l, r);
      if (missing.length > 0) {
        findings.push(...missing);
        continue;
      }
      const found = comparator.compare(on, l, r, context);
      if (found.length > 0) findings.push(...found);
    }
    // The diff (the costly part) only runs for pairs that would print differently.
    if (printsEqual(l.fields, r.fields, this.scrubbed)) return;
    const leftText = jsonText(without(l.fields, this.scrubbed));
    const rightText = jsonText(without(r.fields, this.scrubbed));
    if (leftText === rightText) return;
    const diff = unifiedDiff(leftText.split('\n'), rightText.split('\n'), { n: 15 });
    if (diff.length > 0) {
      findings.push({ finding: 'ComparatorFinding', kind: 'UnequalJSON', on, leftPk: l.pk, rightPk: r.pk, reason: `\n    ${diff.join('\n    ')}` });
    }
  }
}

/** Every model some foreign key of the map points at. */
export function foreignKeyTargets(comparators: ComparatorMap): Set<string> {
  const targets = new Set<string>();
  for (const list of comparators.values()) {
    for (const comparator of list) if (comparator instanceof ForeignKeyComparator) for (const model of Object.values(comparator.foreignFields)) targets.add(model);
  }
  return targets;
}

export function without(fields: Readonly<Record<string, unknown>>, skip: ReadonlySet<string>): Record<string, unknown> {
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

export function printsEqual(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>, skip: ReadonlySet<string>): boolean {
  let counted = 0;
  for (const key in a) {
    if (skip.has(key)) continue;
    if (!Object.hasOwn(b, key) || !samePrint(a[key], b[key])) return false;
    counted++;
  }
  for (const key in b) if (!skip.has(key)) counted--;
  return counted === 0;
}
