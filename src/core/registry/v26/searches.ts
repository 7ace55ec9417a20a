/**
 * Saved issue views grew projects, per-user stars and last visits after 25.1.0, and Insights gained
 * starred segments (transactions a user pins per project).
 */
import { defineModel, f, fk, now } from '../define.js';

// DefaultFieldsModel's two timestamps, stamped by Sentry on save.
const timestamps = () => [f('date_updated', 'DateTimeField', { default: now }), f('date_added', 'DateTimeField', { default: now })];

export const groupsearchviewproject = defineModel({
  model: 'sentry.groupsearchviewproject',
  table: 'sentry_groupsearchviewproject',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['group_search_view', 'project']],
  fields: [
    ...timestamps(),
    fk('group_search_view', 'sentry.groupsearchview', 'FlexibleForeignKey'),
    fk('project', 'sentry.project', 'FlexibleForeignKey'),
  ],
});

export const groupsearchviewlastvisited = defineModel({
  model: 'sentry.groupsearchviewlastvisited',
  table: 'sentry_groupsearchviewlastvisited',
  silos: ['Region'],
  scope: 'Organization',
  // A UniqueConstraint over the column names, as Sentry lists them.
  uniques: [['group_search_view_id', 'organization_id', 'user_id']],
  fields: [
    ...timestamps(),
    fk('user_id', 'sentry.user', 'HybridCloudForeignKey'),
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    fk('group_search_view', 'sentry.groupsearchview', 'FlexibleForeignKey'),
    f('last_visited', 'DateTimeField', { default: now }),
  ],
});

export const groupsearchviewstarred = defineModel({
  model: 'sentry.groupsearchviewstarred',
  table: 'sentry_groupsearchviewstarred',
  silos: ['Region'],
  scope: 'Organization',
  // One view per position in a user's list (deferred in Postgres so lists can be reordered).
  uniques: [['organization_id', 'position', 'user_id']],
  fields: [
    ...timestamps(),
    fk('user_id', 'sentry.user', 'HybridCloudForeignKey'),
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    fk('group_search_view', 'sentry.groupsearchview', 'FlexibleForeignKey'),
    f('position', 'PositiveSmallIntegerField'),
  ],
});

export const insightsstarredsegment = defineModel({
  model: 'insights.insightsstarredsegment',
  table: 'insights_starred_segments',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['project', 'segment_name', 'user_id']],
  fields: [
    ...timestamps(),
    fk('project', 'sentry.project', 'FlexibleForeignKey'),
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    fk('user_id', 'sentry.user', 'HybridCloudForeignKey'),
    f('segment_name', 'CharField'),
  ],
});
