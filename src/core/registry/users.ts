import { defineModel, f, fk } from './define.js';

export const authenticator = defineModel({
  model: 'sentry.authenticator',
  table: 'auth_authenticator',
  silos: ['Control'],
  scope: 'Global',
  uniques: [['type', 'user']],
  fields: [
    fk('user', 'sentry.user', 'FlexibleForeignKey'),
    f('created_at', 'DateTimeField' /* TODO verify (string) */),
    f('last_used_at', 'CharField', { null: true } /* TODO verify (null) */),
    f('type', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('config', 'CharField' /* TODO verify (string) */),
  ],
});

export const authidentity = defineModel({
  model: 'sentry.authidentity',
  table: 'sentry_authidentity',
  silos: ['Control'],
  scope: 'Global',
  uniques: [['auth_provider', 'ident'], ['auth_provider', 'user']],
  fields: [
    fk('user', 'sentry.user', 'FlexibleForeignKey'),
    fk('auth_provider', 'sentry.authprovider', 'FlexibleForeignKey'),
    f('ident', 'CharField' /* TODO verify (string) */),
    f('data', 'CharField' /* TODO verify (object) */),
    f('last_verified', 'DateTimeField' /* TODO verify (string) */),
    f('last_synced', 'DateTimeField' /* TODO verify (string) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
  ],
});

export const authprovider = defineModel({
  model: 'sentry.authprovider',
  table: 'sentry_authprovider',
  silos: ['Control'],
  scope: 'Global',
  uniques: [['organization_id']],
  fields: [
    fk('organization_id', 'sentry.organization', 'HybridCloudForeignKey'),
    f('provider', 'CharField' /* TODO verify (string) */),
    f('config', 'CharField' /* TODO verify (object) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    f('sync_time', 'CharField', { null: true } /* TODO verify (null) */),
    f('last_sync', 'CharField', { null: true } /* TODO verify (null) */),
    f('default_role', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('default_global_access', 'BooleanField' /* TODO verify (bool) */),
    f('flags', 'CharField' /* TODO verify (string) */),
  ],
});

export const email = defineModel({
  model: 'sentry.email',
  table: 'sentry_email',
  silos: ['Control'],
  scope: 'User',
  uniques: [['email']],
  relocationDependencies: ['sentry.user'],
  fields: [
    f('email', 'CharField' /* TODO verify (string) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
  ],
});

export const user = defineModel({
  model: 'sentry.user',
  table: 'auth_user',
  silos: ['Control'],
  scope: 'User',
  uniques: [['username']],
  fields: [
    f('password', 'CharField' /* TODO verify (string) */),
    f('last_login', 'CharField', { null: true } /* TODO verify (null) */),
    f('name', 'CharField' /* TODO verify (string) */),
    f('email', 'CharField' /* TODO verify (string) */),
    f('is_staff', 'BooleanField' /* TODO verify (bool) */),
    f('is_active', 'BooleanField' /* TODO verify (bool) */),
    f('is_superuser', 'BooleanField' /* TODO verify (bool) */),
    f('is_managed', 'BooleanField' /* TODO verify (bool) */),
    f('is_sentry_app', 'BooleanField', { null: true } /* TODO verify (bool/null) */),
    f('is_password_expired', 'BooleanField' /* TODO verify (bool) */),
    f('is_suspended', 'CharField' /* TODO verify: not in any snapshot */),
    f('is_unclaimed', 'BooleanField' /* TODO verify (bool) */),
    f('last_password_change', 'DateTimeField', { null: true } /* TODO verify (null/string) */),
    f('flags', 'CharField' /* TODO verify (string) */),
    f('session_nonce', 'CharField', { null: true } /* TODO verify (null) */),
    f('date_joined', 'DateTimeField' /* TODO verify (string) */),
    f('last_active', 'DateTimeField' /* TODO verify (string) */),
    f('avatar_type', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('avatar_url', 'CharField', { null: true } /* TODO verify (null) */),
    f('doesnotexist', 'CharField' /* TODO verify: not in any snapshot */),
  ],
});

export const useremail = defineModel({
  model: 'sentry.useremail',
  table: 'sentry_useremail',
  silos: ['Control'],
  scope: 'User',
  uniques: [['email', 'user']],
  relocationDependencies: ['sentry.email'],
  fields: [
    fk('user', 'sentry.user', 'FlexibleForeignKey'),
    f('email', 'CharField' /* TODO verify (string) */),
    f('validation_hash', 'CharField' /* TODO verify (string) */),
    f('date_hash_added', 'DateTimeField' /* TODO verify (string) */),
    f('is_verified', 'BooleanField' /* TODO verify (bool) */),
  ],
});

export const userip = defineModel({
  model: 'sentry.userip',
  table: 'sentry_userip',
  silos: ['Control'],
  scope: 'Global',
  uniques: [['ip_address', 'user']],
  fields: [
    fk('user', 'sentry.user', 'FlexibleForeignKey'),
    f('ip_address', 'CharField' /* TODO verify (string) */),
    f('country_code', 'CharField', { null: true } /* TODO verify (null) */),
    f('region_code', 'CharField', { null: true } /* TODO verify (null) */),
    f('first_seen', 'DateTimeField' /* TODO verify (string) */),
    f('last_seen', 'DateTimeField' /* TODO verify (string) */),
  ],
});

export const useroption = defineModel({
  model: 'sentry.useroption',
  table: 'sentry_useroption',
  silos: ['Control'],
  scope: 'User',
  uniques: [['key', 'organization_id', 'user'], ['key', 'project_id', 'user']],
  fields: [
    fk('user', 'sentry.user', 'FlexibleForeignKey'),
    fk('project_id', 'sentry.project', 'HybridCloudForeignKey', { null: true }),
    fk('organization_id', 'sentry.organization', 'HybridCloudForeignKey', { null: true }),
    f('key', 'CharField' /* TODO verify (string) */),
    f('value', 'CharField' /* TODO verify (string) */),
  ],
});

export const userpermission = defineModel({
  model: 'sentry.userpermission',
  table: 'sentry_userpermission',
  silos: ['Control'],
  scope: 'Config',
  uniques: [['permission', 'user']],
  fields: [
    fk('user', 'sentry.user', 'FlexibleForeignKey'),
    f('permission', 'CharField' /* TODO verify (string) */),
  ],
});

export const userrole = defineModel({
  model: 'sentry.userrole',
  table: 'sentry_userrole',
  silos: ['Control'],
  scope: 'Config',
  uniques: [['name']],
  fields: [
    f('date_updated', 'DateTimeField' /* TODO verify (string) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    f('name', 'CharField' /* TODO verify (string) */),
    f('permissions', 'CharField' /* TODO verify (string) */),
  ],
});

export const userroleuser = defineModel({
  model: 'sentry.userroleuser',
  table: 'sentry_userrole_users',
  silos: ['Control'],
  scope: 'Config',
  uniques: [],
  fields: [
    f('date_updated', 'DateTimeField' /* TODO verify (string) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    fk('user', 'sentry.user', 'FlexibleForeignKey'),
    fk('role', 'sentry.userrole', 'FlexibleForeignKey'),
  ],
});
