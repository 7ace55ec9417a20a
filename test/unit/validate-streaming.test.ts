/**
 * The streaming validator against the one that held both sides whole (test/helpers/
 * reference-validate.ts): random pairs of sides, in model order or not, with models split in runs,
 * missing, extra or reordered, pks out of order, repeated custom keys, renamed users, changed
 * values, keys to rows that are not there, to models that come later, and to the model itself.
 * Every case must give the very same findings, in the same order.
 */
import { describe, expect, it } from 'vitest';
import { ForeignKeyComparator } from '../../src/core/compare/comparators.js';
import type { Comparator } from '../../src/core/compare/comparators.js';
import { defaultComparators } from '../../src/core/compare/default-comparators.js';
import type { ExportedObject, Side } from '../../src/core/compare/model-map.js';
import { OrdinalIndex } from '../../src/core/compare/ordinal-index.js';
import { validate, validateStreams } from '../../src/core/compare/validate.js';
import { memoryStaging } from '../../src/core/compare/staging.js';
import type { CompareStaging } from '../../src/core/compare/staging.js';
import { PyFloat } from '../../src/core/json/python-json.js';
import { REGISTRY } from '../helpers/registry.js';
import { referenceValidate } from '../helpers/reference-validate.js';

type Obj = ExportedObject;
const MODELS = ['sentry.organization', 'sentry.project', 'sentry.user', 'sentry.email', 'sentry.useremail', 'sentry.useroption', 'sentry.option', 'sentry.team', 'sentry.integration'];

/** Deterministic random numbers (mulberry32), so that a failing case can be replayed by its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The default map, plus a key to a later model (organizations → projects) and one to the model itself (teams). */
function comparatorsWithUnusualKeys(): Map<string, Comparator[]> {
  const map = defaultComparators(REGISTRY);
  map.get('sentry.organization')?.push(new ForeignKeyComparator({ showcase: 'sentry.project' }));
  map.get('sentry.team')?.push(new ForeignKeyComparator({ parent: 'sentry.team' }));
  return map;
}

function base(rand: () => number): Obj[] {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const value = (): unknown => pick(['a', 'b', 1, 2, true, null, new PyFloat(1), 1.5, ['x', 'y'], { k: 'v' }]);
  const count = (): number => 1 + Math.floor(rand() * 4);
  const objects: Obj[] = [];
  const add = (model: string, fields: Record<string, unknown>): void => {
    objects.push({ model, pk: objects.filter((o) => o.model === model).length + 1, fields });
  };
  const orgs = count();
  const users = count();
  for (let i = 0; i < orgs; i++) add('sentry.organization', { name: `org ${i}`, slug: `org-${i}`, status: value(), showcase: rand() < 0.5 ? null : 1 + Math.floor(rand() * 3) });
  for (let i = 0; i < count(); i++) add('sentry.project', { slug: `p${i}`, name: value(), organization: 1 + Math.floor(rand() * orgs) });
  // Now and then a username that is no string: keys holding it tell it apart by identity.
  const odd = { nick: 'x' };
  for (let i = 0; i < users; i++) add('sentry.user', { username: rand() < 0.1 ? odd : pick(['ann', 'bob', 'cy', 'dee']) + i, name: value(), email: `u${i}@example.com`, password: 'x', is_unclaimed: false });
  for (let i = 0; i < count(); i++) add('sentry.email', { email: pick(['a@x.com', 'b@x.com', 'c@x.com', `e${i}@x.com`]), date_added: '2024-01-01T00:00:00.000Z' });
  for (let i = 0; i < count(); i++) add('sentry.useremail', { user: 1 + Math.floor(rand() * users), email: pick(['a@x.com', 'b@x.com']), validation_hash: 'h', is_verified: value() });
  for (let i = 0; i < count() + 2; i++) {
    const scoped = rand() < 0.4;
    add('sentry.useroption', { user: 1 + Math.floor(rand() * users), project_id: scoped ? 1 : null, organization_id: null, key: pick(['theme', 'lang', 'tz']), value: value() });
  }
  // Keys Python takes as equal (1, 1.0 and True) now and then.
  for (let i = 0; i < count(); i++) add('sentry.option', { key: pick(['k1', 'k2', 'k3', 'k4', 'k5', 'k6', 1, true, new PyFloat(1), new PyFloat(2.5)]), value: value(), last_updated: '2024-01-01T00:00:00.000Z' });
  for (let i = 0; i < count(); i++) add('sentry.team', { organization: 1 + Math.floor(rand() * orgs), slug: `t${i}`, parent: rand() < 0.5 ? null : 1 + Math.floor(rand() * 4) });
  for (let i = 0; i < count(); i++) add('sentry.integration', { provider: 'slack', name: value(), external_id: `x${i}` });
  return objects;
}

/** A side made from the base by a few random edits of the kinds files differ by. */
function edited(rand: () => number, objects: readonly Obj[], edits: number): Obj[] {
  let side = objects.map((o) => ({ ...o, fields: { ...o.fields } }));
  const at = (): number => Math.floor(rand() * side.length);
  for (let n = 0; n < edits && side.length > 0; n++) {
    const kind = Math.floor(rand() * 10);
    const i = at();
    const o = side[i] as Obj;
    if (kind === 0) side.splice(i, 1); // a row missing
    else if (kind === 1) side.splice(i, 0, { ...o, pk: o.pk + 100 }); // an extra row (later pk, same key)
    else if (kind === 2) side[i] = { ...o, fields: { ...o.fields, name: 'changed', value: 'changed' } };
    else if (kind === 3) side[i] = { ...o, pk: Math.max(1, o.pk - 1) }; // a pk out of order
    else if (kind === 4 && o.model === 'sentry.user') side[i] = { ...o, fields: { ...o.fields, username: `renamed${n}` } };
    else if (kind === 5) side = side.filter((x) => x.model !== o.model); // a model missing
    else if (kind === 6) { // a model moved to the end: out of model order, or split in two runs
      const moved = side.filter((x) => x.model === o.model && (rand() < 0.5 || x === o));
      side = [...side.filter((x) => !moved.includes(x)), ...moved];
    } else if (kind === 7) side = side.map((x) => ({ ...x, pk: x.pk + 10 })); // every pk moved
    else if (kind === 8) side[i] = { ...o, fields: { ...o.fields, user: 99, organization: 99, parent: 99, showcase: 99 } }; // keys to nothing
    else if (kind === 9) { // two whole models swapped
      const other = MODELS[Math.floor(rand() * MODELS.length)];
      const a = side.filter((x) => x.model === o.model);
      const b = side.filter((x) => x.model === other);
      side = [...side.filter((x) => x.model !== o.model && x.model !== other), ...b, ...a];
    }
  }
  return side;
}

describe('validate streams model by model, with the findings of the whole-sides validator', () => {
  const comparators = comparatorsWithUnusualKeys();

  it('gives the same findings on 600 random pairs of sides', () => {
    let staged = 0;
    let revisited = 0;
    let compared = 0;
    let stagedAndCompared = 0;
    for (let seed = 1; seed <= 600; seed++) {
      const rand = random(seed);
      const common = base(rand);
      const left = edited(rand, common, Math.floor(rand() * 2));
      const right = edited(rand, common, Math.floor(rand() * 3));
      const expected = referenceValidate(REGISTRY, left, right, comparators);
      let opened = 0;
      const open = (side: Side): Iterable<Obj> => {
        opened++;
        // A generator: the validator must not lean on having arrays.
        return (function* () { yield* side === 'left' ? left : right; })();
      };
      expect(validate(REGISTRY, left, right, comparators), `seed ${seed}`).toEqual(expected);
      // A staging that notes which models it was given: some only, when just their pairs were compared again.
      const stagedModels = new Set<string>();
      const staging = (): CompareStaging => {
        const store = memoryStaging();
        return { ...store, add: (side, model, row) => (stagedModels.add(model), store.add(side, model, row)) };
      };
      expect(validateStreams(REGISTRY, open, comparators, staging), `seed ${seed}`).toEqual(expected);
      if (stagedModels.size > 0 && stagedModels.size < new Set([...left, ...right].map((o) => o.model)).size) revisited++;
      const pairs = expected.some((f) => !['UnorderedInput', 'DuplicateCustomOrdinal', 'UnequalCounts'].includes(f.kind));
      if (opened > 2) staged++;
      if (pairs) compared++;
      if (pairs && opened > 2) stagedAndCompared++;
    }
    // The cases must reach both passes and both outcomes, or the comparison proves little.
    expect([staged, revisited, compared, stagedAndCompared].every((n) => n > 40), `${staged} staged, ${revisited} revisited, ${compared} compared, ${stagedAndCompared} both`).toBe(true);
  });

  it('reads each side once when both come in the same model order, and twice when not', () => {
    // A side that compared with itself has nothing that ends the compare early (no repeated keys).
    let seed = 1;
    while (referenceValidate(REGISTRY, base(random(seed)), base(random(seed)), comparators).some((f) => f.kind === 'DuplicateCustomOrdinal')) seed++;
    const common = base(random(seed));
    const counted = (left: Obj[], right: Obj[], map = defaultComparators(REGISTRY)): number => {
      let opened = 0;
      validateStreams(REGISTRY, (side) => (opened++, side === 'left' ? left : right), map, memoryStaging);
      return opened;
    };
    expect(counted(common, common)).toBe(2);
    const users = common.filter((o) => o.model === 'sentry.user');
    expect(counted(common, [...common.filter((o) => o.model !== 'sentry.user'), ...users])).toBe(4);
    // A key to a model that comes later was looked up too early: the sides are staged.
    const showcased = common.map((o) => (o.model === 'sentry.organization' ? { ...o, fields: { ...o.fields, showcase: 1 } } : o));
    expect(counted(showcased, showcased, comparators)).toBe(4);
  });

  it('lists pairs in the right side\'s model-map order (a user option scoped on one side only moves it)', () => {
    const user = (name: string): Obj => ({ model: 'sentry.user', pk: 1, fields: { username: 'ann', name } });
    const option = (pk: number, key: string, projectId: number | null, value: string): Obj => ({ model: 'sentry.useroption', pk, fields: { user: 1, project_id: projectId, organization_id: null, key, value } });
    const left = [user('Ann'), option(1, 'a', 1, 'x'), option(2, 'b', null, 'x')];
    const right = [user('Annie'), option(1, 'a', null, 'y'), option(2, 'b', null, 'y')];
    const findings = validate(REGISTRY, left, right, comparators);
    expect(findings).toEqual(referenceValidate(REGISTRY, left, right, comparators));
    expect(findings.map((f) => f.on.model)[0]).toBe('sentry.user');
  });

  it('sorts keys through a username that is no string as Sentry\'s model map does (by identity)', () => {
    const user: Obj = { model: 'sentry.user', pk: 1, fields: { username: { nick: 'x' }, name: 'Ann' } };
    const useremail = (pk: number, email: string, note: boolean): Obj => ({ model: 'sentry.useremail', pk, fields: { user: 1, email, validation_hash: 'h', note } });
    const left = [user, useremail(1, 'b@x.com', true), useremail(2, 'a@x.com', true), useremail(3, 'c@x.com', true)];
    const right = [user, useremail(1, 'b@x.com', true), useremail(2, 'a@x.com', false), useremail(3, 'c@x.com', true)];
    const findings = validate(REGISTRY, left, right, defaultComparators(REGISTRY));
    expect(findings).toEqual(referenceValidate(REGISTRY, left, right, defaultComparators(REGISTRY)));
    expect(findings.map((f) => f.on.ordinal)).toEqual([1]);
  });

  it('returns hundreds of thousands of findings, in either pass', () => {
    const rows = 200_000;
    // pks falling: every row but the first is out of order.
    const falling = Array.from({ length: rows }, (_, i): Obj => ({ model: 'sentry.integration', pk: rows - i, fields: { name: 'x' } }));
    const option: Obj = { model: 'sentry.option', pk: 1, fields: { key: 'k', value: 1 } };
    expect(validate(REGISTRY, falling, falling, comparators)).toHaveLength(2 * (rows - 1));
    // The option first on one side and last on the other: only the staged pass can take these.
    expect(validate(REGISTRY, [option, ...falling], [...falling, option], comparators)).toHaveLength(2 * (rows - 1));
  });

  it('reports the left side\'s read error first, whichever side fails first', () => {
    const rand = random(3);
    const common = base(rand);
    const failing = (message: string, after: number) => function* () {
      yield* common.slice(0, after);
      throw new Error(message);
    };
    const open = (side: Side): Iterable<Obj> => (side === 'left' ? failing('left broke', common.length - 1)() : failing('right broke', 1)());
    expect(() => validateStreams(REGISTRY, open, comparators)).toThrow('left broke');
    const rightOnly = (side: Side): Iterable<Obj> => (side === 'left' ? common : failing('right broke', 1)());
    expect(() => validateStreams(REGISTRY, rightOnly, comparators)).toThrow('right broke');
  });
});

describe('OrdinalIndex', () => {
  it('answers as a Map of the same pairs does, a repeated pk giving the later ordinal', () => {
    const rand = random(11);
    for (let round = 0; round < 50; round++) {
      const index = new OrdinalIndex();
      const map = new Map<number, number>();
      const size = Math.floor(rand() * 200);
      for (let ordinal = 1; ordinal <= size; ordinal++) {
        const pk = round % 2 === 0 ? ordinal * 3 : Math.floor(rand() * 100);
        index.add(pk, ordinal);
        map.set(pk, ordinal);
      }
      for (let pk = -1; pk < 700; pk++) expect(index.get(pk)).toBe(map.get(pk));
      expect(index.get('3')).toBeUndefined();
      expect(index.get(new PyFloat(3))).toBeUndefined();
    }
  });
});
