/**
 * A source whose objects were parsed once and held (what the inspector does with a file it reads
 * three times) imports exactly as the streamed file does, on both drivers: in order, and out of
 * model order (held objects are sorted in memory, streamed ones staged in a temporary table),
 * and the held objects come out of the import unchanged.
 */
import { describe, expect, it } from 'vitest';
import { createExhaustiveInstance } from '../../src/engine/seed/index.js';
import { compareExports } from '../../src/engine/compare/index.js';
import { heldObjects } from '../../src/engine/import/index.js';
import type { ImportReport } from '../../src/engine/import/index.js';
import { inspectExport } from '../../src/engine/inspect/index.js';
import { ALL_DRIVERS as DRIVERS } from '../helpers/drivers.js';
import { exportText, importText, textSource } from '../helpers/import.js';
import { importInScope } from '../../src/engine/import/index.js';
import { REGISTRY } from '../helpers/registry.js';

const NOW = () => '2025-01-02T03:04:05.000Z';

/** What a report says per model, in a form two reports can be compared by. */
function summary(report: ImportReport): unknown {
  return {
    reordered: report.reordered,
    models: [...report.models].map(([model, entry]) => [model, entry.written, entry.inserted, entry.existing, [...entry.dropped.keys()]]),
  };
}

describe.each(DRIVERS)('$name: import from held objects', ({ withSchema }) => {
  const seeded = withSchema(REGISTRY);
  createExhaustiveInstance(seeded, { registry: REGISTRY });
  const inOrder = exportText(seeded);
  const objects = JSON.parse(inOrder) as { model: string }[];
  // Users (and so everything of theirs) after all the rest: out of the registry's order.
  const outOfOrder = JSON.stringify([...objects.filter((object) => object.model !== 'sentry.user'), ...objects.filter((object) => object.model === 'sentry.user')], null, 2);

  it.each([['in order', inOrder], ['out of model order', outOfOrder]])('imports a file %s as the streamed file imports', (_, text) => {
    const streamedDb = withSchema(REGISTRY);
    const streamed = importText(streamedDb, text, { registry: REGISTRY, scope: 'Global', now: NOW });
    const heldDb = withSchema(REGISTRY);
    const source = heldObjects(textSource(text, 4096));
    const before = JSON.stringify(source.parsed);
    const held = importInScope(heldDb, source, { registry: REGISTRY, scope: 'Global', now: NOW });

    expect(summary(held)).toEqual(summary(streamed));
    expect(held.reordered).toBe(text === outOfOrder);
    // Two imports of one file: equal under Sentry's comparators (uuids and the like renewed on each side).
    expect(compareExports(textSource(exportText(streamedDb)), textSource(exportText(heldDb)), { registry: REGISTRY }).findings).toEqual([]);
    expect(JSON.stringify(source.parsed)).toBe(before);
    expect(inspectExport(REGISTRY, source).counts).toEqual(inspectExport(REGISTRY, textSource(text)).counts);
  });
});
