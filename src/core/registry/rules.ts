import { defineModel, f, fk } from './define.js';

export const neglectedrule = defineModel({
  model: 'sentry.neglectedrule',
  table: 'sentry_neglectedrule',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [],
  fields: [
    f('disable_date', 'DateTimeField' /* TODO verify (string) */),
    f('opted_out', 'BooleanField' /* TODO verify (bool) */),
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    fk('rule', 'sentry.rule', 'FlexibleForeignKey'),
    f('sent_final_email_date', 'DateTimeField' /* TODO verify (string) */),
    f('sent_initial_email_date', 'DateTimeField' /* TODO verify (string) */),
  ],
});

export const notificationaction = defineModel({
  model: 'sentry.notificationaction',
  table: 'sentry_notificationaction',
  silos: ['Region'],
  scope: ['Organization', 'Global'],
  uniques: [],
  fields: [
    fk('integration_id', 'sentry.integration', 'HybridCloudForeignKey', { null: true }),
    fk('sentry_app_id', 'sentry.sentryapp', 'HybridCloudForeignKey', { null: true }),
    f('type', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('target_type', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('target_identifier', 'CharField' /* TODO verify (string) */),
    f('target_display', 'CharField' /* TODO verify (string) */),
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    f('trigger_type', 'BoundedBigIntegerField' /* TODO verify (int) */),
  ],
});

export const notificationactionproject = defineModel({
  model: 'sentry.notificationactionproject',
  table: 'sentry_notificationactionproject',
  silos: ['Region'],
  scope: ['Organization', 'Global'],
  uniques: [],
  fields: [
    fk('project', 'sentry.project', 'FlexibleForeignKey'),
    fk('action', 'sentry.notificationaction', 'FlexibleForeignKey'),
  ],
});

export const rule = defineModel({
  model: 'sentry.rule',
  table: 'sentry_rule',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [],
  fields: [
    fk('project', 'sentry.project', 'FlexibleForeignKey'),
    fk('environment_id', 'sentry.environment', 'ImplicitForeignKey', { null: true }),
    f('label', 'CharField' /* TODO verify (string) */),
    f('data', 'CharField' /* TODO verify (string) */),
    f('status', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('source', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('owner', 'CharField', { null: true } /* TODO verify (null) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    fk('owner_team', 'sentry.team', 'FlexibleForeignKey', { null: true }), // TODO verify position
    fk('owner_user_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }), // TODO verify position
  ],
});

export const ruleactivity = defineModel({
  model: 'sentry.ruleactivity',
  table: 'sentry_ruleactivity',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [],
  fields: [
    fk('rule', 'sentry.rule', 'FlexibleForeignKey'),
    fk('user_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }),
    f('type', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
  ],
});

export const rulesnooze = defineModel({
  model: 'sentry.rulesnooze',
  table: 'sentry_rulesnooze',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['alert_rule'], ['alert_rule', 'user_id'], ['rule'], ['rule', 'user_id']],
  fields: [
    fk('user_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }),
    fk('owner_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }),
    fk('rule', 'sentry.rule', 'FlexibleForeignKey', { null: true }),
    fk('alert_rule', 'sentry.alertrule', 'FlexibleForeignKey', { null: true }),
    f('until', 'CharField', { null: true } /* TODO verify (null) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
  ],
});
