import { defineModel, f, fk } from './define.js';

export const integration = defineModel({
  model: 'sentry.integration',
  table: 'sentry_integration',
  silos: ['Control'],
  scope: 'Global',
  uniques: [['external_id', 'provider']],
  fields: [
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    f('date_updated', 'DateTimeField' /* TODO verify (string) */),
    f('external_id', 'CharField' /* TODO verify (string) */),
    f('name', 'CharField' /* TODO verify (string) */),
    f('provider', 'CharField' /* TODO verify (string) */),
    f('status', 'BoundedBigIntegerField' /* TODO verify (int) */),
  ],
});

export const organizationintegration = defineModel({
  model: 'sentry.organizationintegration',
  table: 'sentry_organizationintegration',
  silos: ['Control'],
  scope: 'Global',
  uniques: [['integration', 'organization_id']],
  fields: [
    f('config', 'CharField' /* TODO verify (object) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    f('date_updated', 'DateTimeField' /* TODO verify (string) */),
    f('default_auth_id', 'CharField', { null: true } /* TODO verify (null) */),
    f('grace_period_end', 'CharField', { null: true } /* TODO verify (null) */),
    fk('integration', 'sentry.integration', 'FlexibleForeignKey'),
    fk('organization_id', 'sentry.organization', 'HybridCloudForeignKey'),
    f('status', 'BoundedBigIntegerField' /* TODO verify (int) */),
  ],
});

export const projectintegration = defineModel({
  model: 'sentry.projectintegration',
  table: 'sentry_projectintegration',
  silos: ['Region'],
  scope: 'Global',
  uniques: [['integration_id', 'project']],
  fields: [
    f('config', 'CharField' /* TODO verify (object) */),
    fk('integration_id', 'sentry.integration', 'HybridCloudForeignKey'),
    fk('project', 'sentry.project', 'FlexibleForeignKey'),
  ],
});

export const repository = defineModel({
  model: 'sentry.repository',
  table: 'sentry_repository',
  silos: ['Region'],
  scope: 'Global',
  uniques: [['external_id', 'organization_id', 'provider']],
  fields: [
    fk('organization_id', 'sentry.organization', 'ImplicitForeignKey'),
    f('name', 'CharField' /* TODO verify (string) */),
    f('url', 'CharField' /* TODO verify (string) */),
    f('provider', 'CharField' /* TODO verify (string) */),
    f('external_id', 'CharField', { null: true } /* TODO verify (null/string) */),
    f('config', 'CharField' /* TODO verify (object) */),
    f('status', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    fk('integration_id', 'sentry.integration', 'ImplicitForeignKey', { null: true }),
  ],
});
