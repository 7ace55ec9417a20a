/**
 * Workflow-engine lookups as of late 2025: the legacy alert-rule side is a plain integer id (no
 * foreign key to sentry.alertrule / sentry.rule / sentry.alertruletrigger any more).
 */
import { defineModel, f, fk, now } from '../define.js';

export const dataconditionalertruletrigger = defineModel({
  model: 'workflow_engine.dataconditionalertruletrigger',
  table: 'workflow_engine_dataconditionalertruletrigger',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['alert_rule_trigger_id', 'data_condition']],
  fields: [
    f('date_updated', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { default: now }),
    // The legacy trigger's id, kept as a number: no graph edge.
    f('alert_rule_trigger_id', 'BoundedBigIntegerField', { null: true }),
    fk('data_condition', 'workflow_engine.datacondition', 'FlexibleForeignKey'),
  ],
});
