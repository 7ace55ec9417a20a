import { defineModel, f, fk } from './define.js';

export const incident = defineModel({
  model: 'sentry.incident',
  table: 'sentry_incident',
  silos: ['Region'],
  scope: 'Global',
  uniques: [['identifier', 'organization']],
  fields: [
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    fk('alert_rule', 'sentry.alertrule', 'FlexibleForeignKey'),
    f('identifier', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('detection_uuid', 'CharField', { null: true } /* TODO verify (null) */),
    f('status', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('status_method', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('type', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('title', 'CharField' /* TODO verify (string) */),
    f('date_started', 'DateTimeField' /* TODO verify (string) */),
    f('date_detected', 'DateTimeField' /* TODO verify (string) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    f('date_closed', 'CharField', { null: true } /* TODO verify (null) */),
    fk('activation', 'sentry.alertruleactivations', 'FlexibleForeignKey', { null: true }), // TODO verify position
    fk('subscription', 'sentry.querysubscription', 'FlexibleForeignKey', { null: true }), // TODO verify position
  ],
});

export const incidentactivity = defineModel({
  model: 'sentry.incidentactivity',
  table: 'sentry_incidentactivity',
  silos: ['Region'],
  scope: 'Global',
  uniques: [],
  fields: [
    fk('incident', 'sentry.incident', 'FlexibleForeignKey'),
    fk('user_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }),
    f('type', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('value', 'CharField', { null: true } /* TODO verify (null) */),
    f('previous_value', 'CharField', { null: true } /* TODO verify (null) */),
    f('comment', 'CharField' /* TODO verify (string) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
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
    f('unique_users', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('total_events', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
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
    f('status', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('date_modified', 'DateTimeField' /* TODO verify (string) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
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
    f('target_run_date', 'DateTimeField' /* TODO verify (string) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
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
    f('start', 'DateTimeField' /* TODO verify (string) */),
    f('end', 'DateTimeField' /* TODO verify (string) */),
    f('values', 'CharField' /* TODO verify (string) */),
    f('period', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
  ],
});
