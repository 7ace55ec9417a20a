/**
 * The validator as it was before the compare streamed: both sides held whole as model maps, then
 * every pair compared. Kept only as the oracle the streaming compare is checked against
 * (test/unit/validate-streaming.test.ts): same inputs, the very same findings.
 */
import { pythonRepr } from '../../src/core/json/json-text.js';
import type { JsonValue } from '../../src/core/json/json-text.js';
import { PyFloat, dumpPythonJson } from '../../src/core/json/python-json.js';
import type { ComparatorFinding } from '../../src/core/compare/comparator-findings.js';
import type { ComparedInstance, CompareContext } from '../../src/core/compare/comparators.js';
import { compareKeys, pythonTuple } from '../../src/core/compare/model-map.js';
import type { ExportedObject, Side } from '../../src/core/compare/model-map.js';
import { printsEqual, without } from '../../src/core/compare/pair-compare.js';
import type { ComparatorMap } from '../../src/core/compare/pair-compare.js';
import { unifiedDiff } from '../../src/core/compare/unified-diff.js';
import type { Registry } from '../../src/core/registry/registry.js';

interface ModelMap {
  readonly models: Map<string, ComparedInstance[]>;
  readonly ordinals: Map<string, Map<number, number>>;
}

type Key = readonly unknown[];

/** A key part as Python compares and hashes it: floats by value, `True` as 1, `False` as 0. */
const keyPart = (item: unknown): unknown => (item instanceof PyFloat ? item.value : typeof item === 'boolean' ? Number(item) : item);

function instance(object: ExportedObject, ordinal: number): ComparedInstance {
  // The validator never writes to `fields` (comparators only read; the diff skips scrubbed fields).
  return { model: object.model, pk: object.pk, ordinal, fields: object.fields as Record<string, unknown>, scrubbed: {} };
}

function buildModelMap(registry: Registry, objects: Iterable<ExportedObject>, side: Side, findings: ComparatorFinding[]): ModelMap {
  const models = new Map<string, ComparedInstance[]>();
  const usernames = new Map<number, unknown>();
  const lastPk = new Map<string, number>();
  const custom = new Map<string, Map<string, { key: Key; object: ExportedObject }>>();
  const sidePks = (pk: number) => (side === 'left' ? { leftPk: pk } : { rightPk: pk });
  const list = (model: string): ComparedInstance[] => {
    let instances = models.get(model);
    if (instances === undefined) models.set(model, (instances = []));
    return instances;
  };

  for (const object of objects) {
    const entry = registry.find(object.model);
    if (object.model === 'sentry.user') usernames.set(object.pk, object.fields.username);
    const fields = entry?.customOrdinal;
    const applies = fields !== undefined && (entry?.rules.customOrdinalApplies?.(object.fields) ?? true);
    if (!applies) {
      const instances = list(object.model);
      const previous = lastPk.get(object.model);
      if (previous !== undefined && object.pk <= previous) {
        findings.push({
          finding: 'ComparatorFinding', kind: 'UnorderedInput', on: { model: object.model, ordinal: instances.length + 1 }, ...sidePks(object.pk),
          reason: `instances not listed in ascending \`pk\` order; \`pk\` ${object.pk} is less than or equal to ${previous} which precedes it`,
        });
      } else {
        lastPk.set(object.model, object.pk);
      }
      instances.push(instance(object, instances.length + 1));
      continue;
    }
    // Users are looked at through their usernames, so that a renamed or merged user still matches.
    // (Sentry fails on a user pk it has not seen yet; the pk itself stands in here.)
    const key = fields.map((name) => (name === 'user' || name === 'user_id' ? usernames.get(object.fields[name] as number) ?? object.fields[name] : object.fields[name]) ?? null);
    let seen = custom.get(object.model);
    if (seen === undefined) custom.set(object.model, (seen = new Map()));
    const text = JSON.stringify(key.map(keyPart));
    if (seen.has(text) && object.model !== 'sentry.useroption') {
      findings.push({
        finding: 'ComparatorFinding', kind: 'DuplicateCustomOrdinal', on: { model: object.model }, ...sidePks(object.pk),
        reason: `custom ordinal value \`${pythonTuple(key)}\` appears multiple times`,
      });
    }
    // A repeated user option replaces the earlier one (Sentry lets the latest win).
    seen.set(text, { key, object });
  }

  for (const [model, seen] of custom) {
    const instances = list(model);
    for (const { object } of [...seen.values()].sort((a, b) => compareKeys(a.key, b.key))) instances.push(instance(object, instances.length + 1));
  }
  const ordinals = new Map<string, Map<number, number>>();
  for (const [model, instances] of models) ordinals.set(model, new Map(instances.map((item) => [item.pk, item.ordinal])));
  return { models, ordinals };
}

/** The fields as Sentry's validator prints them: indent 2, sorted keys, ASCII. */
function jsonText(fields: Readonly<Record<string, unknown>>): string {
  return dumpPythonJson(fields, { indent: 2, sortKeys: true });
}

export function referenceValidate(registry: Registry, expect: Iterable<ExportedObject>, actual: Iterable<ExportedObject>, comparators: ComparatorMap): ComparatorFinding[] {
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
