/**
 * An organization with everything Sentry's `create_exhaustive_organization` gives it: members
 * (accepted and pending invites), teams, projects with their keys and options, auth, integrations
 * and searches; alerting, dashboards and the workflow engine come from `exhaustive-alerting.ts`.
 */
import { createExhaustiveAlerting } from './exhaustive-alerting.js';
import { createExhaustiveNewerModels } from './exhaustive-newer-models.js';
import type { SeedBuilder } from './seed-builder.js';

export interface ExhaustiveOrganizationOptions {
  readonly slug: string;
  readonly owner: number;
  readonly member: number;
  readonly otherMembers?: readonly number[];
  /** Pending email invites: inviter user pk → invited address. */
  readonly pendingInvites?: ReadonlyMap<number, string>;
  /** Accepted invites: inviter user pk → the users who accepted. */
  readonly acceptedInvites?: ReadonlyMap<number, readonly number[]>;
}

export interface ExhaustiveOrganization {
  readonly organization: number;
  readonly project: number;
  readonly team: number;
}

export function createExhaustiveOrganization(seed: SeedBuilder, options: ExhaustiveOrganizationOptions): ExhaustiveOrganization {
  const { slug, owner, member } = options;
  const organization = seed.insert('sentry.organization', { name: slug, slug, status: 0, flags: '1' });
  const addMember = (user: number | null, role: string, extra: Record<string, unknown> = {}): number =>
    seed.insert('sentry.organizationmember', { organization, user_id: user, role, token: null, ...extra });

  addMember(owner, 'owner');
  const memberRow = addMember(member, 'member');
  for (const other of options.otherMembers ?? []) addMember(other, 'member');
  for (const [inviter, email] of options.pendingInvites ?? []) {
    addMember(null, 'member', { email, inviter_id: inviter, invite_status: 1, token: seed.token(64) });
    // Newer versions keep invites apart, each behind a placeholder member with neither user nor email.
    if (seed.has('sentry.organizationmemberinvite')) {
      const placeholder = addMember(null, 'member');
      seed.insert('sentry.organizationmemberinvite', {
        organization, organization_member: placeholder, email, inviter_id: inviter, invite_status: 1, role: 'member', token: seed.token(64),
      });
    }
  }
  for (const [inviter, users] of options.acceptedInvites ?? []) {
    for (const user of users) addMember(user, 'member', { inviter_id: inviter });
  }
  seed.insert('sentry.organizationoption', { organization, key: 'sentry:account-rate-limit', value: 0 });

  const team = seed.insert('sentry.team', { organization, slug: `test_team_in_${slug}`.replaceAll('_', '-'), name: `test_team_in_${slug}` });
  seed.insert('sentry.organizationmemberteam', { team, organizationmember: memberRow, is_active: true, role: 'admin' });
  seed.insert('sentry.organizationaccessrequest', { team, member: memberRow, requester_id: owner });

  const template = seed.insert('sentry.projecttemplate', { organization, name: `template-${slug}` });
  seed.insert('sentry.projecttemplateoption', { project_template: template, key: 'mail:subject_prefix', value: `"[${slug}]"` });
  const project = seed.insert('sentry.project', { organization, slug: `project-${slug}`, name: `project-${slug}`, template, platform: 'python' });
  seed.insert('sentry.project', { organization, slug: `other-project-${slug}`, name: `other-project-${slug}` });
  seed.insert('sentry.projectkey', {
    project,
    label: 'Default',
    public_key: seed.token(32),
    secret_key: seed.token(32),
    data: { dynamicSdkLoaderOptions: { hasPerformance: true, hasReplay: true } },
  });
  seed.insert('sentry.projectoption', { project, key: 'sentry:relay-rev', value: `"${seed.token(32)}"` });
  seed.insert('sentry.projectteam', { project, team });
  seed.insert('sentry.projectbookmark', { project, user_id: owner });
  seed.insert('sentry.projectownership', { project, raw: '*.js member@example.com', schema: { rules: [], $version: 1 } });
  seed.insert('sentry.projectredirect', { project, organization, redirect_slug: `project_slug_in_${slug}`.replaceAll('_', '-') });
  seed.insert('sentry.counter', { project, value: 2 });
  const environment = seed.insert('sentry.environment', { organization_id: organization, name: `prod-${slug}` });
  seed.insert('sentry.environmentproject', { project, environment, is_hidden: false });

  seed.insert('sentry.orgauthtoken', {
    organization_id: organization,
    name: `token 1 for ${slug}`,
    token_hashed: `ABCDEF${slug}`,
    token_last_characters: 'xyz1',
    scope_list: ['org:ci'],
    created_by: owner,
    project_last_used_id: project,
    date_last_used: seed.now(),
  });
  seed.insert('sentry.apikey', { organization_id: organization, key: seed.token(32), label: `key for ${slug}`, scope_list: ['project:read'] });
  const authProvider = seed.insert('sentry.authprovider', { organization_id: organization, provider: 'sentry', config: {} });
  seed.insert('sentry.authidentity', {
    user: owner,
    auth_provider: authProvider,
    ident: `123456789${slug}`,
    data: { key1: 'value1', key2: 42, key3: [1, 2, 3], key4: { nested_key: 'nested_value' } },
  });

  const integration = seed.insert('sentry.integration', { provider: 'slack', name: `Slack for ${slug}`, external_id: `slack:${slug}`, metadata: {} });
  seed.insert('sentry.organizationintegration', { organization_id: organization, integration, config: { hello: 'hello' } });
  // Sentry removed project integrations in 2025.
  if (seed.has('sentry.projectintegration')) seed.insert('sentry.projectintegration', { project, integration_id: integration, config: { hello: 'hello' } });
  const repository = seed.insert('sentry.repository', {
    organization_id: organization,
    name: 'getsentry/getsentry',
    provider: 'integrations:github',
    external_id: `github:${slug}`,
    integration_id: integration,
    languages: ['python'],
    url: 'https://github.com/getsentry/getsentry',
  });

  seed.insert('sentry.recentsearch', { organization, user_id: owner, type: 0, query: 'some query', query_hash: seed.token(32) });
  seed.insert('sentry.savedsearch', { organization, owner_id: owner, type: 0, name: `saved search for ${slug}`, query: 'is:unresolved', is_global: false });
  const view = { organization, user_id: owner, name: 'Default view', query: 'is:unresolved', query_sort: 'date' };
  // Views lost their position to the per-user stars in 2025.
  const groupSearchView = seed.insert('sentry.groupsearchview', seed.hasField('sentry.groupsearchview', 'position') ? { ...view, position: 0 } : view);
  if (seed.has('sentry.datasecrecywaiver')) {
    seed.insert('sentry.datasecrecywaiver', {
      organization,
      access_start: seed.now(),
      access_end: seed.now(),
      zendesk_tickets: ['https://example.zendesk.com/agent/tickets/1'],
    });
  }
  seed.insert('sentry.customdynamicsamplingruleproject', {
    custom_dynamic_sampling_rule: seed.insert('sentry.customdynamicsamplingrule', {
      organization,
      created_by_id: owner,
      condition: '{"op":"equals","name":"environment","value":"prod"}',
      condition_hash: seed.token(40),
      start_date: seed.now(),
      end_date: seed.now(),
      num_samples: 100,
      sample_rate: 0.5,
      query: 'environment:prod',
      is_active: true,
    }),
    project,
  });

  createExhaustiveAlerting(seed, { organization, owner, project, team, environment, integration });
  createExhaustiveNewerModels(seed, { organization, owner, project, member: memberRow, groupSearchView, repository });
  return { organization, project, team };
}
