/**
 * Import chunks (§4 of the research): one row per written batch, in RegionImportChunk or, for
 * control-silo models, ControlImportChunk plus its region-side replica. A chunk holds the batch's
 * ordinals, source and inserted pk ranges and its old → new maps by kind, which is enough to
 * rebuild the pk map when the same import UUID runs again.
 */
import type { Registry } from '../../core/registry/registry.js';
import type { ImportKind, MappedPk } from '../../core/registry/import-rules.js';
import type { ModelEntry } from '../../core/registry/types.js';
import { dumpPythonJson } from '../../core/json/python-json.js';
import type { Driver } from '../../db/port.js';
import { quoteIdentifier as q } from '../../db/schema.js';
import type { RowWriter } from '../../db/row-writer.js';

export interface ChunkRecord {
  readonly minOrdinal: number;
  readonly written: { readonly oldPk: number; readonly pk: number; readonly kind: ImportKind; readonly slug: string | undefined }[];
  readonly slugs: Map<number, string>;
}

function chunkModel(registry: Registry, entry: ModelEntry): ModelEntry {
  return registry.get(entry.silos.includes('Control') ? 'sentry.controlimportchunk' : 'sentry.regionimportchunk');
}

/** The pk map a recorded batch wrote, or undefined when the batch has no chunk. */
export function findChunk(driver: Driver, writer: RowWriter, registry: Registry, entry: ModelEntry, importUuid: string, minOrdinal: number): Map<number, MappedPk> | undefined {
  const chunks = chunkModel(registry, entry);
  const table = chunks.table;
  writer.beforeRead(chunks);
  const row = driver
    .prepare(`SELECT "inserted_map", "existing_map", "overwrite_map", "inserted_identifiers" FROM ${q(table)} WHERE "import_uuid" = ? AND "model" = ? AND "min_ordinal" = ?`)
    .get([importUuid, entry.name, minOrdinal]);
  if (row === undefined) return undefined;
  const parse = (text: unknown) => Object.entries(JSON.parse(text as string) as Record<string, number | string>);
  const identifiers = new Map(parse(row.inserted_identifiers).map(([old, slug]) => [Number(old), String(slug)]));
  const mapped = new Map<number, MappedPk>();
  const add = (text: unknown, kind: ImportKind) => {
    for (const [old, pk] of parse(text)) {
      const slug = identifiers.get(Number(old));
      mapped.set(Number(old), slug === undefined ? { pk: Number(pk), kind } : { pk: Number(pk), kind, slug });
    }
  };
  add(row.inserted_map, 'Inserted');
  add(row.existing_map, 'Existing');
  add(row.overwrite_map, 'Overwrite');
  return mapped;
}

/** Records a written batch (and, for control-silo models, its replica). */
export function saveChunk(writer: RowWriter, registry: Registry, entry: ModelEntry, importUuid: string, chunk: ChunkRecord, now: string): void {
  const maps: Record<ImportKind, Record<string, number>> = { Inserted: {}, Existing: {}, Overwrite: {} };
  const identifiers: Record<string, string> = {};
  const inserted: number[] = [];
  for (const row of chunk.written) {
    maps[row.kind][String(row.oldPk)] = row.pk;
    if (row.kind === 'Inserted') {
      inserted.push(row.pk);
      if (row.slug !== undefined) identifiers[String(row.oldPk)] = row.slug;
    }
  }
  const first = chunk.written[0];
  if (first === undefined) return;
  const values = {
    date_updated: now,
    date_added: now,
    import_uuid: importUuid,
    model: entry.name,
    min_ordinal: chunk.minOrdinal,
    // Counts rows written, not source positions (as Sentry does).
    max_ordinal: chunk.minOrdinal + chunk.written.length - 1,
    min_source_pk: first.oldPk,
    max_source_pk: Math.max(...chunk.written.map((row) => row.oldPk)),
    min_inserted_pk: inserted.length > 0 ? Math.min(...inserted) : null,
    max_inserted_pk: inserted.length > 0 ? Math.max(...inserted) : null,
    inserted_map: dumpPythonJson(maps.Inserted),
    existing_map: dumpPythonJson(maps.Existing),
    overwrite_map: dumpPythonJson(maps.Overwrite),
    inserted_identifiers: dumpPythonJson(identifiers),
  };
  writer.insertRow(chunkModel(registry, entry), values);
  if (entry.silos.includes('Control')) writer.insertRow(registry.get('sentry.controlimportchunkreplica'), values);
}
