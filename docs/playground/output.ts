/** What a quote shows: the payout, the explained breakdown, the deadlines as a timeline, the claim under every policy. */
import { type Comparison, deadlineName, explain, type Quote } from 'courier-claims';
import { el } from './dom.js';
import { type Lang, ui } from './labels.js';
import { type TimelineEntry, timeline } from './timeline.js';

/** `2026-03-05T10:00:00+08:00` as `2026-03-05 10:00 (+08:00)`: the wall clock the quote states, with its offset. */
function wallClock(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  return match ? `${match[1]} ${match[2]} (${match[3] === 'Z' ? 'UTC' : match[3]})` : iso;
}

function timelineItem({ deadline, passed }: TimelineEntry, lang: Lang): HTMLLIElement {
  const state = ui(passed ? 'passed' : 'upcoming', lang);
  return el(
    'li',
    { class: passed ? 'passed' : 'upcoming', 'data-deadline': deadline.id },
    el('time', { datetime: deadline.due }, wallClock(deadline.due)),
    ' ',
    el('strong', {}, deadline.id),
    ` ${deadlineName(deadline.id, lang)} `,
    el('span', { class: 'state' }, state),
    el('small', {}, deadline.basis),
  );
}

/** The timeline with a marker for the as-of moment between the deadlines passed and those ahead. */
export function timelineList(quote: Quote, asOf: number, asOfText: string, lang: Lang): HTMLOListElement {
  const entries = timeline(quote.deadlines, asOf);
  const items = entries.map((entry) => timelineItem(entry, lang));
  const marker = el('li', { class: 'as-of', 'aria-current': 'date' }, el('time', { datetime: asOfText }, `${ui('asOfMarker', lang)} ${asOfText}`));
  const split = entries.filter((e) => e.passed).length;
  return el('ol', { class: 'timeline', id: 'timeline' }, ...items.slice(0, split), marker, ...items.slice(split));
}

/** An amount as the Quote writes it (two decimals, M-2) in fen, exactly. */
const fen = (amount: string) => BigInt(amount.replace('.', ''));

/** Signed difference of two amounts, exact: `+40.00`, `−520.00`, `±0.00`. */
function difference(amount: string, from: string): string {
  const d = fen(amount) - fen(from);
  const abs = (d < 0n ? -d : d).toString().padStart(3, '0');
  return `${d === 0n ? '±' : d < 0n ? '−' : '+'}${abs.slice(0, -2)}.${abs.slice(-2)}`;
}

/** The comparison as a table: each policy's version, payout, rules and difference from the chosen policy's payout. */
export function compareTable(comparison: Comparison, chosen: Quote, lang: Lang): HTMLTableElement {
  const head = el(
    'tr',
    {},
    ...(['comparePolicy', 'compareVersion', 'comparePayout', 'compareDifference', 'compareRules'] as const).map((k) => el('th', { scope: 'col' }, ui(k, lang))),
  );
  const rows = comparison.rows.map((row) => {
    const isChosen = row.policy === chosen.policy.id;
    const name = el('th', { scope: 'row' }, row.policy, ...(isChosen ? [' ', el('span', { class: 'chosen' }, ui('chosen', lang))] : []));
    if (!row.outcome.ok) return el('tr', { class: 'failed' }, name, el('td', {}, row.version), el('td', { colspan: '3' }, row.outcome.error.message));
    const q = row.outcome.quote;
    return el(
      'tr',
      isChosen ? { class: 'chosen', 'aria-current': 'true' } : {},
      name,
      el('td', {}, row.version),
      el('td', { class: 'money' }, q.payout),
      el('td', { class: 'money' }, isChosen ? '' : difference(q.payout, chosen.payout)),
      el('td', {}, [...new Set(q.lines.map((l) => l.rule))].join(', ') || '—'),
    );
  });
  return el('table', { id: 'compare' }, el('caption', {}, explain(comparison, { lang }).split('\n')[0] ?? ''), el('thead', {}, head), el('tbody', {}, ...rows));
}
