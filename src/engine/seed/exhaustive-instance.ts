/**
 * The whole exhaustive instance (Sentry's `create_exhaustive_instance`): a superadmin, the owner
 * and member of `test-org`, three users who accepted invites and three pending invites, the
 * organization with everything, a sentry app, and the instance-wide configuration. Every
 * exportable model gets at least one row.
 */
import type { Driver } from '../../db/port.js';
import { createExhaustiveOrganization } from './exhaustive-organization.js';
import { createExhaustiveSentryApp } from './exhaustive-sentry-app.js';
import { createExhaustiveGlobalConfigs, createExhaustiveUser } from './exhaustive-users.js';
import { SeedBuilder } from './seed-builder.js';
import type { SeedBuilderOptions } from './seed-builder.js';

export interface ExhaustiveInstance {
  readonly users: Readonly<Record<string, number>>;
  readonly organization: number;
  readonly inserted: ReadonlyMap<string, number>;
}

export interface ExhaustiveInstanceOptions extends SeedBuilderOptions {
  /** Make the superadmin staff, superuser and admin (Sentry's `is_superadmin=True`). */
  readonly isSuperadmin?: boolean;
}

export function createExhaustiveInstance(driver: Driver, options: ExhaustiveInstanceOptions): ExhaustiveInstance {
  return driver.transaction(() => {
    const seed = new SeedBuilder(driver, options);
    const admin = options.isSuperadmin ?? true;
    const superadmin = createExhaustiveUser(seed, 'superadmin', { isAdmin: admin, isStaff: admin, isSuperuser: admin });
    const owner = createExhaustiveUser(seed, 'owner');
    const member = createExhaustiveUser(seed, 'member');
    const invitedBySuperadmin = createExhaustiveUser(seed, 'added-by-superadmin-not-in-org');
    const invitedByOwner = createExhaustiveUser(seed, 'added-by-org-owner');
    const invitedByMember = createExhaustiveUser(seed, 'added-by-org-member');
    const { organization, project } = createExhaustiveOrganization(seed, {
      slug: 'test-org',
      owner,
      member,
      pendingInvites: new Map([
        [superadmin, 'invited-by-superadmin-not-in-org@example.com'],
        [owner, 'invited-by-org-owner@example.com'],
        [member, 'invited-by-org-member@example.com'],
      ]),
      acceptedInvites: new Map([
        [superadmin, [invitedBySuperadmin]],
        [owner, [invitedByOwner]],
        [member, [invitedByMember]],
      ]),
    });
    createExhaustiveSentryApp(seed, 'test app', owner, organization, project);
    createExhaustiveGlobalConfigs(seed, owner);
    return {
      users: { superadmin, owner, member, invitedBySuperadmin, invitedByOwner, invitedByMember },
      organization,
      inserted: seed.inserted,
    };
  });
}
