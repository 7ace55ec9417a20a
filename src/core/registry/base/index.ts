/**
 * The verified base: Sentry as of upstream commit 3f5fd083 (January 2025, released as self-hosted
 * 25.1.0), whose `fixtures/backup/model_dependencies/` files `relocate model-dependencies`
 * reproduces byte for byte. One file per model family; the Excluded models are graph nodes only.
 */
import type { Removal, Upstream } from '../registry.js';
import type { ModelEntry } from '../types.js';
import * as alertRules from './alert-rules.js';
import * as config from './config.js';
import * as dashboards from './dashboards.js';
import * as engineTables from './engine-tables.js';
import { graphOnlyModels } from './graph-only.js';
import * as incidents from './incidents.js';
import * as integrations from './integrations.js';
import * as monitors from './monitors.js';
import * as organizations from './organizations.js';
import * as projects from './projects.js';
import * as rules from './rules.js';
import * as sentryApps from './sentry-apps.js';
import * as users from './users.js';
import * as workflowEngine from './workflow-engine.js';

/** The upstream commit whose `fixtures/backup/model_dependencies/` the base reproduces. */
export const BASE_COMMIT = '3f5fd083cfb0f7f6822c654eef5b1cc429366c01';

export const BASE_SOURCES: readonly Upstream[] = [
  { path: 'fixtures/backup/model_dependencies/detailed.json', commit: BASE_COMMIT },
  { path: 'tests/sentry/backup/snapshots/test_comparators/test_default_comparators.pysnap', commit: '85b647469f0ddcff73df523dd3e8783b63e18f65' },
];

const families: readonly Readonly<Record<string, ModelEntry>>[] = [
  users, config, organizations, projects, alertRules, rules, incidents, dashboards, monitors,
  integrations, sentryApps, workflowEngine, engineTables,
];

export const BASE_MODELS: readonly ModelEntry[] = [...families.flatMap((family) => Object.values(family)), ...graphOnlyModels];

/**
 * Models older Sentry versions exported and the base no longer has. An import drops their rows and
 * lists them in its report; `until` is the first release without them, where the release snapshots
 * show it.
 */
export const BASE_REMOVED_MODELS: ReadonlyMap<string, Removal> = new Map([
  ['sentry.actor', { until: '24.5.0', note: 'replaced by owner_team / owner_user_id style fields' }],
  ['sentry.alertruleexcludedprojects', { note: 'removed with AlertRule.include_all_projects (mid/late 2024)' }],
  ['sentry.alertruletriggerexclusion', { note: 'removed mid/late 2024' }],
  ['sentry.incidentsubscription', { note: 'removed late 2024 (migrations 0800-0801)' }],
  ['sentry.spanattributeextractionruleconfig', { until: '24.8.0', note: 'short-lived, in 24.7.0 only' }],
  ['sentry.spanattributeextractionrulecondition', { until: '24.8.0', note: 'short-lived, in 24.7.0 only' }],
  // Django's sites framework: Sentry's backup before relocation scopes (23.7) exported its one row
  // (fixtures/backup/23.7.1.json); the 23.9.1 snapshot has none, and newer importers fail on it
  // ("'Site' object has no attribute 'get_possible_relocation_scopes'", self-hosted#2424).
  ['sites.site', { note: "Django's sites framework row, which Sentry's backup exported before relocation scopes (23.7)", outsideRelocation: true }],
]);

/** Fields Sentry removed from models the base kept, as `model.field`. */
export const BASE_REMOVED_FIELDS: ReadonlyMap<string, Removal> = new Map([
  ['sentry.alertrule.owner', { note: 'became team + user_id' }],
  ['sentry.alertrule.include_all_projects', { note: 'migration 0794' }],
  ['sentry.rule.owner', { note: 'became owner_team + owner_user_id' }],
  ['sentry.team.actor', { until: '24.5.0', note: 'removed with sentry.actor' }],
  ['sentry.team.org_role', { note: 'removed in 2024' }],
  ['sentry.user.is_suspended', { note: "in Sentry's older user fixtures" }],
]);
