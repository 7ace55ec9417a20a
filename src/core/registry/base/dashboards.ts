import { defineModel, f, fk, now } from '../define.js';

export const dashboard = defineModel({
  model: 'sentry.dashboard',
  table: 'sentry_dashboard',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['organization', 'title']],
  fields: [
    f('title', 'CharField', { maxLength: 255 }),
    fk('created_by_id', 'sentry.user', 'HybridCloudForeignKey'),
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    f('date_added', 'DateTimeField', { default: now }),
    f('visits', 'BoundedBigIntegerField', { null: true, default: 1 }),
    f('last_visited', 'DateTimeField', { null: true, default: now }),
    f('filters', 'JSONField', { null: true }),
  ],
});

export const dashboardfavoriteuser = defineModel({
  model: 'sentry.dashboardfavoriteuser',
  table: 'sentry_dashboardfavoriteuser',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['dashboard', 'user_id']],
  fields: [
    // DefaultFieldsModel: auto_now / auto_now_add, stamped by Sentry on save.
    f('date_updated', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { default: now }),
    fk('user_id', 'sentry.user', 'HybridCloudForeignKey'),
    fk('dashboard', 'sentry.dashboard', 'FlexibleForeignKey'),
  ],
});

export const dashboardpermissions = defineModel({
  model: 'sentry.dashboardpermissions',
  table: 'sentry_dashboardpermissions',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['dashboard']],
  fields: [
    f('is_editable_by_everyone', 'BooleanField', { default: true }),
    fk('dashboard', 'sentry.dashboard', 'DefaultOneToOneField'),
  ],
});

export const dashboardpermissionsteam = defineModel({
  model: 'sentry.dashboardpermissionsteam',
  table: 'sentry_dashboardpermissionsteam',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['permissions', 'team']],
  fields: [
    fk('team', 'sentry.team', 'FlexibleForeignKey'),
    fk('permissions', 'sentry.dashboardpermissions', 'FlexibleForeignKey'),
  ],
});

export const dashboardtombstone = defineModel({
  model: 'sentry.dashboardtombstone',
  table: 'sentry_dashboardtombstone',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['organization', 'slug']],
  fields: [
    f('slug', 'SentrySlugField', { maxLength: 255 }),
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    f('date_added', 'DateTimeField', { default: now }),
  ],
});

export const dashboardwidget = defineModel({
  model: 'sentry.dashboardwidget',
  table: 'sentry_dashboardwidget',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['dashboard', 'order']],
  fields: [
    fk('dashboard', 'sentry.dashboard', 'FlexibleForeignKey'),
    f('order', 'BoundedPositiveIntegerField'),
    f('title', 'CharField', { maxLength: 255 }),
    f('description', 'CharField', { null: true, maxLength: 255 }),
    f('thresholds', 'JSONField', { null: true }),
    f('interval', 'CharField', { null: true, maxLength: 10 }),
    f('display_type', 'BoundedPositiveIntegerField'),
    f('date_added', 'DateTimeField', { default: now }),
    f('widget_type', 'BoundedPositiveIntegerField', { null: true }),
    f('limit', 'IntegerField', { null: true }),
    f('detail', 'JSONField', { null: true }),
    f('discover_widget_split', 'BoundedPositiveIntegerField', { null: true }),
    // DatasetSourcesTypes.UNKNOWN
    f('dataset_source', 'BoundedPositiveIntegerField', { default: 0 }),
  ],
});

export const dashboardwidgetquery = defineModel({
  model: 'sentry.dashboardwidgetquery',
  table: 'sentry_dashboardwidgetquery',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['order', 'widget']],
  fields: [
    fk('widget', 'sentry.dashboardwidget', 'FlexibleForeignKey'),
    f('name', 'CharField', { maxLength: 255 }),
    // Sentry's own ArrayField always sets null=True; exports carry it as a JSON-encoded string ("[]").
    f('fields', 'ArrayField', { of: 'TextField', null: true }),
    f('conditions', 'TextField'),
    // Django's postgres ArrayField of TextField.
    f('aggregates', 'ArrayField', { of: 'TextField', null: true }),
    f('columns', 'ArrayField', { of: 'TextField', null: true }),
    f('field_aliases', 'ArrayField', { of: 'TextField', null: true }),
    f('orderby', 'TextField', { default: '' }),
    f('order', 'BoundedPositiveIntegerField'),
    f('date_added', 'DateTimeField', { default: now }),
    f('date_modified', 'DateTimeField', { default: now }),
    f('is_hidden', 'BooleanField', { default: false }),
    f('selected_aggregate', 'IntegerField', { null: true }),
  ],
});

export const dashboardwidgetqueryondemand = defineModel({
  model: 'sentry.dashboardwidgetqueryondemand',
  table: 'sentry_dashboardwidgetqueryondemand',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [],
  fields: [
    fk('dashboard_widget_query', 'sentry.dashboardwidgetquery', 'FlexibleForeignKey'),
    // Sentry's own ArrayField always sets null=True; exports carry it as a JSON-encoded string ("[]").
    f('spec_hashes', 'ArrayField', { of: 'TextField', null: true }),
    f('spec_version', 'IntegerField', { null: true }),
    f('extraction_state', 'CharField', { maxLength: 30 }),
    f('date_modified', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { default: now }),
  ],
});
