import { CONTROL_CHARACTERS, LIMITS } from './bounds.js';

/**
 * The text forms the claim JSON Schema allows, as patterns (ECMA-262, as JSON Schema reads them). Each accepts
 * what the library's reader accepts, but for the spaces readDecimal trims from around a decimal string: the
 * schema asks for the decimal without them. Digits are [0-9], not \d, which in Python's re also matches other
 * scripts' digits; white space is spelled out for the same reason.
 */

/** Digits with no sign and no exponent: the decimal text readDecimal reads (src/money.ts), without the minus it refuses. */
const DIGITS = '[0-9]+(?:\\.[0-9]+)?';

/**
 * M-1 money as text: at most two decimals (trailing zeros aside, as Decimal counts them) and at most
 * LIMITS.maxMoney, a power of ten (10^12); leading zeros allowed.
 */
function moneyPattern(): string {
  const [whole] = LIMITS.maxMoney.split('.') as [string];
  const below = `[0-9]{1,${whole.length - 1}}(?:\\.[0-9]{1,2}0*)?`;
  return `^0*(?:${below}|${whole}(?:\\.0+)?)$`;
}

export const MONEY_TEXT = moneyPattern();

/** A weight or any non-negative decimal as text. */
export const DECIMAL_TEXT = `^${DIGITS}$`;

/** damage.ratio as text: a decimal in (0, 1]. */
export const RATIO_TEXT = '^(?:0*1(?:\\.0+)?|0+\\.[0-9]*[1-9][0-9]*)$';

/** A year parseInstant reads: 1900 or later. */
const YEAR = '(?:19|[2-9][0-9])[0-9]{2}';
/** Years divisible by 4 but not by 100, or by 400: those with a 29 February. */
const LEAP_YEAR = '(?:(?:19|[2-9][0-9])(?:0[48]|[2468][048]|[13579][26])|(?:[2468][048]|[3579][26])00)';
const MONTH_DAY = '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))';
const DATE = `(?:${YEAR}-${MONTH_DAY}|${LEAP_YEAR}-02-29)`;
const TIME = '[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{1,3})?)?';
/** Z, or an offset of at most 18 hours, with or without its colon. */
const OFFSET = '(?:Z|[+-](?:0[0-9]|1[0-8]):?[0-5][0-9])';

/** An ISO 8601 instant as parseInstant reads it (src/time/instant.ts): a date, a time, an offset; the latter two optional. */
export const INSTANT_TEXT = `^${DATE}(?:${TIME}${OFFSET}?)?$`;

/** The white space String.prototype.trim removes that is not a control character already (ECMA-262 WhiteSpace). */
const SPACES = ' \\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000\\ufeff';

/** Text without control characters that is not blank: an identifier the library trims (the waybill). */
export const NON_BLANK_TEXT = `^[^${CONTROL_CHARACTERS}]*[^${CONTROL_CHARACTERS}${SPACES}][^${CONTROL_CHARACTERS}]*$`;
