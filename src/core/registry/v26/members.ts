/**
 * Organization membership models Sentry added after 25.1.0: invites kept apart from members (each
 * invite holds a placeholder member with neither user nor email), and who may see replays.
 */
import { call, defineModel, f, fk, list, now } from '../define.js';
import { organizationMemberInviteImport } from '../organizations-import.js';

export const organizationmemberinvite = defineModel({
  model: 'sentry.organizationmemberinvite',
  table: 'sentry_organizationmemberinvite',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['email', 'organization'], ['token']],
  rules: { import: organizationMemberInviteImport },
  fields: [
    // DefaultFieldsModel.
    f('date_updated', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { default: now }),
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    // The placeholder member the invite stands behind until it is accepted.
    fk('organization_member', 'sentry.organizationmember', 'FlexibleForeignKey'),
    fk('inviter_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }),
    // InviteStatus.APPROVED
    f('invite_status', 'PositiveSmallIntegerField', { default: 0 }),
    f('email', 'EmailField', { maxLength: 75 }),
    f('role', 'CharField', { maxLength: 32, default: 'member' }),
    f('organization_member_team_data', 'JSONField', { default: list }),
    // 32 random bytes as hex; unique, so a colliding one is re-minted on import.
    f('token', 'CharField', { maxLength: 64, default: call('generate_token') }),
    // Thirty days after creation.
    f('token_expires_at', 'DateTimeField', { default: call('default_expiration') }),
    // One boolean per member flag.
    f('sso_linked', 'BooleanField', { default: false }),
    f('sso_invalid', 'BooleanField', { default: false }),
    f('member_limit_restricted', 'BooleanField', { default: false }),
    f('idp_provisioned', 'BooleanField', { default: false }),
    f('idp_role_restricted', 'BooleanField', { default: false }),
    f('partnership_restricted', 'BooleanField', { default: false }),
  ],
});

export const organizationmemberreplayaccess = defineModel({
  model: 'replays.organizationmemberreplayaccess',
  table: 'sentry_organizationmemberreplayaccess',
  silos: ['Region'],
  scope: 'Organization',
  // One row per member: the member may see replays once its organization restricts them.
  uniques: [['organizationmember']],
  fields: [
    f('date_updated', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { default: now }),
    fk('organizationmember', 'sentry.organizationmember', 'FlexibleForeignKey'),
  ],
});
