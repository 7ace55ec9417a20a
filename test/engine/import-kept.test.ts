/**
 * Nothing a user gave is lost across Sentry versions: rows of a model the database's version does
 * not know (of a known app) and fields a known model does not have are kept by a Global import
 * and written back by a Global export at their place, and compare as ordinary rows;
 * a model another version names otherwise (monitors.monitor) imports as this version's own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderExport } from '../../src/core/json/export-writer.js';
import type { ExportObject } from '../../src/core/json/export-writer.js';
import { compareExports } from '../../src/engine/compare/index.js';
import { exportInScope } from '../../src/engine/export/index.js';
import { createExhaustiveInstance } from '../../src/engine/seed/index.js';
import { ALL_DRIVERS } from '../helpers/drivers.js';
import { freshDatabase } from '../helpers/export.js';
import { exportText, importText, textSource } from '../helpers/import.js';
import { REGISTRY } from '../helpers/registry.js';

/** An exhaustive instance's Global export, as objects. */
function seededExport(open: () => ReturnType<typeof freshDatabase>): ExportObject[] {
  const db = open();
  try {
    createExhaustiveInstance(db, { registry: REGISTRY });
    return [...exportInScope(db, { registry: REGISTRY, scope: 'Global' }).objects];
  } finally {
    db.close();
  }
}

/** The export with a row of a model 25.1.0 lacks after the projects, and a field projects lack. */
function withNewerData(objects: readonly ExportObject[]): ExportObject[] {
  const out: ExportObject[] = [];
  objects.forEach((object, i) => {
    out.push(object.model === 'sentry.project' ? { ...object, fields: { ...object.fields, seer_scanner_automation: true, tuned: [1, 2.5, { a: null }] } } : object);
    if (object.model === 'sentry.project' && objects[i + 1]?.model !== 'sentry.project') {
      out.push({ model: 'sentry.projectsdk', pk: 7, fields: { project: object.pk, event_type: 'error', sdk_name: 'sentry.python', sdk_version: '2.41.0' } });
    }
  });
  return out;
}

describe.each(ALL_DRIVERS)('$name: nothing lost across versions', (testDriver) => {
  let original: ExportObject[];
  beforeAll(() => {
    original = seededExport(() => freshDatabase(testDriver));
  });

  it('keeps an unknown model of the sentry app and an unknown field of sentry.project, and writes them back in place', () => {
    const file = renderExport(withNewerData(original));
    const db = freshDatabase(testDriver);
    try {
      const report = importText(db, file, { registry: REGISTRY, scope: 'Global' });
      expect(report.model('sentry.projectsdk').keptRows).toBe(1);
      const projects = report.model('sentry.project');
      expect(Object.fromEntries(projects.keptFields)).toEqual({ seer_scanner_automation: projects.inserted, tuned: projects.inserted });
      expect(projects.inserted).toBeGreaterThan(0);
      const back = exportText(db, 'Global');
      // Compared as ordinary rows (the kept model has no comparators: every field must match).
      expect(compareExports(textSource(file), textSource(back), { registry: REGISTRY }).findings).toEqual([]);
      const sent = JSON.parse(file) as ExportObject[];
      const got = JSON.parse(back) as ExportObject[];
      // At its place: right after the projects, as in the file.
      expect(got.findIndex((object) => object.model === 'sentry.projectsdk')).toBe(sent.findIndex((object) => object.model === 'sentry.projectsdk'));
      expect(got.find((object) => object.model === 'sentry.projectsdk')).toEqual(sent.find((object) => object.model === 'sentry.projectsdk'));
      const tail = (object: ExportObject | undefined) => Object.entries(object?.fields ?? {}).slice(-2);
      for (const project of sent.filter((object) => object.model === 'sentry.project')) {
        expect(tail(got.find((object) => object.model === 'sentry.project' && object.pk === project.pk))).toEqual(tail(project));
      }
    } finally {
      db.close();
    }
  });

  it('writes the kept fields in other scopes too, but kept rows only in Global (and says so)', () => {
    const db = freshDatabase(testDriver);
    try {
      importText(db, renderExport(withNewerData(original)), { registry: REGISTRY, scope: 'Global' });
      const run = exportInScope(db, { registry: REGISTRY, scope: 'Organization' });
      const objects = [...run.objects];
      expect(objects.some((object) => object.model === 'sentry.projectsdk')).toBe(false);
      expect(objects.filter((object) => object.model === 'sentry.project').every((object) => object.fields.seer_scanner_automation === true)).toBe(true);
      expect(run.report.keptRowsNotWritten.get('sentry.projectsdk')).toBe(1);
    } finally {
      db.close();
    }
  });

  it('drops an unknown model outside Global with the reason, and a field Sentry removed', () => {
    const db = freshDatabase(testDriver);
    try {
      const objects = withNewerData(original).map((object) => object.model === 'sentry.team' ? { ...object, fields: { ...object.fields, org_role: null } } : object);
      const report = importText(db, renderExport(objects), { registry: REGISTRY, scope: 'Organization' });
      expect([...report.model('sentry.projectsdk').dropped.keys()]).toEqual([
        'not a model of Sentry 25.1.0: only a Global import keeps such rows (their scope is unknown)',
      ]);
      expect(report.model('sentry.projectsdk').dropped.get('not a model of Sentry 25.1.0: only a Global import keeps such rows (their scope is unknown)')?.pks).toEqual([7]);
      expect(report.model('sentry.team').droppedFields.get('org_role')?.reason).toBe('removed from Sentry: removed in 2024');
    } finally {
      db.close();
    }
  });

  it('imports monitors.monitor (Sentry 25.4 and later) as 25.1.0\'s sentry.monitor', () => {
    const renamed = original.map((object) => object.model === 'sentry.monitor' ? { ...object, model: 'monitors.monitor' } : object);
    const monitors = original.filter((object) => object.model === 'sentry.monitor').length;
    expect(monitors).toBeGreaterThan(0);
    const db = freshDatabase(testDriver);
    try {
      const report = importText(db, renderExport(renamed), { registry: REGISTRY, scope: 'Global' });
      expect(Object.fromEntries(report.model('sentry.monitor').renamedFrom)).toEqual({ 'monitors.monitor': monitors });
      expect(report.model('sentry.monitor').inserted).toBe(monitors);
      const back = exportText(db, 'Global');
      expect(compareExports(textSource(renderExport(original)), textSource(back), { registry: REGISTRY }).findings.map((finding) => finding.kind)).toEqual(
        // The monitor's guid is renewed on import, as Sentry does.
        [],
      );
    } finally {
      db.close();
    }
  });
});
