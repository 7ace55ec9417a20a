/**
 * Changes to models the verified base already has, as read from the autumn-2025 tree (see
 * sources.ts): field lengths, new and removed fields, new unique sets, and the workflow-engine
 * lookups whose legacy side became a plain integer.
 */
import { f, fk } from '../define.js';
import type { Field } from '../types.js';
import type { Change } from '../versions/delta.js';
import { BY_SNAPSHOT, BY_SNAPSHOT_NOTE, at2025 } from './sources.js';

const bySnapshot = { since: BY_SNAPSHOT } as const;
const legacyId = (name: string): Field => f(name, 'BoundedBigIntegerField', { null: true });

export const EXISTING_MODEL_CHANGES: readonly Change[] = [
  {
    kind: 'change-field', model: 'sentry.organizationmember', ...bySnapshot,
    field: f('user_email', 'CharField', { null: true, maxLength: 200 }),
    source: at2025('src/sentry/models/organizationmember.py'),
    note: `max_length 75 -> 200; ${BY_SNAPSHOT_NOTE}`,
  },
  {
    kind: 'change-field', model: 'sentry.email', ...bySnapshot,
    field: f('email', 'CIEmailField', { maxLength: 200 }),
    source: at2025('src/sentry/users/models/email.py'),
    note: `max_length 75 -> 200; ${BY_SNAPSHOT_NOTE}`,
  },
  {
    kind: 'change-field', model: 'sentry.useremail', ...bySnapshot,
    field: f('email', 'EmailField', { maxLength: 200 }),
    source: at2025('src/sentry/users/models/useremail.py'),
    note: `max_length 75 -> 200; ${BY_SNAPSHOT_NOTE}`,
  },
  // Dashboards: favourites are per organization and ordered; prebuilt dashboards are rows too.
  {
    kind: 'add-field', model: 'sentry.dashboardfavoriteuser', after: 'user_id', ...bySnapshot,
    field: fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    source: at2025('src/sentry/models/dashboard.py'),
    note: `declared right after user_id, not nullable; ${BY_SNAPSHOT_NOTE}`,
  },
  {
    kind: 'add-field', model: 'sentry.dashboardfavoriteuser', after: 'dashboard', ...bySnapshot,
    field: f('position', 'PositiveSmallIntegerField', { null: true }),
    source: at2025('src/sentry/models/dashboard.py'),
    note: BY_SNAPSHOT_NOTE,
  },
  {
    kind: 'set-uniques', model: 'sentry.dashboardfavoriteuser', ...bySnapshot,
    uniques: [['dashboard', 'user_id'], ['organization_id', 'position', 'user_id']],
    source: at2025('src/sentry/models/dashboard.py'),
    note: 'a user favourites a dashboard once and holds one dashboard per position',
  },
  {
    kind: 'change-field', model: 'sentry.dashboard', ...bySnapshot,
    field: fk('created_by_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }),
    source: at2025('src/sentry/models/dashboard.py'),
    note: `nullable: prebuilt dashboards have no creator; ${BY_SNAPSHOT_NOTE}`,
  },
  {
    kind: 'add-field', model: 'sentry.dashboard', after: 'filters', ...bySnapshot,
    field: f('prebuilt_id', 'BoundedPositiveIntegerField', { null: true }),
    source: at2025('src/sentry/models/dashboard.py'),
    note: BY_SNAPSHOT_NOTE,
  },
  {
    kind: 'set-uniques', model: 'sentry.dashboard', ...bySnapshot,
    uniques: [['organization', 'prebuilt_id'], ['organization', 'title']],
    source: at2025('src/sentry/models/dashboard.py'),
  },
  {
    kind: 'change-model', model: 'sentry.dashboard', ...bySnapshot,
    set: { uniqueConditions: { 'organization:prebuilt_id': { field: 'prebuilt_id', isNot: null } } },
    source: at2025('src/sentry/models/dashboard.py'),
    note: 'the prebuilt id is unique per organization only where it is set',
  },
  // Issue views: no position any more (stars hold it), a visibility, projects, environments and time filters.
  {
    kind: 'remove-field', model: 'sentry.groupsearchview', field: 'position', ...bySnapshot,
    source: at2025('src/sentry/models/groupsearchview.py'),
    note: `moved to sentry.groupsearchviewstarred; ${BY_SNAPSHOT_NOTE}`,
  },
  {
    kind: 'set-uniques', model: 'sentry.groupsearchview', uniques: [], ...bySnapshot,
    source: at2025('src/sentry/models/groupsearchview.py'),
    note: 'the (user, organization, position) constraint went with the position',
  },
  {
    // Sentry's migration 0839 (dated 2025-03-10 by the first explore migration that depends on it).
    kind: 'add-field', model: 'sentry.groupsearchview', after: 'organization', since: '25.4.0',
    field: f('visibility', 'CharField', { maxLength: 16, default: 'organization' }),
    source: at2025('src/sentry/models/groupsearchview.py'),
    note: 'database default "organization"; its migration is of 2025-03-10, so 25.3.0 if it was merged before that cut',
  },
  {
    kind: 'add-field', model: 'sentry.groupsearchview', after: 'query_sort', ...bySnapshot,
    field: f('is_all_projects', 'BooleanField', { default: false }),
    source: at2025('src/sentry/models/groupsearchview.py'),
    note: BY_SNAPSHOT_NOTE,
  },
  {
    kind: 'add-field', model: 'sentry.groupsearchview', after: 'is_all_projects', ...bySnapshot,
    field: f('environments', 'ArrayField', { of: 'TextField', default: [] }),
    source: at2025('src/sentry/models/groupsearchview.py'),
    note: `Django's ArrayField of TextField, empty for all environments; ${BY_SNAPSHOT_NOTE}`,
  },
  {
    kind: 'add-field', model: 'sentry.groupsearchview', after: 'environments', ...bySnapshot,
    // A dict default, which `f` does not take: the field is spelled out.
    field: { ...f('time_filters', 'JSONField'), default: { value: { period: '14d' } } },
    source: at2025('src/sentry/models/groupsearchview.py'),
    note: BY_SNAPSHOT_NOTE,
  },
  // Cron monitors: the type column went, an upsert flag came.
  {
    kind: 'remove-field', model: 'monitors.monitor', field: 'type', ...bySnapshot,
    source: at2025('src/sentry/monitors/models.py'),
    note: BY_SNAPSHOT_NOTE,
  },
  {
    kind: 'add-field', model: 'monitors.monitor', after: 'name', ...bySnapshot,
    field: f('is_upserting', 'BooleanField', { default: false }),
    source: at2025('src/sentry/monitors/models.py'),
    note: `set when the last check-in was an upsert; ${BY_SNAPSHOT_NOTE}`,
  },
  // Workflow-engine lookups: the legacy alert rule and rule are ids, not foreign keys.
  ...(['alertruledetector', 'alertruleworkflow'] as const).flatMap((name): Change[] => {
    const model = `workflow_engine.${name}`;
    const path = `src/sentry/workflow_engine/models/alertrule_${name === 'alertruledetector' ? 'detector' : 'workflow'}.py`;
    const other = name === 'alertruledetector' ? 'detector' : 'workflow';
    const note = `a plain integer, no graph edge; ${BY_SNAPSHOT_NOTE}`;
    return [
      { kind: 'remove-field', model, field: 'alert_rule', ...bySnapshot, source: at2025(path), note: 'became alert_rule_id' },
      { kind: 'remove-field', model, field: 'rule', ...bySnapshot, source: at2025(path), note: 'became rule_id' },
      { kind: 'add-field', model, after: 'date_added', field: legacyId('alert_rule_id'), ...bySnapshot, source: at2025(path), note },
      { kind: 'add-field', model, after: 'alert_rule_id', field: legacyId('rule_id'), ...bySnapshot, source: at2025(path), note },
      {
        kind: 'set-uniques', model, ...bySnapshot, source: at2025(path),
        uniques: name === 'alertruledetector'
          ? [['alert_rule_id'], ['alert_rule_id', other], [other, 'rule_id']]
          : [['alert_rule_id', other], ['rule_id', other]],
      },
    ];
  }),
];
