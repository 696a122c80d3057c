import { type ComplaintInput, normalizeComplaint } from './claim/complaint.js';
import type { Policy } from './policy/model.js';
import { readComplaintOptions } from './options.js';
import { type PolicyId, policyFor } from './policy/registry.js';
import { complaintDeadlinesFor } from './rules/complaints.js';
import type { Deadline } from './rules/deadlines.js';
import type { WorkCalendar } from './time/calendar.js';
import { traceAt } from './trace.js';

export interface ComplaintOptions {
  /** The working-day calendar; default `calendars.cn`. */
  calendar?: WorkCalendar;
  /** A complaints policy (built-in `cn-complaints`, the default) or one derived from it. */
  policy?: PolicyId | Policy;
}

/**
 * The deadlines of a complaint (K-1…K-5) under the complaint rules in force when it was received:
 * first answer, handling by kind in working days, and the 7-calendar-day statutory ceiling.
 * ClaimInputError for a bad complaint, CalendarRangeError for a year the calendar has no data for.
 *
 * @example
 * const [answer, handling, ceiling] = complaintDeadlines({ kind: 'loss', receivedAt: '2026-09-30T10:00:00+08:00' });
 * handling.due   // '2026-10-13T10:00:00+08:00': 5 working days, National Day (10-01…10-07) skipped, 10-10 worked
 * ceiling.due    // '2026-10-07T10:00:00+08:00': K-4 governs, handling.warnings = ['after-statutory-ceiling']
 */
export function complaintDeadlines(complaint: ComplaintInput, options?: ComplaintOptions): Deadline[] {
  const { policy: ref, calendar } = readComplaintOptions(options);
  const policy = policyFor(ref, 'complaints');
  const facts = normalizeComplaint(complaint, policy.zone);
  const trace = traceAt(policy, facts.receivedAt, calendar);
  return complaintDeadlinesFor(facts, policy.zone, trace);
}
