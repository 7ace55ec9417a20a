/**
 * A large, realistic instance for benchmarks: organizations with members (users with their
 * emails, options and IPs), teams, projects with keys, options and rules, alert rules and
 * dashboards. About `rows` rows in all; the same `rows` always gives the same database.
 */
import type { Registry } from '../../core/registry/registry.js';
import type { Driver } from '../../db/port.js';
import { addUserEmail } from './exhaustive-users.js';
import { SeedBuilder } from './seed-builder.js';

/** Rows one organization brings (checked by a test against the builder below). */
export const ROWS_PER_ORGANIZATION = 104;
const USERS = 10;
const PROJECTS = 3;

export interface SyntheticOptions {
  /** The Sentry version of the database's schema. */
  readonly registry: Registry;
  readonly rows: number;
  /** Called after each organization. */
  readonly onProgress?: (rowsSoFar: number) => void;
}

export function createSyntheticInstance(driver: Driver, options: SyntheticOptions): ReadonlyMap<string, number> {
  return driver.transaction(() => {
    const seed = new SeedBuilder(driver, { registry: options.registry });
    const organizations = Math.max(1, Math.round(options.rows / ROWS_PER_ORGANIZATION));
    let rows = 0;
    for (let o = 0; o < organizations; o++) {
      createOrganization(seed, o);
      rows += ROWS_PER_ORGANIZATION;
      options.onProgress?.(rows);
    }
    return seed.inserted;
  });
}

function createOrganization(seed: SeedBuilder, o: number): void {
  const slug = `org-${o}`;
  const organization = seed.insert('sentry.organization', { name: `Organization ${o}`, slug });
  seed.insert('sentry.organizationoption', { organization, key: 'sentry:account-rate-limit', value: 100 });
  seed.insert('sentry.organizationoption', { organization, key: 'sentry:require_scrub_data', value: true });
  const teams = [0, 1].map((t) => seed.insert('sentry.team', { organization, slug: `team-${t}`, name: `Team ${t} of ${slug}` }));

  const users: number[] = [];
  for (let u = 0; u < USERS; u++) {
    const username = `user-${o}-${u}`;
    const email = `${username}@example.com`;
    const user = seed.insert('sentry.user', { username, email, name: `User ${u} of ${slug}`, password: 'x' });
    addUserEmail(seed, user, email, true);
    seed.insert('sentry.useroption', { user, key: 'timezone', value: '"Europe/Vienna"' });
    seed.insert('sentry.userip', { user, ip_address: `10.${o % 250}.${u}.1`, country_code: 'AT', region_code: '9' });
    const member = seed.insert('sentry.organizationmember', { organization, user_id: user, role: u === 0 ? 'owner' : 'member', token: null });
    seed.insert('sentry.organizationmemberteam', { team: teams[u % 2] as number, organizationmember: member, is_active: true });
    users.push(user);
  }

  for (let p = 0; p < PROJECTS; p++) {
    const project = seed.insert('sentry.project', { organization, slug: `project-${p}`, name: `Project ${p}`, platform: 'javascript' });
    seed.insert('sentry.projectkey', { project, label: 'Default', public_key: seed.token(32), secret_key: seed.token(32) });
    for (const key of ['sentry:origins', 'sentry:resolve_age', 'sentry:scrub_data']) {
      seed.insert('sentry.projectoption', { project, key, value: key === 'sentry:resolve_age' ? 720 : '"*"' });
    }
    seed.insert('sentry.projectteam', { project, team: teams[p % 2] as number });
    seed.insert('sentry.rule', { project, label: `Rule for project ${p}`, data: { action_match: 'all', actions: [], conditions: [] } });
  }

  const dashboard = seed.insert('sentry.dashboard', { organization, created_by_id: users[0] as number, title: `Dashboard of ${slug}` });
  for (let w = 0; w < 2; w++) {
    const widget = seed.insert('sentry.dashboardwidget', { dashboard, order: w, title: `Widget ${w}`, display_type: 0 });
    seed.insert('sentry.dashboardwidgetquery', { widget, name: 'errors', conditions: 'event.type:error', order: 0, fields: ['count()'] });
  }
  const snubaQuery = seed.insert('sentry.snubaquery', { type: 0, dataset: 'events', query: '', aggregate: 'count()', time_window: 600, resolution: 60 });
  const alertRule = seed.insert('sentry.alertrule', { organization, snuba_query: snubaQuery, name: `Alert of ${slug}`, threshold_period: 1 });
  seed.insert('sentry.alertruletrigger', { alert_rule: alertRule, label: 'critical', alert_threshold: 10.0 });
}
