import type { DurationUnit } from '../time/duration.js';

/** The shape of a message catalogue: one per language, every text `explain` prints. */
export interface Messages {
  heading: (waybill: string, policy: string, version: string) => string;
  /** The regime a built-in policy applies, in a claims officer's words, by policy id. */
  regimes: Record<string, string>;
  regime: string;
  incident: string;
  provisional: string;
  delayDays: (n: number) => string;
  liable: string;
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
