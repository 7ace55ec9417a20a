/**
 * `relocate backup comparators` against Sentry's `test_default_comparators` snapshot of 2025-01-08
 * (upstream 85b64746), which dates from the same time as the registry's verified version: the map
 * must equal it for all 249 models, and print each entry as the snapshot's text, byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultComparators, describeComparators } from '../../src/core/compare/default-comparators.js';
import { runCli, temporaryFolder } from '../helpers/cli.js';
import { REGISTRY } from '../helpers/registry.js';
import { hasSharedReference, readReference } from '../helpers/shared-reference.js';

interface Entry {
  readonly model_name: string;
  readonly comparators: { readonly class: string; readonly fields: string[] }[];
}

const SNAPSHOT = ['snapshots', 'test_comparators', 'test_default_comparators.2025-01-08.pysnap'] as const;

/** The snapshot's YAML body: its header ends at the second `---` line. */
function snapshotBody(): string {
  const lines = readReference(...SNAPSHOT).split('\n');
  const first = lines.indexOf('---');
  const second = lines.indexOf('---', first + 1);
  expect([first, second]).toEqual([0, 4]);
  return lines.slice(second + 1).join('\n');
}

/** The text of each list entry (from its `- comparators:` line to its `model_name` line), by model. */
function entryTexts(yaml: string): Map<string, string> {
  const texts = new Map<string, string>();
  let current: string[] = [];
  for (const line of yaml.split('\n')) {
    if (line === '') continue;
    if (line.startsWith('- ') && current.length > 0) current = [];
    current.push(line);
    const name = /^ {2}model_name: (.+)$/.exec(line);
    if (name !== null) texts.set(name[1] as string, current.join('\n'));
  }
  return texts;
}

describe.skipIf(!hasSharedReference)("default comparators against Sentry's snapshot of 2025-01-08", () => {
  const snapshotText = snapshotBody();
  const cwd = temporaryFolder();
  // No database is involved, so there is no backend to choose.
  const printed = [runCli(['backup', 'comparators'], cwd)];

  it('prints the map with exit 0', () => {
    expect(printed.map((result) => [result.code, result.stderr])).toEqual([[0, '']]);
  });

  it('prints what the library builds for the verified version', () => {
    expect(parse(printed[0]?.stdout ?? '')).toEqual(describeComparators(defaultComparators(REGISTRY)));
  });

  it('has an entry for each of the 249 models of the registry, as the snapshot does', () => {
    const theirs = (parse(snapshotText) as Entry[]).map((entry) => entry.model_name);
    const ours = (parse(printed[0]?.stdout ?? '') as Entry[]).map((entry) => entry.model_name);
    expect(theirs).toHaveLength(249);
    expect(ours).toEqual(theirs);
    expect(ours).toEqual(REGISTRY.models.map((entry) => entry.name));
  });

  it("prints every model's entry as the snapshot's text, byte for byte", () => {
    const theirs = entryTexts(snapshotText);
    const mine = entryTexts(printed[0]?.stdout ?? '');
    const differ = [...theirs.keys()].filter((model) => mine.get(model) !== theirs.get(model));
    expect(differ).toEqual([]);
    expect(printed[0]?.stdout).toBe(`${snapshotText.trimEnd()}\n`);
  });

  it('gives the four models Sentry added in late 2024 their date and UUID comparators', () => {
    const ours = new Map((parse(printed[0]?.stdout ?? '') as Entry[]).map((entry) => [entry.model_name, entry.comparators]));
    expect(ours.get('sentry.dashboardfavoriteuser')?.[0]).toEqual({ class: 'DateUpdatedComparator', fields: ['date_added', 'date_updated'] });
    expect(ours.get('sentry.rollbackorganization')?.[0]).toEqual({ class: 'DateUpdatedComparator', fields: ['date_updated'] });
    expect(ours.get('sentry.rollbackuser')?.slice(0, 2)).toEqual([
      { class: 'UUID4Comparator', fields: ['share_uuid', 'uuid'] },
      { class: 'DateUpdatedComparator', fields: ['date_updated'] },
    ]);
    expect(ours.get('tempest.tempestcredentials')?.[0]).toEqual({ class: 'DateUpdatedComparator', fields: ['date_added', 'date_updated'] });
  });
});
