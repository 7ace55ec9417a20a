import { call, defineModel, dict, f, fk, now } from '../define.js';
import { emailImport, userEmailImport, userImport, userIpImport, userOptionImport, userPermissionImport } from '../users-import.js';
import { overwritableConfig } from '../import-rules.js';

export const authenticator = defineModel({
  model: 'sentry.authenticator',
  table: 'auth_authenticator',
  silos: ['Control'],
  scope: 'Global',
  uniques: [['type', 'user']],
  rules: { sanitize: { jsons: ['config'] } },
  fields: [
    fk('user', 'sentry.user', 'FlexibleForeignKey'),
    f('created_at', 'DateTimeField', { default: now }),
    f('last_used_at', 'DateTimeField', { null: true }),
    f('type', 'BoundedPositiveIntegerField'),
    // Sentry's AuthenticatorConfig, a PickledObjectField subclass.
    f('config', 'PickledObjectField'),
  ],
});

export const authidentity = defineModel({
  model: 'sentry.authidentity',
  table: 'sentry_authidentity',
  silos: ['Control'],
  scope: 'Global',
  uniques: [['auth_provider', 'ident'], ['auth_provider', 'user']],
  rules: { sanitize: { strings: ['ident'], jsons: ['data'] } },
  fields: [
    fk('user', 'sentry.user', 'FlexibleForeignKey'),
    fk('auth_provider', 'sentry.authprovider', 'FlexibleForeignKey'),
    f('ident', 'CharField', { maxLength: 128 }),
    // Sentry's text-backed JSONField, which defaults to dict when not nullable.
    f('data', 'JSONField', { default: dict }),
    f('last_verified', 'DateTimeField', { default: now }),
    f('last_synced', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { default: now }),
  ],
});

export const authprovider = defineModel({
  model: 'sentry.authprovider',
  table: 'sentry_authprovider',
  silos: ['Control'],
  scope: 'Global',
  uniques: [['organization_id']],
  rules: { sanitize: { jsons: ['config'] } },
  fields: [
    fk('organization_id', 'sentry.organization', 'HybridCloudForeignKey'),
    f('provider', 'CharField', { maxLength: 128 }),
    f('config', 'JSONField', { default: dict }),
    f('date_added', 'DateTimeField', { default: now }),
    f('sync_time', 'BoundedPositiveIntegerField', { null: true }),
    f('last_sync', 'DateTimeField', { null: true }),
    f('default_role', 'BoundedPositiveIntegerField', { default: 50 }),
    f('default_global_access', 'BooleanField', { default: true }),
    f('flags', 'TypedClassBitField', { default: 0 }),
  ],
});

export const email = defineModel({
  model: 'sentry.email',
  table: 'sentry_email',
  silos: ['Control'],
  scope: 'User',
  rules: {
    import: emailImport,
    // Email has no key to User: a non-Global export takes the addresses of exported users.
    exportReferencedBy: {
      field: 'email',
      from: [{ model: 'sentry.useremail', select: 'email', where: [{ field: 'user', exported: 'sentry.user' }] }],
    },
  },
  uniques: [['email']],
  relocationDependencies: ['sentry.user'],
  customOrdinal: ['email'],
  caseInsensitive: ['email'],
  fields: [
    f('email', 'CIEmailField', { maxLength: 75 }),
    f('date_added', 'DateTimeField', { default: now }),
  ],
});

export const user = defineModel({
  model: 'sentry.user',
  table: 'auth_user',
  silos: ['Control'],
  scope: 'User',
  uniques: [['username']],
  customOrdinal: ['username'],
  rules: { sanitize: { strings: ['session_nonce'], emails: ['username'] }, import: userImport },
  caseInsensitive: ['username'],
  fields: [
    // password and last_login come from Django's AbstractBaseUser.
    f('password', 'CharField', { maxLength: 128 }),
    f('last_login', 'DateTimeField', { null: true }),
    f('username', 'CharField', { maxLength: 128 }),
    // Exported as `name`, stored in the legacy column first_name.
    f('name', 'CharField', { maxLength: 200, column: 'first_name' }),
    f('email', 'EmailField', { maxLength: 75 }),
    f('is_staff', 'BooleanField', { default: false }),
    f('is_active', 'BooleanField', { default: true }),
    f('is_unclaimed', 'BooleanField', { default: false }),
    f('is_superuser', 'BooleanField', { default: false }),
    f('is_managed', 'BooleanField', { default: false }),
    f('is_sentry_app', 'BooleanField', { null: true, default: null }),
    f('is_password_expired', 'BooleanField', { default: false }),
    f('last_password_change', 'DateTimeField', { null: true }),
    f('flags', 'TypedClassBitField', { null: true, default: 0 }),
    f('session_nonce', 'CharField', { null: true, maxLength: 12 }),
    f('date_joined', 'DateTimeField', { default: now }),
    f('last_active', 'DateTimeField', { null: true, default: now }),
    f('avatar_type', 'PositiveSmallIntegerField', { default: 0 }),
    f('avatar_url', 'CharField', { null: true, maxLength: 120 }),
  ],
});

export const useremail = defineModel({
  model: 'sentry.useremail',
  table: 'sentry_useremail',
  silos: ['Control'],
  scope: 'User',
  uniques: [['email', 'user']],
  relocationDependencies: ['sentry.email'],
  customOrdinal: ['user', 'email'],
  rules: { sanitize: { strings: ['validation_hash'] }, import: userEmailImport },
  fields: [
    fk('user', 'sentry.user', 'FlexibleForeignKey'),
    f('email', 'EmailField', { maxLength: 75 }),
    f('validation_hash', 'CharField', { maxLength: 32, default: call('get_secure_token') }),
    f('date_hash_added', 'DateTimeField', { default: now }),
    f('is_verified', 'BooleanField', { default: false }),
  ],
});

export const userip = defineModel({
  model: 'sentry.userip',
  table: 'sentry_userip',
  silos: ['Control'],
  scope: 'Global',
  uniques: [['ip_address', 'user']],
  customOrdinal: ['user', 'ip_address'],
  rules: { import: userIpImport },
  fields: [
    fk('user', 'sentry.user', 'FlexibleForeignKey'),
    f('ip_address', 'GenericIPAddressField'),
    f('country_code', 'CharField', { null: true, maxLength: 16 }),
    f('region_code', 'CharField', { null: true, maxLength: 16 }),
    f('first_seen', 'DateTimeField', { default: now }),
    f('last_seen', 'DateTimeField', { default: now }),
  ],
});

export const useroption = defineModel({
  model: 'sentry.useroption',
  table: 'sentry_useroption',
  silos: ['Control'],
  scope: 'User',
  uniques: [['key', 'organization_id', 'user'], ['key', 'project_id', 'user']],
  // Sentry applies this ordinal only to global options (organization_id and project_id both
  // null); scoped options keep the pk order.
  customOrdinal: ['user', 'key'],
  rules: {
    import: userOptionImport,
    customOrdinalApplies: (fields) => fields.organization_id == null && fields.project_id == null,
  },
  fields: [
    fk('user', 'sentry.user', 'FlexibleForeignKey'),
    fk('project_id', 'sentry.project', 'HybridCloudForeignKey', { null: true }),
    fk('organization_id', 'sentry.organization', 'HybridCloudForeignKey', { null: true }),
    f('key', 'CharField', { maxLength: 64 }),
    f('value', 'PickledObjectField'),
  ],
});

export const userpermission = defineModel({
  model: 'sentry.userpermission',
  table: 'sentry_userpermission',
  silos: ['Control'],
  scope: 'Config',
  uniques: [['permission', 'user']],
  customOrdinal: ['user', 'permission'],
  rules: { import: userPermissionImport },
  fields: [
    fk('user', 'sentry.user', 'FlexibleForeignKey'),
    f('permission', 'CharField', { maxLength: 32 }),
  ],
});

export const userrole = defineModel({
  model: 'sentry.userrole',
  table: 'sentry_userrole',
  silos: ['Control'],
  scope: 'Config',
  uniques: [['name']],
  customOrdinal: ['name'],
  rules: { import: overwritableConfig(['name']) },
  fields: [
    f('date_updated', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { null: true, default: now }),
    f('name', 'CharField', { maxLength: 32 }),
    // Sentry's own ArrayField always forces null=True.
    f('permissions', 'ArrayField', { of: 'TextField', null: true }),
  ],
});

export const userroleuser = defineModel({
  model: 'sentry.userroleuser',
  table: 'sentry_userrole_users',
  silos: ['Control'],
  scope: 'Config',
  uniques: [],
  fields: [
    f('date_updated', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { null: true, default: now }),
    fk('user', 'sentry.user', 'FlexibleForeignKey'),
    fk('role', 'sentry.userrole', 'FlexibleForeignKey'),
  ],
});
