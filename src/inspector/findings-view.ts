/** Findings as a list grouped by model, each item marked with `data-finding="<kind>"`. */
import type { Finding } from '../core/findings.js';
import { el } from './dom.js';

export function findingsView(findings: readonly Finding[]): HTMLElement {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.on.model) ?? [];
    group.push(finding);
    groups.set(finding.on.model, group);
  }
  const view = el('div', { class: 'finding-groups' });
  for (const [model, group] of groups) {
    view.append(
      el('h2', { 'data-findings-model': model }, model === '' ? 'The file' : model, el('span', { class: 'muted' }, ` (${group.length})`)),
      el('ul', { class: 'findings' }, ...group.map(findingItem)),
    );
  }
  return view;
}

function findingItem(finding: Finding): HTMLElement {
  const where = [
    finding.on.ordinal === undefined ? undefined : `ordinal ${finding.on.ordinal}`,
    finding.leftPk === undefined || finding.leftPk === null ? undefined : `left pk ${finding.leftPk}`,
    finding.rightPk === undefined || finding.rightPk === null ? undefined : `right pk ${finding.rightPk}`,
    (finding as { line?: number }).line === undefined ? undefined : `line ${(finding as { line?: number }).line}`,
  ].filter((part) => part !== undefined);
  return el('li', { 'data-finding': finding.kind },
    el('span', { class: 'kind' }, finding.kind),
    where.length === 0 ? null : el('span', { class: 'muted' }, ` (${where.join(', ')})`),
    ': ', finding.reason);
}
