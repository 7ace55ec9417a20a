/**
 * Each of Sentry's release snapshots (23.9.1 to head) converts to the newest known version and back
 * to the oldest, and compares to the original across versions with 0 findings, once told what the
 * conversion went through: what the newest version cannot hold (its removed models and fields) is
 * left out and listed, every one of them truly missing from it. Without that, the compare finds the
 * dropped rows; with a value changed on the way back, it finds the change.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderExport } from '../../src/core/json/export-writer.js';
import { REGISTRIES } from '../../src/core/registry/index.js';
import type { Registry } from '../../src/core/registry/index.js';
import { compareExports } from '../../src/engine/compare/index.js';
import { convertExport } from '../../src/engine/convert/index.js';
import { textSource } from '../helpers/import.js';
import { hasSharedReference, readReference, referencePath } from '../helpers/shared-reference.js';

const DIR = ['snapshots', 'ReleaseTests'] as const;
const RELEASES = hasSharedReference
  ? readdirSync(referencePath(...DIR)).filter((name) => /^test_at_.+\.export\.json$/.test(name)).sort()
  : [];
const OLDEST = REGISTRIES[0] as Registry;
const NEWEST = REGISTRIES[REGISTRIES.length - 1] as Registry;
const NOW = () => '2026-09-15T00:00:00.000Z';

function relocates(registry: Registry, model: string): boolean {
  const entry = registry.find(registry.resolve(model));
  return entry !== undefined && entry.stored && entry.scope !== 'Excluded';
}

describe.skipIf(!hasSharedReference)(`release snapshots: converted to ${NEWEST.version} and back to ${OLDEST.version}`, () => {
  it('finds the 13 snapshots', () => {
    expect(RELEASES).toHaveLength(13);
  });

  it.each(RELEASES)('%s', (release) => {
    const text = readReference(...DIR, release);
    const up = convertExport(textSource(text), { from: OLDEST, to: NEWEST, now: NOW });
    expect(up.report.errors).toEqual([]);
    const upText = renderExport(up.objects);
    const down = convertExport(textSource(upText), { from: NEWEST, to: OLDEST, now: NOW });
    expect(down.report.errors).toEqual([]);
    const back = renderExport(down.objects);

    const result = compareExports(textSource(text), textSource(back), { registry: OLDEST, acrossVersions: true, convertedThrough: [NEWEST] });
    expect(result.findings).toEqual([]);
    for (const away of result.convertedAway) {
      if (away.field === undefined) expect(relocates(NEWEST, away.model), away.model).toBe(false);
      else expect(NEWEST.find(NEWEST.resolve(away.model))?.fields.some((field) => field.name === away.field), `${away.model}.${away.field}`).toBe(false);
    }
    // Every model the newest version dropped is one the compare left out.
    const droppedUp = up.report.changes.filter((change) => change.kind === 'dropped-rows' && relocates(OLDEST, change.model)).map((change) => change.model);
    expect(droppedUp.filter((model) => !result.convertedAway.some((away) => away.model === model && away.field === undefined))).toEqual([]);

    // Without being told, the dropped rows are differences.
    const untold = compareExports(textSource(text), textSource(back), { registry: OLDEST, acrossVersions: true });
    expect(untold.findings.map((finding) => finding.kind)).toContain('UnequalCounts');
    // A value changed on the way back is found: the monitor's guid (no import ran, so none is renewed).
    const monitor = down.objects.find((object) => object.model === 'sentry.monitor');
    const guid = String(monitor?.fields.guid);
    const changed = back.replace(`"guid": "${guid}"`, `"guid": "${guid.slice(0, -1)}${guid.endsWith('0') ? '1' : '0'}"`);
    expect(changed).not.toBe(back);
    const found = compareExports(textSource(text), textSource(changed), { registry: OLDEST, acrossVersions: true, convertedThrough: [NEWEST] });
    expect(found.findings.map((finding) => [finding.kind, finding.on.model])).toEqual([['UnequalJSON', 'sentry.monitor']]);
  });
});
