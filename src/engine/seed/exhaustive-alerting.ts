/**
 * An organization's alerting and dashboards, as Sentry's exhaustive helper makes them: issue
 * rules, a cron monitor, a metric alert rule with its trigger, action and incident, dashboards,
 * notification actions, and the workflow-engine rows that mirror the alert rule.
 */
import { PyFloat } from '../../core/json/python-json.js';
import type { SeedBuilder } from './seed-builder.js';

export interface AlertingParents {
  readonly organization: number;
  readonly owner: number;
  readonly project: number;
  readonly team: number;
  readonly environment: number;
  readonly integration: number;
}

export function createExhaustiveAlerting(seed: SeedBuilder, parents: AlertingParents): void {
  const { organization, owner, project, team, environment, integration } = parents;

  const rule = seed.insert('sentry.rule', {
    project,
    environment_id: environment,
    label: 'Test Rule',
    data: { conditions: [{ id: 'sentry.rules.conditions.first_seen_event.FirstSeenEventCondition' }], action_match: 'all', frequency: 30 },
    owner_team: team,
  });
  seed.insert('sentry.ruleactivity', { rule, user_id: owner, type: 1 });
  seed.insert('sentry.rulesnooze', { rule, owner_id: owner, user_id: owner, until: seed.now() });
  // Neglected rules went in 2026.
  if (seed.has('sentry.neglectedrule')) seed.insert('sentry.neglectedrule', { rule, organization, disable_date: seed.now(), opted_out: true });
  seed.insert('sentry.monitor', {
    organization_id: organization,
    project_id: project,
    slug: 'test-monitor',
    name: 'Test Monitor',
    owner_user_id: owner,
    config: { schedule: '* * * * *', schedule_type: 1 },
  });

  const snubaQuery = seed.insert('sentry.snubaquery', {
    environment, type: 0, dataset: 'events', query: 'level:error', aggregate: 'count()', time_window: 600, resolution: 60,
  });
  seed.insert('sentry.snubaqueryeventtype', { snuba_query: snubaQuery, type: 1 });
  const subscription = seed.insert('sentry.querysubscription', {
    project, snuba_query: snubaQuery, type: 'incidents', status: 0, subscription_id: `1/${seed.token(32)}`, query_extra: 'release:1.0',
  });
  const alertRule = seed.insert('sentry.alertrule', {
    organization, snuba_query: snubaQuery, user_id: owner, name: 'Test Alert', threshold_type: 0, resolve_threshold: 1.5,
    threshold_period: 1, comparison_delta: 60, description: 'an alert rule with everything set', sensitivity: 'high', seasonality: 'auto',
  });
  seed.insert('sentry.alertruleprojects', { alert_rule: alertRule, project });
  seed.insert('sentry.alertruleactivity', { alert_rule: alertRule, user_id: owner, type: 1 });
  seed.insert('sentry.alertruleactivationcondition', { alert_rule: alertRule, label: 'activation', condition_type: 0 });
  const trigger = seed.insert('sentry.alertruletrigger', { alert_rule: alertRule, label: 'critical', alert_threshold: 100.0, threshold_type: 0 });
  seed.insert('sentry.alertruletriggeraction', {
    alert_rule_trigger: trigger, integration_id: integration, type: 1, target_type: 0, target_identifier: '#alerts', target_display: 'alerts',
  });

  const incident = seed.insert('sentry.incident', {
    organization, alert_rule: alertRule, identifier: 1, detection_uuid: seed.uuid(), type: 2, title: 'Test Incident',
    date_closed: seed.now(), subscription,
  });
  seed.insert('sentry.incidentactivity', { incident, user_id: owner, type: 1, value: '2', previous_value: '1', comment: 'hello', notification_uuid: seed.uuid() });
  const timeSeries = seed.insert('sentry.timeseriessnapshot', {
    // Python floats, as Sentry's helper writes them (and PostgreSQL's double precision reads them back).
    start: seed.now(), end: seed.now(), period: 1, values: [[1, 2, 3], [1.5, 2.5, 3.5]].map((row) => row.map((value) => new PyFloat(value))),
  });
  seed.insert('sentry.incidentsnapshot', { incident, event_stats_snapshot: timeSeries, unique_users: 1, total_events: 1 });
  seed.insert('sentry.incidenttrigger', { incident, alert_rule_trigger: trigger, status: 1 });
  seed.insert('sentry.pendingincidentsnapshot', { incident });

  const dashboard = seed.insert('sentry.dashboard', { organization, created_by_id: owner, title: 'Dashboard 1 for test-org', filters: { release: ['1.0'] } });
  const widget = seed.insert('sentry.dashboardwidget', { dashboard, order: 1, title: 'Test Widget', display_type: 0, widget_type: 0, limit: 5, interval: '5m' });
  const widgetQuery = seed.insert('sentry.dashboardwidgetquery', {
    widget, name: 'Test Query', fields: ['count()'], conditions: 'event.type:error', aggregates: ['count()'], columns: [], order: 1,
  });
  seed.insert('sentry.dashboardwidgetqueryondemand', { dashboard_widget_query: widgetQuery, spec_hashes: ['abc'], spec_version: 1, extraction_state: 'enabled:manual' });
  seed.insert('sentry.dashboardtombstone', { organization, slug: 'test-tombstone-in-test-org' });
  const permissions = seed.insert('sentry.dashboardpermissions', { dashboard, is_editable_by_everyone: false });
  seed.insert('sentry.dashboardpermissionsteam', { permissions, team });
  const favourite = { dashboard, user_id: owner };
  // Favourites are per organization (and ordered) in newer versions.
  seed.insert('sentry.dashboardfavoriteuser', seed.hasField('sentry.dashboardfavoriteuser', 'organization') ? { ...favourite, organization, position: 0 } : favourite);

  const action = seed.insert('sentry.notificationaction', { organization, type: 0, target_type: 0, trigger_type: 0, target_identifier: 'me', target_display: 'Me' });
  seed.insert('sentry.notificationactionproject', { action, project });

  createWorkflowEngine(seed, { organization, owner, project, team, environment, alertRule, rule, trigger });
}

interface WorkflowParents {
  readonly organization: number;
  readonly owner: number;
  readonly project: number;
  readonly team: number;
  readonly environment: number;
  readonly alertRule: number;
  readonly rule: number;
  readonly trigger: number;
}

function createWorkflowEngine(seed: SeedBuilder, parents: WorkflowParents): void {
  const { organization, owner, project, team, environment, alertRule, rule, trigger } = parents;
  const whenGroup = seed.insert('workflow_engine.dataconditiongroup', { organization, logic_type: 'any' });
  const detectorGroup = seed.insert('workflow_engine.dataconditiongroup', { organization, logic_type: 'all' });
  const condition = seed.insert('workflow_engine.datacondition', { condition_group: whenGroup, type: 'eq', comparison: 75, condition_result: true });
  const workflow = seed.insert('workflow_engine.workflow', {
    organization, name: 'workflow', owner_user_id: owner, when_condition_group: whenGroup, environment, created_by_id: owner, config: { frequency: 5 },
  });
  seed.insert('workflow_engine.workflowdataconditiongroup', { workflow, condition_group: seed.insert('workflow_engine.dataconditiongroup', { organization }) });
  const detector = seed.insert('workflow_engine.detector', {
    organization, project, name: 'detector', type: 'metric_alert_fire', owner_team: team, workflow_condition_group: detectorGroup,
    created_by_id: owner, description: 'a detector',
  });
  seed.insert('workflow_engine.detectorworkflow', { detector, workflow });
  const dataSource = seed.insert('workflow_engine.datasource', { organization, query_id: 1, type: 'snuba_query_subscription' });
  seed.insert('workflow_engine.datasourcedetector', { data_source: dataSource, detector });
  if (!seed.has('workflow_engine.dataconditionalertruletrigger')) {
    seed.insert('workflow_engine.alertruledetector', { alert_rule: alertRule, detector });
    seed.insert('workflow_engine.alertruleworkflow', { rule, workflow });
    seed.insert('workflow_engine.alertruletriggerdatacondition', { alert_rule_trigger: trigger, data_condition: condition });
    // Its group is an Excluded model, so Sentry never exports this row; it exists for coverage.
    seed.insert('workflow_engine.workflowgroupstatus', { workflow, group: 1 });
    return;
  }
  // Since 2025 the legacy side of these lookups is a plain id, not a foreign key.
  seed.insert('workflow_engine.alertruledetector', { alert_rule_id: alertRule, detector });
  seed.insert('workflow_engine.alertruleworkflow', { rule_id: rule, workflow });
  seed.insert('workflow_engine.dataconditionalertruletrigger', { alert_rule_trigger_id: trigger, data_condition: condition });
}
