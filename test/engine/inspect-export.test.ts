/**
 * inspectExport: a file's objects per model and its own problems, without a database (so not per
 * backend): pks out of order and repeated custom ordinals as validation reports them, and foreign
 * keys to rows the file does not have.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectExport, LISTED_DANGLING_KEYS } from '../../src/engine/inspect/index.js';
import { textSource } from '../helpers/import.js';
import { REGISTRY } from '../helpers/registry.js';

const org = (pk: number, slug: string) => ({ model: 'sentry.organization', pk, fields: { name: slug, slug, status: 0, date_added: '2024-07-01T10:00:00.000Z', default_role: 'member', flags: 1 } });
const team = (pk: number, organization: number) => ({ model: 'sentry.team', pk, fields: { organization, slug: `team-${pk}`, name: `Team ${pk}`, status: 0, date_added: '2024-07-01T10:00:00.000Z' } });
const email = (pk: number, address: string) => ({ model: 'sentry.email', pk, fields: { email: address, date_added: '2024-07-01T10:00:00.000Z' } });
const inspect = (objects: unknown[]) => inspectExport(REGISTRY, textSource(JSON.stringify(objects, null, 2), 97));

describe('inspectExport', () => {
  it('counts objects per model in order of first appearance and finds nothing wrong with a clean file', () => {
    const result = inspect([email(1, 'a@x.io'), org(1, 'a'), org(2, 'b'), team(1, 1), team(2, 2)]);
    expect([...result.counts]).toEqual([['sentry.email', 1], ['sentry.organization', 2], ['sentry.team', 2]]);
    expect(result.problems).toEqual([]);
  });

  it('reports pks out of order as UnorderedInput, at the ordinal where it happens', () => {
    const result = inspect([org(2, 'b'), org(1, 'a'), team(1, 1)]);
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'UnorderedInput', on: { model: 'sentry.organization', ordinal: 2 }, leftPk: 1 })]);
    expect(result.problems[0]?.reason).toContain('`pk` 1 is less than or equal to 2');
  });

  it('reports a repeated custom ordinal as DuplicateCustomOrdinal with Python\'s tuple text', () => {
    const result = inspect([email(1, 'a@x.io'), email(2, 'a@x.io')]);
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'DuplicateCustomOrdinal', on: { model: 'sentry.email' }, leftPk: 2 })]);
    expect(result.problems[0]?.reason).toBe("custom ordinal value `('a@x.io',)` appears multiple times");
  });

  it('reports a key to a row the file does not have, and not a key to a row that comes later', () => {
    const result = inspect([team(1, 7), team(2, 3), org(3, 'c')]);
    expect(result.problems).toEqual([{
      finding: 'InspectFinding', kind: 'DanglingForeignKey', on: { model: 'sentry.team', ordinal: 1 }, leftPk: 1,
      reason: '`organization` points at sentry.organization pk 7, which is not in the file',
    }]);
  });

  it('finds the key to nothing of the invalid-foreign-key-to-nothing fixture, which the import refuses', () => {
    const text = readFileSync(new URL('../../fixtures/invalid-foreign-key-to-nothing/input.json', import.meta.url), 'utf8');
    const result = inspectExport(REGISTRY, textSource(text));
    expect(result.problems.map((problem) => [problem.kind, problem.on.model, problem.on.ordinal])).toEqual([['DanglingForeignKey', 'sentry.useremail', 1]]);
    expect(result.problems[0]?.reason).toContain('sentry.user pk 99');
  });

  it('lists the first dangling keys one by one and counts the rest', () => {
    const teams = Array.from({ length: LISTED_DANGLING_KEYS + 5 }, (_, i) => team(i + 1, 1000 + i));
    const result = inspect(teams);
    expect(result.problems).toHaveLength(LISTED_DANGLING_KEYS + 1);
    expect(result.problems.at(-1)).toMatchObject({ kind: 'DanglingForeignKey', on: { model: '' }, reason: '5 more keys point at rows that are not in the file' });
  });

  it('leaves models it does not know alone, and stops at a file that is not an export with a located error', () => {
    expect(inspect([{ model: 'sentry.notamodel', pk: 1, fields: { organization: 5 } }]).problems).toEqual([]);
    expect(() => inspectExport(REGISTRY, textSource('[{"model": "sentry.email", "pk": 1}'))).toThrow(/line 1/);
  });
});
