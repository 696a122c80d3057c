import * as z from 'zod/mini';
import { ClaimInputError, inputIssues } from './errors.js';
import { safeParse } from './parse.js';
import type { Policy } from './policy/model.js';
import type { WorkCalendar } from './time/calendar.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** A policy id, or a policy as `definePolicy` returns it. */
const policy = z.custom<string | Policy>(
  (value) => typeof value === 'string' || (isObject(value) && typeof value.id === 'string' && Array.isArray(value.versions) && value.params instanceof Map),
  'a policy id or a Policy from definePolicy',
);

const asOf = z.custom<string | Date>((value) => typeof value === 'string' || value instanceof Date, 'an ISO 8601 date-time or a Date');

const calendar = z.custom<WorkCalendar>(
  (value) => isObject(value) && typeof value.id === 'string' && typeof value.isWorkingDay === 'function',
  'a WorkCalendar: { id, isWorkingDay(date) }',
);

const quoteOptions = z.strictObject({ policy: z.optional(policy), asOf: z.optional(asOf), calendar: z.optional(calendar) });
const complaintOptions = /* @__PURE__ */ z.omit(quoteOptions, { asOf: true });

/** Validated options; ClaimInputError at `options…` for one of the wrong type or a key that is not an option. */
function readOptions<T extends z.ZodMiniObject>(schema: T, options: unknown): z.output<T> {
  const parsed = safeParse(schema, options === undefined ? {} : options);
  if (parsed.success) return parsed.data;
  const keys = Object.keys(schema.shape).join(', ');
  throw new ClaimInputError(inputIssues(parsed.error, ['options'], ` (options are ${keys})`));
}

export const readQuoteOptions = (options: unknown) => readOptions(quoteOptions, options);
export const readComplaintOptions = (options: unknown) => readOptions(complaintOptions, options);
