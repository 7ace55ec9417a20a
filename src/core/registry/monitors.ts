import { defineModel, f, fk } from './define.js';

export const monitor = defineModel({
  model: 'sentry.monitor',
  table: 'sentry_monitor',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['guid'], ['project_id', 'slug']],
  fields: [
    f('guid', 'CharField' /* TODO verify (string) */),
    f('slug', 'CharField' /* TODO verify (string) */),
    fk('organization_id', 'sentry.organization', 'ImplicitForeignKey'),
    fk('project_id', 'sentry.project', 'ImplicitForeignKey'),
    f('name', 'CharField' /* TODO verify (string) */),
    f('status', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('type', 'BoundedBigIntegerField' /* TODO verify (int) */),
    f('config', 'CharField' /* TODO verify (object) */),
    f('date_added', 'DateTimeField' /* TODO verify (string) */),
    fk('owner_user_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }), // TODO verify position
  ],
});
