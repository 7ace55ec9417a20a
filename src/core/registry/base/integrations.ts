import { defineModel, dict, f, fk, now } from '../define.js';

export const integration = defineModel({
  model: 'sentry.integration',
  table: 'sentry_integration',
  silos: ['Control'],
  scope: 'Global',
  uniques: [['external_id', 'provider']],
  rules: { sanitize: { strings: ['external_id'], jsons: ['metadata'] } },
  fields: [
    // date_updated and date_added come from DefaultFieldsModelExisting.
    f('date_updated', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { null: true, default: now }),
    f('provider', 'CharField', { maxLength: 64 }),
    f('external_id', 'CharField', { maxLength: 64 }),
    f('name', 'CharField', { maxLength: 200 }),
    // Sentry's text-backed JSONField, which defaults to dict when not nullable.
    f('metadata', 'JSONField', { default: dict }),
    f('status', 'BoundedPositiveIntegerField', { null: true, default: 0 }),
  ],
});

export const organizationintegration = defineModel({
  model: 'sentry.organizationintegration',
  table: 'sentry_organizationintegration',
  silos: ['Control'],
  scope: 'Global',
  uniques: [['integration', 'organization_id']],
  rules: { sanitize: { jsons: ['config'] } },
  fields: [
    f('date_updated', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { null: true, default: now }),
    fk('organization_id', 'sentry.organization', 'HybridCloudForeignKey'),
    fk('integration', 'sentry.integration', 'FlexibleForeignKey'),
    f('config', 'JSONField', { default: dict }),
    f('default_auth_id', 'BoundedPositiveIntegerField', { null: true }),
    f('status', 'BoundedPositiveIntegerField', { default: 0 }),
    f('grace_period_end', 'DateTimeField', { null: true }),
  ],
});

export const projectintegration = defineModel({
  model: 'sentry.projectintegration',
  table: 'sentry_projectintegration',
  silos: ['Region'],
  scope: 'Global',
  uniques: [['integration_id', 'project']],
  fields: [
    fk('project', 'sentry.project', 'FlexibleForeignKey'),
    fk('integration_id', 'sentry.integration', 'HybridCloudForeignKey'),
    f('config', 'JSONField', { default: dict }),
  ],
});

export const repository = defineModel({
  model: 'sentry.repository',
  table: 'sentry_repository',
  silos: ['Region'],
  scope: 'Global',
  uniques: [['external_id', 'organization_id', 'provider']],
  rules: { sanitize: { strings: ['external_id'], jsons: ['config'] } },
  fields: [
    fk('organization_id', 'sentry.organization', 'ImplicitForeignKey'),
    f('name', 'CharField', { maxLength: 200 }),
    f('url', 'URLField', { null: true, maxLength: 200 }),
    f('provider', 'CharField', { null: true, maxLength: 64 }),
    f('external_id', 'CharField', { null: true, maxLength: 64 }),
    f('config', 'JSONField', { default: dict }),
    f('status', 'BoundedPositiveIntegerField', { default: 0 }),
    f('date_added', 'DateTimeField', { default: now }),
    fk('integration_id', 'sentry.integration', 'ImplicitForeignKey', { null: true, class: 'BoundedPositiveIntegerField' }),
    // Sentry's own ArrayField always forces null=True; exported as a Python-repr string ("[]").
    f('languages', 'ArrayField', { of: 'TextField', null: true }),
  ],
});
