/**
 * The summary of an opened export: which Sentry versions it is consistent with (and why); per model, its objects in the file (`data-count`), its
 * relocation scope, and what the Global import did with them (written, dropped with reasons,
 * renamed, unknown fields); and the file's own problems on their own tab.
 */
import { el, formatBytes, scrollBox } from './dom.js';
import { findingsView } from './findings-view.js';
import type { OpenSummary, SummaryRow } from './session-protocol.js';

export function renderSummary(panel: HTMLElement, summary: OpenSummary): void {
  const written = summary.models.reduce((sum, row) => sum + row.imported, 0);
  const dropped = summary.models.reduce((sum, row) => sum + row.dropped.reduce((n, entry) => n + entry.count, 0), 0);
  const headline = el('p', { class: 'headline', 'data-testid': 'headline' },
    el('strong', {}, summary.name), ` (${formatBytes(summary.bytes)}): `,
    `${summary.objects} objects of ${summary.models.length} models; `,
    summary.importError === undefined ? `${written} rows imported in Global scope, ${dropped} dropped` : 'not imported',
    ` (${(summary.millis / 1000).toFixed(2)} s).`,
    summary.reordered ? ' The file was out of model order and was re-sorted before the import.' : '');
  const versions = el('p', { class: 'muted', 'data-testid': 'file-versions' }, `Sentry versions: ${summary.fileVersions}`);
  const error = summary.importError === undefined ? null : el('div', { class: 'error', 'data-testid': 'import-error' },
    el('strong', {}, `Import stopped: ${summary.importError.kind}`), ` at ${summary.importError.on.model || 'the file'}`,
    summary.importError.on.ordinal === undefined ? '' : ` #${summary.importError.on.ordinal}`,
    summary.importError.line === undefined ? '' : ` (line ${summary.importError.line})`,
    `: ${summary.importError.reason}. Nothing was imported; the tables are empty.`);
  const table = el('table', { 'data-testid': 'summary-table' },
    el('thead', {}, el('tr', {},
      el('th', {}, 'Model'), el('th', {}, 'Relocation scope'), el('th', { class: 'number' }, 'In file'),
      el('th', { class: 'number' }, 'Imported'), el('th', {}, 'Dropped'), el('th', {}, 'Renamed, unknown fields'))),
    el('tbody', {}, ...summary.models.map(summaryRow)));
  panel.replaceChildren(headline, versions, ...(error === null ? [] : [error]), scrollBox(table));
}

function summaryRow(row: SummaryRow): HTMLElement {
  const name = row.scope === '' ? el('span', {}, row.model) : el('a', { href: `#browse/${row.model}` }, row.model);
  const dropped = row.dropped.map((entry) => el('div', { 'data-dropped': entry.count },
    `${entry.count} × ${entry.reason}`, entry.pks.length === 0 ? '' : el('span', { class: 'muted' }, ` (pks ${entry.pks.join(', ')}${entry.pks.length < entry.count ? ', …' : ''})`)));
  const notes = [
    ...row.renamed.map((renamed) => el('div', { 'data-renamed': renamed.pk }, `pk ${renamed.pk} ${renamed.field}: ${renamed.from} → ${renamed.to}`)),
    ...row.unknownFields.map((unknown) => el('div', { class: 'muted' }, `${unknown.field}: not a field here, ignored in ${unknown.count} rows`)),
  ];
  return el('tr', { 'data-model': row.model },
    el('td', {}, name),
    el('td', { class: row.scope === '' ? 'muted' : undefined }, row.scope === '' ? 'not a model here' : row.scope),
    el('td', { class: 'number', 'data-count': row.inFile }, row.inFile),
    el('td', { class: 'number', 'data-imported': row.imported }, row.imported),
    el('td', {}, ...dropped),
    el('td', {}, ...notes));
}

export function renderProblems(panel: HTMLElement, badge: HTMLElement, summary: OpenSummary): void {
  const findings = [...(summary.importError === undefined ? [] : [summary.importError]), ...summary.problems];
  badge.textContent = findings.length === 0 ? '' : String(findings.length);
  const intro = el('p', {}, findings.length === 0
    ? 'The file has none of the problems looked for: pks out of order, repeated custom ordinals, foreign keys to rows not in the file, rows the import refuses.'
    : `${findings.length} problems in ${summary.name}:`);
  panel.replaceChildren(intro, findingsView(findings));
}
