import { type BatchQuote, type ClaimInput, type FixtureReport, PolicyError, type Quote } from '../src/index.js';

/** Worked example claim: domestic, fee 12.00, posted 2026-03-02 10:00 Shanghai (promised 03-05 10:00, thorough 03-12 10:00). */
export function claim(overrides: Partial<ClaimInput> = {}): ClaimInput {
  return {
    waybill: 'SF2026030200',
    scope: 'domestic',
    fee: '12.00',
    postedAt: '2026-03-02T10:00:00+08:00',
    events: { claimedAt: '2026-03-20T10:00:00+08:00' },
    ...overrides,
  };
}

/** The paths of a thrown ClaimInputError's issues, or the error when something else was thrown. */
/** A parcel first offered a day late (a delay claim under every policy), with its own waybill. */
export function lateClaim(waybill: string, extra: object = {}) {
  return {
    waybill,
    scope: 'domestic',
    fee: '12.00',
    postedAt: '2026-03-02T10:00:00+08:00',
    firstAttemptAt: '2026-03-06T09:00:00+08:00',
    events: { claimedAt: '2026-03-07T10:00:00+08:00' },
    ...extra,
  };
}

export function issuePaths(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error && typeof error === 'object' && 'issues' in error) {
      return (error as { issues: { path: string[] }[] }).issues.map((i) => i.path.join('.'));
    }
    throw error;
  }
  throw new Error('expected a ClaimInputError, but nothing was thrown');
}

/** Every Quote in a fixture report: single quotes and the tickets of batch quotes. */
export function quotesOf(report: FixtureReport): Quote[] {
  return report.results.flatMap((r) => {
    const a = r.actual as Partial<Quote & BatchQuote> | undefined;
    if (!a || typeof a !== 'object') return [];
    if (Array.isArray(a.tickets)) return a.tickets;
    return 'payout' in a ? [a as Quote] : [];
  });
}

/** Each issue of the PolicyError `run` throws, as `path: message`. */
export function policyIssues(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof PolicyError) return error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw error;
  }
  throw new Error('expected a PolicyError');
}
