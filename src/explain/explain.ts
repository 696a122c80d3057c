import type { Quote } from '../quote.js';
import { type Duration, unitAndCount } from '../time/duration.js';
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

/** `2026-03-05T10:00:00+08:00` → `2026-03-05 10:00 (UTC+08:00)`: the due time in the claim's zone. */
function readableInstant(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?([+-]\d{2}:\d{2})$/.exec(iso);
  if (!m) return iso;
  const seconds = m[3] && m[3] !== ':00' ? m[3] : '';
  return `${m[1]} ${m[2]}${seconds} (UTC${m[4]})`;
}

function lengthText(msg: Messages, length: Duration): string {
  const [unit, n] = unitAndCount(length);
  return msg.units[unit](n);
}

function warningText(msg: Messages, code: string): string {
  const [key = code, detail] = code.split(':');
  if (detail === undefined) return say(msg.warnings, code);
  const sentence = Object.hasOwn(msg.warningsWithDetail, key) ? msg.warningsWithDetail[key] : undefined;
  return sentence ? sentence(detail) : `${say(msg.warnings, key)} (${detail})`;
}

/**
 * The quote as a readable breakdown: incident and why, each exemption, each line with its rule, basis and
 * source, the payout, each deadline in the claim's zone, review reasons and warnings. Renders only what the
 * quote holds; it never recomputes.
 *
 * @example
 * console.log(explain(quote(claim, { asOf: '2026-03-20' }), { lang: 'zh-CN' }));
 */
export function explain(quote: Quote, options: { lang?: Lang } = {}): string {
  const msg = CATALOGUES[options.lang ?? 'en'];
  const regime = entry(msg.regimes, quote.policy.id);
  const out: string[] = [msg.heading(quote.waybill, quote.policy.id, quote.policy.effectiveFrom), ...(regime ? [`${msg.regime}: ${regime}`] : []), ''];
  const { incident } = quote;
  const days = incident.delayDays === undefined ? '' : `, ${msg.delayDays(incident.delayDays)}`;
  out.push(`${msg.incident}: ${msg.kinds[incident.kind]}${days}`);
  for (const reason of incident.reasons) out.push(`  - ${say(msg.reasons, reason)}`);
  if (incident.provisional) out.push(`  ! ${msg.provisional}`);
  out.push(`${quote.settlement ? msg.outletLiable : msg.liable}: ${quote.liable ? msg.yes : msg.notLiable}`, '', `${msg.exemptionsHeading}:`);
  for (const e of quote.exemptions) {
    const verdict = e.applies ? msg.applies : msg.doesNotApply;
    out.push(`  ${e.id} ${say(msg.exemptions, e.id)}: ${verdict} (${say(msg.exemptionReasons, e.reason)})`);
  }
  out.push('', `${msg.linesHeading}:`);
  if (quote.lines.length === 0) out.push(`  ${msg.noLines}`);
  const width = Math.max(0, ...quote.lines.map((l) => l.amount.length));
  for (const line of quote.lines) {
    const basis = Object.entries(line.basis)
      .map(([k, v]) => `${say(msg.basis, k)} ${entry(msg.values, v) ?? v}`)
      .join(', ');
    out.push(`  ${line.rule.padEnd(4)} ${line.amount.padStart(width)}  ${say(msg.labels, line.label)}${basis ? ` [${basis}]` : ''}`);
    out.push(`       ${msg.source}: ${line.source}`);
  }
  out.push(`${msg.payout}: ${quote.payout} ${quote.currency}`);
  if (quote.batch) out.push(`  ${msg.batchCap(quote.batch.id, quote.batch.rule, quote.batch.cap)}`);
  const { settlement } = quote;
  if (settlement) {
    out.push('', `${msg.settlementHeading} (${settlement.rule}):`);
    out.push(`  ${msg.payer(settlement.payer, settlement.payerFee)}`, `  ${msg.payee(settlement.payee, settlement.payeeFee)}`);
    out.push(`       ${msg.source}: ${settlement.source}`);
  }
  out.push('', `${msg.deadlinesHeading}:`);
  for (const d of quote.deadlines) {
    const basis = d.start && d.length ? msg.after(lengthText(msg, d.length), say(msg.events, d.start.event)) : msg.givenOnClaim;
    const opens = d.id === 'D-4' ? `; ${msg.windowOpens}` : '';
    out.push(`  ${d.id.padEnd(4)} ${readableInstant(d.due)}  ${say(msg.deadlines, d.id)} — ${basis}${opens}`);
    out.push(`       ${msg.source}: ${d.source}`);
  }
  if (quote.review.length) {
    out.push('', `${msg.reviewHeading}:`, ...quote.review.map((r) => `  - ${say(msg.review, r)}`));
  }
  if (quote.warnings.length) {
    out.push('', `${msg.warningsHeading}:`, ...quote.warnings.map((w) => `  - ${warningText(msg, w)}`));
  }
  return `${out.join('\n')}\n`;
}
