/** The dependency graph: order, errors, danglingness, natural keys. Pure: no SQLite. */
import { describe, expect, it } from 'vitest';
import {
  dependencies,
  dependenciesForRelocation,
  reversedDependencies,
  sortedDependencies,
  uniquesWithoutForeignKeys,
} from '../../src/core/graph/index.js';
import { defineModel, fk, f, graphOnly } from '../../src/core/registry/define.js';

import type { ModelEntry } from '../../src/core/registry/types.js';
import { REGISTRY } from '../helpers/registry.js';

const names = (entries: readonly ModelEntry[]): string[] => entries.map((entry) => entry.name);

describe('sorted order of the registry', () => {
  const sorted = sortedDependencies(REGISTRY.models);
  const position = new Map(sorted.map((entry, index) => [entry.name, index]));

  it('places every model once', () => {
    expect(sorted).toHaveLength(REGISTRY.models.length);
    expect(new Set(names(sorted)).size).toBe(REGISTRY.models.length);
  });

  it('places every foreign-key target and relocation dependency earlier', () => {
    const violations = sorted.flatMap((entry) =>
      [...dependenciesForRelocation(entry)]
        .filter((dep) => position.has(dep) && (position.get(dep) as number) >= (position.get(entry.name) as number))
        .map((dep) => `${entry.name} before ${dep}`),
    );
    expect(violations).toEqual([]);
  });

  it('keeps the relative order Sentry tests for (user before email, at this version)', () => {
    const chain = [
      'sentry.controloption', 'sentry.option', 'sentry.organization', 'sentry.user', 'sentry.project',
      'sentry.organizationmember', 'sentry.email', 'sentry.useremail', 'sentry.rule', 'sentry.projectteam',
      'sentry.projectkey', 'sentry.organizationmemberteam',
    ];
    const at = chain.map((name) => position.get(name) as number);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it('reverses for deletion', () => {
    expect(names(reversedDependencies(REGISTRY.models))).toEqual(names(sorted).reverse());
  });
});

describe('the pass quirk', () => {
  // y needs z, which sorts after it, so y (and b and c, which need y) miss the first pass.
  const model = (name: string, deps: string[] = []): ModelEntry =>
    graphOnly(name, name.replace('.', '_'), ['Region'], {}, [], deps);

  it('visits models ascending in the first pass and descending after it', () => {
    const graph = [
      model('app.b', ['app.y']), model('app.c', ['app.y']), model('app.y', ['app.z']), model('app.z'),
      model('app.a'),
    ];
    // Pass 1: a, (b skipped), (c skipped), (y skipped), z. Pass 2 descending: y, c, b.
    expect(names(sortedDependencies(graph))).toEqual(['app.a', 'app.z', 'app.y', 'app.c', 'app.b']);
  });

  it("raises Sentry's error when a pass places nothing", () => {
    const graph = [model('app.a', ['app.b']), model('app.b', ['app.a']), model('app.c')];
    expect(() => sortedDependencies(graph)).toThrow("Can't resolve dependencies for app.a, app.b in serialized app list.");
  });

  it('ignores dependencies on models outside the graph', () => {
    expect(names(sortedDependencies([model('app.a', ['other.x'])]))).toEqual(['app.a']);
  });
});

describe('dangling', () => {
  const relations = dependencies(REGISTRY.models);
  const dangling = (name: string): boolean | undefined => relations.get(name)?.dangling;

  it('never marks root models dangling', () => {
    for (const name of ['sentry.user', 'sentry.organization', 'sentry.option', 'sentry.integration']) {
      expect(dangling(name), name).toBe(false);
    }
  });

  it('marks models without a non-nullable path to a root dangling', () => {
    expect(dangling('sentry.email')).toBe(true);
    expect(dangling('sentry.useremail')).toBe(false);
  });

  it("raises Sentry's error on a cycle of non-nullable keys", () => {
    const cycle = (name: string, target: string): ModelEntry =>
      defineModel({
        model: name, table: name.replace('.', '_'), silos: ['Region'], scope: 'Organization', uniques: [],
        fields: [fk('other', target, 'FlexibleForeignKey'), f('name', 'CharField', { maxLength: 10 })],
      });
    expect(() => dependencies([cycle('app.a', 'app.b'), cycle('app.b', 'app.a')])).toThrow(
      'Circular dependency: app.a cannot transitively reference itself',
    );
  });
});

describe('uniques without foreign keys', () => {
  it("gives the config models' natural keys", () => {
    expect(uniquesWithoutForeignKeys(REGISTRY.get('sentry.option'))).toEqual([['key']]);
    expect(uniquesWithoutForeignKeys(REGISTRY.get('sentry.relayusage'))).toEqual([['relay_id', 'version']]);
    expect(uniquesWithoutForeignKeys(REGISTRY.get('sentry.userrole'))).toEqual([['name']]);
  });

  it('leaves out sets that contain a foreign key', () => {
    expect(uniquesWithoutForeignKeys(REGISTRY.get('sentry.useremail'))).toEqual([]);
  });
});
