/**
 * Options a library caller passes to the engine's verbs are checked at the call: a wrong one is
 * one TypeError naming the verb, the option and what was expected, before any work.
 */
import { describe, expect, it } from 'vitest';
import { compareExports } from '../../src/engine/compare/index.js';
import { exportInScope } from '../../src/engine/export/index.js';
import { importInScope } from '../../src/engine/import/index.js';
import { sanitizeExport } from '../../src/engine/sanitize/index.js';
import type { Driver } from '../../src/db/port.js';
import { REGISTRY } from '../helpers/registry.js';
import { textSource } from '../helpers/import.js';

// Never touched: the options are refused first.
const driver = {} as Driver;
const source = textSource('[]');

describe('engine verbs refuse wrong options with one clear TypeError', () => {
  it('names a scope that is not one', () => {
    expect(() => importInScope(driver, source, { registry: REGISTRY, scope: 'global' as never }))
      .toThrow(new TypeError('Expected options.scope of importInScope() to be one of `"User","Organization","Config","Global"`, got "global"'));
  });

  it('asks for a registry when none is given', () => {
    expect(() => exportInScope(driver, { scope: 'Global' } as never))
      .toThrow(/^Expected options\.registry of exportInScope\(\) to be a Registry \(REGISTRIES, VERIFIED_REGISTRY/);
  });

  it('names a filter of the wrong type', () => {
    expect(() => exportInScope(driver, { registry: REGISTRY, scope: 'User', filterUsernames: 'ada' as never }))
      .toThrow(/^Expected options\.filterUsernames of exportInScope\(\) to be an array value, got "ada"$/);
  });

  it('checks compare and sanitize too', () => {
    expect(() => compareExports(source, source, { registry: REGISTRY, acrossVersions: 'yes' as never })).toThrow(TypeError);
    expect(() => sanitizeExport(source, { registry: REGISTRY, daysOffset: 1.5 })).toThrow(/options\.daysOffset of sanitizeExport\(\) to be an integer, got 1\.5/);
  });

  it('takes options a verb does not read (one options object for several verbs)', () => {
    expect(compareExports(source, source, { registry: REGISTRY, extra: true } as never).findings).toEqual([]);
  });
});
