import { call, defineModel, dict, f, fk, now } from '../define.js';
import type { RowFields } from '../types.js';
import { apiTokenImport } from '../organizations-import.js';

/** Tied to an OAuth application: Global; a user's own: Config. */
const globalIfApplication = (row: RowFields) => (row.application == null ? 'Config' as const : 'Global' as const);

export const apiapplication = defineModel({
  model: 'sentry.apiapplication',
  table: 'sentry_apiapplication',
  silos: ['Control'],
  scope: 'Global',
  uniques: [['client_id']],
  rules: { sanitize: { strings: ['client_id', 'redirect_uris', 'allowed_origins'] } },
  fields: [
    f('client_id', 'CharField', { maxLength: 64, default: call('generate_token') }),
    f('client_secret', 'TextField', { default: call('generate_token') }),
    fk('owner', 'sentry.user', 'FlexibleForeignKey', { null: true }),
    f('name', 'CharField', { maxLength: 64, default: call('generate_name') }),
    f('status', 'BoundedPositiveIntegerField', { default: 0 }),
    f('allowed_origins', 'TextField', { null: true }),
    f('redirect_uris', 'TextField'),
    f('homepage_url', 'URLField', { null: true, maxLength: 200 }),
    f('privacy_url', 'URLField', { null: true, maxLength: 200 }),
    f('terms_url', 'URLField', { null: true, maxLength: 200 }),
    f('date_added', 'DateTimeField', { default: now }),
    // Sentry's own ArrayField always forces null=True.
    f('scopes', 'ArrayField', { of: 'TextField', null: true }),
    f('requires_org_level_access', 'BooleanField', { default: false }),
  ],
});

export const apiauthorization = defineModel({
  model: 'sentry.apiauthorization',
  table: 'sentry_apiauthorization',
  silos: ['Control'],
  scope: ['Config', 'Global'],
  rules: { scopeOf: globalIfApplication },
  uniques: [['application', 'organization_id', 'user'], ['application', 'user']],
  fields: [
    // scopes and scope_list come from the HasApiScopes mixin.
    f('scopes', 'BitField'),
    f('scope_list', 'ArrayField', { of: 'TextField', null: true }),
    fk('application', 'sentry.apiapplication', 'FlexibleForeignKey', { null: true }),
    fk('user', 'sentry.user', 'FlexibleForeignKey'),
    f('date_added', 'DateTimeField', { default: now }),
    fk('organization_id', 'sentry.organization', 'HybridCloudForeignKey', { null: true }),
  ],
});

export const apigrant = defineModel({
  model: 'sentry.apigrant',
  table: 'sentry_apigrant',
  silos: ['Control'],
  scope: 'Global',
  uniques: [],
  rules: { sanitize: { strings: ['code'] } },
  fields: [
    fk('user', 'sentry.user', 'FlexibleForeignKey'),
    fk('application', 'sentry.apiapplication', 'FlexibleForeignKey'),
    f('code', 'CharField', { maxLength: 64, default: call('generate_code') }),
    f('expires_at', 'DateTimeField', { default: call('default_expiration') }),
    f('redirect_uri', 'CharField', { maxLength: 255 }),
    // Declared on the model itself (no HasApiScopes mixin), so after redirect_uri.
    f('scopes', 'BitField'),
    f('scope_list', 'ArrayField', { of: 'TextField', null: true }),
    fk('organization_id', 'sentry.organization', 'HybridCloudForeignKey', { null: true }),
  ],
});

export const apikey = defineModel({
  model: 'sentry.apikey',
  table: 'sentry_apikey',
  silos: ['Control'],
  scope: 'Global',
  uniques: [['key']],
  rules: { sanitize: { strings: ['key'] } },
  fields: [
    // ApiKey now takes scopes and scope_list from HasApiScopes, so they lead (older exports,
    // e.g. 23.7.1, had them after key).
    f('scopes', 'BitField'),
    f('scope_list', 'ArrayField', { of: 'TextField', null: true }),
    fk('organization_id', 'sentry.organization', 'HybridCloudForeignKey'),
    f('label', 'CharField', { maxLength: 64, default: 'Default' }),
    f('key', 'CharField', { maxLength: 32 }),
    f('status', 'BoundedPositiveIntegerField', { default: 0 }),
    f('date_added', 'DateTimeField', { default: now }),
    f('allowed_origins', 'TextField', { null: true }),
  ],
});

export const apitoken = defineModel({
  model: 'sentry.apitoken',
  table: 'sentry_apitoken',
  silos: ['Control'],
  scope: ['Config', 'Global'],
  rules: { import: apiTokenImport, scopeOf: globalIfApplication },
  uniques: [['hashed_refresh_token'], ['hashed_token'], ['refresh_token'], ['token']],
  fields: [
    f('scopes', 'BitField'),
    f('scope_list', 'ArrayField', { of: 'TextField', null: true }),
    fk('application', 'sentry.apiapplication', 'FlexibleForeignKey', { null: true }),
    fk('user', 'sentry.user', 'FlexibleForeignKey'),
    fk('scoping_organization_id', 'sentry.organization', 'HybridCloudForeignKey', { null: true }),
    f('name', 'CharField', { null: true, maxLength: 255 }),
    f('token', 'CharField', { maxLength: 71, default: call('generate_token') }),
    f('hashed_token', 'CharField', { null: true, maxLength: 128 }),
    f('token_type', 'CharField', { null: true, maxLength: 7 }),
    f('token_last_characters', 'CharField', { null: true, maxLength: 4 }),
    f('refresh_token', 'CharField', { null: true, maxLength: 71, default: call('generate_token') }),
    f('hashed_refresh_token', 'CharField', { null: true, maxLength: 128 }),
    f('expires_at', 'DateTimeField', { null: true, default: call('default_expiration') }),
    f('date_added', 'DateTimeField', { default: now }),
  ],
});

export const sentryapp = defineModel({
  model: 'sentry.sentryapp',
  table: 'sentry_sentryapp',
  silos: ['Control'],
  scope: 'Global',
  uniques: [['application'], ['proxy_user'], ['slug']],
  rules: { sanitize: { emails: ['creator_label'], jsons: ['schema', 'metadata'] } },
  fields: [
    // date_deleted comes from ParanoidModel, scopes and scope_list from HasApiScopes.
    f('date_deleted', 'DateTimeField', { null: true }),
    f('scopes', 'BitField'),
    f('scope_list', 'ArrayField', { of: 'TextField', null: true }),
    fk('application', 'sentry.apiapplication', 'DefaultOneToOneField', { null: true }),
    fk('proxy_user', 'sentry.user', 'DefaultOneToOneField', { null: true }),
    fk('owner_id', 'sentry.organization', 'HybridCloudForeignKey'),
    f('name', 'TextField'),
    f('slug', 'SentrySlugField', { maxLength: 64 }),
    f('author', 'TextField', { null: true }),
    f('status', 'BoundedPositiveIntegerField', { default: 0 }),
    f('uuid', 'CharField', { maxLength: 64, default: call('default_uuid') }),
    f('redirect_url', 'URLField', { null: true, maxLength: 200 }),
    f('webhook_url', 'URLField', { null: true, maxLength: 512 }),
    f('is_alertable', 'BooleanField', { default: false }),
    f('verify_install', 'BooleanField', { default: true }),
    f('events', 'ArrayField', { of: 'TextField', null: true }),
    f('overview', 'TextField', { null: true }),
    f('schema', 'JSONField', { default: dict }),
    f('date_added', 'DateTimeField', { default: now }),
    f('date_updated', 'DateTimeField', { default: now }),
    f('date_published', 'DateTimeField', { null: true }),
    fk('creator_user', 'sentry.user', 'FlexibleForeignKey', { null: true }),
    f('creator_label', 'TextField', { null: true }),
    f('popularity', 'PositiveSmallIntegerField', { null: true, default: 1 }),
    f('metadata', 'JSONField', { default: dict }),
  ],
});

export const sentryappcomponent = defineModel({
  model: 'sentry.sentryappcomponent',
  table: 'sentry_sentryappcomponent',
  silos: ['Control'],
  scope: 'Global',
  uniques: [['uuid']],
  fields: [
    // Sentry's UUIDField with auto_add: a uuid4 is generated on insert when none is given.
    f('uuid', 'UUIDField', { default: call('uuid4') }),
    fk('sentry_app', 'sentry.sentryapp', 'FlexibleForeignKey'),
    f('type', 'CharField', { maxLength: 64 }),
    f('schema', 'JSONField', { default: dict }),
  ],
});

export const sentryappinstallation = defineModel({
  model: 'sentry.sentryappinstallation',
  table: 'sentry_sentryappinstallation',
  silos: ['Control'],
  scope: 'Global',
  uniques: [['api_grant'], ['api_token']],
  fields: [
    f('date_deleted', 'DateTimeField', { null: true }),
    fk('sentry_app', 'sentry.sentryapp', 'FlexibleForeignKey'),
    fk('organization_id', 'sentry.organization', 'HybridCloudForeignKey'),
    fk('api_grant', 'sentry.apigrant', 'DefaultOneToOneField', { null: true }),
    fk('api_token', 'sentry.apitoken', 'DefaultOneToOneField', { null: true }),
    f('uuid', 'CharField', { maxLength: 64, default: call('default_uuid') }),
    f('status', 'BoundedPositiveIntegerField', { default: 0 }),
    f('date_added', 'DateTimeField', { default: now }),
    f('date_updated', 'DateTimeField', { default: now }),
  ],
});

export const servicehook = defineModel({
  model: 'sentry.servicehook',
  table: 'sentry_servicehook',
  silos: ['Region'],
  scope: 'Global',
  uniques: [['guid']],
  fields: [
    // No declared default; the model fills a uuid4 hex in __init__ when guid is None.
    f('guid', 'CharField', { null: true, maxLength: 32 }),
    fk('application_id', 'sentry.apiapplication', 'HybridCloudForeignKey', { null: true }),
    f('actor_id', 'BoundedBigIntegerField'),
    fk('installation_id', 'sentry.sentryappinstallation', 'HybridCloudForeignKey', { null: true }),
    fk('project_id', 'sentry.project', 'ImplicitForeignKey', { null: true }),
    fk('organization_id', 'sentry.organization', 'ImplicitForeignKey', { null: true }),
    f('url', 'URLField', { maxLength: 512 }),
    f('secret', 'TextField', { default: call('generate_secret') }),
    f('events', 'ArrayField', { of: 'TextField', null: true }),
    f('status', 'BoundedPositiveIntegerField', { default: 0 }),
    f('version', 'BoundedPositiveIntegerField', { default: 0 }),
    f('date_added', 'DateTimeField', { default: now }),
  ],
});
