/**
 * Project-side models Sentry added after 25.1.0: the newest SDK seen per project and event type,
 * data forwarders (organization-wide, with per-project overrides) and repository settings.
 */
import { defineModel, dict, f, fk, list, now } from '../define.js';
import { repositorySettingsImport } from '../organizations-import.js';

export const projectsdk = defineModel({
  model: 'sentry.projectsdk',
  table: 'sentry_projectsdk',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['event_type', 'project', 'sdk_name']],
  fields: [
    // The model redeclares date_updated, so the inherited date_added comes first.
    f('date_added', 'DateTimeField', { default: now }),
    f('date_updated', 'DateTimeField', { default: now }),
    fk('project', 'sentry.project', 'FlexibleForeignKey'),
    // EventType: 0 profile, 1 profile chunk.
    f('event_type', 'BoundedIntegerField'),
    f('sdk_name', 'CharField'),
    f('sdk_version', 'CharField'),
  ],
});

export const dataforwarder = defineModel({
  model: 'sentry.dataforwarder',
  table: 'sentry_dataforwarder',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['organization', 'provider']],
  fields: [
    f('date_updated', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { default: now }),
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    f('is_enabled', 'BooleanField', { default: true }),
    f('enroll_new_projects', 'BooleanField', { default: false }),
    // segment, sqs or splunk
    f('provider', 'CharField', { maxLength: 64 }),
    f('config', 'JSONField', { default: dict }),
  ],
});

export const dataforwarderproject = defineModel({
  model: 'sentry.dataforwarderproject',
  table: 'sentry_dataforwarderproject',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['data_forwarder', 'project']],
  fields: [
    f('date_updated', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { default: now }),
    f('is_enabled', 'BooleanField', { default: true }),
    fk('data_forwarder', 'sentry.dataforwarder', 'FlexibleForeignKey'),
    fk('project', 'sentry.project', 'FlexibleForeignKey'),
    f('overrides', 'JSONField', { default: dict }),
  ],
});

export const repositorysettings = defineModel({
  model: 'sentry.repositorysettings',
  table: 'sentry_repositorysettings',
  silos: ['Region'],
  scope: 'Global',
  uniques: [['repository']],
  rules: { import: repositorySettingsImport },
  fields: [
    fk('repository', 'sentry.repository', 'FlexibleForeignKey'),
    f('enabled_code_review', 'BooleanField', { default: false }),
    // Django's ArrayField of CharField(32): the code-review triggers.
    f('code_review_triggers', 'ArrayField', { of: 'CharField', default: list }),
    // Both have a database default of now(); date_updated is stamped on save.
    f('date_added', 'DateTimeField', { default: now }),
    f('date_updated', 'DateTimeField', { default: now }),
  ],
});
