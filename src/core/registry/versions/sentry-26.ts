/**
 * Sentry of 2025–2026, reconstructed from Sentry's model sources (no generated model-dependency
 * files of these versions can be read): the changes since the verified base, each citing the
 * upstream file and commit it was read from and the first self-hosted release that has it.
 */
import { f, fk } from '../define.js';
import type { RegistryDelta } from './delta.js';

export const SENTRY_26_DELTA: RegistryDelta = {
  version: '26.8.0',
  description: 'Sentry of August 2026, reconstructed from upstream model sources of 2025-2026 (not verified against generated files)',
  schemaVersion: 'sentry-26.8.0/schema-1',
  changes: [
    {
      kind: 'rename-model', from: 'sentry.monitor', to: 'monitors.monitor', since: '25.4.0',
      source: { path: 'src/sentry/monitors/models.py', commit: '409389f707e5bd631286c51d3cc7644f59950490', pr: 88843 },
      note: 'app_label moved from sentry to monitors; same table sentry_monitor',
    },
    {
      kind: 'change-field', model: 'sentry.organizationmember', since: '25.2.0',
      field: f('user_email', 'CharField', { null: true, maxLength: 200 }),
      source: { path: 'src/sentry/models/organizationmember.py', commit: '57915b5d48ce6aaf45bb1d6cd66e717def85e4fd' },
      note: 'max_length 75 -> 200',
    },
    {
      kind: 'set-scope', model: 'sentry.email', scope: 'Excluded', since: '26.6.0',
      source: { path: 'src/sentry/models/email.py', commit: '024b89eb', pr: 116226 },
      note: 'Email rows are no longer relocated; the UserEmail signals recreate them',
    },
    {
      kind: 'add-field', model: 'sentry.dashboardfavoriteuser', after: 'dashboard', since: '25.6.0',
      field: fk('organization', 'sentry.organization', 'FlexibleForeignKey', { null: true }),
      source: { path: 'src/sentry/testutils/helpers/backups.py', commit: '024b89eb' },
    },
  ],
};
