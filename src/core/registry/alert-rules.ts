import { defineModel, f, fk } from './define.js';

export const alertrule = defineModel({
  model: 'sentry.alertrule',
  table: 'sentry_alertrule',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['snuba_query']],
  fields: [
    fk('organization', 'sentry.organization', 'FlexibleForeignKey', { null: true }),
    fk('snuba_query', 'sentry.snubaquery', 'FlexibleForeignKey', { null: true }),
    f('owner', 'CharField', { null: true } /* TODO verify (null) */),
    f('name', 'CharField' /* TODO verify (string) */),
    f('status', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('include_all_projects', 'BooleanField' /* TODO verify (bool) */),
    f('threshold_type', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('resolve_threshold', 'CharField', { null: true } /* TODO verify (null) */),
    f('threshold_period', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('comparison_delta', 'CharField', { null: true } /* TODO verify (null) */),
    f('date_modified', 'DateTimeField' /* TODO verify (string) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    fk('team', 'sentry.team', 'FlexibleForeignKey', { null: true }), // TODO verify position
    fk('user_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }), // TODO verify position
  ],
});

export const alertruleactivationcondition = defineModel({
  model: 'sentry.alertruleactivationcondition',
  table: 'sentry_alertruleactivationcondition',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['alert_rule', 'label']],
  fields: [
    fk('alert_rule', 'sentry.alertrule', 'FlexibleForeignKey'),
    f('condition_type', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    f('label', 'CharField' /* TODO verify (string) */),
  ],
});

export const alertruleactivity = defineModel({
  model: 'sentry.alertruleactivity',
  table: 'sentry_alertruleactivity',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [],
  fields: [
    fk('alert_rule', 'sentry.alertrule', 'FlexibleForeignKey'),
    fk('previous_alert_rule', 'sentry.alertrule', 'FlexibleForeignKey', { null: true }),
    fk('user_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }),
    f('type', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
  ],
});

export const alertruleprojects = defineModel({
  model: 'sentry.alertruleprojects',
  table: 'sentry_alertruleprojects',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['alert_rule', 'project']],
  fields: [
    fk('alert_rule', 'sentry.alertrule', 'FlexibleForeignKey'),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    fk('project', 'sentry.project', 'FlexibleForeignKey'),
  ],
});

export const alertruletrigger = defineModel({
  model: 'sentry.alertruletrigger',
  table: 'sentry_alertruletrigger',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['alert_rule', 'label']],
  fields: [
    fk('alert_rule', 'sentry.alertrule', 'FlexibleForeignKey'),
    f('label', 'CharField' /* TODO verify (string) */),
    f('threshold_type', 'CharField', { null: true } /* TODO verify (null) */),
    f('alert_threshold', 'FloatField' /* TODO verify (float) */),
    f('resolve_threshold', 'CharField', { null: true } /* TODO verify (null) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
  ],
});

export const alertruletriggeraction = defineModel({
  model: 'sentry.alertruletriggeraction',
  table: 'sentry_alertruletriggeraction',
  silos: ['Region'],
  scope: 'Global',
  uniques: [],
  fields: [
    fk('integration_id', 'sentry.integration', 'HybridCloudForeignKey', { null: true }),
    fk('sentry_app_id', 'sentry.sentryapp', 'HybridCloudForeignKey', { null: true }),
    f('type', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('target_type', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('target_identifier', 'CharField' /* TODO verify (string) */),
    f('target_display', 'CharField', { null: true } /* TODO verify (null) */),
    fk('alert_rule_trigger', 'sentry.alertruletrigger', 'FlexibleForeignKey'),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    f('sentry_app_config', 'CharField', { null: true } /* TODO verify (null) */),
  ],
});

export const querysubscription = defineModel({
  model: 'sentry.querysubscription',
  table: 'sentry_querysubscription',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['subscription_id']],
  fields: [
    fk('project', 'sentry.project', 'FlexibleForeignKey'),
    fk('snuba_query', 'sentry.snubaquery', 'FlexibleForeignKey', { null: true }),
    f('type', 'CharField' /* TODO verify (string) */),
    f('status', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('subscription_id', 'CharField', { null: true } /* TODO verify (null) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    f('date_updated', 'DateTimeField' /* TODO verify (string) */),
  ],
});

export const snubaquery = defineModel({
  model: 'sentry.snubaquery',
  table: 'sentry_snubaquery',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [],
  relocationDependencies: ['sentry.organization', 'sentry.project'],
  fields: [
    fk('environment', 'sentry.environment', 'FlexibleForeignKey', { null: true }),
    f('type', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('dataset', 'CharField' /* TODO verify (string) */),
    f('query', 'CharField' /* TODO verify (string) */),
    f('aggregate', 'CharField' /* TODO verify (string) */),
    f('time_window', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('resolution', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
  ],
});

export const snubaqueryeventtype = defineModel({
  model: 'sentry.snubaqueryeventtype',
  table: 'sentry_snubaqueryeventtype',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['snuba_query', 'type']],
  fields: [
    fk('snuba_query', 'sentry.snubaquery', 'FlexibleForeignKey'),
    f('type', 'BoundedBigIntegerField' /* TODO verify (int) */),
  ],
});
