/**
 * The table browser: one model's rows, a page at a time, in pk order. Foreign keys are links to
 * the row they point at (`#browse/<model>/pk/<pk>`), which opens the page holding that row and
 * marks it.
 */
import { el, scrollBox } from './dom.js';
import type { RowsPage, SessionApi } from './session-protocol.js';

export const PAGE_SIZE = 50;

/** Where the browser is: a model, and either an offset or a pk to find. */
export interface BrowseRoute {
  readonly model: string;
  readonly offset?: number;
  readonly pk?: number;
}

export function parseBrowseRoute(hash: string): BrowseRoute | undefined {
  const match = /^#browse\/([^/]+)(?:\/pk\/(\d+)|\/(\d+))?$/.exec(hash);
  if (match === null) return undefined;
  const model = decodeURIComponent(match[1] as string);
  if (match[2] !== undefined) return { model, pk: Number(match[2]) };
  return { model, offset: Number(match[3] ?? 0) };
}

export async function renderTable(panel: HTMLElement, session: SessionApi, models: readonly string[], route: BrowseRoute | undefined): Promise<void> {
  const model = route?.model ?? models[0];
  const picker = el('select', { 'data-testid': 'browse-model', 'aria-label': 'Model' },
    ...models.map((name) => el('option', { value: name, selected: name === model }, name)));
  picker.addEventListener('change', () => { location.hash = `#browse/${picker.value}`; });
  if (model === undefined) {
    panel.replaceChildren(el('p', {}, 'Open an export to browse its tables.'));
    return;
  }
  let offset = route?.offset ?? 0;
  if (route?.pk !== undefined) {
    const found = await session.offsetOf(model, route.pk, PAGE_SIZE);
    if (found === undefined) {
      panel.replaceChildren(picker, el('p', { class: 'error' }, `${model} has no row with pk ${route.pk}.`));
      return;
    }
    offset = found;
  }
  const page = await session.rows(model, offset, PAGE_SIZE);
  const box = scrollBox(rowsTable(page, route?.pk));
  panel.replaceChildren(el('div', { class: 'pager' }, picker, ...pager(page)), box);
  const target = box.querySelector('tr.target');
  if (target !== null) centerIn(box, target);
}

/**
 * Brings a row to the middle of its box by scrolling the box alone: scrollIntoView would also
 * scroll every scrollable ancestor, the page included, and sideways too.
 */
function centerIn(box: HTMLElement, row: Element): void {
  const boxTop = box.getBoundingClientRect().top;
  const rowBox = row.getBoundingClientRect();
  box.scrollTop += rowBox.top - boxTop - (box.clientHeight - rowBox.height) / 2;
}

function pager(page: RowsPage): (HTMLElement | string)[] {
  const last = page.offset + page.rows.length;
  const link = (label: string, offset: number, enabled: boolean) =>
    enabled ? el('a', { href: `#browse/${page.model}/${offset}` }, label) : el('span', { class: 'muted' }, label);
  return [
    link('← previous', Math.max(0, page.offset - PAGE_SIZE), page.offset > 0),
    el('span', { 'data-testid': 'browse-range' }, page.total === 0 ? 'no rows' : `rows ${page.offset + 1}–${last} of ${page.total}`),
    link('next →', page.offset + PAGE_SIZE, last < page.total),
  ];
}

function rowsTable(page: RowsPage, targetPk: number | undefined): HTMLElement {
  const head = el('tr', {}, ...page.columns.map((column) => el('th', {}, column, page.links[column] === undefined ? '' : el('span', { class: 'muted' }, ` → ${page.links[column]}`))));
  const body = page.rows.map((values) => el('tr', { 'data-pk': values[0] as number, class: values[0] === targetPk ? 'target' : undefined },
    ...values.map((value, i) => cell(value, page.links[page.columns[i] as string]))));
  return el('table', { 'data-testid': 'rows', 'data-model-rows': page.model }, el('thead', {}, head), el('tbody', {}, ...body));
}

function cell(value: unknown, target: string | undefined): HTMLElement {
  if (value === null) return el('td', { class: 'cell muted' }, 'null');
  if (target !== undefined) return el('td', { class: 'cell' }, el('a', { href: `#browse/${target}/pk/${String(value)}`, 'data-link': target }, String(value)));
  const text = value instanceof Uint8Array ? `<${value.length} bytes>` : String(value);
  return el('td', { class: 'cell', title: text.length > 60 ? text : undefined }, text);
}
