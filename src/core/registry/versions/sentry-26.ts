/**
 * Sentry 26.9.0 (September 2026), reconstructed from Sentry's model sources: no generated
 * model-dependency files of these versions can be read. Each change cites the upstream file and the
 * commit it was read at, and the first self-hosted release that has it (CalVer, cut mid-month; where
 * only a migration's date or the autumn-2025 tree bounds it, the note says so).
 *
 * The version: self-hosted 26.8.0 shipped in mid-August 2026 (the Helm chart moved to it on
 * 2026-08-18), and the release train's 26.9.0 components were out by mid-September (launchpad's
 * changelog has 26.9.0). Changes whose migrations are dated after that cut (explore formulas and
 * variables, 2026-09-28 and later) belong to 26.10.0 and are left out.
 */
import { exploresavedquery, exploresavedquerylastvisited, exploresavedqueryproject, exploresavedquerystarred, traceitemattributecontext, traceitemattributevaluecontext } from '../v26/explore.js';
import { EXISTING_MODEL_CHANGES } from '../v26/existing-models.js';
import { organizationmemberinvite, organizationmemberreplayaccess } from '../v26/members.js';
import { dataforwarder, dataforwarderproject, projectsdk, repositorysettings } from '../v26/projects.js';
import { groupsearchviewlastvisited, groupsearchviewproject, groupsearchviewstarred, insightsstarredsegment } from '../v26/searches.js';
import { BY_SNAPSHOT, BY_SNAPSHOT_NOTE, EXPLORE_2026, EXPLORE_2026_10, at2025 } from '../v26/sources.js';
import { dataconditionalertruletrigger } from '../v26/workflow-engine.js';
import type { Change, RegistryDelta } from './delta.js';

const bySnapshot = { since: BY_SNAPSHOT, note: BY_SNAPSHOT_NOTE } as const;

const MODELS_ADDED: readonly Change[] = [
  { kind: 'add-model', model: organizationmemberinvite, ...bySnapshot, source: at2025('src/sentry/models/organizationmemberinvite.py') },
  { kind: 'add-model', model: projectsdk, ...bySnapshot, source: at2025('src/sentry/models/projectsdk.py') },
  { kind: 'add-model', model: groupsearchviewproject, ...bySnapshot, source: at2025('src/sentry/models/groupsearchview.py') },
  { kind: 'add-model', model: groupsearchviewlastvisited, ...bySnapshot, source: at2025('src/sentry/models/groupsearchviewlastvisited.py') },
  { kind: 'add-model', model: groupsearchviewstarred, ...bySnapshot, source: at2025('src/sentry/models/groupsearchviewstarred.py') },
  { kind: 'add-model', model: insightsstarredsegment, ...bySnapshot, source: at2025('src/sentry/insights/models.py') },
  { kind: 'add-model', model: dataforwarder, ...bySnapshot, source: at2025('src/sentry/integrations/models/data_forwarder.py') },
  { kind: 'add-model', model: dataforwarderproject, ...bySnapshot, source: at2025('src/sentry/integrations/models/data_forwarder_project.py') },
  {
    kind: 'add-model', model: dataconditionalertruletrigger, ...bySnapshot,
    source: at2025('src/sentry/workflow_engine/models/datacondition_alertruletrigger.py'),
    note: 'takes the place of workflow_engine.alertruletriggerdatacondition (removed below): another table, and the trigger is an id, not a foreign key',
  },
  {
    kind: 'add-model', model: exploresavedquery, since: '25.4.0',
    source: { path: 'src/sentry/explore/models.py', commit: EXPLORE_2026 },
    note: 'explore migration 0001 is dated 2025-03-10 (25.3.0 if merged before that cut); prebuilt and changed-reason fields came later in 2025',
  },
  {
    kind: 'add-model', model: exploresavedqueryproject, since: '25.4.0',
    source: { path: 'src/sentry/explore/migrations/0001_add_explore_saved_query_model.py', commit: 'a0cbcf20eb878ff4f85f35f9b4258e52c8197b55' },
    note: 'created with the saved query (migration dated 2025-03-10)',
  },
  {
    kind: 'add-model', model: exploresavedquerystarred, since: '25.5.0',
    source: { path: 'src/sentry/explore/models.py', commit: EXPLORE_2026 },
    note: 'explore migration 0002, between 2025-03-10 and 2025-05-07: 25.5.0 is an upper bound',
  },
  {
    kind: 'add-model', model: exploresavedquerylastvisited, since: '25.5.0',
    source: { path: 'src/sentry/explore/migrations/0004_add_explore_last_visited_table.py', commit: 'd81926ad2450cf7a1e6478ecd7a9099b55a7ddc5' },
    note: 'migration dated 2025-05-07',
  },
  {
    kind: 'add-model', model: traceitemattributecontext, since: '26.7.0',
    source: { path: 'src/sentry/explore/models.py', commit: EXPLORE_2026_10 },
    note: 'migration 0008 dated 2026-06-17; its last_received column was dropped again (migrations 0010-0011) before 26.9.0',
  },
  {
    kind: 'add-model', model: traceitemattributevaluecontext, since: '26.7.0',
    source: { path: 'src/sentry/explore/migrations/0009_add_trace_item_attribute_value_context.py', commit: '3be9d7ee113c339e5521ec390f3aa7d90bce2faf' },
    note: 'migration dated 2026-06-17; fields as in explore/models.py@1c658484: project and last_received dropped by migrations 0010-0013 (0013 dated 2026-08-25)',
  },
  {
    kind: 'add-model', model: organizationmemberreplayaccess, since: '25.12.0',
    source: { path: 'src/sentry/replays/models.py', commit: '2c9325ae35efe81362173b3f0c04419774c0d8a2' },
    note: 'replays migration 0007 dated 2025-12-02; model of the replays app on the sentry_ table',
  },
  {
    kind: 'add-model', model: repositorysettings, ...bySnapshot,
    source: { path: 'src/sentry/models/repositorysettings.py', commit: '0deaddfde04c1956a0d78fe18ceb1b67ae46758f' },
    note: 'Global scope; fields as read in the 2026 (cell-silo) file, whose timestamps older versions lack; first release not established',
  },
];

const MODELS_RENAMED_OR_REMOVED: readonly Change[] = [
  {
    kind: 'rename-model', from: 'sentry.monitor', to: 'monitors.monitor', since: '25.4.0',
    source: at2025('src/sentry/monitors/models.py', 88843),
    note: 'app_label moved from sentry to monitors; same table sentry_monitor (the PR is of 2025-04-04)',
  },
  {
    kind: 'remove-model', model: 'workflow_engine.alertruletriggerdatacondition', ...bySnapshot,
    source: at2025('src/sentry/workflow_engine/models/__init__.py'),
    note: 'no longer a model; replaced by workflow_engine.dataconditionalertruletrigger (another table)',
  },
  {
    kind: 'remove-model', model: 'workflow_engine.workflowgroupstatus', ...bySnapshot,
    source: at2025('src/sentry/workflow_engine/models/__init__.py'),
    note: 'no longer a model (the Excluded WorkflowActionGroupStatus took its role)',
  },
  {
    kind: 'remove-model', model: 'sentry.datasecrecywaiver', ...bySnapshot,
    source: at2025('src/sentry/models/__init__.py'),
    note: 'its module is no longer imported by the models package',
  },
  {
    kind: 'remove-model', model: 'sentry.projectintegration', ...bySnapshot,
    source: at2025('src/sentry/integrations/models/__init__.py'),
    note: 'still named in __all__ but its module is no longer imported',
  },
  {
    kind: 'remove-model', model: 'sentry.neglectedrule', since: '26.5.0',
    source: { path: 'src/sentry/migrations/1082_drop_neglectedrule_table.py', commit: '384842e24bc4f00823d5841965f1f9194d2c1b33' },
    note: 'table dropped by a migration dated 2026-05-06',
  },
];

export const SENTRY_26_DELTA: RegistryDelta = {
  version: '26.9.0',
  description: 'Sentry of September 2026, reconstructed from upstream model sources of 2025-2026 (not verified against generated files)',
  schemaVersion: 'sentry-26.9.0/schema-1',
  changes: [...MODELS_RENAMED_OR_REMOVED, ...MODELS_ADDED, ...EXISTING_MODEL_CHANGES],
};
