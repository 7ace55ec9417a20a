import { defineModel, f, fk } from './define.js';

export const controloption = defineModel({
  model: 'sentry.controloption',
  table: 'sentry_controloption',
  silos: ['Control'],
  scope: 'Config',
  uniques: [['key']],
  fields: [
    f('key', 'CharField' /* TODO verify (string) */),
    f('last_updated', 'DateTimeField' /* TODO verify (string) */),
    f('last_updated_by', 'CharField' /* TODO verify (string) */),
    f('value', 'CharField' /* TODO verify (string) */),
  ],
});

export const option = defineModel({
  model: 'sentry.option',
  table: 'sentry_option',
  silos: ['Region'],
  scope: 'Config',
  uniques: [['key']],
  fields: [
    f('key', 'CharField' /* TODO verify (string) */),
    f('last_updated', 'DateTimeField' /* TODO verify (string) */),
    f('last_updated_by', 'CharField' /* TODO verify (string) */),
    f('value', 'CharField' /* TODO verify (string) */),
  ],
});

export const relay = defineModel({
  model: 'sentry.relay',
  table: 'sentry_relay',
  silos: ['Region'],
  scope: 'Config',
  uniques: [['relay_id']],
  fields: [
    f('relay_id', 'CharField' /* TODO verify (string) */),
    f('public_key', 'CharField' /* TODO verify (string) */),
    f('first_seen', 'CharField', { null: true } /* TODO verify (null) */),
    f('last_seen', 'CharField', { null: true } /* TODO verify (null) */),
    f('is_internal', 'BooleanField' /* TODO verify (bool) */),
  ],
});

export const relayusage = defineModel({
  model: 'sentry.relayusage',
  table: 'sentry_relayusage',
  silos: ['Region'],
  scope: 'Config',
  uniques: [['relay_id', 'version']],
  fields: [
    f('relay_id', 'CharField' /* TODO verify (string) */),
    f('version', 'CharField' /* TODO verify (string) */),
    f('first_seen', 'DateTimeField' /* TODO verify (string) */),
    f('last_seen', 'DateTimeField' /* TODO verify (string) */),
    f('public_key', 'CharField' /* TODO verify (string) */),
  ],
});
