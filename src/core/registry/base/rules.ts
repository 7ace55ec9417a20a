import { defineModel, f, fk, now } from '../define.js';

export const neglectedrule = defineModel({
  model: 'sentry.neglectedrule',
  table: 'sentry_neglectedrule',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [],
  fields: [
    fk('rule', 'sentry.rule', 'FlexibleForeignKey'),
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    f('disable_date', 'DateTimeField'),
    f('opted_out', 'BooleanField', { default: false }),
    f('sent_initial_email_date', 'DateTimeField', { null: true }),
    f('sent_final_email_date', 'DateTimeField', { null: true }),
  ],
});

export const notificationaction = defineModel({
  model: 'sentry.notificationaction',
  table: 'sentry_notificationaction',
  silos: ['Region'],
  scope: ['Organization', 'Global'],
  rules: {
    // Tied to an integration or a sentry app: Global; otherwise the organization's own.
    scopeOf: (row) => (row.integration_id != null || row.sentry_app_id != null ? 'Global' : 'Organization'),
  },
  uniques: [],
  fields: [
    fk('integration_id', 'sentry.integration', 'HybridCloudForeignKey', { null: true }),
    fk('sentry_app_id', 'sentry.sentryapp', 'HybridCloudForeignKey', { null: true }),
    f('type', 'SmallIntegerField'),
    f('target_type', 'SmallIntegerField'),
    f('target_identifier', 'TextField', { null: true }),
    f('target_display', 'TextField', { null: true }),
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    f('trigger_type', 'SmallIntegerField'),
  ],
});

export const notificationactionproject = defineModel({
  model: 'sentry.notificationactionproject',
  table: 'sentry_notificationactionproject',
  silos: ['Region'],
  scope: ['Organization', 'Global'],
  rules: {
    // Whatever its action is.
    scopeOf: (row, scopeOfParent) => scopeOfParent('sentry.notificationaction', row.action as number) ?? 'Organization',
  },
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
    fk('environment_id', 'sentry.environment', 'ImplicitForeignKey', { null: true, class: 'BoundedPositiveIntegerField' }),
    f('label', 'CharField', { maxLength: 256 }),
    f('data', 'GzippedDictField'),
    f('status', 'BoundedPositiveIntegerField', { default: 0 }),
    f('source', 'BoundedPositiveIntegerField', { default: 0 }),
    fk('owner_user_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }),
    fk('owner_team', 'sentry.team', 'FlexibleForeignKey', { null: true }),
    f('date_added', 'DateTimeField', { default: now }),
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
    f('type', 'IntegerField'),
    f('date_added', 'DateTimeField', { default: now }),
  ],
});

export const rulesnooze = defineModel({
  model: 'sentry.rulesnooze',
  table: 'sentry_rulesnooze',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['alert_rule'], ['alert_rule', 'user_id'], ['rule'], ['rule', 'user_id']],
  // One snooze for everyone per rule; per-user snoozes are unique per user.
  uniqueConditions: { alert_rule: { field: 'user_id', is: null }, rule: { field: 'user_id', is: null } },
  fields: [
    fk('user_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }),
    fk('owner_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }),
    fk('rule', 'sentry.rule', 'FlexibleForeignKey', { null: true }),
    fk('alert_rule', 'sentry.alertrule', 'FlexibleForeignKey', { null: true }),
    f('until', 'DateTimeField', { null: true }),
    f('date_added', 'DateTimeField', { default: now }),
  ],
});
