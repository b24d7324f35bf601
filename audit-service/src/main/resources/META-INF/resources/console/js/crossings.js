// The crossings at a glance, placed roughly where their neighbour lies (Turkey north, Iran east, the Gulf south,
// Syria and Jordan west), and one crossing's scorecard.
import { crossings, get, inBatches } from './api.js';
import { COLOURS, GRID, draw, escape, isRightToLeft } from './charts.js';
import { h, facts } from './dom.js';
import { compactMoney, crossingName, date, label, money, number, percent, t } from './i18n.js';
import { defaultPeriod, periodForm } from './revenue.js';

const NEIGHBOURS = ['TR', 'SY', 'IR', 'JO', 'SA', 'KW'];
const HIGH_STAKE_IQD = 10_000_000;

function ratioBand(ratio) {
  if (ratio === null || ratio === undefined) {
    return 'none';
  }
  const value = Number(ratio);
  if (value >= 0.95) {
    return 'good';
  }
  return value >= 0.8 ? 'fair' : 'poor';
}

function stakeBand(amount) {
  const value = Number(amount);
  if (value >= HIGH_STAKE_IQD) {
    return 'high';
  }
  return value > 0 ? 'some' : 'none';
}

export async function crossingsView(main, route) {
  const period = defaultPeriod(route);
  const registry = await crossings();
  const cards = await inBatches(registry, 6, (c) => get(`/crossings/${c.code}/scorecard`, period));
  const query = new URLSearchParams(period).toString();
  const tile = (card) => {
    const c = card.crossing;
    const ratio = ratioBand(card.collectionRatio);
    const stake = stakeBand(card.amountAtStakeIqd);
    return h('li', {},
      h('a', { className: `tile ratio-${ratio} stake-${stake}`, href: `#/crossings/${c.code}?${query}`, 'data-crossing': c.code },
        h('span', { className: 'tile-name' }, crossingName(c), ' ', h('span', { className: 'code' }, c.code)),
        h('span', {}, t('crossings.ratioLine', { ratio: percent(card.collectionRatio) })),
        h('span', {}, t('crossings.stakeLine', { count: number(card.discrepancies), amount: money(card.amountAtStakeIqd) }))));
  };
  const countries = NEIGHBOURS.filter((country) => cards.some((card) => card.crossing.neighbourCountry === country));
  main.append(
    h('h1', {}, t('crossings.title')),
    h('p', { className: 'lead' }, t('crossings.lead')),
    periodForm(period, '#/crossings'),
    legend(),
    // The map keeps its geography in Arabic too: only the text inside each country flows right to left.
    h('div', { className: 'map', dir: 'ltr' },
      countries.map((country) => h('section', { className: `neighbour neighbour-${country}`, dir: isRightToLeft() ? 'rtl' : 'ltr',
        'aria-labelledby': `neighbour-${country}` },
        h('h2', { id: `neighbour-${country}` }, t(`country.${country}`)),
        h('ul', { className: 'tiles' }, cards.filter((card) => card.crossing.neighbourCountry === country).map(tile))))));
}

function legend() {
  const swatch = (className, text) => h('li', {}, h('span', { className: `swatch ${className}`, 'aria-hidden': 'true' }), text);
  return h('section', { className: 'legend', 'aria-label': t('crossings.legend') },
    h('ul', {},
      swatch('ratio-good', t('crossings.ratioGood')),
      swatch('ratio-fair', t('crossings.ratioFair')),
      swatch('ratio-poor', t('crossings.ratioPoor')),
      swatch('ratio-none', t('crossings.ratioNone')),
      swatch('stake-high', t('crossings.stakeHigh')),
      swatch('stake-some', t('crossings.stakeSome'))));
}

export async function scorecardView(main, route) {
  const code = route.segments[1];
  const period = defaultPeriod(route);
  const card = await get(`/crossings/${encodeURIComponent(code)}/scorecard`, period);
  const c = card.crossing;
  const name = crossingName(c);
  const types = [...card.byType].sort((a, b) => Number(b.amountAtStakeIqd) - Number(a.amountAtStakeIqd));
  const chart = h('div', { className: 'chart', id: 'scorecard-by-type' });
  main.append(
    h('p', {}, h('a', { href: `#/revenue?${new URLSearchParams(period)}` }, t('scorecard.back'))),
    h('h1', {}, t('scorecard.title', { name, code: c.code })),
    h('p', { className: 'lead' }, t('scorecard.where', {
      country: label('country', c.neighbourCountry), governorate: c.governorate, region: label('region', c.region),
    })),
    periodForm(period, `#/crossings/${c.code}`),
    h('h2', {}, t('common.period', { from: date(card.from), to: date(card.to) })),
    facts([
      [t('scorecard.declarations'), number(card.declarations)],
      [t('scorecard.released'), number(card.released)],
      [t('scorecard.offHours'), `${number(card.releasedOffHours)} (${percent(card.offHoursReleaseShare)})`],
      [t('revenue.assessed'), money(card.assessedIqd)],
      [t('revenue.collected'), money(card.collectedIqd)],
      [t('revenue.ratio'), percent(card.collectionRatio)],
      [t('scorecard.discrepancies'), number(card.discrepancies)],
      [t('scorecard.atStake'), money(card.amountAtStakeIqd)],
    ], 'facts scorecard'),
    h('section', { 'aria-labelledby': 'by-type-title' },
      h('h2', { id: 'by-type-title' }, t('scorecard.byType')),
      types.length ? chart : h('p', { className: 'empty' }, t('cases.none')),
      types.length ? typeTable(c.code, types) : null),
    h('p', {}, h('a', { className: 'button', href: `#/discrepancies?crossing=${c.code}` }, t('scorecard.allCases', { name }))));
  if (types.length) {
    chart.style.height = `${Math.max(200, types.length * 40 + 60)}px`;
    const rtl = isRightToLeft();
    const labels = types.map((type) => label('type', type.type));
    draw(chart, {
      grid: { ...GRID, top: 10 },
      tooltip: { trigger: 'item', formatter: (p) => `${escape(labels[p.dataIndex])}: ${escape(money(types[p.dataIndex].amountAtStakeIqd))}` },
      xAxis: { type: 'value', inverse: rtl, axisLabel: { formatter: (v) => compactMoney(v) } },
      yAxis: { type: 'category', data: labels, inverse: true, position: rtl ? 'right' : 'left' },
      series: [{ type: 'bar', barMaxWidth: 22, itemStyle: { color: COLOURS.gap }, data: types.map((type) => Number(type.amountAtStakeIqd)) }],
    }, `${t('scorecard.byType')}: ${labels.join(', ')}.`, (index) => {
      location.hash = `#/discrepancies?crossing=${c.code}&type=${types[index].type}`;
    });
  }
}

function typeTable(code, types) {
  return h('div', { className: 'table-scroll' },
    h('table', {},
      h('caption', { className: 'visually-hidden' }, t('scorecard.byType')),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('cases.type')),
        h('th', { scope: 'col', className: 'number' }, t('scorecard.count')),
        h('th', { scope: 'col', className: 'number' }, t('scorecard.open')),
        h('th', { scope: 'col', className: 'number' }, t('scorecard.atStake')))),
      h('tbody', {}, types.map((type) => h('tr', {},
        h('th', { scope: 'row' }, h('a', { href: `#/discrepancies?crossing=${code}&type=${type.type}` }, label('type', type.type))),
        h('td', { className: 'number' }, number(type.count)),
        h('td', { className: 'number' }, number(type.open)),
        h('td', { className: 'number' }, money(type.amountAtStakeIqd)))))));
}
