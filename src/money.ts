import { Decimal } from 'decimal.js';

/**
 * The one Decimal constructor of the library (M-1…M-3): 40 significant digits so that ratios keep full
 * precision until a line is rounded, and half-up rounding (四舍五入) to the fen.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

export const ZERO = new Dec(0);

const DECIMAL_TEXT = /^-?(?:\d+)(?:\.\d+)?$/;

/**
 * Reads a decimal given as a JSON string or number, exactly: a number is read through its shortest
 * round-trip text, so 19.99 stays 19.99. Returns a message instead when it is not a finite decimal.
 */
export function readDecimal(raw: string | number): Dec | string {
  if (typeof raw === 'number' && !Number.isFinite(raw)) return 'must be a finite number';
  const text = typeof raw === 'number' ? String(raw) : raw.trim();
  if (!DECIMAL_TEXT.test(text)) return `"${raw}" is not a decimal number`;
  return new Dec(text);
}

/** M-2: a breakdown amount rounded half-up to the fen. */
export function roundToFen(value: Dec): Dec {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** An amount as the Quote shows it: exactly two decimals. */
export function formatMoney(value: Dec): string {
  return value.toFixed(2);
}

export function minDec(a: Dec, b: Dec): Dec {
  return a.lessThan(b) ? a : b;
}

export function maxDec(a: Dec, b: Dec): Dec {
  return a.greaterThan(b) ? a : b;
}
