import { type Dec, readDecimal } from '../money.js';
import { itemTypes, regions, scopes } from '../policy/params.js';
import { parseInstant } from '../time/instant.js';
import { LIMITS, NO_CONTROL_CHARACTERS } from './bounds.js';
import { CHOICES, DEFAULTS, decimalProblems, isRatio, type ParsedClaim } from './schema.js';

/**
 * A reader of the common claim without zod: for a claim it can prove valid, exactly what `claimSchema`
 * outputs; `undefined` for anything else, which the schema then reads, so that every error stays the schema's.
 * Each reader below checks what the schema's field checks, and gives up (NO) on anything it is not sure of.
 */

const NO = Symbol('not read');
type Read<T> = (raw: unknown) => T | typeof NO;

type Fields = Record<string, unknown>;

/** A plain object (as JSON.parse makes, or without a prototype) whose keys are all known and whose values are all defined. */
function plainObject(raw: unknown, known: Fields): raw is Fields {
  if (typeof raw !== 'object' || raw === null) return false;
  const prototype = Object.getPrototypeOf(raw);
  if (prototype !== Object.prototype && prototype !== null) return false;
  for (const key in raw) {
    if (!Object.hasOwn(known, key) || (raw as Fields)[key] === undefined) return false;
  }
  return true;
}

/**
 * A strict object: each field read, an absent one left out or given its default. NO when a key is
 * unknown or a field unreadable.
 */
function object<T>(shape: Record<string, Read<unknown>>, defaults: Fields = {}): Read<T> {
  return (raw) => {
    if (!plainObject(raw, shape)) return NO;
    const out: Fields = {};
    for (const key in shape) {
      const given = raw[key];
      if (given === undefined) {
        if (Object.hasOwn(defaults, key)) out[key] = defaults[key];
        continue;
      }
      const value = (shape[key] as Read<unknown>)(given);
      if (value === NO) return NO;
      out[key] = value;
    }
    return out as T;
  };
}

/** An object whose fields are all required. */
function required<T>(read: Read<T>, keys: readonly string[]): Read<T> {
  return (raw) => (typeof raw === 'object' && raw !== null && keys.every((key) => (raw as Fields)[key] !== undefined) ? read(raw) : NO);
}

const oneOf =
  <T extends string>(choices: readonly T[]): Read<T> =>
  (raw) =>
    typeof raw === 'string' && (choices as readonly string[]).includes(raw) ? (raw as T) : NO;

const flag: Read<boolean> = (raw) => (typeof raw === 'boolean' ? raw : NO);

const count: Read<number> = (raw) => (Number.isSafeInteger(raw) && (raw as number) >= 0 ? (raw as number) : NO);

/** Free text (docs/rules.md, Input bounds): at most `max` characters, none a control character, at least `min`. */
const text =
  (max: number, min = 0): Read<string> =>
  (raw) =>
    typeof raw === 'string' && raw.length <= max && raw.length >= min && NO_CONTROL_CHARACTERS.test(raw) ? raw : NO;

const identifier = text(LIMITS.identifierLength, 1);

/** The waybill: free text, trimmed, then not blank. */
const waybill: Read<string> = (raw) => {
  const given = text(LIMITS.identifierLength)(raw);
  return given === NO || given.trim().length === 0 ? NO : given.trim();
};

/** A non-negative decimal read by readDecimal, within `maxPlaces` decimals and `max`, as the schema reads it. */
const decimal =
  (maxPlaces?: number, max?: string): Read<Dec> =>
  (raw) => {
    if (typeof raw !== 'string' && typeof raw !== 'number') return NO;
    const value = readDecimal(raw, maxPlaces);
    return typeof value === 'string' || decimalProblems(value, maxPlaces, max).length ? NO : value;
  };

/** M-1: money in CNY. */
const money = decimal(2, LIMITS.maxMoney);
const weight = decimal();
const ratio: Read<Dec> = (raw) => {
  const value = weight(raw);
  return value !== NO && isRatio(value) ? value : NO;
};

const instant: Read<string> = (raw) => (typeof raw === 'string' && parseInstant(raw, 'UTC') !== undefined ? raw : NO);

const item = required(object({ name: text(LIMITS.itemNameLength, 1), quantity: count, unitValue: money, weightKg: weight }), ['name', 'quantity']);

const items =
  (min: number): Read<unknown[]> =>
  (raw) => {
    if (!Array.isArray(raw) || raw.length < min || raw.length > LIMITS.items) return NO;
    const out: unknown[] = [];
    for (const entry of raw) {
      const read = item(entry);
      if (read === NO) return NO;
      out.push(read);
    }
    return out;
  };

const totalDamage = object({ extent: oneOf(['total']) });
const partialDamage = object<Fields>({ extent: oneOf(['partial']), lostValue: money, ratio });

/** The whole item damaged, or part of it with exactly one of lostValue and ratio. */
const damage: Read<unknown> = (raw) => {
  const extent = typeof raw === 'object' && raw !== null ? (raw as Fields).extent : undefined;
  if (extent === 'total') return totalDamage(raw);
  const partial = extent === 'partial' ? partialDamage(raw) : NO;
  return partial !== NO && (partial.lostValue === undefined) !== (partial.ratio === undefined) ? partial : NO;
};

const events = object({ firstInquiryAt: instant, claimedAt: instant, repliedAt: instant, agreedAt: instant });

const claim = required(
  object<ParsedClaim>(
    {
      waybill,
      scope: oneOf(scopes),
      region: oneOf(regions),
      product: identifier,
      channel: oneOf(CHOICES.channel),
      network: oneOf(CHOICES.network),
      batch: identifier,
      weightKg: weight,
      fee: money,
      insurance: required(object({ insuredValue: money, premium: money }), ['insuredValue']),
      value: required(
        object({ amount: money, evidence: oneOf(CHOICES.evidence), practical: flag, declared: flag }),
        ['amount', 'evidence'],
      ),
      postedAt: instant,
      promisedBy: instant,
      firstAttemptAt: instant,
      deliveredAt: instant,
      acceptedLateDelivery: flag,
      declaredLost: flag,
      damage,
      contents: required(object({ declared: items(1), received: items(0) }), ['declared', 'received']),
      cause: oneOf(CHOICES.cause),
      packedBy: oneOf(CHOICES.packedBy),
      reportedAfterSigning: flag,
      inspectionOffered: flag,
      signedWithoutConsent: flag,
      reportReturns: count,
      agreement: required(object({ amount: money, note: text(LIMITS.noteLength) }), ['amount']),
      itemType: oneOf(itemTypes),
      terms: object({ capNotified: flag }),
      carrierFault: oneOf(CHOICES.carrierFault),
      events,
    },
    DEFAULTS,
  ),
  ['waybill', 'scope', 'fee', 'postedAt'],
);

/** `raw` as `claimSchema` outputs it, when it is a claim this reader can prove valid; else undefined. */
export function readClaimFast(raw: unknown): ParsedClaim | undefined {
  const read = claim(raw);
  if (read === NO) return undefined;
  // events defaults to an empty object of its own per claim, as the schema gives it.
  return read.events === undefined ? { ...read, events: {} } : read;
}
