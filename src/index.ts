/**
 * courier-claims: compensation for express-delivery claims (快递理赔) with an auditable, cited breakdown.
 * Public surface only; README.md and docs/ describe it.
 */
import * as z from 'zod/mini';
import { claimSchema } from './claim/schema.js';

export type { ComplaintInput } from './claim/complaint.js';
export type { ClaimInput } from './claim/schema.js';
export { type ComplaintOptions, complaintDeadlines } from './complaints.js';
export { ArgumentError, CalendarRangeError, ClaimInputError, type InputIssue, NoRuleInForceError, PolicyError } from './errors.js';
export { type Comparison, type ComparisonRow, CUSTOMER_POLICIES, compare } from './compare.js';
export { deadlineName, explain, type Lang } from './explain/explain.js';
export type { MessageKey, MessageTable, Warning } from './explain/messages.js';
export type { DeadlineId, RuleId } from './ids.js';
export { type Fixture, type FixtureReport, type FixtureResult, type Mismatch, runFixtures } from './fixtures.js';
export type { DatedValueSpec, Policy, PolicyKind, PolicySpec } from './policy/model.js';
export { loadPolicy, type PolicyDocument, policyDocument, policyJsonSchema } from './policy/document.js';
export { definePolicy, type PolicyId, type PolicySummary, policies } from './policy/registry.js';
export type { Incident } from './rules/classify.js';
export type { Deadline } from './rules/deadlines.js';
export type { Exemption } from './rules/exemptions.js';
export { type CalendarYear, calendars, HolidayCalendar, type HolidayNotice, type WorkCalendar, type YearStatus } from './time/calendar.js';
export type { Duration } from './time/duration.js';
export {
  type BatchQuote,
  classify,
  type Quote,
  type QuoteError,
  type QuoteOptions,
  quote,
  quoteBatch,
  type SafeQuoteResult,
  safeQuote,
} from './quote.js';
export { quoteJsonSchema } from './quote-schema.js';
export type { BatchResult } from './rules/batch.js';
export type { Settlement } from './rules/network.js';
export type { Basis, Line } from './trace.js';

/** JSON Schema (draft 2020-12) of ClaimInput, as accepted on input (money as string or number). */
export function claimJsonSchema(): object {
  return z.toJSONSchema(claimSchema, { io: 'input' });
}
