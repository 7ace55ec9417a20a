/**
 * The downloads tab: an export of a subset (Sentry's scopes and filters), a sanitized export, the
 * export converted for another Sentry version, the database.
 */
import type { ExportScope } from '../core/scopes.js';
import { byId, el, offerDownload } from './dom.js';
import type { Download, SessionApi } from './session-protocol.js';

function names(text: string): string[] | undefined {
  const list = text.split(',').map((name) => name.trim()).filter((name) => name !== '');
  return list.length === 0 ? undefined : list;
}

export function wireDownloads(session: SessionApi, report: (text: string, failed?: boolean) => void): void {
  const scope = byId<HTMLSelectElement>('export-scope');
  const filter = byId<HTMLInputElement>('export-filter');
  const filterLabel = byId('export-filter-label');
  // Sentry's filters: org slugs for organizations, usernames for users; none for global and config.
  const syncFilter = () => {
    const kind = scope.value === 'Organization' ? 'org slugs' : scope.value === 'User' ? 'usernames' : undefined;
    filterLabel.hidden = kind === undefined;
    filter.placeholder = kind ?? '';
  };
  scope.addEventListener('change', syncFilter);
  syncFilter();

  const offer = (form: string, make: () => Promise<Download>) => {
    byId<HTMLFormElement>(form).addEventListener('submit', (event) => {
      event.preventDefault();
      report('Preparing the download…');
      make().then((download) => {
        offerDownload(download.bytes, download.name, download.type);
        const said = download.objects > 0 || download.type === 'application/json' ? `${download.name}: ${download.objects} objects.` : `${download.name}.`;
        report(download.note === undefined ? said : `${said} ${download.note}`);
      }, (error: Error) => report(`Download failed: ${error.message}`, true));
    });
  };
  offer('subset-form', () => {
    const value = scope.value as ExportScope;
    const list = names(filter.value);
    return session.exportSubset({
      scope: value,
      ...(value === 'Organization' && { orgSlugs: list }),
      ...(value === 'User' && { usernames: list }),
    });
  });
  offer('sanitize-form', () => session.sanitize(Number(byId<HTMLInputElement>('days-offset').value || 0)));
  const target = byId<HTMLSelectElement>('convert-to');
  target.addEventListener('change', () => labelConvertButton(target.value));
  offer('convert-form', () => session.convert(target.value));
  offer('database-form', () => session.database());
}

/** The versions the opened export can be converted for, oldest first; the newest is chosen. */
export function showConvertTargets(versions: readonly string[]): void {
  const select = byId<HTMLSelectElement>('convert-to');
  select.replaceChildren(...versions.map((version) => el('option', { value: version }, `Sentry ${version}`)));
  select.value = versions.at(-1) ?? '';
  labelConvertButton(select.value);
}

function labelConvertButton(version: string): void {
  byId('download-converted').textContent = `Converted for Sentry ${version === '' ? '…' : version}`;
}
