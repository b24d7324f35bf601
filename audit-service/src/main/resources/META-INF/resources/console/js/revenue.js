// Revenue: assessed, collected and gap by crossing and by month, each against the same period a year earlier.
// A crossing picked on the chart (or in its table) opens that crossing's scorecard.
import { crossings, get } from './api.js';
import { COLOURS, EARLIER_DECAL, GRID, draw, escape, isRightToLeft } from './charts.js';
import { h, field } from './dom.js';
import { compactMoney, crossingName, date, money, month, percent, shiftDays, t, todayInBaghdad } from './i18n.js';

export function defaultPeriod(route) {
  const to = route.params.get('to') || todayInBaghdad();
  const from = route.params.get('from') || shiftDays(to, -29);
  return { from, to };
}

/** The date form every period view shares; submitting it changes the address, so the view can be bookmarked. */
export function periodForm(period, path) {
  const from = h('input', { type: 'date', name: 'from', value: period.from, required: true });
  const to = h('input', { type: 'date', name: 'to', value: period.to, required: true });
  return h('form', {
    className: 'period',
    onsubmit: (event) => {
      event.preventDefault();
      location.hash = `${path}?${new URLSearchParams({ from: from.value, to: to.value })}`;
    },
  }, field(t('common.from'), from), field(t('common.to'), to), h('button', { type: 'submit' }, t('common.show')));
}

function ratio(figures) {
  const assessed = Number(figures.assessedIqd);
  return assessed > 0 ? Number(figures.collectedIqd) / assessed : null;
}

function firstOfMonthBefore(isoDay, months) {
  const [year, monthNumber] = isoDay.split('-').map(Number);
  return new Date(Date.UTC(year, monthNumber - 1 - months, 1)).toISOString().slice(0, 10);
}

export async function revenueView(main, route) {
  const period = defaultPeriod(route);
  const monthsFrom = firstOfMonthBefore(period.to, 11);
  const [byCrossing, byMonth, registry] = await Promise.all([
    get('/revenue', { ...period, groupBy: 'crossing' }),
    get('/revenue', { from: monthsFrom, to: period.to, groupBy: 'month' }),
    crossings(),
  ]);
  const names = new Map(registry.map((c) => [c.code, crossingName(c)]));
  const rows = [...byCrossing.rows].sort((a, b) => Number(b.current.gapIqd) - Number(a.current.gapIqd));

  const crossingChart = h('div', { className: 'chart', id: 'revenue-by-crossing' });
  const monthChart = h('div', { className: 'chart', id: 'revenue-by-month' });
  main.append(
    h('h1', {}, t('revenue.title')),
    h('p', { className: 'lead' }, t('revenue.lead')),
    periodForm(period, '#/revenue'),
    totals(byCrossing),
    h('section', { 'aria-labelledby': 'by-crossing-title' },
      h('h2', { id: 'by-crossing-title' }, t('revenue.byCrossing'), t('common.separator'), t('common.period', { from: date(period.from), to: date(period.to) })),
      h('p', { className: 'hint' }, t('revenue.byCrossingHint')),
      rows.length ? crossingChart : h('p', { className: 'empty' }, t('common.noData')),
      rows.length ? crossingTable(rows, names) : null),
    h('section', { 'aria-labelledby': 'by-month-title' },
      h('h2', { id: 'by-month-title' }, t('revenue.byMonth')),
      h('p', { className: 'hint' }, t('revenue.byMonthHint', { to: date(period.to) })),
      byMonth.rows.length ? monthChart : h('p', { className: 'empty' }, t('common.noData')),
      byMonth.rows.length ? monthTable(byMonth.rows) : null));

  if (rows.length) {
    crossingChart.style.height = `${Math.max(260, rows.length * 56 + 90)}px`;
    drawByCrossing(crossingChart, rows, names, (index) => {
      location.hash = `#/crossings/${rows[index].key}`;
    });
  }
  if (byMonth.rows.length) {
    drawByMonth(monthChart, byMonth.rows);
  }
}

function totals(report) {
  const card = (title, value, earlier) => h('div', { className: 'figure' },
    h('span', { className: 'figure-title' }, title),
    h('span', { className: 'figure-value' }, value),
    h('span', { className: 'figure-earlier' }, t('revenue.vsEarlier', { amount: earlier })));
  return h('div', { className: 'figures', role: 'group', 'aria-label': t('revenue.thisPeriod') },
    card(t('revenue.assessed'), money(report.total.assessedIqd), money(report.previousYearTotal.assessedIqd)),
    card(t('revenue.collected'), money(report.total.collectedIqd), money(report.previousYearTotal.collectedIqd)),
    card(t('revenue.gap'), money(report.total.gapIqd), money(report.previousYearTotal.gapIqd)),
    card(t('revenue.ratio'), percent(ratio(report.total)), percent(ratio(report.previousYearTotal))));
}

function stacked(name, stack, values, colour, decal) {
  return {
    name,
    type: 'bar',
    stack,
    barMaxWidth: 22,
    emphasis: { focus: 'series' },
    itemStyle: { color: colour, ...(decal ? { decal } : {}) },
    // A crossing that collected more than it assessed has no gap to draw.
    data: values.map((v) => Math.max(0, Number(v))),
  };
}

function drawByCrossing(container, rows, names, onPick) {
  const rtl = isRightToLeft();
  const labels = rows.map((r) => names.get(r.key) || r.key);
  const tooltip = (index) => {
    const r = rows[index];
    return `<strong>${escape(labels[index])} (${escape(r.key)})</strong><br>`
      + `${escape(t('revenue.assessed'))}: ${escape(money(r.current.assessedIqd))}<br>`
      + `${escape(t('revenue.collected'))}: ${escape(money(r.current.collectedIqd))}<br>`
      + `${escape(t('revenue.gap'))}: ${escape(money(r.current.gapIqd))}<br>`
      + `${escape(t('revenue.assessedEarlier'))}: ${escape(money(r.previousYear.assessedIqd))}<br>`
      + `${escape(t('revenue.collectedEarlier'))}: ${escape(money(r.previousYear.collectedIqd))}`;
  };
  const worst = rows[0];
  draw(container, {
    color: [COLOURS.collected, COLOURS.gap, COLOURS.collectedEarlier, COLOURS.gapEarlier],
    legend: { top: 0, itemGap: 16 },
    grid: GRID,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (params) => tooltip(params[0].dataIndex) },
    xAxis: { type: 'value', inverse: rtl, axisLabel: { formatter: (v) => compactMoney(v) } },
    yAxis: { type: 'category', data: labels, inverse: true, position: rtl ? 'right' : 'left', axisLabel: { color: '#0b4f6c' } },
    series: [
      stacked(t('revenue.collected'), 'current', rows.map((r) => r.current.collectedIqd), COLOURS.collected),
      stacked(t('revenue.gap'), 'current', rows.map((r) => r.current.gapIqd), COLOURS.gap),
      stacked(t('revenue.collectedEarlier'), 'earlier', rows.map((r) => r.previousYear.collectedIqd), COLOURS.collectedEarlier, EARLIER_DECAL),
      stacked(t('revenue.gapEarlier'), 'earlier', rows.map((r) => r.previousYear.gapIqd), COLOURS.gapEarlier, EARLIER_DECAL),
    ],
  }, `${t('revenue.byCrossing')}: ${rows.length}. ${labels[0]}: ${t('revenue.gap')} ${money(worst.current.gapIqd)}.`, onPick);
}

function drawByMonth(container, rows) {
  const rtl = isRightToLeft();
  const labels = rows.map((r) => month(r.key));
  const line = (name, values, colour) => ({
    name,
    type: 'line',
    symbol: 'circle',
    symbolSize: 7,
    lineStyle: { type: 'dashed', width: 2, color: colour },
    itemStyle: { color: colour },
    data: values.map(Number),
  });
  draw(container, {
    legend: { top: 0, itemGap: 16 },
    grid: GRID,
    tooltip: { trigger: 'axis', valueFormatter: (v) => money(v) },
    xAxis: { type: 'category', data: labels, inverse: rtl },
    yAxis: { type: 'value', position: rtl ? 'right' : 'left', axisLabel: { formatter: (v) => compactMoney(v) } },
    series: [
      stacked(t('revenue.collected'), 'current', rows.map((r) => r.current.collectedIqd), COLOURS.collected),
      stacked(t('revenue.gap'), 'current', rows.map((r) => r.current.gapIqd), COLOURS.gap),
      line(t('revenue.assessedEarlier'), rows.map((r) => r.previousYear.assessedIqd), COLOURS.assessedEarlier),
      line(t('revenue.collectedEarlier'), rows.map((r) => r.previousYear.collectedIqd), COLOURS.collected),
    ],
  }, `${t('revenue.byMonth')}: ${labels.join(', ')}.`);
}

function figureCells(figures) {
  return [
    h('td', { className: 'number' }, money(figures.assessedIqd)),
    h('td', { className: 'number' }, money(figures.collectedIqd)),
    h('td', { className: 'number' }, money(figures.gapIqd)),
    h('td', { className: 'number' }, percent(ratio(figures))),
  ];
}

function figureHeaders(first) {
  return h('tr', {},
    h('th', { scope: 'col' }, first),
    [t('revenue.assessed'), t('revenue.collected'), t('revenue.gap'), t('revenue.ratio'), t('revenue.assessedEarlier'),
      t('revenue.collectedEarlier'), t('revenue.gapEarlier'), `${t('revenue.ratio')} (${t('common.yearEarlier')})`]
      .map((title) => h('th', { scope: 'col', className: 'number' }, title)));
}

function crossingTable(rows, names) {
  return h('details', { className: 'figures-table' },
    h('summary', {}, t('common.asTable')),
    h('div', { className: 'table-scroll' },
      h('table', { id: 'revenue-by-crossing-table' },
        h('caption', { className: 'visually-hidden' }, t('revenue.byCrossing')),
        h('thead', {}, figureHeaders(t('common.crossing'))),
        h('tbody', {}, rows.map((r) => h('tr', { 'data-crossing': r.key },
          h('th', { scope: 'row' }, h('a', { href: `#/crossings/${r.key}` }, `${names.get(r.key) || r.key} (${r.key})`)),
          figureCells(r.current), figureCells(r.previousYear)))))));
}

function monthTable(rows) {
  return h('details', { className: 'figures-table' },
    h('summary', {}, t('common.asTable')),
    h('div', { className: 'table-scroll' },
      h('table', {},
        h('caption', { className: 'visually-hidden' }, t('revenue.byMonth')),
        h('thead', {}, figureHeaders(t('revenue.month'))),
        h('tbody', {}, rows.map((r) => h('tr', {},
          h('th', { scope: 'row' }, month(r.key)), figureCells(r.current), figureCells(r.previousYear)))))));
}
