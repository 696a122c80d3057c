import * as z from 'zod/mini';
import { NO_CONTROL_CHARACTERS } from '../claim/bounds.js';
import { ArgumentError, inputIssues } from '../errors.js';
import { safeParse } from '../parse.js';

/** Every text `explain` prints comes from here: none may hold a control character that could forge a line. */
const printable = z.string().check(z.regex(NO_CONTROL_CHARACTERS, 'control characters are not allowed in text output'));

const quoteShape = z.object({
  waybill: printable,
  policy: z.object({ id: printable, effectiveFrom: printable }),
  incident: z.object({
    kind: z.enum(['delay', 'loss', 'damage', 'mismatch', 'none']),
    provisional: z.boolean(),
    delayDays: z.optional(z.number()),
    reasons: z.array(printable),
  }),
  liable: z.boolean(),
  exemptions: z.array(z.object({ id: printable, applies: z.boolean(), reason: printable })),
  payout: printable,
  currency: printable,
  lines: z.array(z.object({ rule: printable, label: printable, amount: printable, basis: z.record(printable, printable), source: printable })),
  deadlines: z.array(
    z.object({
      id: printable,
      due: printable,
      source: printable,
      start: z.optional(z.object({ event: printable })),
      length: z.optional(z.partialRecord(z.enum(['hours', 'calendarDays', 'calendarYears', 'workingDays']), z.number())),
    }),
  ),
  review: z.array(printable),
  warnings: z.array(printable),
  batch: z.optional(z.object({ id: printable, rule: printable, cap: printable })),
  settlement: z.optional(
    z.object({ payer: printable, payee: printable, payerFee: printable, payeeFee: printable, rule: printable, source: printable }),
  ),
});

const batchShape = z.object({
  tickets: z.array(quoteShape),
  batches: z.array(z.object({ batch: printable, rule: printable, cap: printable, before: printable, after: printable })),
  payout: printable,
});

const comparisonShape = z.object({
  claim: printable,
  rows: z.array(
    z.object({
      policy: printable,
      version: printable,
      outcome: z.union([
        z.object({ ok: z.literal(true), quote: quoteShape }),
        z.object({ ok: z.literal(false), error: z.object({ code: printable, message: printable }) }),
      ]),
    }),
  ),
});

/** What `explain` renders, told apart by the field only it has. */
function shapeOf(value: unknown) {
  if (typeof value !== 'object' || value === null) return quoteShape;
  if ('tickets' in value) return batchShape;
  return 'rows' in value ? comparisonShape : quoteShape;
}

const explainOptions = z.strictObject({ lang: z.optional(z.enum(['en', 'zh-CN'])) });

/** `explain`'s arguments checked: a Quote, BatchQuote or Comparison and known options; ArgumentError listing every problem. */
export function readExplainArguments(quote: unknown, options: unknown): { lang: 'en' | 'zh-CN' } {
  const parsedQuote = safeParse(shapeOf(quote), quote);
  const parsedOptions = safeParse(explainOptions, options === undefined ? {} : options);
  const issues = [
    ...(parsedQuote.success ? [] : inputIssues(parsedQuote.error, ['quote'])),
    ...(parsedOptions.success ? [] : inputIssues(parsedOptions.error, ['options'], ' (options are lang)')),
  ];
  if (issues.length) throw new ArgumentError('explain', issues);
  return { lang: parsedOptions.data?.lang ?? 'en' };
}

