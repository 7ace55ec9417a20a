import { defineModel, f, fk } from './define.js';

export const datasecrecywaiver = defineModel({
  model: 'sentry.datasecrecywaiver',
  table: 'sentry_datasecrecywaiver',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['organization']],
  fields: [
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'), // TODO verify position
  ],
});

export const groupsearchview = defineModel({
  model: 'sentry.groupsearchview',
  table: 'sentry_groupsearchview',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['organization_id', 'position', 'user_id']],
  fields: [
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    f('date_updated', 'DateTimeField' /* TODO verify (string) */),
    f('name', 'CharField' /* TODO verify (string) */),
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    f('position', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('query', 'CharField' /* TODO verify (string) */),
    f('query_sort', 'CharField' /* TODO verify (string) */),
    fk('user_id', 'sentry.user', 'HybridCloudForeignKey'),
  ],
});

export const organization = defineModel({
  model: 'sentry.organization',
  table: 'sentry_organization',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['slug']],
  fields: [
    f('name', 'CharField' /* TODO verify (string) */),
    f('slug', 'CharField' /* TODO verify (string) */),
    f('status', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    f('default_role', 'CharField' /* TODO verify (string) */),
    f('is_test', 'BooleanField' /* TODO verify (bool) */),
    f('flags', 'CharField' /* TODO verify (string) */),
  ],
});

export const organizationaccessrequest = defineModel({
  model: 'sentry.organizationaccessrequest',
  table: 'sentry_organizationaccessrequest',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['member', 'team']],
  fields: [
    fk('team', 'sentry.team', 'FlexibleForeignKey'),
    fk('member', 'sentry.organizationmember', 'FlexibleForeignKey'),
    fk('requester_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }),
  ],
});

export const organizationmember = defineModel({
  model: 'sentry.organizationmember',
  table: 'sentry_organizationmember',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['email', 'organization'], ['organization', 'user_id'], ['token']],
  fields: [
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    fk('user_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }),
    f('email', 'CharField', { null: true } /* TODO verify (null/string) */),
    f('role', 'CharField' /* TODO verify (string) */),
    f('flags', 'CharField' /* TODO verify (string) */),
    f('token', 'CharField', { null: true } /* TODO verify (null) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    f('token_expires_at', 'CharField', { null: true } /* TODO verify (null) */),
    f('has_global_access', 'BooleanField' /* TODO verify (bool) */),
    fk('inviter_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }),
    f('invite_status', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('type', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('user_is_active', 'BooleanField' /* TODO verify (bool) */),
    f('user_email', 'CharField', { null: true } /* TODO verify (null/string) */),
  ],
});

export const organizationmemberteam = defineModel({
  model: 'sentry.organizationmemberteam',
  table: 'sentry_organizationmember_teams',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['organizationmember', 'team']],
  fields: [
    fk('team', 'sentry.team', 'FlexibleForeignKey'),
    fk('organizationmember', 'sentry.organizationmember', 'FlexibleForeignKey'),
    f('is_active', 'BooleanField' /* TODO verify (bool) */),
    f('role', 'CharField', { null: true } /* TODO verify (null) */),
  ],
});

export const organizationoption = defineModel({
  model: 'sentry.organizationoption',
  table: 'sentry_organizationoptions',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['key', 'organization']],
  fields: [
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    f('key', 'CharField' /* TODO verify (string) */),
    f('value', 'BoundedBigIntegerField' /* TODO verify (int) */),
  ],
});

export const orgauthtoken = defineModel({
  model: 'sentry.orgauthtoken',
  table: 'sentry_orgauthtoken',
  silos: ['Control'],
  scope: 'Organization',
  uniques: [['token_hashed']],
  fields: [
    fk('organization_id', 'sentry.organization', 'HybridCloudForeignKey'),
    f('token_hashed', 'CharField' /* TODO verify (string) */),
    f('token_last_characters', 'CharField' /* TODO verify (string) */),
    f('name', 'CharField' /* TODO verify (string) */),
    f('scope_list', 'CharField' /* TODO verify (string) */),
    fk('created_by', 'sentry.user', 'FlexibleForeignKey', { null: true }),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    f('date_last_used', 'CharField', { null: true } /* TODO verify (null) */),
    fk('project_last_used_id', 'sentry.project', 'HybridCloudForeignKey', { null: true }),
    f('date_deactivated', 'CharField', { null: true } /* TODO verify (null) */),
  ],
});

export const recentsearch = defineModel({
  model: 'sentry.recentsearch',
  table: 'sentry_recentsearch',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['organization', 'query_hash', 'type', 'user_id']],
  fields: [
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    fk('user_id', 'sentry.user', 'HybridCloudForeignKey'),
    f('type', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('query', 'CharField' /* TODO verify (string) */),
    f('query_hash', 'CharField' /* TODO verify (string) */),
    f('last_seen', 'DateTimeField' /* TODO verify (string) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
  ],
});

export const savedsearch = defineModel({
  model: 'sentry.savedsearch',
  table: 'sentry_savedsearch',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['is_global', 'name'], ['organization', 'owner_id', 'type']],
  fields: [
    fk('organization', 'sentry.organization', 'FlexibleForeignKey', { null: true }),
    f('type', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('name', 'CharField' /* TODO verify (string) */),
    f('query', 'CharField' /* TODO verify (string) */),
    f('sort', 'CharField' /* TODO verify (string) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    f('is_global', 'BooleanField' /* TODO verify (bool) */),
    fk('owner_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }),
    f('visibility', 'CharField' /* TODO verify (string) */),
  ],
});

export const team = defineModel({
  model: 'sentry.team',
  table: 'sentry_team',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['organization', 'slug']],
  fields: [
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    f('slug', 'CharField' /* TODO verify (string) */),
    f('name', 'CharField' /* TODO verify (string) */),
    f('status', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('actor', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('idp_provisioned', 'BooleanField' /* TODO verify (bool) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    f('org_role', 'CharField', { null: true } /* TODO verify (null) */),
  ],
});
