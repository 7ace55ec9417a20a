/**
 * The engine's own tables. Sentry keeps them as Excluded models (they are never exported), but an
 * import writes them: one chunk row per written batch, so that a re-run with the same import UUID
 * resumes instead of duplicating rows (§4.1 of the research), and a claim hash per user left
 * unclaimed by an import.
 */
import { defineModel, dict, f, fk, now } from '../define.js';
import type { Field } from '../types.js';

/** `BaseImportChunk`: `DefaultFieldsModelExisting` plus the batch's ordinals, pks and maps. */
const importChunkFields: readonly Field[] = [
  f('date_updated', 'DateTimeField', { default: now }),
  f('date_added', 'DateTimeField', { default: now, null: true }),
  f('import_uuid', 'UUIDField'),
  f('model', 'CharField', { maxLength: 64 }),
  f('min_ordinal', 'BoundedBigIntegerField'),
  f('max_ordinal', 'BoundedBigIntegerField'),
  f('min_source_pk', 'BoundedBigIntegerField'),
  f('max_source_pk', 'BoundedBigIntegerField'),
  f('min_inserted_pk', 'BoundedBigIntegerField', { null: true }),
  f('max_inserted_pk', 'BoundedBigIntegerField', { null: true }),
  f('inserted_map', 'JSONField', { default: dict }),
  f('existing_map', 'JSONField', { default: dict }),
  f('overwrite_map', 'JSONField', { default: dict }),
  f('inserted_identifiers', 'JSONField', { default: dict }),
];

const chunkUniques = [['import_uuid', 'min_ordinal', 'model']];

export const regionimportchunk = defineModel({
  model: 'sentry.regionimportchunk',
  table: 'sentry_regionimportchunk',
  silos: ['Region'],
  scope: 'Excluded',
  stored: true,
  uniques: chunkUniques,
  fields: importChunkFields,
});

export const controlimportchunk = defineModel({
  model: 'sentry.controlimportchunk',
  table: 'sentry_controlimportchunk',
  silos: ['Control'],
  scope: 'Excluded',
  stored: true,
  uniques: chunkUniques,
  fields: importChunkFields,
});

/** Written right after a control-silo batch succeeds; not an outbox replica. */
export const controlimportchunkreplica = defineModel({
  model: 'sentry.controlimportchunkreplica',
  table: 'sentry_controlimportchunkreplica',
  silos: ['Region'],
  scope: 'Excluded',
  stored: true,
  uniques: chunkUniques,
  fields: importChunkFields,
});

/** The claim link an unclaimed user gets: one hash per user. */
export const lostpasswordhash = defineModel({
  model: 'sentry.lostpasswordhash',
  table: 'sentry_lostpasswordhash',
  silos: ['Control'],
  scope: 'Excluded',
  stored: true,
  uniques: [['user']],
  fields: [
    fk('user', 'sentry.user', 'FlexibleForeignKey'),
    f('hash', 'CharField', { maxLength: 32 }),
    f('date_added', 'DateTimeField', { default: now }),
  ],
});
