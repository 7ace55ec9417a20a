import { defineModel, f, fk } from './define.js';

export const counter = defineModel({
  model: 'sentry.counter',
  table: 'sentry_projectcounter',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['project']],
  fields: [
    fk('project', 'sentry.project', 'FlexibleForeignKey'),
    f('value', 'BoundedBigIntegerField' /* TODO verify (int) */),
  ],
});

export const customdynamicsamplingrule = defineModel({
  model: 'sentry.customdynamicsamplingrule',
  table: 'sentry_customdynamicsamplingrule',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [],
  fields: [
    f('condition', 'CharField' /* TODO verify (string) */),
    f('condition_hash', 'CharField' /* TODO verify (string) */),
    fk('created_by_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    f('end_date', 'DateTimeField' /* TODO verify (string) */),
    f('is_active', 'BooleanField' /* TODO verify (bool) */),
    f('is_org_level', 'BooleanField' /* TODO verify (bool) */),
    f('notification_sent', 'BooleanField' /* TODO verify (bool) */),
    f('num_samples', 'BoundedBigIntegerField' /* TODO verify (int) */),
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    f('query', 'CharField' /* TODO verify (string) */),
    f('rule_id', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('sample_rate', 'FloatField' /* TODO verify (float) */),
    f('start_date', 'DateTimeField' /* TODO verify (string) */),
  ],
});

export const customdynamicsamplingruleproject = defineModel({
  model: 'sentry.customdynamicsamplingruleproject',
  table: 'sentry_customdynamicsamplingruleproject',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['custom_dynamic_sampling_rule', 'project']],
  fields: [
    fk('custom_dynamic_sampling_rule', 'sentry.customdynamicsamplingrule', 'FlexibleForeignKey'),
    fk('project', 'sentry.project', 'FlexibleForeignKey'),
  ],
});

export const environment = defineModel({
  model: 'sentry.environment',
  table: 'sentry_environment',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['name', 'organization_id']],
  fields: [
    fk('organization_id', 'sentry.organization', 'ImplicitForeignKey'),
    f('name', 'CharField' /* TODO verify (string) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
  ],
});

export const environmentproject = defineModel({
  model: 'sentry.environmentproject',
  table: 'sentry_environmentproject',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['environment', 'project']],
  fields: [
    fk('project', 'sentry.project', 'FlexibleForeignKey'),
    fk('environment', 'sentry.environment', 'FlexibleForeignKey'),
    f('is_hidden', 'CharField', { null: true } /* TODO verify (null) */),
  ],
});

export const project = defineModel({
  model: 'sentry.project',
  table: 'sentry_project',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['organization', 'slug']],
  fields: [
    f('slug', 'CharField' /* TODO verify (string) */),
    f('name', 'CharField' /* TODO verify (string) */),
    f('forced_color', 'CharField', { null: true } /* TODO verify (null) */),
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    f('public', 'BooleanField' /* TODO verify (bool) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    f('status', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('first_event', 'CharField', { null: true } /* TODO verify (null) */),
    f('flags', 'CharField' /* TODO verify (string) */),
    f('platform', 'CharField', { null: true } /* TODO verify (null) */),
    fk('template', 'sentry.projecttemplate', 'FlexibleForeignKey', { null: true }), // TODO verify position
  ],
});

export const projectbookmark = defineModel({
  model: 'sentry.projectbookmark',
  table: 'sentry_projectbookmark',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['project', 'user_id']],
  fields: [
    fk('project', 'sentry.project', 'FlexibleForeignKey', { null: true }),
    fk('user_id', 'sentry.user', 'HybridCloudForeignKey'),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
  ],
});

export const projectkey = defineModel({
  model: 'sentry.projectkey',
  table: 'sentry_projectkey',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['public_key'], ['secret_key']],
  fields: [
    fk('project', 'sentry.project', 'FlexibleForeignKey'),
    f('label', 'CharField' /* TODO verify (string) */),
    f('public_key', 'CharField' /* TODO verify (string) */),
    f('secret_key', 'CharField' /* TODO verify (string) */),
    f('roles', 'CharField' /* TODO verify (string) */),
    f('status', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    f('rate_limit_count', 'CharField', { null: true } /* TODO verify (null) */),
    f('rate_limit_window', 'CharField', { null: true } /* TODO verify (null) */),
    f('data', 'CharField' /* TODO verify (object) */),
  ],
});

export const projectoption = defineModel({
  model: 'sentry.projectoption',
  table: 'sentry_projectoptions',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['key', 'project']],
  fields: [
    fk('project', 'sentry.project', 'FlexibleForeignKey'),
    f('key', 'CharField' /* TODO verify (string) */),
    f('value', 'CharField' /* TODO verify (int/string) */),
  ],
});

export const projectownership = defineModel({
  model: 'sentry.projectownership',
  table: 'sentry_projectownership',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['project']],
  fields: [
    fk('project', 'sentry.project', 'FlexibleForeignKey'),
    f('raw', 'CharField' /* TODO verify (string) */),
    f('schema', 'CharField' /* TODO verify (object) */),
    f('fallthrough', 'BooleanField' /* TODO verify (bool) */),
    f('auto_assignment', 'BooleanField' /* TODO verify (bool) */),
    f('date_created', 'DateTimeField' /* TODO verify (string) */),
    f('last_updated', 'DateTimeField' /* TODO verify (string) */),
    f('is_active', 'BooleanField' /* TODO verify (bool) */),
    f('codeowners_auto_sync', 'BooleanField' /* TODO verify (bool) */),
    f('suspect_committer_auto_assignment', 'BooleanField' /* TODO verify (bool) */),
  ],
});

export const projectredirect = defineModel({
  model: 'sentry.projectredirect',
  table: 'sentry_projectredirect',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['organization', 'redirect_slug']],
  fields: [
    f('redirect_slug', 'CharField' /* TODO verify (string) */),
    fk('project', 'sentry.project', 'FlexibleForeignKey'),
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
  ],
});

export const projectteam = defineModel({
  model: 'sentry.projectteam',
  table: 'sentry_projectteam',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['project', 'team']],
  fields: [
    fk('project', 'sentry.project', 'FlexibleForeignKey'),
    fk('team', 'sentry.team', 'FlexibleForeignKey'),
  ],
});

export const projecttemplate = defineModel({
  model: 'sentry.projecttemplate',
  table: 'sentry_projecttemplate',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['name', 'organization']],
  fields: [
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    f('date_updated', 'DateTimeField' /* TODO verify (string) */),
    f('name', 'CharField' /* TODO verify (string) */),
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
  ],
});

export const projecttemplateoption = defineModel({
  model: 'sentry.projecttemplateoption',
  table: 'sentry_projecttemplateoption',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['key', 'project_template']],
  fields: [
    f('key', 'CharField' /* TODO verify (string) */),
    fk('project_template', 'sentry.projecttemplate', 'FlexibleForeignKey'),
    f('value', 'CharField' /* TODO verify (string) */),
  ],
});
