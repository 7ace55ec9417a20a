import { defineModel, f, fk, now } from '../define.js';
import { renewedUuid } from '../organizations-import.js';

export const incident = defineModel({
  model: 'sentry.incident',
  table: 'sentry_incident',
  silos: ['Region'],
  scope: 'Global',
  uniques: [['identifier', 'organization']],
  rules: { import: renewedUuid('detection_uuid') },
  fields: [
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    fk('alert_rule', 'sentry.alertrule', 'FlexibleForeignKey'),
    f('identifier', 'IntegerField'),
    f('detection_uuid', 'UUIDField', { null: true }),
    f('status', 'PositiveSmallIntegerField', { default: 1 }),
    f('status_method', 'PositiveSmallIntegerField', { default: 3 }),
    f('type', 'PositiveSmallIntegerField'),
    f('title', 'TextField'),
    f('date_started', 'DateTimeField', { default: now }),
    f('date_detected', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { default: now }),
    f('date_closed', 'DateTimeField', { null: true }),
    fk('activation', 'sentry.alertruleactivations', 'FlexibleForeignKey', { null: true }),
    fk('subscription', 'sentry.querysubscription', 'FlexibleForeignKey', { null: true }),
  ],
});

export const incidentactivity = defineModel({
  model: 'sentry.incidentactivity',
  table: 'sentry_incidentactivity',
  silos: ['Region'],
  scope: 'Global',
  uniques: [],
  rules: { import: renewedUuid('notification_uuid') },
  fields: [
    fk('incident', 'sentry.incident', 'FlexibleForeignKey'),
    fk('user_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }),
    f('type', 'IntegerField'),
    f('value', 'TextField', { null: true }),
    f('previous_value', 'TextField', { null: true }),
    f('comment', 'TextField', { null: true }),
    f('date_added', 'DateTimeField', { default: now }),
    f('notification_uuid', 'UUIDField', { null: true }),
  ],
});

export const incidentsnapshot = defineModel({
  model: 'sentry.incidentsnapshot',
  table: 'sentry_incidentsnapshot',
  silos: ['Region'],
  scope: 'Global',
  uniques: [['incident']],
  fields: [
    fk('incident', 'sentry.incident', 'OneToOneCascadeDeletes'),
    fk('event_stats_snapshot', 'sentry.timeseriessnapshot', 'FlexibleForeignKey'),
    f('unique_users', 'IntegerField'),
    f('total_events', 'IntegerField'),
    f('date_added', 'DateTimeField', { default: now }),
  ],
});

export const incidenttrigger = defineModel({
  model: 'sentry.incidenttrigger',
  table: 'sentry_incidenttrigger',
  silos: ['Region'],
  scope: 'Global',
  uniques: [['alert_rule_trigger', 'incident']],
  fields: [
    fk('incident', 'sentry.incident', 'FlexibleForeignKey'),
    fk('alert_rule_trigger', 'sentry.alertruletrigger', 'FlexibleForeignKey'),
    f('status', 'SmallIntegerField'),
    f('date_modified', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { default: now }),
  ],
});

export const pendingincidentsnapshot = defineModel({
  model: 'sentry.pendingincidentsnapshot',
  table: 'sentry_pendingincidentsnapshot',
  silos: ['Region'],
  scope: 'Global',
  uniques: [['incident']],
  fields: [
    fk('incident', 'sentry.incident', 'OneToOneCascadeDeletes'),
    f('target_run_date', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { default: now }),
  ],
});

export const timeseriessnapshot = defineModel({
  model: 'sentry.timeseriessnapshot',
  table: 'sentry_timeseriessnapshot',
  silos: ['Region'],
  scope: 'Global',
  uniques: [],
  relocationDependencies: ['sentry.incident'],
  fields: [
    f('start', 'DateTimeField'),
    f('end', 'DateTimeField'),
    // Nested: an array of arrays of floats.
    f('values', 'ArrayField', { of: 'ArrayField' }),
    f('period', 'IntegerField'),
    f('date_added', 'DateTimeField', { default: now }),
  ],
});
