import { defineModel, dict, f, fk, now } from '../define.js';
import { projectImport, projectKeyImport, projectOptionImport } from '../organizations-import.js';

export const counter = defineModel({
  model: 'sentry.counter',
  table: 'sentry_projectcounter',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['project']],
  fields: [
    fk('project', 'sentry.project', 'FlexibleForeignKey'),
    f('value', 'BoundedBigIntegerField'),
  ],
});

export const customdynamicsamplingrule = defineModel({
  model: 'sentry.customdynamicsamplingrule',
  table: 'sentry_customdynamicsamplingrule',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [],
  fields: [
    f('date_added', 'DateTimeField', { default: now }),
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    f('is_active', 'BooleanField', { default: true }),
    f('is_org_level', 'BooleanField', { default: false }),
    f('rule_id', 'IntegerField', { default: 0 }),
    f('condition', 'TextField'),
    f('sample_rate', 'FloatField', { default: 0.0 }),
    f('start_date', 'DateTimeField', { default: now }),
    f('end_date', 'DateTimeField'),
    f('num_samples', 'IntegerField'),
    f('condition_hash', 'CharField', { maxLength: 40 }),
    f('query', 'TextField', { null: true }),
    fk('created_by_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }),
    f('notification_sent', 'BooleanField', { null: true }),
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
    f('name', 'CharField', { maxLength: 64 }),
    f('date_added', 'DateTimeField', { default: now }),
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
    f('is_hidden', 'BooleanField', { null: true }),
  ],
});

export const project = defineModel({
  model: 'sentry.project',
  table: 'sentry_project',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['organization', 'slug']],
  rules: { import: projectImport },
  fields: [
    // max_length raised from 50 to 100 in Sept 2024 (migration 0770).
    f('slug', 'SentrySlugField', { null: true, maxLength: 100 }),
    f('name', 'CharField', { maxLength: 200 }),
    f('forced_color', 'CharField', { null: true, maxLength: 6 }),
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    f('public', 'BooleanField', { default: false }),
    f('date_added', 'DateTimeField', { default: now }),
    f('status', 'BoundedPositiveIntegerField', { default: 0 }),
    f('first_event', 'DateTimeField', { null: true }),
    fk('template', 'sentry.projecttemplate', 'FlexibleForeignKey', { null: true }),
    f('flags', 'TypedClassBitField', { null: true, default: 10 }),
    f('platform', 'CharField', { null: true, maxLength: 64 }),
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
    f('date_added', 'DateTimeField', { null: true, default: now }),
  ],
});

export const projectkey = defineModel({
  model: 'sentry.projectkey',
  table: 'sentry_projectkey',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['public_key'], ['secret_key']],
  rules: { sanitize: { strings: ['public_key'] }, import: projectKeyImport },
  fields: [
    fk('project', 'sentry.project', 'FlexibleForeignKey'),
    f('label', 'CharField', { null: true, maxLength: 64 }),
    f('public_key', 'CharField', { null: true, maxLength: 32 }),
    f('secret_key', 'CharField', { null: true, maxLength: 32 }),
    // bitfield_default ["store"] is bit 0.
    f('roles', 'TypedClassBitField', { default: 1 }),
    f('status', 'BoundedPositiveIntegerField', { default: 0 }),
    f('date_added', 'DateTimeField', { null: true, default: now }),
    f('rate_limit_count', 'BoundedPositiveIntegerField', { null: true }),
    f('rate_limit_window', 'BoundedPositiveIntegerField', { null: true }),
    f('data', 'LegacyTextJSONField', { default: dict }),
    f('use_case', 'CharField', { maxLength: 32, default: 'user' }),
  ],
});

export const projectoption = defineModel({
  model: 'sentry.projectoption',
  table: 'sentry_projectoptions',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['key', 'project']],
  rules: { import: projectOptionImport },
  fields: [
    fk('project', 'sentry.project', 'FlexibleForeignKey'),
    f('key', 'CharField', { maxLength: 64 }),
    f('value', 'PickledObjectField'),
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
    f('raw', 'TextField', { null: true }),
    f('schema', 'LegacyTextJSONField', { null: true }),
    f('fallthrough', 'BooleanField', { default: true }),
    f('auto_assignment', 'BooleanField', { default: true }),
    f('date_created', 'DateTimeField', { default: now }),
    f('last_updated', 'DateTimeField', { default: now }),
    f('is_active', 'BooleanField', { default: true }),
    f('codeowners_auto_sync', 'BooleanField', { null: true, default: true }),
    f('suspect_committer_auto_assignment', 'BooleanField', { default: false }),
  ],
});

export const projectredirect = defineModel({
  model: 'sentry.projectredirect',
  table: 'sentry_projectredirect',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['organization', 'redirect_slug']],
  fields: [
    f('redirect_slug', 'SlugField', { maxLength: 50 }),
    fk('project', 'sentry.project', 'FlexibleForeignKey'),
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    f('date_added', 'DateTimeField', { default: now }),
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
    // DefaultFieldsModelExisting.
    f('date_updated', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { null: true, default: now }),
    f('name', 'CharField', { maxLength: 200 }),
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
    fk('project_template', 'sentry.projecttemplate', 'FlexibleForeignKey'),
    f('key', 'CharField', { maxLength: 64 }),
    f('value', 'PickledObjectField'),
  ],
});
