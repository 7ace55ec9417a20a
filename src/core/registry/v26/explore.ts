/**
 * The `explore` app (2025–2026): saved Explore queries with their projects, stars and last visits,
 * and the context people and agents write about trace item attributes and their values.
 */
import { defineModel, f, fk, list, now } from '../define.js';

const timestamps = () => [f('date_updated', 'DateTimeField', { default: now }), f('date_added', 'DateTimeField', { default: now })];

export const exploresavedquery = defineModel({
  model: 'explore.exploresavedquery',
  table: 'explore_exploresavedquery',
  silos: ['Region'],
  scope: 'Organization',
  // A prebuilt query exists once per organization; user queries have no prebuilt id (null never collides).
  uniques: [['organization', 'prebuilt_id']],
  fields: [
    ...timestamps(),
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    fk('created_by_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }),
    f('name', 'CharField', { maxLength: 255 }),
    f('query', 'JSONField'),
    f('visits', 'BoundedBigIntegerField', { null: true, default: 1 }),
    f('last_visited', 'DateTimeField', { null: true, default: now }),
    // ExploreSavedQueryDataset.SPANS
    f('dataset', 'BoundedPositiveIntegerField', { default: 0 }),
    f('is_multi_query', 'BooleanField', { default: false }),
    f('prebuilt_id', 'BoundedPositiveIntegerField', { null: true }),
    f('prebuilt_version', 'BoundedPositiveIntegerField', { null: true }),
    // Why the Discover-to-Explore migration changed the query, if it did.
    f('changed_reason', 'JSONField', { null: true, default: null }),
  ],
});

export const exploresavedqueryproject = defineModel({
  model: 'explore.exploresavedqueryproject',
  table: 'explore_exploresavedqueryproject',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['explore_saved_query', 'project']],
  fields: [
    fk('project', 'sentry.project', 'FlexibleForeignKey'),
    fk('explore_saved_query', 'explore.exploresavedquery', 'FlexibleForeignKey'),
  ],
});

export const exploresavedquerylastvisited = defineModel({
  model: 'explore.exploresavedquerylastvisited',
  table: 'explore_exploresavedquerylastvisited',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['explore_saved_query_id', 'organization_id', 'user_id']],
  fields: [
    ...timestamps(),
    fk('user_id', 'sentry.user', 'HybridCloudForeignKey'),
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    fk('explore_saved_query', 'explore.exploresavedquery', 'FlexibleForeignKey'),
    f('last_visited', 'DateTimeField', { default: now }),
  ],
});

export const exploresavedquerystarred = defineModel({
  model: 'explore.exploresavedquerystarred',
  table: 'explore_exploresavedquerystarred',
  silos: ['Region'],
  scope: 'Organization',
  // Deferred in Postgres; an unstarred row has no position (null never collides).
  uniques: [['organization_id', 'position', 'user_id']],
  fields: [
    ...timestamps(),
    fk('user_id', 'sentry.user', 'HybridCloudForeignKey'),
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    fk('explore_saved_query', 'explore.exploresavedquery', 'FlexibleForeignKey'),
    f('position', 'PositiveSmallIntegerField', { null: true }),
    // db_default=True
    f('starred', 'BooleanField', { default: true }),
  ],
});

export const traceitemattributecontext = defineModel({
  model: 'explore.traceitemattributecontext',
  table: 'explore_traceitemattributecontext',
  silos: ['Region'],
  scope: 'Organization',
  // Two partial constraints: one for project-scoped rows, one for organization-wide rows (no project).
  uniques: [
    ['attribute_key', 'attribute_type', 'item_type', 'organization'],
    ['attribute_key', 'attribute_type', 'item_type', 'organization', 'project'],
  ],
  uniqueConditions: {
    'attribute_key:attribute_type:item_type:organization': { field: 'project', is: null },
    'attribute_key:attribute_type:item_type:organization:project': { field: 'project', isNot: null },
  },
  fields: [
    ...timestamps(),
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    fk('project', 'sentry.project', 'FlexibleForeignKey', { null: true }),
    f('attribute_key', 'CharField'),
    f('item_type', 'BoundedPositiveIntegerField'),
    f('attribute_type', 'BoundedPositiveIntegerField'),
    f('brief', 'CharField', { null: true, maxLength: 280 }),
    f('additional_context', 'TextField', { null: true }),
    // Django's ArrayField of TextField: example values of the attribute.
    f('examples', 'ArrayField', { of: 'TextField', default: list }),
    fk('created_by_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }),
    fk('updated_by_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }),
  ],
});

export const traceitemattributevaluecontext = defineModel({
  model: 'explore.traceitemattributevaluecontext',
  table: 'explore_traceitemattributevaluecontext',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['attribute_name', 'attribute_type', 'attribute_value', 'item_type', 'organization']],
  fields: [
    ...timestamps(),
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    f('attribute_name', 'CharField'),
    f('attribute_value', 'CharField'),
    f('attribute_type', 'BoundedPositiveIntegerField'),
    f('item_type', 'BoundedPositiveIntegerField'),
    f('brief', 'CharField', { null: true, maxLength: 280 }),
    f('additional_context', 'TextField', { null: true }),
    fk('created_by_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }),
    fk('updated_by_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }),
  ],
});
