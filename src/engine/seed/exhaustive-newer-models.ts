/**
 * The rows Sentry's late-2025/2026 exhaustive helper adds for models newer than the verified base:
 * SDK versions, issue-view stars, projects and visits, Explore queries and attribute context,
 * Insights stars, data forwarders, replay access and repository settings. Each is made only where
 * the database's Sentry version has the model, so older versions' instances stay as they were.
 */
import type { SeedBuilder } from './seed-builder.js';

export interface NewerModelParents {
  readonly organization: number;
  readonly owner: number;
  readonly project: number;
  /** The member (an OrganizationMember row) who gets replay access. */
  readonly member: number;
  readonly groupSearchView: number;
  readonly repository: number;
}

export function createExhaustiveNewerModels(seed: SeedBuilder, parents: NewerModelParents): void {
  const { organization, owner, project, member, groupSearchView, repository } = parents;
  if (seed.has('sentry.projectsdk')) {
    // EventType.PROFILE_CHUNK
    seed.insert('sentry.projectsdk', { project, event_type: 1, sdk_name: 'sentry.python', sdk_version: '2.41.0' });
  }
  if (seed.has('sentry.groupsearchviewproject')) {
    seed.insert('sentry.groupsearchviewproject', { group_search_view: groupSearchView, project });
    seed.insert('sentry.groupsearchviewlastvisited', { organization, user_id: owner, group_search_view: groupSearchView, last_visited: seed.now() });
    seed.insert('sentry.groupsearchviewstarred', { organization, user_id: owner, group_search_view: groupSearchView, position: 0 });
  }
  if (seed.has('insights.insightsstarredsegment')) {
    seed.insert('insights.insightsstarredsegment', { organization, user_id: owner, project, segment_name: 'test_transaction' });
  }
  if (seed.has('explore.exploresavedquery')) createExplore(seed, parents);
  if (seed.has('sentry.dataforwarder')) {
    const forwarder = seed.insert('sentry.dataforwarder', {
      organization, provider: 'segment', enroll_new_projects: true, config: { write_key: 'a-segment-write-key' },
    });
    seed.insert('sentry.dataforwarderproject', { data_forwarder: forwarder, project, is_enabled: false, overrides: { write_key: 'a-project-write-key' } });
  }
  if (seed.has('replays.organizationmemberreplayaccess')) {
    seed.insert('replays.organizationmemberreplayaccess', { organizationmember: member });
  }
  if (seed.has('sentry.repositorysettings')) {
    seed.insert('sentry.repositorysettings', { repository, enabled_code_review: true, code_review_triggers: ['on_new_commit', 'on_ready_for_review'] });
  }
}

function createExplore(seed: SeedBuilder, parents: NewerModelParents): void {
  const { organization, owner, project } = parents;
  const query = seed.insert('explore.exploresavedquery', {
    organization, created_by_id: owner, name: 'saved query', query: { query: [{ fields: ['span.op'], mode: 'samples' }] },
    changed_reason: { columns: ['a column Explore does not have'] },
  });
  seed.insert('explore.exploresavedqueryproject', { project, explore_saved_query: query });
  seed.insert('explore.exploresavedquerystarred', { organization, user_id: owner, explore_saved_query: query, position: 0 });
  seed.insert('explore.exploresavedquerylastvisited', { organization, user_id: owner, explore_saved_query: query, last_visited: seed.now() });
  if (!seed.has('explore.traceitemattributecontext')) return;
  // One project-scoped attribute and one for the whole organization: both partial unique sets in use.
  const attribute = {
    organization, item_type: 0, attribute_type: 0, brief: 'The HTTP method', additional_context: 'Upper case.', created_by_id: owner, updated_by_id: owner,
  };
  seed.insert('explore.traceitemattributecontext', { ...attribute, project, attribute_key: 'http.method', examples: ['GET', 'POST'] });
  seed.insert('explore.traceitemattributecontext', { ...attribute, project: null, attribute_key: 'http.method', examples: [] });
  seed.insert('explore.traceitemattributevaluecontext', {
    organization, attribute_name: 'metric.name', attribute_value: 'my.counter', attribute_type: 0, item_type: 2, brief: 'Requests served', created_by_id: owner,
  });
}
