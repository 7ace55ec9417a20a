import { defineModel, f, fk, list, now } from '../define.js';
import { organizationImport, organizationMemberImport, orgAuthTokenImport, savedSearchImport } from '../organizations-import.js';

export const datasecrecywaiver = defineModel({
  model: 'sentry.datasecrecywaiver',
  table: 'sentry_datasecrecywaiver',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['organization']],
  fields: [
    // DefaultFieldsModelExisting.
    f('date_updated', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { null: true, default: now }),
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    f('access_start', 'DateTimeField', { default: now }),
    f('access_end', 'DateTimeField', { default: now }),
    // Sentry's own ArrayField (always null=True) of URLField(max_length=255).
    f('zendesk_tickets', 'ArrayField', { of: 'URLField', null: true, default: list }),
  ],
});

export const groupsearchview = defineModel({
  model: 'sentry.groupsearchview',
  table: 'sentry_groupsearchview',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['organization_id', 'position', 'user_id']],
  fields: [
    // DefaultFieldsModelExisting.
    f('date_updated', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { null: true, default: now }),
    f('name', 'TextField', { maxLength: 128 }),
    fk('user_id', 'sentry.user', 'HybridCloudForeignKey'),
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    f('query', 'TextField'),
    f('query_sort', 'CharField', { maxLength: 16, default: 'date' }),
    f('position', 'PositiveSmallIntegerField'),
  ],
});

export const organization = defineModel({
  model: 'sentry.organization',
  table: 'sentry_organization',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['slug']],
  rules: { import: organizationImport },
  caseInsensitive: ['slug'],
  fields: [
    f('name', 'CharField', { maxLength: 64 }),
    f('slug', 'SentryOrgSlugField', { maxLength: 50 }),
    f('status', 'BoundedPositiveIntegerField', { default: 0 }),
    f('date_added', 'DateTimeField', { default: now }),
    f('default_role', 'CharField', { maxLength: 32, default: 'member' }),
    f('is_test', 'BooleanField', { default: false }),
    f('flags', 'TypedClassBitField', { default: 1 }),
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
  rules: {
    import: organizationMemberImport,
    // A member invited by someone outside the export is still exported.
    exportIgnoresMissing: ['inviter_id'],
    // A copy of the user's email in a plain CharField: Sentry's sanitizer leaves it as it is; we
    // map it as User.email is mapped, so the two stay equal.
    sanitize: { emails: ['user_email'] },
  },
  uniques: [['email', 'organization'], ['organization', 'user_id'], ['token']],
  fields: [
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    fk('user_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }),
    f('email', 'EmailField', { null: true, maxLength: 75 }),
    f('role', 'CharField', { maxLength: 32, default: 'member' }),
    f('flags', 'BitField', { default: 0 }),
    f('token', 'CharField', { null: true, maxLength: 64 }),
    f('date_added', 'DateTimeField', { default: now }),
    f('token_expires_at', 'DateTimeField', { null: true, default: null }),
    f('has_global_access', 'BooleanField', { default: true }),
    fk('inviter_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }),
    f('invite_status', 'PositiveSmallIntegerField', { null: true, default: 0 }),
    f('type', 'BoundedPositiveIntegerField', { default: 50 }),
    f('user_is_active', 'BooleanField', { default: true }),
    f('user_email', 'CharField', { null: true, maxLength: 75 }),
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
    f('is_active', 'BooleanField', { default: true }),
    f('role', 'CharField', { null: true, maxLength: 32 }),
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
    f('key', 'CharField', { maxLength: 64 }),
    f('value', 'PickledObjectField'),
  ],
});

export const orgauthtoken = defineModel({
  model: 'sentry.orgauthtoken',
  table: 'sentry_orgauthtoken',
  silos: ['Control'],
  scope: 'Organization',
  uniques: [['token_hashed']],
  rules: { import: orgAuthTokenImport },
  fields: [
    fk('organization_id', 'sentry.organization', 'HybridCloudForeignKey'),
    f('token_hashed', 'TextField'),
    f('token_last_characters', 'CharField', { null: true, maxLength: 4 }),
    f('name', 'CharField', { maxLength: 255 }),
    // Sentry's own ArrayField (always null=True); exports carry it as a Python-repr string ("['org:ci']").
    f('scope_list', 'ArrayField', { of: 'TextField', null: true }),
    fk('created_by', 'sentry.user', 'FlexibleForeignKey', { null: true }),
    f('date_added', 'DateTimeField', { default: now }),
    f('date_last_used', 'DateTimeField', { null: true }),
    fk('project_last_used_id', 'sentry.project', 'HybridCloudForeignKey', { null: true }),
    f('date_deactivated', 'DateTimeField', { null: true }),
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
    f('type', 'PositiveSmallIntegerField'),
    f('query', 'TextField'),
    f('query_hash', 'CharField', { maxLength: 32 }),
    f('last_seen', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { default: now }),
  ],
});

export const savedsearch = defineModel({
  model: 'sentry.savedsearch',
  table: 'sentry_savedsearch',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['is_global', 'name'], ['organization', 'owner_id', 'type']],
  // Global searches have unique names; an owner pins one search per type.
  uniqueConditions: {
    'is_global:name': { field: 'is_global', equals: true },
    'organization:owner_id:type': { field: 'visibility', equals: 'owner_pinned' },
  },
  rules: { import: savedSearchImport },
  fields: [
    fk('organization', 'sentry.organization', 'FlexibleForeignKey', { null: true }),
    f('type', 'PositiveSmallIntegerField', { null: true, default: 0 }),
    f('name', 'CharField', { maxLength: 128 }),
    f('query', 'TextField'),
    f('sort', 'CharField', { null: true, maxLength: 16, default: 'date' }),
    f('date_added', 'DateTimeField', { default: now }),
    f('is_global', 'BooleanField', { null: true, default: false }),
    fk('owner_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }),
    f('visibility', 'CharField', { maxLength: 16, default: 'owner' }),
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
    f('slug', 'SentrySlugField', { maxLength: 50 }),
    f('name', 'CharField', { maxLength: 64 }),
    f('status', 'BoundedPositiveIntegerField', { default: 0 }),
    f('idp_provisioned', 'BooleanField', { default: false }),
    f('date_added', 'DateTimeField', { null: true, default: now }),
  ],
});
