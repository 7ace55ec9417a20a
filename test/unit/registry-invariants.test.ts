/** Facts the registry must keep as models are added or changed (Sentry's DEP-08 and our own). */
import { describe, expect, it } from 'vitest';
import { fieldClassInfo } from '../../src/core/registry/field-classes.js';

import { normalizeModelName } from '../../src/core/model-name.js';
import { columnsOf } from '../../src/db/schema.js';
import { REGISTRY } from '../helpers/registry.js';

const ENGINE_TABLES = ['sentry.controlimportchunk', 'sentry.controlimportchunkreplica', 'sentry.lostpasswordhash', 'sentry.regionimportchunk'];

describe('the model registry', () => {
  it("holds every model of Sentry's graph at this version: 249, 95 of them exportable", () => {
    expect(REGISTRY.models).toHaveLength(249);
    expect(REGISTRY.exportable).toHaveLength(95);
  });

  it('stores every exportable model and the engine tables, and nothing else', () => {
    const stored = REGISTRY.stored.map((entry) => entry.name);
    expect(stored.filter((name) => REGISTRY.get(name).scope === 'Excluded').sort()).toEqual(ENGINE_TABLES);
    expect(stored).toHaveLength(REGISTRY.exportable.length + ENGINE_TABLES.length);
  });

  it('names every model in normalized form', () => {
    for (const entry of REGISTRY.models) expect(normalizeModelName(entry.name)).toBe(entry.name);
  });

  it('puts every exportable slug field in a unique set', () => {
    const missing = REGISTRY.exportable.filter(
      (entry) => entry.fields.some((field) => field.name === 'slug') && !entry.uniques.some((set) => set.includes('slug')),
    );
    expect(missing.map((entry) => entry.name)).toEqual([]);
  });

  it.each(['sentry.useremail', 'sentry.userip', 'sentry.userpermission'])(
    '%s has exactly one foreign key, user → sentry.user (merging users relies on it)',
    (name) => {
      expect(REGISTRY.get(name).foreignKeys.map((key) => [key.field, key.model])).toEqual([['user', 'sentry.user']]);
    },
  );

  it('rejects a model name without a dot', () => {
    expect(() => normalizeModelName('sentry_user')).toThrow(TypeError);
    expect(normalizeModelName('sentry.UserEmail')).toBe('sentry.useremail');
  });
});

describe.each(REGISTRY.stored.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
  it('has each field and column once, and no field named id', () => {
    const names = entry.fields.map((field) => field.name);
    const columns = entry.fields.map((field) => field.column);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(columns).size).toBe(columns.length);
    expect(columns).not.toContain('id');
  });

  it('has a field for every foreign key, unique set and custom ordinal', () => {
    for (const key of entry.foreignKeys) expect(entry.fields.find((field) => field.name === key.field)?.foreignKey).toEqual(key);
    for (const set of entry.uniques) expect(() => columnsOf(entry, set)).not.toThrow();
    for (const name of entry.customOrdinal ?? []) expect(entry.fields.map((field) => field.name)).toContain(name);
  });

  it('declares defaults and lengths that fit the field class', () => {
    for (const field of entry.fields) {
      const { value, sqlite } = fieldClassInfo(field.class);
      if (field.maxLength !== undefined) expect(sqlite, `${field.name} has a max length`).toBe('TEXT');
      if (value === 'array') expect(field.of, `${field.name} is an array of something`).toBeDefined();
      const literal = field.default !== undefined && 'value' in field.default ? field.default.value : undefined;
      if (literal === undefined || literal === null) {
        if (literal === null) expect(field.nullable, `${field.name} defaults to null`).toBe(true);
        continue;
      }
      const expected = { integer: 'number', bitfield: 'number', float: 'number', boolean: 'boolean' }[value as string] ?? undefined;
      if (expected !== undefined) expect(typeof literal, `${field.name}'s default`).toBe(expected);
      if (typeof literal === 'string' && field.maxLength !== undefined) expect(literal.length).toBeLessThanOrEqual(field.maxLength);
    }
  });
});
