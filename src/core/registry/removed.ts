/**
 * What older Sentry versions exported and this registry's version no longer has. An import drops
 * these (and lists them in its report) instead of failing: a backup from before an upgrade must
 * still restore. A model name outside these lists and outside the registry is dropped too when its
 * app is one Sentry has; a name from no known app is an error (a typo, or not a Sentry file).
 */
import { MODELS } from './index.js';

/** Models Sentry removed before the registry's version, and when. */
export const REMOVED_MODELS: readonly string[] = [
  'sentry.actor', // replaced by owner_team / owner_user_id style fields (24.5)
  'sentry.alertruleexcludedprojects', // removed mid 2024
  'sentry.alertruletriggerexclusion', // removed mid 2024
  'sentry.incidentsubscription', // removed late 2024 (migrations 0800-0801)
  'sentry.spanattributeextractionruleconfig', // short-lived, in 24.7.0 only
  'sentry.spanattributeextractionrulecondition',
];

/** Fields Sentry removed from models it kept, as `model.field`. */
export const REMOVED_FIELDS: readonly string[] = [
  'sentry.alertrule.owner', // became team + user_id
  'sentry.alertrule.include_all_projects', // migration 0794
  'sentry.rule.owner', // became owner_team + owner_user_id
  'sentry.team.actor',
  'sentry.team.org_role',
  'sentry.user.is_suspended', // in Sentry's older user fixtures
];

/**
 * App labels whose models an export may hold: the registry's own, plus the Django apps Sentry
 * installs whose rows old exports carried (`sites.site` in 23.7).
 */
export const KNOWN_APP_LABELS: ReadonlySet<string> = new Set([
  ...MODELS.map((entry) => entry.name.slice(0, entry.name.indexOf('.'))),
  'sites', 'auth', 'contenttypes', 'sessions',
]);

/** A name shaped like Sentry's normalized model names: `app_label.modelname`, lower case. */
export const MODEL_NAME_SHAPE = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;
