import type { DurationUnit } from '../time/duration.js';
import type { en } from './messages.en.js';

/** The shape of a message catalogue: one per language, every text `explain` prints. */
export interface Messages {
  heading: (waybill: string, policy: string, version: string) => string;
  /** The regime a built-in policy applies, in a claims officer's words, by policy id. */
  regimes: Record<string, string>;
  regime: string;
  /** Separators as the language writes them: `: `, `, `, ` (`, `)`, `; ` in English; full-width in Chinese. */
  punctuation: { colon: string; comma: string; open: string; close: string; semicolon: string };
  incident: string;
  provisional: string;
  /** The incident's kind, with the days of delay for a delay: `delay, 2 days late`, `延误 2 天`. */
  incidentKind: (kind: string, delayDays: number | undefined) => string;
  liable: string;
  /** Who is liable, in the words of a policy that is not about a carrier (a postal enterprise), by policy id. */
  liableBy: Record<string, string>;
  /** Under an outlet settlement policy (a quote with `settlement`): the responsible outlet pays. */
  outletLiable: string;
  notLiable: string;
  yes: string;
  exemptionsHeading: string;
  applies: string;
  doesNotApply: string;
  linesHeading: string;
  noLines: string;
  source: string;
  payout: string;
  deadlinesHeading: string;
  reviewHeading: string;
  warningsHeading: string;
  settlementHeading: string;
  payer: (amount: string, fee: string) => string;
  payee: (amount: string, fee: string) => string;
  batchCap: (batch: string, rule: string, cap: string) => string;
  /** A BatchQuote's closing part: every batch cap with the batch total before and after, and the total payout. */
  batchCapsHeading: string;
  batchCapTotals: (cap: string, before: string, after: string) => string;
  noBatchCaps: string;
  /** A Comparison: its heading and the columns of its table (policy, version, payout, deciding rule, difference from the first row). */
  comparisonHeading: (waybill: string, policies: number) => string;
  comparisonColumns: [string, string, string, string, string];
  comparisonNotes: string;
  totalPayout: string;
  after: (length: string, event: string) => string;
  givenOnClaim: string;
  windowOpens: string;
  kinds: Record<'delay' | 'loss' | 'damage' | 'mismatch' | 'none', string>;
  units: Record<DurationUnit, (n: number) => string>;
  events: Record<string, string>;
  reasons: Record<string, string>;
  exemptions: Record<string, string>;
  exemptionReasons: Record<string, string>;
  labels: Record<string, string>;
  basis: Record<string, string>;
  values: Record<string, string>;
  deadlines: Record<string, string>;
  review: Record<string, string>;
  warnings: Record<string, string>;
  /** Warnings whose detail (after the colon of `key:detail`) belongs inside the sentence. */
  warningsWithDetail: Record<string, (detail: string) => string>;
}

/** The tables of a catalogue keyed by what a quote carries (rule IDs, message keys, event names, policy IDs). */
export type MessageTable =
  | 'regimes'
  | 'liableBy'
  | 'events'
  | 'reasons'
  | 'exemptions'
  | 'exemptionReasons'
  | 'labels'
  | 'basis'
  | 'values'
  | 'deadlines'
  | 'review'
  | 'warnings'
  | 'warningsWithDetail';

/**
 * A key of the table `T` of the English catalogue (of any table when `T` is not given): `MessageKey<'labels'>`
 * is `'fee-waiver' | 'goods-insured' | …`. `explain` has a text for each in every language.
 */
export type MessageKey<T extends MessageTable = MessageTable> = { [K in T]: keyof (typeof en)[K] & string }[T];

/**
 * A warning of a quote or a deadline: a message key, or a key and its detail after a colon
 * (`unverified-parameter:G-1`, `provisional-calendar:2027`).
 */
export type Warning = MessageKey<'warnings'> | `${MessageKey<'warnings' | 'warningsWithDetail'>}:${string}`;

/** A catalogue in another language: every text of the English one, under the same keys, and no other key. */
export type Translation = Omit<Messages, MessageTable> & { [T in MessageTable]: Record<MessageKey<T>, Messages[T][string]> };
