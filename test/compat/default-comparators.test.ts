/**
 * `relocate backup comparators` against Sentry's `test_default_comparators` snapshot (late Sep
 * 2024; the registry follows Sentry of late 2024 / early Jan 2025). Model by model the map equals
 * the snapshot's wherever both have the model, except for a listed set of models Sentry changed in
 * between, each explained below; and for every model that matches, the printed YAML entry is the
 * snapshot's text byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultComparators, describeComparators } from '../../src/core/compare/default-comparators.js';
import { findModel } from '../../src/core/registry/index.js';
import { runCli, temporaryFolder } from '../helpers/cli.js';
import { hasSharedReference, readReference } from '../helpers/shared-reference.js';

interface Entry {
  readonly model_name: string;
  readonly comparators: { readonly class: string; readonly fields: string[] }[];
}

/** The snapshot's YAML body: its header (with git conflict markers) ends at the second `---` line. */
function snapshotBody(): string {
  const lines = readReference('snapshots', 'test_comparators', 'test_default_comparators.pysnap').split('\n');
  const first = lines.indexOf('---');
  const second = lines.indexOf('---', first + 1);
  expect([first, second]).toEqual([0, 8]);
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

const byModel = (entries: readonly Entry[]): Map<string, Entry['comparators']> => new Map(entries.map((entry) => [entry.model_name, entry.comparators]));

// Models the snapshot has and the registry no longer does: Sentry removed them between Sep 2024
// and the registry's version.
const SNAPSHOT_ONLY = [
  'sentry.alertruleexcludedprojects', // removed with AlertRule.include_all_projects
  'sentry.alertruletriggerexclusion', // removed with it
  'sentry.incidentseen', // removed late 2024
  'sentry.incidentsubscription', // removed late 2024 (migrations 0800-0801)
  'sentry.metricskeyindexer', // removed late 2024
];

// Models added to Sentry after the snapshot was taken.
const OURS_ONLY = [
  'flags.flagwebhooksigningsecretmodel',
  'sentry.dashboardfavoriteuser',
  'sentry.dashboardpermissions',
  'sentry.dashboardpermissionsteam',
  'sentry.rollbackorganization',
  'sentry.rollbackuser',
  'tempest.tempestcredentials',
  'uptime.uptimesubscriptionregion',
  'workflow_engine.alertruledetector',
  'workflow_engine.alertruletriggerdatacondition',
  'workflow_engine.alertruleworkflow',
  'workflow_engine.workflowgroupstatus',
];

const fk = (...fields: string[]) => ({ class: 'ForeignKeyComparator', fields });
const dates = { class: 'DateUpdatedComparator', fields: ['date_added', 'date_updated'] };

// Models both have whose foreign keys Sentry changed in between: our entries, exactly.
const CHANGED: Record<string, Entry['comparators']> = {
  // + scoping_organization_id (the replica of ApiToken's new scoping organization)
  'hybridcloud.apitokenreplica': [fk('apitoken_id', 'application_id', 'organization', 'scoping_organization_id', 'user_id')],
  // - project_id: no longer declared a foreign key (a plain id column) in the registry's version
  'sentry.release': [fk('organization', 'owner_id')],
  // + integration_id (actions got their integration)
  'workflow_engine.action': [dates, fk('integration_id')],
  // + created_by_id, project
  'workflow_engine.detector': [dates, fk('created_by_id', 'organization', 'owner_team', 'owner_user_id', 'project', 'workflow_condition_group')],
  // + created_by_id, environment, owner_team, owner_user_id
  'workflow_engine.workflow': [dates, fk('created_by_id', 'environment', 'organization', 'owner_team', 'owner_user_id', 'when_condition_group')],
};

describe.skipIf(!hasSharedReference)('default comparators against Sentry\'s snapshot', () => {
  const snapshotText = snapshotBody();
  const snapshot = byModel(parse(snapshotText) as Entry[]);
  const cwd = temporaryFolder();
  // No database is involved, so there is no backend to choose.
  const printed = runCli(['backup', 'comparators'], cwd);
  const ours = byModel(parse(printed.stdout) as Entry[]);

  it('prints the map with exit 0', () => {
    expect([printed.code, printed.stderr]).toEqual([0, '']);
    expect(snapshot.size).toBe(242);
    expect(ours.size).toBe(249);
  });

  it('prints what the library builds', () => {
    expect(parse(printed.stdout)).toEqual(describeComparators(defaultComparators()));
  });

  it('equals the snapshot model by model, but for the listed models', () => {
    const onlySnapshot = [...snapshot.keys()].filter((model) => !ours.has(model)).sort();
    const onlyOurs = [...ours.keys()].filter((model) => !snapshot.has(model)).sort();
    const differ = [...snapshot.keys()].filter((model) => ours.has(model) && JSON.stringify(ours.get(model)) !== JSON.stringify(snapshot.get(model))).sort();
    expect(onlySnapshot).toEqual(SNAPSHOT_ONLY);
    expect(onlyOurs).toEqual(OURS_ONLY);
    expect(differ).toEqual(Object.keys(CHANGED).sort());
    for (const [model, comparators] of Object.entries(CHANGED)) expect(ours.get(model), model).toEqual(comparators);
    for (const model of [...snapshot.keys()].filter((name) => !differ.includes(name) && ours.has(name))) {
      expect(ours.get(model), model).toEqual(snapshot.get(model));
    }
  });

  it('follows the registry in what differs', () => {
    expect(SNAPSHOT_ONLY.filter((model) => findModel(model) !== undefined)).toEqual([]);
    expect(OURS_ONLY.filter((model) => findModel(model) === undefined)).toEqual([]);
    for (const [model, comparators] of Object.entries(CHANGED)) {
      const keys = findModel(model)?.foreignKeys.map((key) => key.field).sort();
      expect(comparators.find((comparator) => comparator.class === 'ForeignKeyComparator')?.fields, model).toEqual(keys);
    }
  });

  it('prints each matching model\'s entry as the snapshot\'s text, byte for byte', () => {
    const theirs = entryTexts(snapshotText);
    const mine = entryTexts(printed.stdout);
    expect(theirs.size).toBe(242);
    expect(mine.size).toBe(249);
    const differ = new Set([...SNAPSHOT_ONLY, ...OURS_ONLY, ...Object.keys(CHANGED)]);
    const matching = [...theirs.keys()].filter((model) => !differ.has(model));
    expect(matching).toHaveLength(242 - 5 - 5);
    for (const model of matching) expect(mine.get(model), model).toBe(theirs.get(model));
    // The printed list is in the snapshot's order (by model name), and ends as it does.
    expect([...mine.keys()]).toEqual([...mine.keys()].sort());
    expect(printed.stdout.endsWith('  model_name: workflow_engine.workflowgroupstatus\n')).toBe(true);
    expect(snapshotText.endsWith('  model_name: workflow_engine.workflowdataconditiongroup\n')).toBe(true);
  });
});
