/**
 * Every field Sentry exported in its release snapshots (23.9.1 → 24.7.0) is in the registry with a
 * class that can hold the values seen, except what Sentry removed before the registry's version.
 */
import { describe, expect, it } from 'vitest';
import { fieldClassInfo } from '../../src/core/registry/field-classes.js';
import type { ValueKind } from '../../src/core/registry/field-classes.js';

import { hasSharedReference, readReference } from '../helpers/shared-reference.js';
import { REGISTRY } from '../helpers/registry.js';

/** What a value of each JSON type seen in an export may be held by. */
const HOLDERS: Record<string, readonly ValueKind[]> = {
  int: ['integer', 'bitfield', 'float', 'json', 'pickled'],
  float: ['float', 'decimal', 'json', 'pickled'],
  bool: ['boolean', 'json', 'pickled'],
  string: ['string', 'uuid', 'datetime', 'date', 'decimal', 'bitfield', 'array', 'json', 'pickled', 'gzipped'],
  object: ['json'],
  list: ['json', 'array'],
};

interface FieldInventory {
  [model: string]: { [field: string]: { types: string[]; iso_datetime_z?: boolean; seen_in: string[] } };
}

describe.skipIf(!hasSharedReference)('fields of the release snapshots', () => {
  const inventory = hasSharedReference ? (JSON.parse(readReference('field-inventory.json')) as FieldInventory) : {};

  it('are all known, or listed as removed', () => {
    const unknown: string[] = [];
    for (const [model, fields] of Object.entries(inventory)) {
      const entry = REGISTRY.find(model);
      if (entry === undefined) {
        if (!REGISTRY.removedModels.has(model)) unknown.push(model);
        continue;
      }
      for (const name of Object.keys(fields)) {
        if (!entry.fields.some((field) => field.name === name) && !REGISTRY.removedFields.has(`${model}.${name}`)) unknown.push(`${model}.${name}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('have classes that hold the values seen', () => {
    const misfits: string[] = [];
    for (const [model, fields] of Object.entries(inventory)) {
      for (const [name, seen] of Object.entries(fields)) {
        const field = REGISTRY.find(model)?.fields.find((candidate) => candidate.name === name);
        if (field === undefined) continue;
        const kind = fieldClassInfo(field.class).value;
        for (const type of seen.types) {
          const fits = type === 'null' ? field.nullable : (HOLDERS[type] ?? []).includes(kind);
          if (!fits) misfits.push(`${model}.${name}: ${type} in ${field.class}${field.nullable ? ' (nullable)' : ''}`);
        }
        if (seen.iso_datetime_z === false && kind === 'datetime') misfits.push(`${model}.${name}: text that is not a datetime`);
      }
    }
    expect(misfits).toEqual([]);
  });
});
