/**
 * A sentry app as Sentry's `create_exhaustive_sentry_app` makes it: the app with its OAuth
 * application and proxy user, an installation in the organization, a UI component, the
 * authorization, token and grant bound to the app, a service hook and an app-bound action.
 */
import type { SeedBuilder } from './seed-builder.js';
import { addUserEmail } from './exhaustive-users.js';

export function createExhaustiveSentryApp(seed: SeedBuilder, name: string, owner: number, organization: number, project: number): number {
  const slug = name.toLowerCase().replaceAll(' ', '-');
  const application = seed.insert('sentry.apiapplication', {
    owner, name, client_id: seed.token(64), client_secret: seed.token(64), redirect_uris: 'https://example.com/callback',
    allowed_origins: 'https://example.com', homepage_url: 'https://example.com',
  });
  const proxyEmail = `${slug}-proxy@proxy-user.sentry.io`;
  const proxyUser = seed.insert('sentry.user', { username: `${slug}-proxy`, email: proxyEmail, name: '', password: '', is_sentry_app: true });
  // Sentry's signals give every new user its address, as they do here on import.
  addUserEmail(seed, proxyUser, proxyEmail, false);
  const sentryApp = seed.insert('sentry.sentryapp', {
    application, proxy_user: proxyUser, owner_id: organization, creator_user: owner, name, slug, scope_list: ['org:read'],
    events: ['issue'], webhook_url: 'https://example.com/webhook', author: 'Sentry', overview: 'an app',
    schema: { elements: [{ type: 'alert-rule-action', title: 'Create Task', settings: { type: 'alert-rule-settings', uri: '/sentry/alert-rule', required_fields: [] } }] },
  });
  seed.insert('sentry.sentryappcomponent', { sentry_app: sentryApp, type: 'alert-rule-action', schema: { type: 'alert-rule-action', title: 'Create Task' } });
  seed.insert('sentry.apiauthorization', { application, user: owner, scope_list: ['org:read'] });
  const grant = seed.insert('sentry.apigrant', { user: proxyUser, application, redirect_uri: 'https://example.com/callback', scope_list: ['openid', 'profile', 'email'] });
  const token = seed.insert('sentry.apitoken', {
    application, user: proxyUser, token: seed.token(64), hashed_token: seed.token(64), refresh_token: seed.token(64),
    hashed_refresh_token: seed.token(64), token_last_characters: 'wxyz', scope_list: ['org:read'],
  });
  const installation = seed.insert('sentry.sentryappinstallation', { sentry_app: sentryApp, organization_id: organization, api_grant: grant, api_token: token, status: 1 });
  seed.insert('sentry.servicehook', {
    application_id: application, installation_id: installation, project_id: project, organization_id: organization, actor_id: installation,
    url: 'https://example.com/hook', events: ['event.created'], guid: seed.token(32), secret: seed.token(64),
  });
  seed.insert('sentry.notificationactionproject', {
    project,
    action: seed.insert('sentry.notificationaction', { organization, sentry_app_id: sentryApp, type: 3, target_type: 3, trigger_type: 0, target_identifier: '1' }),
  });
  return sentryApp;
}
