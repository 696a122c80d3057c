/**
 * Bounds on what a claim may hold (docs/rules.md, Input bounds). They are limits of the input, not rules of
 * compensation: they keep a claim's cost and its text output bounded, and a forged or runaway field out.
 */
export const LIMITS = {
  /** waybill, product, batch: identifiers. */
  identifierLength: 64,
  /** contents item names. */
  itemNameLength: 200,
  /** agreement.note. */
  noteLength: 1000,
  /** A decimal given as a string (money, weights, ratios). */
  decimalLength: 32,
  /** contents.declared and contents.received, each. */
  items: 10_000,
  /** M-1: any amount of money, in CNY (10^12). */
  maxMoney: '1000000000000.00',
} as const;

/**
 * Characters a text field must not hold, since they could forge or hide lines of the text output:
 * C0 controls (line breaks, tabs, ESC of ANSI sequences), DEL and C1 controls, line and paragraph
 * separators, and bidirectional marks, embeddings, overrides and isolates.
 */
export const CONTROL_CHARACTERS = '\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
/** Text without any of them. */
export const NO_CONTROL_CHARACTERS = new RegExp(`^[^${CONTROL_CHARACTERS}]*$`);

/** A value as an error message may quote it: JSON-escaped, and cut after 40 characters. */
export function quoted(value: unknown): string {
  const text = String(value);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}
