/**
 * What makes a database relocate made look like one Sentry made: Sentry's own column types where
 * they differ from relocate's (its legacy JSONField keeps JSON in text, an ArrayField of
 * varchar, an integer id of an older table, a column relocate does not know), and no relocate_* table.
 */
import { REGISTRY } from './registry.js';

export function sentryTypes(): string[] {
  const json = REGISTRY.stored.flatMap((entry) => entry.fields
    .filter((field) => field.class === 'JSONField')
    .map((field) => `ALTER TABLE "${entry.table}" ALTER COLUMN "${field.column}" DROP DEFAULT, ALTER COLUMN "${field.column}" TYPE text USING "${field.column}"::text`));
  return [
    ...json,
    'ALTER TABLE "sentry_userrole" ALTER COLUMN "permissions" TYPE character varying(255)[]',
    'ALTER TABLE "sentry_option" ALTER COLUMN "id" TYPE integer',
    'ALTER TABLE "auth_user" ADD COLUMN "sentry_only" boolean NOT NULL DEFAULT false',
    'DROP TABLE "relocate_meta"',
    'DROP TABLE "relocate_kept_rows"',
    'DROP TABLE "relocate_kept_fields"',
  ];
}
