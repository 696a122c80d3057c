import type { Comparison } from '../compare.js';
import { Dec } from '../money.js';
import type { BatchQuote, Quote } from '../quote.js';
import type { Deadline } from '../rules/deadlines.js';
import { type Duration, unitAndCount } from '../time/duration.js';
import { readExplainArguments } from './input.js';
import type { Messages } from './messages.js';
import { en } from './messages.en.js';
import { zhCN } from './messages.zh-CN.js';

export type Lang = 'zh-CN' | 'en';

const CATALOGUES: Record<Lang, Messages> = { en, 'zh-CN': zhCN };

/** The catalogue's own entry for a key (never an Object member such as `constructor`). */
function entry(table: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A message by key; an unknown key shows as ⟨key⟩ rather than vanishing. */
function say(table: Record<string, string>, key: string): string {
  return entry(table, key) ?? `⟨${key}⟩`;
}

/**
 * The name `explain` gives a deadline (`D-1` → "reply to the claim", 索赔受理答复), for a page or a report that
 * lays the deadlines out itself.
 */
export function deadlineName(id: Deadline['id'], lang: Lang = 'en'): string {
  return say(CATALOGUES[lang].deadlines, id);
}

/** `text` in the language's parentheses: ` (text)` in English, `（text）` in Chinese. */
const parenthesized = (msg: Messages, text: string) => `${msg.punctuation.open}${text}${msg.punctuation.close}`;

/** A heading line: the text and the language's colon. */
const heading = (msg: Messages, text: string) => `${text}${msg.punctuation.colon.trimEnd()}`;

/** `label: value` with the language's colon. */
const labelled = (msg: Messages, label: string, value: string) => `${label}${msg.punctuation.colon}${value}`;

/** `2026-03-05T10:00:00+08:00` → `2026-03-05 10:00 (UTC+08:00)`: the due time in the claim's zone. */
function readableInstant(msg: Messages, iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?([+-]\d{2}:\d{2})$/.exec(iso);
  if (!m) return iso;
  const seconds = m[3] && m[3] !== ':00' ? m[3] : '';
  return `${m[1]} ${m[2]}${seconds}${parenthesized(msg, `UTC${m[4]}`)}`;
}

function lengthText(msg: Messages, length: Duration): string {
  const [unit, n] = unitAndCount(length);
  return msg.units[unit](n);
}

function warningText(msg: Messages, code: string): string {
  const [key = code, detail] = code.split(':');
  if (detail === undefined) return say(msg.warnings, code);
  const sentence = Object.hasOwn(msg.warningsWithDetail, key) ? msg.warningsWithDetail[key] : undefined;
  return sentence ? sentence(detail) : `${say(msg.warnings, key)}${parenthesized(msg, detail)}`;
}

/** One quote as a readable breakdown, in the language of `msg`. */
function explainQuote(quote: Quote, msg: Messages): string {
  const p = msg.punctuation;
  const regime = entry(msg.regimes, quote.policy.id);
  const out: string[] = [msg.heading(quote.waybill, quote.policy.id, quote.policy.effectiveFrom), ...(regime ? [`${msg.regime}${p.colon}${regime}`] : []), ''];
  const { incident } = quote;
  out.push(labelled(msg, msg.incident, msg.incidentKind(msg.kinds[incident.kind], incident.delayDays)));
  for (const reason of incident.reasons) out.push(`  - ${say(msg.reasons, reason)}`);
  if (incident.provisional) out.push(`  ! ${msg.provisional}`);
  out.push(labelled(msg, quote.settlement ? msg.outletLiable : (entry(msg.liableBy, quote.policy.id) ?? msg.liable), quote.liable ? msg.yes : msg.notLiable), '', heading(msg, msg.exemptionsHeading));
  for (const e of quote.exemptions) {
    const verdict = e.applies ? msg.applies : msg.doesNotApply;
    out.push(`  ${labelled(msg, `${e.id} ${say(msg.exemptions, e.id)}`, verdict)}${parenthesized(msg, say(msg.exemptionReasons, e.reason))}`);
  }
  out.push('', heading(msg, msg.linesHeading));
  if (quote.lines.length === 0) out.push(`  ${msg.noLines}`);
  const width = Math.max(0, ...quote.lines.map((l) => l.amount.length));
  for (const line of quote.lines) {
    const basis = Object.entries(line.basis)
      .map(([k, v]) => `${say(msg.basis, k)} ${entry(msg.values, v) ?? v}`)
      .join(p.comma);
    out.push(`  ${line.rule.padEnd(4)} ${line.amount.padStart(width)}  ${say(msg.labels, line.label)}${basis ? ` [${basis}]` : ''}`);
    out.push(`       ${labelled(msg, msg.source, line.source)}`);
  }
  out.push(labelled(msg, msg.payout, `${quote.payout} ${quote.currency}`));
  if (quote.batch) out.push(`  ${msg.batchCap(quote.batch.id, quote.batch.rule, quote.batch.cap)}`);
  const { settlement } = quote;
  if (settlement) {
    out.push('', heading(msg, `${msg.settlementHeading}${parenthesized(msg, settlement.rule)}`));
    out.push(`  ${msg.payer(settlement.payer, settlement.payerFee)}`, `  ${msg.payee(settlement.payee, settlement.payeeFee)}`);
    out.push(`       ${labelled(msg, msg.source, settlement.source)}`);
  }
  out.push('', heading(msg, msg.deadlinesHeading));
  for (const d of quote.deadlines) {
    const basis = d.start && d.length ? msg.after(lengthText(msg, d.length), say(msg.events, d.start.event)) : msg.givenOnClaim;
    const opens = d.id === 'D-4' ? `${p.semicolon}${msg.windowOpens}` : '';
    out.push(`  ${d.id.padEnd(4)} ${readableInstant(msg, d.due)}  ${say(msg.deadlines, d.id)} — ${basis}${opens}`);
    out.push(`       ${labelled(msg, msg.source, d.source)}`);
  }
  if (quote.review.length) {
    out.push('', heading(msg, msg.reviewHeading), ...quote.review.map((r) => `  - ${say(msg.review, r)}`));
  }
  if (quote.warnings.length) {
    out.push('', heading(msg, msg.warningsHeading), ...quote.warnings.map((w) => `  - ${warningText(msg, w)}`));
  }
  return `${out.join('\n')}\n`;
}

/** A batch quote: each ticket explained, then every batch cap with its totals, and the total payout. */
function explainBatch(batch: BatchQuote, msg: Messages): string {
  const caps = batch.batches.map((b) => `  ${labelled(msg, `${b.batch} ${b.rule}`, msg.batchCapTotals(b.cap, b.before, b.after))}`);
  const closing = [`${heading(msg, msg.batchCapsHeading)}\n${caps.join('\n') || `  ${msg.noBatchCaps}`}\n`, `${labelled(msg, msg.totalPayout, `${batch.payout} CNY`)}\n`];
  return [...batch.tickets.map((t) => explainQuote(t, msg)), ...closing].join('\n');
}

/** The rule that decided a quote's payout: its largest line's, else the exemption that applies, else none. */
function decidingRule(q: Quote): string {
  const largest = q.lines.reduce<Quote['lines'][number] | undefined>((top, l) => (top && !new Dec(l.amount).greaterThan(top.amount) ? top : l), undefined);
  return largest?.rule ?? q.exemptions.find((e) => e.applies)?.id ?? '—';
}

/** Columns a text takes in a terminal: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

/** `+360.00`, `−60.00`, `±0.00`: a payout against the first row's. */
function difference(payout: string, first: string | undefined): string {
  if (first === undefined) return '';
  const d = new Dec(payout).minus(first);
  return `${d.isZero() ? '±' : d.isNegative() ? '−' : '+'}${d.abs().toFixed(2)}`;
}

/** A comparison as a table: one row a policy, in the order asked; then each row's error, why it pays nothing, review reasons and warnings about the terms. */
function explainComparison(c: Comparison, msg: Messages): string {
  const first = c.rows.find((r) => r.outcome.ok);
  const firstPayout = first?.outcome.ok ? first.outcome.quote.payout : undefined;
  const cells = c.rows.map((r) =>
    r.outcome.ok
      ? [r.policy, r.version, r.outcome.quote.payout, decidingRule(r.outcome.quote), r === first ? '' : difference(r.outcome.quote.payout, firstPayout)]
      : [r.policy, '—', '—', r.outcome.error.code, ''],
  );
  const rows = [msg.comparisonColumns, ...cells];
  const widths = msg.comparisonColumns.map((_, i) => Math.max(...rows.map((row) => displayWidth(row[i] as string))));
  const pad = (cell: string, i: number) => {
    const fill = ' '.repeat((widths[i] as number) - displayWidth(cell));
    return i === 2 || i === 4 ? fill + cell : cell + fill;
  };
  const table = rows.map((row) => `  ${row.map(pad).join('  ').trimEnd()}`);
  const notes = c.rows.flatMap((r) => {
    if (!r.outcome.ok) return [`  ${labelled(msg, r.policy, r.outcome.error.message)}`];
    const q = r.outcome.quote;
    const exempt = q.exemptions.find((e) => e.applies && e.id !== 'E-7');
    const nothing = q.lines.length ? [] : [exempt ? say(msg.exemptionReasons, exempt.reason) : say(msg.reasons, q.incident.reasons[0] ?? '')];
    const said = [...nothing, ...q.review.map((k) => say(msg.review, k)), ...q.warnings.filter((w) => w.startsWith('contract-')).map((w) => warningText(msg, w))];
    return said.map((text) => `  ${labelled(msg, r.policy, text)}`);
  });
  return `${[msg.comparisonHeading(c.claim, c.rows.length), '', ...table, ...(notes.length ? ['', heading(msg, msg.comparisonNotes), ...notes] : [])].join('\n')}\n`;
}

/**
 * A quote (or a batch quote) as a readable breakdown: incident and why, each exemption, each line with its
 * rule, basis and source, the payout, each deadline in the claim's zone, review reasons and warnings; for a
 * batch, every ticket, then the batch caps and the total; for a comparison, a table of the policies side by
 * side (payout, deciding rule, difference from the first row) with what each asks a person to review. Renders only what the quote holds; it never
 * recomputes. ArgumentError for something that is not a quote, a text with a control character, or a
 * language it does not have.
 *
 * @example
 * console.log(explain(quote(claim, { policy: 'cn-gbt27917-2011', asOf: '2026-03-20' }), { lang: 'zh-CN' }));
 */
export function explain(quote: Quote | BatchQuote | Comparison, options?: { lang?: Lang }): string {
  const msg = CATALOGUES[readExplainArguments(quote, options).lang];
  if ('rows' in quote) return explainComparison(quote, msg);
  return 'tickets' in quote ? explainBatch(quote, msg) : explainQuote(quote, msg);
}
