import { defineModel, f, fk } from './define.js';

export const apiapplication = defineModel({
  model: 'sentry.apiapplication',
  table: 'sentry_apiapplication',
  silos: ['Control'],
  scope: 'Global',
  uniques: [['client_id']],
  fields: [
    f('client_id', 'CharField' /* TODO verify (string) */),
    f('client_secret', 'CharField' /* TODO verify (string) */),
    fk('owner', 'sentry.user', 'FlexibleForeignKey', { null: true }),
    f('name', 'CharField' /* TODO verify (string) */),
    f('status', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('allowed_origins', 'CharField' /* TODO verify (string) */),
    f('redirect_uris', 'CharField' /* TODO verify (string) */),
    f('homepage_url', 'CharField', { null: true } /* TODO verify (null) */),
    f('privacy_url', 'CharField', { null: true } /* TODO verify (null) */),
    f('terms_url', 'CharField', { null: true } /* TODO verify (null) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
  ],
});

export const apiauthorization = defineModel({
  model: 'sentry.apiauthorization',
  table: 'sentry_apiauthorization',
  silos: ['Control'],
  scope: ['Config', 'Global'],
  uniques: [['application', 'organization_id', 'user'], ['application', 'user']],
  fields: [
    f('scopes', 'CharField' /* TODO verify (string) */),
    f('scope_list', 'CharField' /* TODO verify (string) */),
    fk('application', 'sentry.apiapplication', 'FlexibleForeignKey', { null: true }),
    fk('user', 'sentry.user', 'FlexibleForeignKey'),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    fk('organization_id', 'sentry.organization', 'HybridCloudForeignKey', { null: true }), // TODO verify position
  ],
});

export const apigrant = defineModel({
  model: 'sentry.apigrant',
  table: 'sentry_apigrant',
  silos: ['Control'],
  scope: 'Global',
  uniques: [],
  fields: [
    fk('application', 'sentry.apiapplication', 'FlexibleForeignKey'),
    f('code', 'CharField' /* TODO verify (string) */),
    f('expires_at', 'DateTimeField' /* TODO verify (string) */),
    f('redirect_uri', 'CharField' /* TODO verify (string) */),
    f('scope_list', 'CharField' /* TODO verify (string) */),
    f('scopes', 'CharField' /* TODO verify (string) */),
    fk('user', 'sentry.user', 'FlexibleForeignKey'),
    fk('organization_id', 'sentry.organization', 'HybridCloudForeignKey', { null: true }), // TODO verify position
  ],
});

export const apikey = defineModel({
  model: 'sentry.apikey',
  table: 'sentry_apikey',
  silos: ['Control'],
  scope: 'Global',
  uniques: [['key']],
  fields: [
    fk('organization_id', 'sentry.organization', 'HybridCloudForeignKey'),
    f('label', 'CharField' /* TODO verify (string) */),
    f('key', 'CharField' /* TODO verify (string) */),
    f('scopes', 'CharField' /* TODO verify (string) */),
    f('scope_list', 'CharField' /* TODO verify (string) */),
    f('status', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    f('allowed_origins', 'CharField', { null: true } /* TODO verify (null) */),
  ],
});

export const apitoken = defineModel({
  model: 'sentry.apitoken',
  table: 'sentry_apitoken',
  silos: ['Control'],
  scope: ['Config', 'Global'],
  uniques: [['hashed_refresh_token'], ['hashed_token'], ['refresh_token'], ['token']],
  fields: [
    f('scopes', 'CharField' /* TODO verify (string) */),
    f('scope_list', 'CharField' /* TODO verify (string) */),
    fk('application', 'sentry.apiapplication', 'FlexibleForeignKey', { null: true }),
    fk('user', 'sentry.user', 'FlexibleForeignKey'),
    f('token', 'CharField' /* TODO verify (string) */),
    f('refresh_token', 'CharField', { null: true } /* TODO verify (null/string) */),
    f('expires_at', 'DateTimeField', { null: true } /* TODO verify (null/string) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    fk('scoping_organization_id', 'sentry.organization', 'HybridCloudForeignKey', { null: true }), // TODO verify position
  ],
});

export const sentryapp = defineModel({
  model: 'sentry.sentryapp',
  table: 'sentry_sentryapp',
  silos: ['Control'],
  scope: 'Global',
  uniques: [['application'], ['proxy_user'], ['slug']],
  fields: [
    f('date_deleted', 'CharField', { null: true } /* TODO verify (null) */),
    f('scopes', 'CharField' /* TODO verify (string) */),
    f('scope_list', 'CharField' /* TODO verify (string) */),
    fk('application', 'sentry.apiapplication', 'DefaultOneToOneField', { null: true }),
    fk('proxy_user', 'sentry.user', 'DefaultOneToOneField', { null: true }),
    fk('owner_id', 'sentry.organization', 'HybridCloudForeignKey'),
    f('name', 'CharField' /* TODO verify (string) */),
    f('slug', 'CharField' /* TODO verify (string) */),
    f('author', 'CharField' /* TODO verify (string) */),
    f('status', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('uuid', 'CharField' /* TODO verify (string) */),
    f('redirect_url', 'CharField', { null: true } /* TODO verify (null/string) */),
    f('webhook_url', 'CharField' /* TODO verify (string) */),
    f('is_alertable', 'BooleanField' /* TODO verify (bool) */),
    f('verify_install', 'BooleanField' /* TODO verify (bool) */),
    f('events', 'CharField' /* TODO verify (string) */),
    f('overview', 'CharField', { null: true } /* TODO verify (null/string) */),
    f('schema', 'CharField' /* TODO verify (object) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    f('date_updated', 'DateTimeField' /* TODO verify (string) */),
    f('date_published', 'CharField', { null: true } /* TODO verify (null) */),
    fk('creator_user', 'sentry.user', 'FlexibleForeignKey', { null: true }),
    f('creator_label', 'CharField' /* TODO verify (string) */),
    f('popularity', 'BoundedBigIntegerField' /* TODO verify (int) */),
  ],
});

export const sentryappcomponent = defineModel({
  model: 'sentry.sentryappcomponent',
  table: 'sentry_sentryappcomponent',
  silos: ['Control'],
  scope: 'Global',
  uniques: [['uuid']],
  fields: [
    f('uuid', 'CharField' /* TODO verify (string) */),
    fk('sentry_app', 'sentry.sentryapp', 'FlexibleForeignKey'),
    f('type', 'CharField' /* TODO verify (string) */),
    f('schema', 'CharField' /* TODO verify (object) */),
  ],
});

export const sentryappinstallation = defineModel({
  model: 'sentry.sentryappinstallation',
  table: 'sentry_sentryappinstallation',
  silos: ['Control'],
  scope: 'Global',
  uniques: [['api_grant'], ['api_token']],
  fields: [
    f('date_deleted', 'CharField', { null: true } /* TODO verify (null) */),
    fk('sentry_app', 'sentry.sentryapp', 'FlexibleForeignKey'),
    fk('organization_id', 'sentry.organization', 'HybridCloudForeignKey'),
    fk('api_grant', 'sentry.apigrant', 'DefaultOneToOneField', { null: true }),
    fk('api_token', 'sentry.apitoken', 'DefaultOneToOneField', { null: true }),
    f('uuid', 'CharField' /* TODO verify (string) */),
    f('status', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    f('date_updated', 'DateTimeField' /* TODO verify (string) */),
  ],
});

export const servicehook = defineModel({
  model: 'sentry.servicehook',
  table: 'sentry_servicehook',
  silos: ['Region'],
  scope: 'Global',
  uniques: [['guid']],
  fields: [
    f('guid', 'CharField' /* TODO verify (string) */),
    fk('application_id', 'sentry.apiapplication', 'HybridCloudForeignKey', { null: true }),
    f('actor_id', 'BoundedBigIntegerField' /* TODO verify (int) */),
    fk('installation_id', 'sentry.sentryappinstallation', 'HybridCloudForeignKey', { null: true }),
    fk('project_id', 'sentry.project', 'ImplicitForeignKey', { null: true }),
    fk('organization_id', 'sentry.organization', 'ImplicitForeignKey', { null: true }),
    f('url', 'CharField' /* TODO verify (string) */),
    f('secret', 'CharField' /* TODO verify (string) */),
    f('events', 'CharField' /* TODO verify (string) */),
    f('status', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('version', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
  ],
});
