import { call, defineModel, dict, f, fk, now } from '../define.js';
import { monitorImport } from '../organizations-import.js';

export const monitor = defineModel({
  model: 'sentry.monitor',
  table: 'sentry_monitor',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['guid'], ['project_id', 'slug']],
  rules: { import: monitorImport },
  fields: [
    f('date_added', 'DateTimeField', { default: now }),
    fk('organization_id', 'sentry.organization', 'ImplicitForeignKey'),
    fk('project_id', 'sentry.project', 'ImplicitForeignKey'),
    // ObjectStatus.ACTIVE
    f('status', 'BoundedPositiveIntegerField', { default: 0 }),
    // Sentry's UUIDField with auto_add: a uuid4 is generated on first save.
    f('guid', 'UUIDField', { default: call('uuid4') }),
    f('slug', 'SentrySlugField', { maxLength: 50 }),
    f('is_muted', 'BooleanField', { default: false }),
    f('name', 'CharField', { maxLength: 128 }),
    // MonitorType.UNKNOWN
    f('type', 'BoundedPositiveIntegerField', { default: 0 }),
    fk('owner_user_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }),
    // A plain integer, not a foreign key: no graph edge to sentry.team.
    f('owner_team_id', 'BoundedBigIntegerField', { null: true }),
    f('config', 'JSONField', { default: dict }),
  ],
});
