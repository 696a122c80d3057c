import type { z } from 'zod';
import { ClaimInputError, type InputIssue } from '../errors.js';
import { type EpochMs, parseInstant } from '../time/instant.js';
import { type ParsedClaim, claimSchema } from './schema.js';

/** The facts rules work on: the validated claim plus its instants read in the policy's zone. */
export interface Facts {
  claim: ParsedClaim;
  zone: string;
  postedAt: EpochMs;
  promisedBy?: EpochMs;
  /** The first delivery attempt: the earlier of firstAttemptAt and deliveredAt (a delivery is an attempt). */
  attemptAt?: EpochMs;
  deliveredAt?: EpochMs;
  firstInquiryAt?: EpochMs;
  claimedAt?: EpochMs;
  repliedAt?: EpochMs;
  agreedAt?: EpochMs;
  /** The moment the claim is judged at: options.asOf, else events.claimedAt. */
  asOf?: EpochMs;
}

type EventKey = 'firstInquiryAt' | 'claimedAt' | 'repliedAt' | 'agreedAt';
const EVENT_KEYS: readonly EventKey[] = ['firstInquiryAt', 'claimedAt', 'repliedAt', 'agreedAt'];

export function issuesOf(error: z.ZodError): InputIssue[] {
  return error.issues.map((i) => ({
    path: i.path.map(String),
    message: i.code === 'unrecognized_keys' ? `unknown field(s): ${i.keys.join(', ')} (check the spelling)` : i.message,
  }));
}

function field(raw: unknown, ...path: string[]): unknown {
  let at = raw;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/** An instant field of the raw claim read in `zone`, when it is present and well-formed. */
function instantAt(raw: unknown, zone: string, ...path: string[]): EpochMs | undefined {
  const text = field(raw, ...path);
  return typeof text === 'string' ? parseInstant(text, zone) : undefined;
}

/**
 * Checks between fields, on the raw claim so that they are reported together with every schema issue:
 * no event before posting, a first attempt not after the delivery, a reply not before the claim,
 * a region exactly for international items, a lost value within the item's value.
 */
function crossFieldIssues(raw: unknown, zone: string): InputIssue[] {
  const issues: InputIssue[] = [];
  const posted = instantAt(raw, zone, 'postedAt');
  const notBeforePosting = (path: string[]) => {
    const at = instantAt(raw, zone, ...path);
    if (posted !== undefined && at !== undefined && at < posted) {
      issues.push({ path, message: `is before postedAt (${String(field(raw, 'postedAt'))})` });
    }
  };
  for (const key of ['promisedBy', 'firstAttemptAt', 'deliveredAt']) notBeforePosting([key]);
  for (const key of EVENT_KEYS) notBeforePosting(['events', key]);

  const attempt = instantAt(raw, zone, 'firstAttemptAt');
  const delivered = instantAt(raw, zone, 'deliveredAt');
  if (attempt !== undefined && delivered !== undefined && attempt > delivered) {
    issues.push({ path: ['firstAttemptAt'], message: 'is after deliveredAt: the delivery was itself an attempt' });
  }
  const claimed = instantAt(raw, zone, 'events', 'claimedAt');
  const replied = instantAt(raw, zone, 'events', 'repliedAt');
  if (claimed !== undefined && replied !== undefined && replied < claimed) {
    issues.push({ path: ['events', 'repliedAt'], message: 'is before events.claimedAt' });
  }

  const scope = field(raw, 'scope');
  const region = field(raw, 'region');
  if (scope === 'international' && region === undefined) {
    issues.push({ path: ['region'], message: 'required for an international item (asia, north-america, europe, oceania, other)' });
  }
  if (typeof scope === 'string' && scope !== 'international' && region !== undefined) {
    issues.push({ path: ['region'], message: `only for international items, not ${scope}` });
  }
  return issues;
}

/** Checks that need the parsed money: a partial loss within the value it is a part of, unique item names. */
function parsedIssues(claim: ParsedClaim): InputIssue[] {
  const issues: InputIssue[] = [];
  const damage = claim.damage;
  if (damage?.extent === 'partial' && damage.lostValue !== undefined) {
    if (!claim.value) {
      issues.push({ path: ['value'], message: 'required with damage.lostValue: the lost value is a share of it (N-4)' });
    } else if (damage.lostValue.greaterThan(claim.value.amount)) {
      issues.push({ path: ['damage', 'lostValue'], message: `exceeds value.amount (${claim.value.amount.toFixed(2)})` });
    }
  }
  for (const side of ['declared', 'received'] as const) {
    const names = new Set<string>();
    claim.contents?.[side].forEach((item, i) => {
      if (names.has(item.name)) {
        issues.push({ path: ['contents', side, String(i), 'name'], message: `"${item.name}" is listed twice` });
      }
      names.add(item.name);
    });
  }
  return issues;
}

/** options.asOf as an instant, or an issue at path `asOf`. */
function readAsOf(asOf: string | Date | undefined, zone: string): EpochMs | InputIssue | undefined {
  if (asOf === undefined) return undefined;
  const ms = asOf instanceof Date ? asOf.getTime() : typeof asOf === 'string' ? parseInstant(asOf, zone) : undefined;
  return ms === undefined || Number.isNaN(ms) ? { path: ['asOf'], message: 'not an ISO 8601 date-time or a valid Date' } : ms;
}

/**
 * Validates a raw claim and the asOf it is judged at, and reads its instants in `zone`;
 * ClaimInputError listing every issue otherwise.
 */
export function normalizeClaim(raw: unknown, zone: string, asOfOption?: string | Date): Facts {
  const parsed = claimSchema.safeParse(raw);
  const issues = [...(parsed.success ? parsedIssues(parsed.data) : issuesOf(parsed.error)), ...crossFieldIssues(raw, zone)];
  const asOfGiven = readAsOf(asOfOption, zone);
  if (typeof asOfGiven === 'object') issues.push(asOfGiven);
  const posted = instantAt(raw, zone, 'postedAt');
  if (typeof asOfGiven === 'number' && posted !== undefined && asOfGiven < posted) {
    issues.push({ path: ['asOf'], message: 'is before postedAt' });
  }
  if (!parsed.success || issues.length) throw new ClaimInputError(issues);
  const claim = parsed.data;
  const at = (text: string | undefined) => (text === undefined ? undefined : (parseInstant(text, zone) as EpochMs));
  const firstAttemptAt = at(claim.firstAttemptAt);
  const deliveredAt = at(claim.deliveredAt);
  const claimedAt = at(claim.events.claimedAt);
  return {
    claim,
    zone,
    postedAt: at(claim.postedAt) as EpochMs,
    promisedBy: at(claim.promisedBy),
    attemptAt: firstAttemptAt ?? deliveredAt,
    deliveredAt,
    firstInquiryAt: at(claim.events.firstInquiryAt),
    claimedAt,
    repliedAt: at(claim.events.repliedAt),
    agreedAt: at(claim.events.agreedAt),
    asOf: (asOfGiven as EpochMs | undefined) ?? claimedAt,
  };
}
