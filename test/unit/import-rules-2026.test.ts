/** The import rules of models new in 26.x, against a context that records what they ask for. */
import { describe, expect, it } from 'vitest';

import type { ImportRuleContext, ImportingRow, StoredValue } from '../../src/core/registry/import-rules.js';
import { organizationMemberInviteImport, repositorySettingsImport } from '../../src/core/registry/organizations-import.js';

function context(existing: number | undefined): { ctx: ImportRuleContext; log: string[] } {
  const log: string[] = [];
  const ctx = {
    scope: 'Organization', mergeUsers: false, overwriteConfigs: false,
    mapped: () => undefined,
    find: (model: string, where: Readonly<Record<string, StoredValue>>) => (log.push(`find ${model} ${JSON.stringify(where)}`), existing),
    insert: () => (log.push('insert'), 7),
    update: (_row: ImportingRow, pk: number) => void log.push(`update ${pk}`),
    insertOther: () => 0,
    option: () => undefined,
    now: () => '2026-09-01T00:00:00.000Z',
    random: (length: number) => 'f'.repeat(length),
    renamed: (field: string, from: string, to: string) => void log.push(`renamed ${field} ${from} -> ${to}`),
  } as ImportRuleContext;
  return { ctx, log };
}

const row = (model: string, fields: Record<string, StoredValue>): ImportingRow => ({ model, oldPk: 1, fields, original: { ...fields } });

describe('organization member invites', () => {
  it('insert when their token is free', () => {
    const { ctx, log } = context(undefined);
    expect(organizationMemberInviteImport.write?.(row('sentry.organizationmemberinvite', { token: 'a'.repeat(64) }), ctx)).toEqual({ pk: 7, kind: 'Inserted' });
    expect(log).toEqual([`find sentry.organizationmemberinvite {"token":"${'a'.repeat(64)}"}`, 'insert']);
  });

  it('take the colliding invite\'s row with a fresh token, as Existing', () => {
    const { ctx, log } = context(3);
    const invite = row('sentry.organizationmemberinvite', { token: 'a'.repeat(64) });
    expect(organizationMemberInviteImport.write?.(invite, ctx)).toEqual({ pk: 3, kind: 'Existing' });
    expect(invite.fields.token).toBe('f'.repeat(64));
    expect(log.slice(1)).toEqual([`renamed token ${'a'.repeat(64)} -> ${'f'.repeat(64)}`, 'update 3']);
  });
});

describe('repository settings', () => {
  it('are written over the repository\'s existing settings (Overwrite), else inserted', () => {
    expect(repositorySettingsImport.write?.(row('sentry.repositorysettings', { repository: 5 }), context(9).ctx)).toEqual({ pk: 9, kind: 'Overwrite' });
    expect(repositorySettingsImport.write?.(row('sentry.repositorysettings', { repository: 5 }), context(undefined).ctx)).toEqual({ pk: 7, kind: 'Inserted' });
  });
});
