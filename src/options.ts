import * as z from 'zod/mini';
import { ClaimInputError, inputIssues } from './errors.js';
import { safeParse } from './parse.js';
import type { Policy } from './policy/model.js';
import type { WorkCalendar } from './time/calendar.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** What each option may be: the one test of both the zod schema and the fast path below. */
const IS_OPTION = {
  /** A policy id, or a policy as `definePolicy` returns it. */
  policy: (value: unknown): value is string | Policy =>
    typeof value === 'string' || (isObject(value) && typeof value.id === 'string' && Array.isArray(value.versions) && value.params instanceof Map),
  asOf: (value: unknown): value is string | Date => typeof value === 'string' || value instanceof Date,
  calendar: (value: unknown): value is WorkCalendar => isObject(value) && typeof value.id === 'string' && typeof value.isWorkingDay === 'function',
};

const policy = z.custom<string | Policy>(IS_OPTION.policy, 'a policy id or a Policy from definePolicy');
const asOf = z.custom<string | Date>(IS_OPTION.asOf, 'an ISO 8601 date-time or a Date');
const calendar = z.custom<WorkCalendar>(IS_OPTION.calendar, 'a WorkCalendar: { id, isWorkingDay(date) }');

export const quoteOptions = z.strictObject({ policy: z.optional(policy), asOf: z.optional(asOf), calendar: z.optional(calendar) });
type QuoteSettings = z.output<typeof quoteOptions>;

/**
 * The options of a quote as the schema reads them, without zod, when every key is an option with a value of its
 * kind (the usual call); anything else is left to the schema, which words the issues.
 */
export function readQuoteOptionsFast(options: unknown): QuoteSettings | undefined {
  if (options === undefined) return {};
  if (!isObject(options) || Array.isArray(options)) return undefined;
  const read: Record<string, unknown> = {};
  for (const key of Object.keys(options)) {
    const value = options[key];
    if (!Object.hasOwn(IS_OPTION, key) || value === undefined || !IS_OPTION[key as keyof typeof IS_OPTION](value)) return undefined;
    read[key] = value;
  }
  return read as QuoteSettings;
}
const complaintOptions = /* @__PURE__ */ z.omit(quoteOptions, { asOf: true });

/** Validated options; ClaimInputError at `options…` for one of the wrong type or a key that is not an option. */
function readOptions<T extends z.ZodMiniObject>(schema: T, options: unknown): z.output<T> {
  const parsed = safeParse(schema, options === undefined ? {} : options);
  if (parsed.success) return parsed.data;
  const keys = Object.keys(schema.shape).join(', ');
  throw new ClaimInputError(inputIssues(parsed.error, ['options'], ` (options are ${keys})`));
}

export const readQuoteOptions = (options: unknown): QuoteSettings => readQuoteOptionsFast(options) ?? readOptions(quoteOptions, options);
export const readComplaintOptions = (options: unknown) => readOptions(complaintOptions, options);
