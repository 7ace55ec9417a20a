import { defineModel, dict, f, fk, now } from '../define.js';

// Every model here extends DefaultFieldsModel, whose date_updated (auto_now) and date_added
// (auto_now_add) come first and are stamped by Sentry on save; `now` stands for that.

export const wf_alertruledetector = defineModel({
  model: 'workflow_engine.alertruledetector',
  table: 'workflow_engine_alertruledetector',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['alert_rule', 'detector'], ['detector', 'rule']],
  fields: [
    f('date_updated', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { default: now }),
    fk('alert_rule', 'sentry.alertrule', 'FlexibleForeignKey', { null: true }),
    fk('rule', 'sentry.rule', 'FlexibleForeignKey', { null: true }),
    fk('detector', 'workflow_engine.detector', 'FlexibleForeignKey'),
  ],
});

export const wf_alertruletriggerdatacondition = defineModel({
  model: 'workflow_engine.alertruletriggerdatacondition',
  table: 'workflow_engine_alertruletriggerdatacondition',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [],
  fields: [
    f('date_updated', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { default: now }),
    fk('alert_rule_trigger', 'sentry.alertruletrigger', 'FlexibleForeignKey'),
    fk('data_condition', 'workflow_engine.datacondition', 'FlexibleForeignKey'),
  ],
});

export const wf_alertruleworkflow = defineModel({
  model: 'workflow_engine.alertruleworkflow',
  table: 'workflow_engine_alertruleworkflow',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['alert_rule', 'workflow'], ['rule', 'workflow']],
  fields: [
    f('date_updated', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { default: now }),
    fk('alert_rule', 'sentry.alertrule', 'FlexibleForeignKey', { null: true }),
    fk('rule', 'sentry.rule', 'FlexibleForeignKey', { null: true }),
    fk('workflow', 'workflow_engine.workflow', 'FlexibleForeignKey'),
  ],
});

export const wf_datacondition = defineModel({
  model: 'workflow_engine.datacondition',
  table: 'workflow_engine_datacondition',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [],
  fields: [
    f('date_updated', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { default: now }),
    f('comparison', 'JSONField'),
    f('condition_result', 'JSONField'),
    // Condition.EQUAL
    f('type', 'CharField', { maxLength: 200, default: 'eq' }),
    fk('condition_group', 'workflow_engine.dataconditiongroup', 'DefaultForeignKey'),
  ],
});

export const wf_dataconditiongroup = defineModel({
  model: 'workflow_engine.dataconditiongroup',
  table: 'workflow_engine_dataconditiongroup',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [],
  fields: [
    f('date_updated', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { default: now }),
    f('logic_type', 'CharField', { maxLength: 200, default: 'any' }),
    fk('organization', 'sentry.organization', 'DefaultForeignKey'),
  ],
});

export const wf_datasource = defineModel({
  model: 'workflow_engine.datasource',
  table: 'workflow_engine_datasource',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [],
  fields: [
    f('date_updated', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { default: now }),
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    f('query_id', 'BoundedBigIntegerField'),
    f('type', 'TextField'),
  ],
});

export const wf_datasourcedetector = defineModel({
  model: 'workflow_engine.datasourcedetector',
  table: 'workflow_engine_datasourcedetector',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['data_source', 'detector']],
  fields: [
    f('date_updated', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { default: now }),
    fk('data_source', 'workflow_engine.datasource', 'FlexibleForeignKey'),
    fk('detector', 'workflow_engine.detector', 'FlexibleForeignKey'),
  ],
});

export const wf_detector = defineModel({
  model: 'workflow_engine.detector',
  table: 'workflow_engine_detector',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['name', 'organization'], ['workflow_condition_group']],
  fields: [
    f('date_updated', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { default: now }),
    // OwnerModel's fields, then JSONConfigBase's config (db_default {}), then the model's own.
    fk('owner_user_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }),
    fk('owner_team', 'sentry.team', 'FlexibleForeignKey', { null: true }),
    f('config', 'JSONField', { default: dict }),
    fk('organization', 'sentry.organization', 'FlexibleForeignKey', { null: true }),
    fk('project', 'sentry.project', 'FlexibleForeignKey', { null: true }),
    f('name', 'CharField', { maxLength: 200 }),
    // db_default=True
    f('enabled', 'BooleanField', { default: true }),
    f('description', 'TextField', { null: true }),
    fk('workflow_condition_group', 'workflow_engine.dataconditiongroup', 'FlexibleForeignKey', { null: true }),
    f('type', 'CharField', { maxLength: 200 }),
    fk('created_by_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }),
  ],
});

export const wf_detectorworkflow = defineModel({
  model: 'workflow_engine.detectorworkflow',
  table: 'workflow_engine_detectorworkflow',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [],
  fields: [
    f('date_updated', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { default: now }),
    fk('detector', 'workflow_engine.detector', 'FlexibleForeignKey'),
    fk('workflow', 'workflow_engine.workflow', 'FlexibleForeignKey'),
  ],
});

export const wf_workflow = defineModel({
  model: 'workflow_engine.workflow',
  table: 'workflow_engine_workflow',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['name', 'organization']],
  fields: [
    f('date_updated', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { default: now }),
    // OwnerModel's fields, then JSONConfigBase's config (db_default {}), then the model's own.
    fk('owner_user_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }),
    fk('owner_team', 'sentry.team', 'FlexibleForeignKey', { null: true }),
    f('config', 'JSONField', { default: dict }),
    f('name', 'CharField', { maxLength: 200 }),
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'),
    // db_default=True
    f('enabled', 'BooleanField', { default: true }),
    fk('when_condition_group', 'workflow_engine.dataconditiongroup', 'FlexibleForeignKey', { null: true }),
    fk('environment', 'sentry.environment', 'FlexibleForeignKey', { null: true }),
    fk('created_by_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }),
  ],
});

export const wf_workflowdataconditiongroup = defineModel({
  model: 'workflow_engine.workflowdataconditiongroup',
  table: 'workflow_engine_workflowdataconditiongroup',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['condition_group']],
  fields: [
    f('date_updated', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { default: now }),
    fk('condition_group', 'workflow_engine.dataconditiongroup', 'FlexibleForeignKey'),
    fk('workflow', 'workflow_engine.workflow', 'FlexibleForeignKey'),
  ],
});

export const wf_workflowgroupstatus = defineModel({
  model: 'workflow_engine.workflowgroupstatus',
  table: 'workflow_engine_workflowgroupstatus',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['group', 'workflow']],
  fields: [
    f('date_updated', 'DateTimeField', { default: now }),
    f('date_added', 'DateTimeField', { default: now }),
    fk('workflow', 'workflow_engine.workflow', 'FlexibleForeignKey'),
    fk('group', 'sentry.group', 'FlexibleForeignKey'),
    // WorkflowGroupStatus.ACTIVE
    f('status', 'PositiveSmallIntegerField', { default: 0 }),
  ],
});
