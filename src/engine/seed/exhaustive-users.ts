/**
 * Users and instance-wide configuration, as Sentry's `create_exhaustive_user` and
 * `create_exhaustive_global_configs` build them.
 */
import type { SeedBuilder } from './seed-builder.js';

export interface ExhaustiveUserOptions {
  readonly email?: string;
  /** A user with the `users.admin` permission and the `test-admin-role` role. */
  readonly isAdmin?: boolean;
  readonly isStaff?: boolean;
  readonly isSuperuser?: boolean;
}

const PASSWORD = 'pbkdf2_sha256$260000$Yn5jJXtnpQYtDvWEBRkNZK$cNcVqHBVA9FdXrZgDoT5Gp4x2aUhqd5QG7uzKRNo5eQ=';

/** A user with its email, a timezone option, an IP and an authenticator (and admin rights if asked). */
export function createExhaustiveUser(seed: SeedBuilder, username: string, options: ExhaustiveUserOptions = {}): number {
  const email = options.email ?? (username.includes('@') ? username : `${username}@example.com`);
  const user = seed.insert('sentry.user', {
    username,
    email,
    name: username,
    password: PASSWORD,
    is_staff: options.isStaff ?? false,
    is_superuser: options.isSuperuser ?? false,
    is_managed: false,
    is_active: true,
    last_login: seed.now(),
    last_active: seed.now(),
    last_password_change: seed.now(),
  });
  addUserEmail(seed, user, email, true);
  seed.insert('sentry.useroption', { user, key: 'timezone', value: '"Europe/Vienna"' });
  seed.insert('sentry.userip', {
    user,
    ip_address: '127.0.0.2',
    country_code: 'US',
    region_code: 'CA',
    first_seen: '2012-04-05T03:29:45.000Z',
    last_seen: '2012-04-05T03:29:45.000Z',
  });
  seed.insert('sentry.authenticator', { user, type: 1, config: '""', last_used_at: seed.now() });
  if (options.isAdmin) makeAdmin(seed, user);
  return user;
}

/** The Email row (shared by every user with that address) and the user's UserEmail. */
export function addUserEmail(seed: SeedBuilder, user: number, email: string, verified: boolean): number {
  // Sentry 26.6 and later keep no Email rows in an export (the model is Excluded there).
  if (seed.has('sentry.email')) seed.getOrInsert('sentry.email', 'email', { email });
  return seed.insert('sentry.useremail', { user, email, is_verified: verified, validation_hash: seed.token(32) });
}

function makeAdmin(seed: SeedBuilder, user: number): void {
  seed.insert('sentry.userpermission', { user, permission: 'users.admin' });
  const role = seed.getOrInsert('sentry.userrole', 'name', { name: 'test-admin-role', permissions: ['users.admin'] });
  seed.insert('sentry.userroleuser', { user, role });
}

/** Options, a relay and its usage, and a user's own (application-less, so Config) token. */
export function createExhaustiveGlobalConfigs(seed: SeedBuilder, owner: number): void {
  seed.insert('sentry.option', { key: 'foo', value: '"a"' });
  seed.insert('sentry.controloption', { key: 'bar', value: '"b"' });
  const relayId = seed.uuid();
  const publicKey = 'R5plTk_A2speVDjIQUXC843SbZEjkNh59EFdMsbAIpo';
  seed.insert('sentry.relay', { relay_id: relayId, public_key: publicKey, is_internal: true });
  seed.insert('sentry.relayusage', { relay_id: relayId, version: '0.0.1', public_key: publicKey });
  seed.insert('sentry.apiauthorization', { user: owner, application: null, scope_list: ['org:read'] });
  seed.insert('sentry.apitoken', {
    user: owner,
    application: null,
    token: seed.token(64),
    hashed_token: seed.token(64),
    token_last_characters: 'abcd',
    scope_list: ['org:read'],
    name: 'personal token',
  });
}
