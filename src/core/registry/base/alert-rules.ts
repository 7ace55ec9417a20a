import { defineModel, f, fk, now } from '../define.js';
import { querySubscriptionImport } from '../organizations-import.js';
import type { SentryRefusal } from '../types.js';

/**
 * Sentry 23.11 to 24.4 wrote an alert rule's owner (an Actor) beside its team and user_id, and its
 * AlertRule.save() refuses a rule with an owner but neither ("AlertRule with owner requires either
 * team_id or user_id", self-hosted#2468). Files of that era carry both keys; here `owner` is a
 * field Sentry has since removed, so such a rule would also lose its owner.
 */
function ownerWithoutTeamOrUser(fields: Readonly<Record<string, unknown>>): SentryRefusal | undefined {
  const { owner } = fields;
  if (owner === null || owner === undefined || !('team' in fields) || !('user_id' in fields)) return undefined;
  if (fields.team !== null || fields.user_id !== null) return undefined;
  return {
    reason: `owner is actor ${JSON.stringify(owner)} but neither team nor user_id is set: Sentry's AlertRule refuses such a row ("AlertRule with owner requires either team_id or user_id", self-hosted#2468), and an import here would leave the rule without an owner; set team or user_id to the team or user actor ${JSON.stringify(owner)} stands for`,
  };
}

/**
 * Sentry re-creates each imported subscription in Snuba from its snuba query, and its import fails
 * on one without (KeyError: 'snuba_query', self-hosted#3083); such a subscription can query nothing.
 */
function subscriptionWithoutQuery(fields: Readonly<Record<string, unknown>>): SentryRefusal | undefined {
  if (fields.snuba_query !== null && fields.snuba_query !== undefined) return undefined;
  return {
    reason: 'a subscription without its snuba query: Sentry re-creates each subscription in Snuba from its query, and its import fails on one without (KeyError: \'snuba_query\', self-hosted#3083); repair leaves it out, as it can query nothing',
    drop: true,
  };
}

export const alertrule = defineModel({
  model: 'sentry.alertrule',
  table: 'sentry_alertrule',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['snuba_query']],
  rules: { sentryRefuses: ownerWithoutTeamOrUser },
  fields: [
    fk('organization', 'sentry.organization', 'FlexibleForeignKey', { null: true }),
    fk('snuba_query', 'sentry.snubaquery', 'FlexibleForeignKey', { null: true }),
    fk('user_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }),
    fk('team', 'sentry.team', 'FlexibleForeignKey', { null: true }),
    f('name', 'TextField'),
    f('status', 'SmallIntegerField', { default: 0 }),
    f('threshold_type', 'SmallIntegerField', { null: true }),
    f('resolve_threshold', 'FloatField', { null: true }),
    f('threshold_period', 'IntegerField'),
    f('comparison_delta', 'IntegerField', { null: true }),
    f('date_modified', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { default: now }),
    f('monitor_type', 'IntegerField', { default: 0 }),
    f('description', 'CharField', { null: true, maxLength: 1000 }),
    // The three anomaly-detection columns are CharFields without a max_length.
    f('detection_type', 'CharField', { default: 'static' }),
    f('sensitivity', 'CharField', { null: true }),
    f('seasonality', 'CharField', { null: true }),
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
    f('label', 'TextField'),
    f('condition_type', 'SmallIntegerField', { null: true }),
    f('date_added', 'DateTimeField', { default: now }),
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
    f('type', 'IntegerField'),
    f('date_added', 'DateTimeField', { default: now }),
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
    fk('project', 'sentry.project', 'FlexibleForeignKey'),
    f('date_added', 'DateTimeField', { default: now }),
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
    f('label', 'TextField'),
    f('threshold_type', 'SmallIntegerField', { null: true }),
    f('alert_threshold', 'FloatField'),
    f('resolve_threshold', 'FloatField', { null: true }),
    f('date_added', 'DateTimeField', { default: now }),
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
    f('type', 'SmallIntegerField'),
    f('target_type', 'SmallIntegerField'),
    f('target_identifier', 'TextField', { null: true }),
    f('target_display', 'TextField', { null: true }),
    fk('alert_rule_trigger', 'sentry.alertruletrigger', 'FlexibleForeignKey'),
    f('date_added', 'DateTimeField', { default: now }),
    f('sentry_app_config', 'JSONField', { null: true }),
    f('status', 'BoundedPositiveIntegerField', { default: 0 }),
  ],
});

export const querysubscription = defineModel({
  model: 'sentry.querysubscription',
  table: 'sentry_querysubscription',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['subscription_id']],
  rules: { import: querySubscriptionImport, sentryRefuses: subscriptionWithoutQuery },
  fields: [
    fk('project', 'sentry.project', 'FlexibleForeignKey'),
    fk('snuba_query', 'sentry.snubaquery', 'FlexibleForeignKey', { null: true }),
    f('type', 'TextField'),
    f('status', 'SmallIntegerField', { default: 0 }),
    f('subscription_id', 'TextField', { null: true }),
    f('date_added', 'DateTimeField', { default: now }),
    f('date_updated', 'DateTimeField', { null: true, default: now }),
    f('query_extra', 'TextField', { null: true }),
  ],
});

export const snubaquery = defineModel({
  model: 'sentry.snubaquery',
  table: 'sentry_snubaquery',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [],
  relocationDependencies: ['sentry.organization', 'sentry.project'],
  rules: {
    // Only the queries of exported alert rules and of exported projects' subscriptions.
    exportReferencedBy: {
      field: 'id',
      from: [
        {
          model: 'sentry.alertrule',
          select: 'snuba_query',
          where: [
            { field: 'user_id', exported: 'sentry.user' },
            { field: 'team', exported: 'sentry.team' },
            { field: 'organization', exported: 'sentry.organization' },
          ],
        },
        { model: 'sentry.querysubscription', select: 'snuba_query', where: [{ field: 'project', exported: 'sentry.project' }] },
      ],
    },
  },
  fields: [
    fk('environment', 'sentry.environment', 'FlexibleForeignKey', { null: true }),
    f('type', 'SmallIntegerField'),
    f('dataset', 'TextField'),
    f('query', 'TextField'),
    f('aggregate', 'TextField'),
    f('time_window', 'IntegerField'),
    f('resolution', 'IntegerField'),
    f('date_added', 'DateTimeField', { default: now }),
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
    f('type', 'SmallIntegerField'),
  ],
});
