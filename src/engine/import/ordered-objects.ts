/**
 * The second pass: the file's objects of kept models in the registry's order, keeping the file's
 * order within each model (Sentry re-buckets the same way). A file already in order (every file
 * Sentry or relocate writes) streams straight through; one that is not is staged in a temporary
 * table and read back sorted, so memory stays flat either way (held objects are sorted in memory).
 */
import { arrayElements } from '../../core/json/array-elements.js';
import type { Driver } from '../../db/port.js';
import { fileObjects, parseElement } from './file-objects.js';
import type { FileObject, ImportSource } from './file-objects.js';
import type { ScanResult } from './scan-file.js';
import type { Registry } from '../../core/registry/registry.js';
const STAGE = 'relocate_import_stage';

/** The object under the name this version gives its model (a renamed model's rows are the same rows). */
function namedFor(registry: Registry, object: FileObject): FileObject {
  const model = registry.resolve(object.model);
  return model === object.model ? object : { ...object, model };
}

export function* orderedObjects(driver: Driver, registry: Registry, source: ImportSource, scan: ScanResult): Generator<FileObject> {
  const rank = (model: string): number | undefined => registry.rank(model);
  if (scan.inOrder) {
    for (const object of fileObjects(source)) {
      const named = namedFor(registry, object);
      if (scan.counts.has(named.model)) yield named;
    }
    return;
  }
  if (source.parsed !== undefined) {
    // Held objects are sorted in memory (Array#sort is stable, so the file's order within a model holds).
    const objects = source.parsed.map((object) => namedFor(registry, object)).filter((object) => scan.counts.has(object.model));
    yield* objects.sort((a, b) => (rank(a.model) as number) - (rank(b.model) as number));
    return;
  }
  const { dialect } = driver;
  const stage = dialect.temporaryTable(STAGE);
  driver.exec(dialect.createTemporaryTable(STAGE, '"rank" INTEGER NOT NULL, "seq" INTEGER NOT NULL, "line" INTEGER NOT NULL, "text" TEXT NOT NULL, PRIMARY KEY ("rank", "seq")'));
  try {
    const insert = driver.prepare(`INSERT INTO ${stage} ("rank", "seq", "line", "text") VALUES (?, ?, ?, ?)`);
    for (const element of arrayElements(source.chunks())) {
      const object = namedFor(registry, parseElement(element));
      const place = rank(object.model);
      if (place !== undefined && scan.counts.has(object.model)) insert.run([place, element.index, element.line, element.text]);
    }
    // Read back in pages: a driver may not write while a read is still open on it.
    const page = driver.prepare(`SELECT "rank", "seq", "line", "text" FROM ${stage} WHERE ("rank", "seq") > (?, ?) ORDER BY "rank", "seq" LIMIT 500`);
    let after: [number, number] = [-1, -1];
    for (;;) {
      const rows = page.all(after);
      if (rows.length === 0) break;
      for (const row of rows) yield namedFor(registry, parseElement({ index: row.seq as number, line: row.line as number, text: row.text as string }));
      const last = rows[rows.length - 1] as Record<string, unknown>;
      after = [last.rank as number, last.seq as number];
    }
  } finally {
    driver.exec(`DROP TABLE IF EXISTS ${stage}`);
  }
}
