/** The downloads tab: an export of a subset (Sentry's scopes and filters), a sanitized export, the database. */
import type { ExportScope } from '../core/scopes.js';
import { byId, offerDownload } from './dom.js';
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
        report(download.objects > 0 || download.type === 'application/json' ? `${download.name}: ${download.objects} objects.` : `${download.name}.`);
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
  offer('database-form', () => session.database());
}
