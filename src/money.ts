import { LIMITS, quoted } from './claim/bounds.js';
import { Dec } from './dec.js';

/**
 * The library's decimal (M-1…M-3): exact, 40 significant digits so that ratios keep full precision until a
 * line is rounded, and half-up rounding (四舍五入) to the fen.
 */
export { Dec };

export const ZERO = new Dec(0);

const DECIMAL_TEXT = /^-?(?:\d+)(?:\.\d+)?$/;

const MAX_SAFE = new Dec(Number.MAX_SAFE_INTEGER);

/**
 * Reads a decimal given as a JSON string or number, exactly: a number is read through its shortest
 * round-trip text, so 19.99 stays 19.99. Returns a message instead when it is not a finite decimal, when
 * its text is too long, or when it is a number beyond 2^53 units of its last place (`places` decimals):
 * a double cannot hold such a number as written, so it must come as a string.
 */
export function readDecimal(raw: string | number, places = 0): Dec | string {
  if (typeof raw === 'number' && !Number.isFinite(raw)) return 'must be a finite number';
  const text = typeof raw === 'number' ? String(raw) : raw.trim();
  if (text.length > LIMITS.decimalLength) return `at most ${LIMITS.decimalLength} characters: ${quoted(text)}`;
  if (!DECIMAL_TEXT.test(text)) return `${quoted(raw)} is not a decimal number`;
  const value = new Dec(text);
  if (typeof raw === 'number' && value.abs().times(10 ** places).greaterThan(MAX_SAFE)) {
    return `a JSON number cannot hold ${text} exactly (more than 2^53 ${places === 2 ? 'fen' : 'units'}): send it as a decimal string`;
  }
  return value;
}

/** M-2: a breakdown amount rounded half-up to the fen. */
export function roundToFen(value: Dec): Dec {
  return value.toDecimalPlaces(2);
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
