import type * as z from 'zod/mini';
import { ClaimInputError, type InputIssue, inputIssues } from '../errors.js';
import { safeParse } from '../parse.js';
import { type EpochMs, parseInstant } from '../time/instant.js';
import { itemTypes as ITEM_TYPES } from '../policy/params.js';
import { LIMITS } from './bounds.js';
import { readClaimFast } from './fast.js';
import { type ParsedClaim, claimSchema } from './schema.js';

/** The facts rules work on: the validated claim plus its instants read in the policy's zone. */
export interface Facts {
  claim: ParsedClaim;
  zone: string;
  postedAt: EpochMs;
  promisedBy?: EpochMs;
  firstAttemptAt?: EpochMs;
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

/** Where each instant of a claim sits, and its name in Facts. */
const INSTANT_FIELDS = [
  { path: ['postedAt'], name: 'postedAt' },
  { path: ['promisedBy'], name: 'promisedBy' },
  { path: ['firstAttemptAt'], name: 'firstAttemptAt' },
  { path: ['deliveredAt'], name: 'deliveredAt' },
  { path: ['events', 'firstInquiryAt'], name: 'firstInquiryAt' },
  { path: ['events', 'claimedAt'], name: 'claimedAt' },
  { path: ['events', 'repliedAt'], name: 'repliedAt' },
  { path: ['events', 'agreedAt'], name: 'agreedAt' },
] as const;

type InstantName = (typeof INSTANT_FIELDS)[number]['name'];
type Instants = Partial<Record<InstantName, EpochMs>>;

function field(raw: unknown, path: readonly string[]): unknown {
  let at = raw;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/**
 * A claim's or a complaint's zod issues: a field missing from `raw` is "required" (zod would say "Invalid
 * input: expected …"), and an unknown field's message suggests checking its spelling.
 */
export function issuesOf(error: z.core.$ZodError, raw: unknown): InputIssue[] {
  return inputIssues(error, [], ' (check the spelling)').map((issue) =>
    issue.path.length && field(raw, issue.path) === undefined ? { ...issue, message: 'required' } : issue,
  );
}

/**
 * The raw claim with each contents list cut after LIMITS.items + 1 items: still one too many, so the schema
 * reports it, but a list of a million items costs no more to refuse than one of 10,001.
 */
function withItemsCut(raw: unknown): unknown {
  const contents = field(raw, ['contents']);
  if (typeof contents !== 'object' || contents === null) return raw;
  const over = (list: unknown) => Array.isArray(list) && list.length > LIMITS.items + 1;
  if (!Object.values(contents).some(over)) return raw;
  const cut = Object.entries(contents).map(([key, list]) => [key, over(list) ? (list as unknown[]).slice(0, LIMITS.items + 1) : list]);
  return { ...(raw as object), contents: Object.fromEntries(cut) };
}

/** Every well-formed instant of the raw claim, read once in `zone`. */
function readInstants(raw: unknown, zone: string): Instants {
  const out: Instants = {};
  for (const { path, name } of INSTANT_FIELDS) {
    const text = field(raw, path);
    const ms = typeof text === 'string' ? parseInstant(text, zone) : undefined;
    if (ms !== undefined) out[name] = ms;
  }
  return out;
}

/**
 * Checks between fields, on the raw claim so that they are reported together with every schema issue:
 * no event before posting, a first attempt not after the delivery, a reply not before the claim,
 * a region exactly for international items, an item type the policy has rules for.
 */
function crossFieldIssues(raw: unknown, at: Instants, itemTypes: readonly string[]): InputIssue[] {
  const issues: InputIssue[] = [];
  const posted = at.postedAt;
  for (const { path, name } of INSTANT_FIELDS) {
    const ms = at[name];
    if (posted !== undefined && ms !== undefined && ms < posted) {
      issues.push({ path: [...path], message: `is before postedAt (${String(field(raw, ['postedAt']))})` });
    }
  }
  if (at.firstAttemptAt !== undefined && at.deliveredAt !== undefined && at.firstAttemptAt > at.deliveredAt) {
    issues.push({ path: ['firstAttemptAt'], message: 'is after deliveredAt: the delivery was itself an attempt' });
  }
  if (at.claimedAt !== undefined && at.repliedAt !== undefined && at.repliedAt < at.claimedAt) {
    issues.push({ path: ['events', 'repliedAt'], message: 'is before events.claimedAt' });
  }

  const itemType = field(raw, ['itemType']);
  if (typeof itemType === 'string' && itemType !== 'parcel' && (ITEM_TYPES as readonly string[]).includes(itemType) && !itemTypes.includes(itemType)) {
    issues.push({ path: ['itemType'], message: `a ${itemType} is postal mail under the Postal Law: quote it under cn-postal` });
  }
  const scope = field(raw, ['scope']);
  const region = field(raw, ['region']);
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
 * Validates a raw claim and the asOf it is judged at, and reads its instants in `zone`; `itemTypes` are the
 * item types the policy has rules for. ClaimInputError listing every issue otherwise.
 */
export function normalizeClaim(raw: unknown, zone: string, asOfOption?: string | Date, itemTypes: readonly string[] = ['parcel']): Facts {
  const fast = readClaimFast(raw);
  const parsed = fast ? ({ success: true, data: fast } as const) : safeParse(claimSchema, withItemsCut(raw));
  const at = readInstants(raw, zone);
  const issues = [...(parsed.success ? parsedIssues(parsed.data) : issuesOf(parsed.error, raw)), ...crossFieldIssues(raw, at, itemTypes)];
  const asOfGiven = readAsOf(asOfOption, zone);
  if (typeof asOfGiven === 'object') issues.push(asOfGiven);
  if (typeof asOfGiven === 'number' && at.postedAt !== undefined && asOfGiven < at.postedAt) {
    issues.push({ path: ['asOf'], message: 'is before postedAt' });
  }
  if (!parsed.success || issues.length) throw new ClaimInputError(issues);
  return {
    claim: parsed.data,
    zone,
    ...at,
    postedAt: at.postedAt as EpochMs,
    attemptAt: at.firstAttemptAt ?? at.deliveredAt,
    asOf: (asOfGiven as EpochMs | undefined) ?? at.claimedAt,
  };
}
