import { defineModel, f, fk } from './define.js';

export const dashboard = defineModel({
  model: 'sentry.dashboard',
  table: 'sentry_dashboard',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['organization', 'title']],
  fields: [
    f('title', 'CharField' /* TODO verify (string) */),
    fk('created_by_id', 'sentry.user', 'HybridCloudForeignKey'),
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    f('visits', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('last_visited', 'DateTimeField' /* TODO verify (string) */),
    f('filters', 'CharField', { null: true } /* TODO verify (null) */),
  ],
});

export const dashboardfavoriteuser = defineModel({
  model: 'sentry.dashboardfavoriteuser',
  table: 'sentry_dashboardfavoriteuser',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['dashboard', 'user_id']],
  fields: [
    fk('dashboard', 'sentry.dashboard', 'FlexibleForeignKey'), // TODO verify position
    fk('user_id', 'sentry.user', 'HybridCloudForeignKey'), // TODO verify position
  ],
});

export const dashboardpermissions = defineModel({
  model: 'sentry.dashboardpermissions',
  table: 'sentry_dashboardpermissions',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['dashboard']],
  fields: [
    fk('dashboard', 'sentry.dashboard', 'DefaultOneToOneField'), // TODO verify position
  ],
});

export const dashboardpermissionsteam = defineModel({
  model: 'sentry.dashboardpermissionsteam',
  table: 'sentry_dashboardpermissionsteam',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['permissions', 'team']],
  fields: [
    fk('permissions', 'sentry.dashboardpermissions', 'FlexibleForeignKey'), // TODO verify position
    fk('team', 'sentry.team', 'FlexibleForeignKey'), // TODO verify position
  ],
});

export const dashboardtombstone = defineModel({
  model: 'sentry.dashboardtombstone',
  table: 'sentry_dashboardtombstone',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['organization', 'slug']],
  fields: [
    f('slug', 'CharField' /* TODO verify (string) */),
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
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
    f('order', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('title', 'CharField' /* TODO verify (string) */),
    f('description', 'CharField', { null: true } /* TODO verify (null) */),
    f('interval', 'CharField', { null: true } /* TODO verify (null) */),
    f('display_type', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    f('widget_type', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('limit', 'CharField', { null: true } /* TODO verify (null) */),
    f('detail', 'CharField', { null: true } /* TODO verify (null) */),
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
    f('name', 'CharField' /* TODO verify (string) */),
    f('fields', 'CharField' /* TODO verify (string) */),
    f('conditions', 'CharField' /* TODO verify (string) */),
    f('aggregates', 'CharField', { null: true } /* TODO verify (null) */),
    f('columns', 'CharField', { null: true } /* TODO verify (null) */),
    f('field_aliases', 'CharField', { null: true } /* TODO verify (null) */),
    f('orderby', 'CharField' /* TODO verify (string) */),
    f('order', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
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
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    f('date_modified', 'DateTimeField' /* TODO verify (string) */),
    f('extraction_state', 'CharField' /* TODO verify (string) */),
    f('spec_hashes', 'CharField' /* TODO verify (string) */),
    f('spec_version', 'CharField', { null: true } /* TODO verify (null) */),
  ],
});
