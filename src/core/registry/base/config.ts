import { defineModel, f, now } from '../define.js';
import { overwritableConfig } from '../import-rules.js';

/** Options that change with every install or ping: never in a non-Global export. */
const optionRules = {
  import: overwritableConfig(['key']),
  exportExcludes: {
    field: 'key',
    values: ['sentry:install-id', 'sentry:latest_version', 'sentry:last_worker_ping', 'sentry:last_worker_version'],
  },
};

export const controloption = defineModel({
  model: 'sentry.controloption',
  table: 'sentry_controloption',
  silos: ['Control'],
  scope: 'Config',
  rules: optionRules,
  uniques: [['key']],
  customOrdinal: ['key'],
  fields: [
    f('key', 'CharField', { maxLength: 128 }),
    f('last_updated', 'DateTimeField', { default: now }),
    f('last_updated_by', 'CharField', { maxLength: 16, default: 'unknown' }),
    f('value', 'PickledObjectField'),
  ],
});

export const option = defineModel({
  model: 'sentry.option',
  table: 'sentry_option',
  silos: ['Region'],
  scope: 'Config',
  rules: optionRules,
  uniques: [['key']],
  customOrdinal: ['key'],
  fields: [
    f('key', 'CharField', { maxLength: 128 }),
    f('last_updated', 'DateTimeField', { default: now }),
    f('last_updated_by', 'CharField', { maxLength: 16, default: 'unknown' }),
    f('value', 'PickledObjectField'),
  ],
});

export const relay = defineModel({
  model: 'sentry.relay',
  table: 'sentry_relay',
  silos: ['Region'],
  scope: 'Config',
  uniques: [['relay_id']],
  customOrdinal: ['relay_id'],
  rules: { sanitize: { strings: ['relay_id', 'public_key'] }, import: overwritableConfig(['relay_id']) },
  fields: [
    f('relay_id', 'CharField', { maxLength: 64 }),
    f('public_key', 'CharField', { maxLength: 200 }),
    f('first_seen', 'DateTimeField', { null: true, default: null }),
    f('last_seen', 'DateTimeField', { null: true, default: null }),
    f('is_internal', 'BooleanField', { null: true, default: null }),
  ],
});

export const relayusage = defineModel({
  model: 'sentry.relayusage',
  table: 'sentry_relayusage',
  silos: ['Region'],
  scope: 'Config',
  uniques: [['relay_id', 'version']],
  customOrdinal: ['relay_id', 'version'],
  rules: { sanitize: { strings: ['relay_id', 'public_key'] }, import: overwritableConfig(['relay_id', 'version']) },
  fields: [
    f('relay_id', 'CharField', { maxLength: 64 }),
    f('version', 'CharField', { maxLength: 32, default: '0.0.1' }),
    f('first_seen', 'DateTimeField', { default: now }),
    f('last_seen', 'DateTimeField', { default: now }),
    f('public_key', 'CharField', { null: true, maxLength: 200 }),
  ],
});
