import { defineModel, f, fk } from './define.js';

export const wf_alertruledetector = defineModel({
  model: 'workflow_engine.alertruledetector',
  table: 'workflow_engine_alertruledetector',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['alert_rule', 'detector'], ['detector', 'rule']],
  fields: [
    fk('alert_rule', 'sentry.alertrule', 'FlexibleForeignKey', { null: true }), // TODO verify position
    fk('detector', 'workflow_engine.detector', 'FlexibleForeignKey'), // TODO verify position
    fk('rule', 'sentry.rule', 'FlexibleForeignKey', { null: true }), // TODO verify position
  ],
});

export const wf_alertruletriggerdatacondition = defineModel({
  model: 'workflow_engine.alertruletriggerdatacondition',
  table: 'workflow_engine_alertruletriggerdatacondition',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [],
  fields: [
    fk('alert_rule_trigger', 'sentry.alertruletrigger', 'FlexibleForeignKey'), // TODO verify position
    fk('data_condition', 'workflow_engine.datacondition', 'FlexibleForeignKey'), // TODO verify position
  ],
});

export const wf_alertruleworkflow = defineModel({
  model: 'workflow_engine.alertruleworkflow',
  table: 'workflow_engine_alertruleworkflow',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['alert_rule', 'workflow'], ['rule', 'workflow']],
  fields: [
    fk('alert_rule', 'sentry.alertrule', 'FlexibleForeignKey', { null: true }), // TODO verify position
    fk('rule', 'sentry.rule', 'FlexibleForeignKey', { null: true }), // TODO verify position
    fk('workflow', 'workflow_engine.workflow', 'FlexibleForeignKey'), // TODO verify position
  ],
});

export const wf_datacondition = defineModel({
  model: 'workflow_engine.datacondition',
  table: 'workflow_engine_datacondition',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [],
  fields: [
    fk('condition_group', 'workflow_engine.dataconditiongroup', 'DefaultForeignKey'), // TODO verify position
  ],
});

export const wf_dataconditiongroup = defineModel({
  model: 'workflow_engine.dataconditiongroup',
  table: 'workflow_engine_dataconditiongroup',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [],
  fields: [
    fk('organization', 'sentry.organization', 'DefaultForeignKey'), // TODO verify position
  ],
});

export const wf_datasource = defineModel({
  model: 'workflow_engine.datasource',
  table: 'workflow_engine_datasource',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [],
  fields: [
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'), // TODO verify position
  ],
});

export const wf_datasourcedetector = defineModel({
  model: 'workflow_engine.datasourcedetector',
  table: 'workflow_engine_datasourcedetector',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['data_source', 'detector']],
  fields: [
    fk('data_source', 'workflow_engine.datasource', 'FlexibleForeignKey'), // TODO verify position
    fk('detector', 'workflow_engine.detector', 'FlexibleForeignKey'), // TODO verify position
  ],
});

export const wf_detector = defineModel({
  model: 'workflow_engine.detector',
  table: 'workflow_engine_detector',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['name', 'organization'], ['workflow_condition_group']],
  fields: [
    fk('created_by_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }), // TODO verify position
    fk('organization', 'sentry.organization', 'FlexibleForeignKey', { null: true }), // TODO verify position
    fk('owner_team', 'sentry.team', 'FlexibleForeignKey', { null: true }), // TODO verify position
    fk('owner_user_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }), // TODO verify position
    fk('project', 'sentry.project', 'FlexibleForeignKey', { null: true }), // TODO verify position
    fk('workflow_condition_group', 'workflow_engine.dataconditiongroup', 'FlexibleForeignKey', { null: true }), // TODO verify position
  ],
});

export const wf_detectorworkflow = defineModel({
  model: 'workflow_engine.detectorworkflow',
  table: 'workflow_engine_detectorworkflow',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [],
  fields: [
    fk('detector', 'workflow_engine.detector', 'FlexibleForeignKey'), // TODO verify position
    fk('workflow', 'workflow_engine.workflow', 'FlexibleForeignKey'), // TODO verify position
  ],
});

export const wf_workflow = defineModel({
  model: 'workflow_engine.workflow',
  table: 'workflow_engine_workflow',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['name', 'organization']],
  fields: [
    fk('created_by_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }), // TODO verify position
    fk('environment', 'sentry.environment', 'FlexibleForeignKey', { null: true }), // TODO verify position
    fk('organization', 'sentry.organization', 'FlexibleForeignKey'), // TODO verify position
    fk('owner_team', 'sentry.team', 'FlexibleForeignKey', { null: true }), // TODO verify position
    fk('owner_user_id', 'sentry.user', 'HybridCloudForeignKey', { null: true }), // TODO verify position
    fk('when_condition_group', 'workflow_engine.dataconditiongroup', 'FlexibleForeignKey', { null: true }), // TODO verify position
  ],
});

export const wf_workflowdataconditiongroup = defineModel({
  model: 'workflow_engine.workflowdataconditiongroup',
  table: 'workflow_engine_workflowdataconditiongroup',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['condition_group']],
  fields: [
    fk('condition_group', 'workflow_engine.dataconditiongroup', 'FlexibleForeignKey'), // TODO verify position
    fk('workflow', 'workflow_engine.workflow', 'FlexibleForeignKey'), // TODO verify position
  ],
});

export const wf_workflowgroupstatus = defineModel({
  model: 'workflow_engine.workflowgroupstatus',
  table: 'workflow_engine_workflowgroupstatus',
  silos: ['Region'],
  scope: 'Organization',
  uniques: [['group', 'workflow']],
  fields: [
    fk('group', 'sentry.group', 'FlexibleForeignKey'), // TODO verify position
    fk('workflow', 'workflow_engine.workflow', 'FlexibleForeignKey'), // TODO verify position
  ],
});
