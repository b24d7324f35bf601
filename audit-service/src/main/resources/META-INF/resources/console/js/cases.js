// The discrepancy list: filters in the address (so a filtered list can be shared), keyset pages, CSV export.
import { crossings, downloadCsv, get } from './api.js';
import { announce, field, h } from './dom.js';
import { crossingName, dateTime, label, money, t, todayInBaghdad } from './i18n.js';

export const TYPES = ['UNPAID_RELEASE', 'UNDERPAYMENT', 'ORPHAN_PAYMENT', 'DUPLICATE_RECEIPT', 'WEIGHT_MISMATCH',
  'POST_FILING_RECLASSIFICATION', 'INVALID_EXEMPTION', 'OFF_HOURS_RELEASE', 'UNIT_VALUE_OUTLIER', 'RED_LANE_NOT_INSPECTED',
  'TRANSIT_NOT_DISCHARGED'];
const STATUSES = ['OPEN', 'UNDER_REVIEW', 'CONFIRMED', 'DISMISSED', 'CLOSED'];
const FILTERS = ['crossing', 'type', 'status', 'from', 'to', 'minAmountIqd'];
const PAGE_SIZE = 25;
const FIRST_PAGE = '-';

export function fourEyesText(fourEyes) {
  if (fourEyes.pending) {
    return t('fourEyes.pending');
  }
  return fourEyes.required ? t('fourEyes.required') : t('fourEyes.notRequired');
}

export function statusBadge(status) {
  return h('span', { className: `badge status-${status}` }, label('status', status));
}

function select(name, value, anyText, options) {
  return h('select', { name },
    h('option', { value: '' }, anyText),
    options.map(([optionValue, text]) => h('option', { value: optionValue, selected: optionValue === value }, text)));
}

export async function casesView(main, route) {
  const filters = Object.fromEntries(FILTERS.map((name) => [name, route.params.get(name) || '']));
  const cursor = route.params.get('cursor') || '';
  // The cursors of the pages before this one, so "previous" works without the server keeping state.
  const trail = route.params.get('back') ? route.params.get('back').split(',') : [];
  const [registry, page] = await Promise.all([
    crossings(),
    get('/discrepancies', { ...filters, cursor, limit: PAGE_SIZE }),
  ]);
  const names = new Map(registry.map((c) => [c.code, crossingName(c)]));

  const form = h('form', {
    className: 'filters',
    'aria-label': t('cases.filters'),
    onsubmit: (event) => {
      event.preventDefault();
      const chosen = Object.fromEntries([...new FormData(form)].filter(([, value]) => value !== ''));
      location.hash = `#/discrepancies?${new URLSearchParams(chosen)}`;
    },
  },
  field(t('common.crossing'), select('crossing', filters.crossing, t('cases.anyCrossing'),
    registry.map((c) => [c.code, `${crossingName(c)} (${c.code})`]))),
  field(t('cases.type'), select('type', filters.type, t('cases.anyType'), TYPES.map((type) => [type, label('type', type)]))),
  field(t('cases.status'), select('status', filters.status, t('cases.anyStatus'), STATUSES.map((s) => [s, label('status', s)]))),
  field(t('cases.detectedFrom'), h('input', { type: 'date', name: 'from', value: filters.from })),
  field(t('cases.detectedTo'), h('input', { type: 'date', name: 'to', value: filters.to })),
  field(t('cases.minAmount'), h('input', { type: 'number', name: 'minAmountIqd', min: 0, step: 1000, inputmode: 'numeric', value: filters.minAmountIqd })),
  h('div', { className: 'actions' },
    h('button', { type: 'submit' }, t('cases.apply')),
    h('button', {
      type: 'button',
      className: 'secondary',
      id: 'download-csv',
      onclick: async () => {
        await downloadCsv('/discrepancies', filters, `discrepancies-${todayInBaghdad()}.csv`);
        announce(t('cases.downloaded'));
      },
    }, t('cases.csv'))));

  const pageLink = (nextCursor, nextTrail, text, rel) => {
    const parameters = new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== ''));
    if (nextCursor && nextCursor !== FIRST_PAGE) {
      parameters.set('cursor', nextCursor);
    }
    if (nextTrail.length) {
      parameters.set('back', nextTrail.join(','));
    }
    return h('a', { className: 'button secondary', href: `#/discrepancies?${parameters}`, rel }, text);
  };

  main.append(
    h('h1', {}, t('cases.title')),
    form,
    page.items.length ? caseTable(page.items, names) : h('p', { className: 'empty' }, t('cases.none')),
    h('nav', { className: 'pager', 'aria-label': t('cases.page', { page: trail.length + 1 }) },
      trail.length ? pageLink(trail[trail.length - 1], trail.slice(0, -1), t('cases.previous'), 'prev') : null,
      h('span', {}, t('cases.page', { page: trail.length + 1 })),
      page.nextCursor ? pageLink(page.nextCursor, [...trail, cursor || FIRST_PAGE], t('cases.next'), 'next') : null),
    h('p', { className: 'hint' }, t('common.baghdadTime')));
}

function caseTable(items, names) {
  return h('div', { className: 'table-scroll' },
    h('table', { id: 'cases' },
      h('caption', { className: 'visually-hidden' }, t('cases.title')),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('cases.type')),
        h('th', { scope: 'col' }, t('common.crossing')),
        h('th', { scope: 'col' }, t('cases.status')),
        h('th', { scope: 'col', className: 'number' }, t('cases.amount')),
        h('th', { scope: 'col' }, t('cases.detected')),
        h('th', { scope: 'col' }, t('cases.fourEyes')))),
      h('tbody', {}, items.map((d) => h('tr', { 'data-case': d.id, 'data-declaration': d.declarationId },
        h('th', { scope: 'row' }, h('a', {
          href: `#/discrepancies/${d.id}`,
          'aria-label': t('cases.openLabel', { type: label('type', d.type), crossing: names.get(d.crossingCode) || d.crossingCode, amount: money(d.amountAtStakeIqd) }),
        }, label('type', d.type))),
        h('td', {}, names.get(d.crossingCode) || d.crossingCode || '—'),
        h('td', {}, statusBadge(d.status)),
        h('td', { className: 'number' }, money(d.amountAtStakeIqd)),
        h('td', {}, dateTime(d.detectedAt)),
        h('td', {}, fourEyesText(d.fourEyes)))))));
}
