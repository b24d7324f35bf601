// One discrepancy: its evidence, the four-eyes state, the decisions so far and the form for the next one, beside
// the declaration's whole story as a timeline.
import { ApiError, crossings, get, post } from './api.js';
import { user } from './auth.js';
import { announce, facts, field, h, replace } from './dom.js';
import { crossingName, dateTime, label, money, number, t } from './i18n.js';
import { fourEyesText, statusBadge } from './cases.js';

const FINAL = ['CONFIRMED', 'DISMISSED', 'CLOSED'];
const DECISIONS = ['REVIEW', 'CONFIRM', 'DISMISS'];

export async function caseView(main, route) {
  const id = route.segments[1];
  const [discrepancy, registry] = await Promise.all([get(`/discrepancies/${encodeURIComponent(id)}`), crossings()]);
  const story = await get(`/declarations/${discrepancy.declarationId}/correlation`).catch((e) => {
    if (e instanceof ApiError && e.status === 404) {
      return null;
    }
    throw e;
  });
  const crossing = registry.find((c) => c.code === discrepancy.crossingCode);
  const place = crossing ? crossingName(crossing) : (discrepancy.crossingCode || '—');
  const caseColumn = h('div', { className: 'case-column' });
  main.append(
    h('p', {}, h('a', { href: `#/discrepancies?crossing=${discrepancy.crossingCode || ''}` }, `${t('cases.title')}${t('common.separator')}${place}`)),
    h('h1', {}, t('case.title', { type: label('type', discrepancy.type), crossing: place }), ' ', statusBadge(discrepancy.status)),
    h('div', { className: 'case-layout' }, caseColumn, storyColumn(story, registry)));
  renderCase(caseColumn, discrepancy);
}

function renderCase(column, d) {
  replace(column,
    h('section', { 'aria-labelledby': 'case-summary' },
      h('h2', { id: 'case-summary' }, t('case.summary')),
      facts([
        [t('cases.status'), statusBadge(d.status)],
        [t('cases.amount'), money(d.amountAtStakeIqd)],
        [t('cases.detected'), dateTime(d.detectedAt)],
        [t('case.declaration'), h('code', {}, d.declarationId)],
        [t('case.id'), h('code', {}, d.id)],
        [t('case.closedReason'), d.closedReason],
      ])),
    h('section', { 'aria-labelledby': 'case-evidence' },
      h('h2', { id: 'case-evidence' }, t('case.evidence')),
      facts(Object.entries(d.evidence || {}).map(([name, value]) => [humanise(name), evidenceValue(name, value)]), 'facts evidence')),
    fourEyesPanel(d.fourEyes),
    history(d.decisions || []),
    decisionForm(d, (updated) => {
      renderCase(column, updated);
      document.querySelectorAll('h1 .badge').forEach((badge) => badge.replaceWith(statusBadge(updated.status)));
      const status = column.querySelector('#decision-result');
      status.focus();
    }));
}

/** shortfallIqd -> "Shortfall": evidence keys are the rule's own words; the unit shows in the value. */
function humanise(name) {
  const words = name.replace(/(Iqd|Kg)$/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function evidenceValue(name, value) {
  if (value === null || value === undefined) {
    return '—';
  }
  if (Array.isArray(value)) {
    return h('ul', { className: 'evidence-list' }, value.map((item) => h('li', {}, evidenceValue(name, item))));
  }
  if (typeof value === 'object') {
    // A receipt or an item: its plain fields in one line, ids left out as noise beside the rest.
    return Object.entries(value).filter(([key, v]) => !/Id$/.test(key) && (v === null || typeof v !== 'object'))
      .map(([key, v]) => `${humanise(key)}: ${text(evidenceValue(key, v))}`).join(t('common.separator'));
  }
  if (/(^a|A)mount$/.test(name) && !Number.isNaN(Number(value))) {
    return number(value, 3);
  }
  if (/Iqd$/.test(name) && !Number.isNaN(Number(value))) {
    return money(value);
  }
  if (/(At|Deadline)$/.test(name) && !Number.isNaN(Date.parse(value))) {
    return dateTime(value);
  }
  if (/Kg$/.test(name) && !Number.isNaN(Number(value))) {
    return `${number(value, 3)} kg`;
  }
  if (/Percent$/.test(name) && !Number.isNaN(Number(value))) {
    return `${number(value, 3)} %`;
  }
  return String(value);
}

function text(value) {
  return value instanceof Node ? value.textContent : value;
}

function fourEyesPanel(fourEyes) {
  const lines = [
    h('p', { className: `four-eyes-state${fourEyes.pending ? ' pending' : ''}` }, h('strong', {}, fourEyesText(fourEyes))),
    h('p', {}, fourEyes.required ? t('case.threshold', { amount: money(fourEyes.thresholdIqd) })
      : t('case.belowThreshold', { amount: money(fourEyes.thresholdIqd) })),
  ];
  if (fourEyes.pending) {
    lines.push(h('p', { dir: 'auto' }, t('case.firstDismissal', { who: fourEyes.firstDismissedBy, when: dateTime(fourEyes.firstDismissedAt), reason: fourEyes.firstReason })));
    lines.push(h('p', {}, t('case.awaiting', { who: fourEyes.firstDismissedBy })));
  }
  return h('section', { className: 'four-eyes', id: 'four-eyes', 'aria-labelledby': 'four-eyes-title' },
    h('h2', { id: 'four-eyes-title' }, t('case.fourEyes')), lines);
}

function history(decisions) {
  return h('section', { 'aria-labelledby': 'case-history' },
    h('h2', { id: 'case-history' }, t('case.history')),
    decisions.length === 0 ? h('p', { className: 'empty' }, t('case.noDecisions'))
      : h('div', { className: 'table-scroll' }, h('table', { id: 'decisions' },
        h('caption', { className: 'visually-hidden' }, t('case.history')),
        h('thead', {}, h('tr', {}, [t('case.when'), t('case.decidedBy'), t('case.decision'), t('case.reason'), t('case.effect')]
          .map((title) => h('th', { scope: 'col' }, title)))),
        h('tbody', {}, decisions.map((decision) => h('tr', {},
          h('td', {}, dateTime(decision.decidedAt)),
          h('td', {}, decision.decidedBy),
          h('td', {}, label('decisionShort', decision.decision)),
          h('td', { className: 'reason', dir: 'auto' }, decision.reason),
          h('td', {}, label('effect', decision.effect))))))));
}

function decisionForm(d, decided) {
  const result = h('div', { id: 'decision-result', tabindex: '-1', role: 'status' });
  if (FINAL.includes(d.status)) {
    return h('section', { 'aria-labelledby': 'decide-title' },
      h('h2', { id: 'decide-title' }, t('case.decide')), result,
      h('p', {}, t('case.final', { status: label('status', d.status) })));
  }
  const me = user();
  const notes = [];
  if (d.fourEyes.pending && d.fourEyes.firstDismissedBy === me.username) {
    notes.push(h('p', { className: 'note' }, t('case.youDismissed')));
  } else if (d.fourEyes.pending && !me.senior) {
    notes.push(h('p', { className: 'note' }, t('case.seniorOnly')));
  }
  const error = h('div', { className: 'error-text', id: 'decision-error', role: 'alert' });
  const reason = h('textarea', { name: 'reason', rows: 4, maxlength: 4000, required: true });
  const choices = h('fieldset', { className: 'choices' },
    h('legend', {}, t('case.decision')),
    DECISIONS.map((decision) => h('div', { className: 'choice' },
      h('input', { type: 'radio', name: 'decision', value: decision, id: `decision-${decision}`, required: true }),
      h('label', { for: `decision-${decision}` }, t(`decision.${decision}`)))));
  const submit = h('button', { type: 'submit' }, t('case.submit'));
  const form = h('form', {
    className: 'decision',
    'aria-labelledby': 'decide-title',
    'aria-describedby': 'decision-error',
    onsubmit: async (event) => {
      event.preventDefault();
      const chosen = new FormData(form).get('decision');
      if (!chosen) {
        error.textContent = t('case.chooseDecision');
        return;
      }
      if (!reason.value.trim()) {
        error.textContent = t('case.needReason');
        reason.focus();
        return;
      }
      submit.disabled = true;
      error.textContent = '';
      try {
        const updated = await post(`/discrepancies/${d.id}/decisions`, { decision: chosen, reason: reason.value.trim() });
        decided(updated);
        const text = t('case.recorded', { decision: label('decisionShort', chosen) });
        document.getElementById('decision-result').textContent = text;
        announce(text);
      } catch (e) {
        error.textContent = e.message;
        submit.disabled = false;
      }
    },
  }, choices, field(t('case.reason'), reason, t('case.reasonHint')), error, submit);
  return h('section', { 'aria-labelledby': 'decide-title' }, h('h2', { id: 'decide-title' }, t('case.decide')), result, notes, form);
}

function storyColumn(story, registry) {
  if (!story) {
    return h('section', { className: 'story', 'aria-labelledby': 'story-title' },
      h('h2', { id: 'story-title' }, t('story.title')), h('p', { className: 'empty' }, t('story.unknown')));
  }
  const names = new Map(registry.map((c) => [c.code, crossingName(c)]));
  return h('section', { className: 'story', 'aria-labelledby': 'story-title' },
    h('h2', { id: 'story-title' }, t('story.title')),
    story.filed ? null : h('p', { className: 'note' }, t('story.notFiled')),
    facts([
      [t('story.direction'), story.direction ? label('direction', story.direction) : null],
      [t('story.lane'), story.lane ? label('lane', story.lane) : null],
      [t('story.duty'), story.dutyAssessedIqd ? money(story.dutyAssessedIqd) : null],
      [t('story.paid'), money(story.paidIqd)],
      [t('story.balance'), story.balanceIqd ? money(story.balanceIqd) : null],
    ]),
    h('h3', {}, t('story.timeline')),
    h('ol', { className: 'timeline', id: 'timeline' }, story.timeline.map((entry) => h('li', { 'data-type': entry.type },
      h('span', { className: `marker marker-${entry.type.split('.')[2] || 'other'}`, 'aria-hidden': 'true' }),
      h('div', { className: 'timeline-body' },
        h('p', { className: 'timeline-title' },
          h('strong', {}, label('event', entry.type)), t('common.separator'),
          h('time', { datetime: entry.occurredAt }, dateTime(entry.occurredAt)),
          entry.crossingCode ? `${t('common.separator')}${names.get(entry.crossingCode) || entry.crossingCode}` : ''),
        h('p', { className: 'timeline-detail' }, detail(entry, story, names)),
        h('p', { className: 'timeline-recorded' }, t('story.recorded', { when: dateTime(entry.recordedAt) })))))),
    h('p', { className: 'hint' }, t('common.baghdadTime')));
}

function sameInstant(a, b) {
  return a && b && Date.parse(a) === Date.parse(b);
}

/** What the fact said, found among the story's parts by the instant it happened. */
function detail(entry, story, names) {
  const at = entry.occurredAt;
  switch (entry.type) {
    case 'iq.bcc.declaration.filed.v1':
    case 'iq.bcc.declaration.amended.v1': {
      const filed = entry.type.endsWith('filed.v1');
      // Amendments carry no instant of their own in the version: the nth amendment is the nth later version.
      const amendments = story.versions.filter((v) => v.version > 1).sort((a, b) => a.version - b.version);
      const version = filed ? story.versions.find((v) => v.version === 1)
        : amendments[story.timeline.filter((e) => e.type === entry.type).indexOf(entry)];
      if (!version) {
        return '';
      }
      if (!filed && version.reason) {
        return t('detail.amendment', { version: version.version, reason: version.reason });
      }
      const items = version.items || [];
      const gross = items.reduce((sum, item) => sum + Number(item.grossWeightKg || 0), 0);
      const values = items.map((item) => `${number(item.customsValue?.amount, 2)} ${item.customsValue?.currency ?? ''}`);
      return t('detail.version', { version: version.version, items: number(items.length), gross: number(gross, 3), value: values.join(' + ') });
    }
    case 'iq.bcc.declaration.weighed.v1': {
      const w = story.weighings.find((x) => sameInstant(x.weighedAt, at));
      return w ? t('detail.weighed', { kg: number(w.grossWeightKg, 3), scale: w.scaleId }) : '';
    }
    case 'iq.bcc.declaration.inspected.v1': {
      const i = story.inspections.find((x) => sameInstant(x.inspectedAt, at));
      return i ? t('detail.inspected', { channel: label('lane', i.channel), outcome: i.outcome }) : '';
    }
    case 'iq.bcc.payment.recorded.v1': {
      const r = story.receipts.find((x) => sameInstant(x.paidAt, at));
      return r ? t('detail.paid', { number: r.receiptNumber, amount: number(r.amount, 3), currency: r.currency, method: r.method }) : '';
    }
    case 'iq.bcc.declaration.released.v1':
      return story.release ? t('detail.released', { lane: label('lane', story.release.lane) }) : '';
    case 'iq.bcc.declaration.transit-exited.v1':
      return story.transitExit ? t('detail.exited', { crossing: names.get(story.transitExit.exitCrossingCode) || story.transitExit.exitCrossingCode }) : '';
    case 'iq.bcc.assessment.completed.v1': {
      const a = story.assessments.find((x) => sameInstant(x.assessedAt, at));
      return a ? t('detail.assessed', { amount: money(a.totalDutyIqd) }) : '';
    }
    default:
      return '';
  }
}
