/**
 * An exact decimal (M-1…M-3): value = sign × coefficient × 10^-scale. Sums, differences and products are
 * exact and then kept to 40 significant digits, as are quotients; every rounding is half-up (四舍五入: a
 * tie goes away from zero). Its results, strings included, are those of decimal.js configured with
 * `{ precision: 40, rounding: ROUND_HALF_UP }`, which the tests check operation by operation (docs/quality.md).
 *
 * The coefficient is a safe integer (a number) up to 2^53 − 1 and a bigint above, so that money, which
 * stays below 2^53 fen, is computed with machine integers; every step that could leave the safe range is
 * checked and continues in bigint. A coefficient may end in zeros (500.00 is 50000 × 10^-2): they cost
 * nothing to keep, and are dropped only where they show (the text forms, decimalPlaces) and after a
 * division, whose quotient would otherwise carry 40 of them.
 */

/** A coefficient: a number while it is a safe integer, a bigint (always above 2^53 − 1) beyond. */
type Coefficient = number | bigint;

/** An operand: a Dec, or what `new Dec` reads. */
type Operand = Dec | string | number;

const PRECISION = 40;
/** decimal.js's defaults: toString() uses exponent notation for an exponent ≤ −7 or ≥ 21. */
const TO_EXP_NEG = -7;
const TO_EXP_POS = 21;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_SAFE_BIG = BigInt(MAX_SAFE);
/** Powers of ten a double holds exactly (10^0…10^22). */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
/** 10^0…10^99 as bigints: the powers a quotient, a product of two 40-digit values or its rounding needs. */
const BIG_POW10 = Array.from({ length: 100 }, (_, i) => 10n ** BigInt(i));
const PRECISION_LIMIT = BIG_POW10[PRECISION] as bigint;
/** Digits a safe integer can have; dividing one by 10^d for a larger d rounds to 0 however it ends. */
const SAFE_DIGITS = 16;
/** Digits that Number() reads exactly whatever they are. */
const EXACT_DIGITS = 15;

const NUMBER_TEXT = /^([+-])?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** Passed as the first argument by the functions below to build a value from its parts, unchecked. */
const PARTS = Symbol('parts');

function big(c: Coefficient): bigint {
  return typeof c === 'bigint' ? c : BigInt(c);
}

function bigPow10(n: number): bigint {
  return BIG_POW10[n] ?? 10n ** BigInt(n);
}

/** A bigint coefficient back to a number when it fits. */
function settle(c: bigint): Coefficient {
  return c <= MAX_SAFE_BIG ? Number(c) : c;
}

function digitCount(c: Coefficient): number {
  if (typeof c === 'number') {
    let n = 1;
    while (n < SAFE_DIGITS && c >= (POW10[n] as number)) n++;
    return n;
  }
  if (c >= (BIG_POW10[BIG_POW10.length - 1] as bigint)) return c.toString().length;
  let [lo, hi] = [SAFE_DIGITS - 1, BIG_POW10.length - 1]; // 10^lo ≤ 2^53 ≤ c < 10^hi
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (c >= (BIG_POW10[mid] as bigint)) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** c × 10^n, n ≥ 0. */
function shiftUp(c: Coefficient, n: number): Coefficient {
  if (n === 0) return c;
  if (typeof c === 'number' && n < POW10.length) {
    const product = c * (POW10[n] as number);
    if (product <= MAX_SAFE) return product;
  }
  return big(c) * bigPow10(n);
}

/** c with its last n digits dropped, rounded half-up, n ≥ 0. */
function dropDigits(c: Coefficient, n: number): Coefficient {
  if (n === 0) return c;
  if (typeof c === 'number') {
    if (n > SAFE_DIGITS) return 0;
    const p = POW10[n] as number;
    const rest = c % p;
    return (c - rest) / p + (rest * 2 >= p ? 1 : 0);
  }
  const p = bigPow10(n);
  const rest = c % p;
  return settle(c / p + (rest * 2n >= p ? 1n : 0n));
}

function add(a: Coefficient, b: Coefficient): Coefficient {
  if (typeof a === 'number' && typeof b === 'number') {
    const sum = a + b;
    if (sum <= MAX_SAFE) return sum;
  }
  return big(a) + big(b);
}

/** a − b for a ≥ b. */
function subtract(a: Coefficient, b: Coefficient): Coefficient {
  return typeof a === 'number' && typeof b === 'number' ? a - b : settle(big(a) - big(b));
}

function multiply(a: Coefficient, b: Coefficient): Coefficient {
  if (typeof a === 'number' && typeof b === 'number') {
    const product = a * b;
    // A product above 2^53 − 1 rounds to a double ≥ 2^53, never back into the safe range.
    if (product <= MAX_SAFE) return product;
  }
  return settle(big(a) * big(b));
}

/** −1, 0 or 1 as a × 10^-ka is below, equal to or above b × 10^-kb (both ≥ 0). */
function compareMagnitudes(a: Coefficient, ka: number, b: Coefficient, kb: number): number {
  const x = ka < kb ? shiftUp(a, kb - ka) : a;
  const y = kb < ka ? shiftUp(b, ka - kb) : b;
  // `<` and `>` compare a number with a bigint exactly.
  return x < y ? -1 : x > y ? 1 : 0;
}

/** How many of the last `max` digits of c (> 0) are zeros. */
function trailingZeros(c: Coefficient, max: number): number {
  if (typeof c === 'number') {
    let n = 0;
    while (n < max && c % (POW10[n + 1] as number) === 0) n++;
    return n;
  }
  if (c % 10n !== 0n) return 0;
  const text = c.toString();
  let n = 1;
  while (n < max && text[text.length - 1 - n] === '0') n++;
  return n;
}

export class Dec {
  /** 1 or −1. A zero keeps a sign, as in decimal.js: −0 is negative, 0 is positive. */
  readonly s: 1 | -1;
  /** The coefficient without sign (0 for zero). */
  readonly c: Coefficient;
  /** The scale: the value is s × c × 10^-k (negative for a multiple of a power of ten). */
  readonly k: number;

  constructor(value: string | number | Dec);
  constructor(value: typeof PARTS, s: 1 | -1, c: Coefficient, k: number);
  constructor(value: string | number | Dec | typeof PARTS, s?: 1 | -1, c?: Coefficient, k?: number) {
    if (value === PARTS) {
      this.s = s as 1 | -1;
      this.c = c as Coefficient;
      this.k = k as number;
      return;
    }
    const parsed = value instanceof Dec ? value : typeof value === 'number' ? fromNumber(value) : fromText(value);
    this.s = parsed.s;
    this.c = parsed.c;
    this.k = parsed.k;
  }

  plus(operand: Operand): Dec {
    const y = dec(operand);
    return sum(this, y.s, y);
  }

  minus(operand: Operand): Dec {
    const y = dec(operand);
    return sum(this, -y.s as 1 | -1, y);
  }

  times(operand: Operand): Dec {
    const y = dec(operand);
    const s = (this.s * y.s) as 1 | -1;
    if (this.c === 0 || y.c === 0) return zero(s);
    return rounded(s, multiply(this.c, y.c), this.k + y.k, PRECISION);
  }

  /** The quotient to 40 significant digits, half-up. Dividing by zero is a defect of the caller: it throws. */
  dividedBy(operand: Operand): Dec {
    const y = dec(operand);
    if (y.c === 0) throw new RangeError('division by zero');
    const s = (this.s * y.s) as 1 | -1;
    if (this.c === 0) return zero(s);
    const a = big(this.c);
    const b = big(y.c);
    // Scale the dividend so that the integer quotient has at least 41 digits. Half-up needs no remainder:
    // the dropped digits alone decide whether the rest reaches one half.
    const shift = PRECISION + 1 + digitCount(y.c) - digitCount(this.c);
    const quotient = shift >= 0 ? (a * bigPow10(shift)) / b : a / (b * bigPow10(-shift));
    const q = rounded(s, settle(quotient), this.k - y.k + shift, PRECISION);
    const zeros = trailingZeros(q.c, PRECISION);
    return zeros === 0 ? q : new Dec(PARTS, s, dropDigits(q.c, zeros), q.k - zeros);
  }

  /** Rounded half-up to `dp` decimals. */
  toDecimalPlaces(dp: number): Dec {
    if (this.k <= dp) return this;
    const c = dropDigits(this.c, this.k - dp);
    return c === 0 ? zero(this.s) : new Dec(PARTS, this.s, c, dp);
  }

  /** Rounded half-up to `sd` significant digits. */
  toSignificantDigits(sd: number): Dec {
    return this.c === 0 ? this : rounded(this.s, this.c, this.k, sd);
  }

  /**
   * Fixed-point text, never exponent notation: every digit without `dp`, exactly `dp` decimals (half-up)
   * with it. A negative value that rounds to zero keeps its minus sign ("-0.00"), as in decimal.js.
   */
  toFixed(dp?: number): string {
    const sign = this.s < 0 && this.c !== 0 ? '-' : '';
    if (dp === undefined) return sign + plainText(this.c, this.k);
    const r = this.toDecimalPlaces(dp);
    const digits = r.c === 0 ? '0' : r.k === dp ? String(r.c) : String(r.c) + '0'.repeat(dp - r.k);
    if (dp === 0) return sign + digits;
    const padded = digits.length > dp ? digits : '0'.repeat(dp + 1 - digits.length) + digits;
    return `${sign}${padded.slice(0, -dp)}.${padded.slice(-dp)}`;
  }

  /** Plain text, or exponent notation ("1.5e+21", "1e-7") where decimal.js uses it. */
  toString(): string {
    if (this.c === 0) return '0';
    const sign = this.s < 0 ? '-' : '';
    const text = String(this.c);
    const exponent = text.length - 1 - this.k;
    if (exponent > TO_EXP_NEG && exponent < TO_EXP_POS) return sign + plainText(this.c, this.k);
    const digits = text.slice(0, text.length - trailingZeros(this.c, text.length - 1));
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${mantissa}e${exponent < 0 ? '' : '+'}${exponent}`;
  }

  /** −1, 0 or 1; −0 equals 0. */
  comparedTo(operand: Operand): number {
    const y = dec(operand);
    if (this.c === 0) return y.c === 0 ? 0 : -y.s;
    if (y.c === 0 || this.s !== y.s) return this.s;
    const order = compareMagnitudes(this.c, this.k, y.c, y.k);
    return order === 0 ? 0 : this.s * order;
  }

  equals(operand: Operand): boolean {
    return this.comparedTo(operand) === 0;
  }

  lessThan(operand: Operand): boolean {
    return this.comparedTo(operand) < 0;
  }

  lessThanOrEqualTo(operand: Operand): boolean {
    return this.comparedTo(operand) <= 0;
  }

  greaterThan(operand: Operand): boolean {
    return this.comparedTo(operand) > 0;
  }

  greaterThanOrEqualTo(operand: Operand): boolean {
    return this.comparedTo(operand) >= 0;
  }

  isZero(): boolean {
    return this.c === 0;
  }

  /** True for −0 too. */
  isNegative(): boolean {
    return this.s < 0;
  }

  /** True for 0 too, false for −0. */
  isPositive(): boolean {
    return this.s > 0;
  }

  abs(): Dec {
    return this.s > 0 ? this : new Dec(PARTS, 1, this.c, this.k);
  }

  negated(): Dec {
    return new Dec(PARTS, -this.s as 1 | -1, this.c, this.k);
  }

  /** Decimals after the point, trailing zeros not counted: 1.50 has 1. */
  decimalPlaces(): number {
    return this.k > 0 && this.c !== 0 ? this.k - trailingZeros(this.c, this.k) : 0;
  }
}

function dec(operand: Operand): Dec {
  return operand instanceof Dec ? operand : new Dec(operand);
}

function zero(s: 1 | -1): Dec {
  return new Dec(PARTS, s, 0, 0);
}

/** s × c × 10^-k (c > 0) rounded half-up to `sd` significant digits. */
function rounded(s: 1 | -1, c: Coefficient, k: number, sd: number): Dec {
  if (typeof c === 'bigint' ? c < PRECISION_LIMIT && sd >= PRECISION : sd >= SAFE_DIGITS) return new Dec(PARTS, s, c, k);
  const excess = digitCount(c) - sd;
  return excess > 0 ? new Dec(PARTS, s, dropDigits(c, excess), k - excess) : new Dec(PARTS, s, c, k);
}

/**
 * x + sign × |y|, exact, then kept to 40 significant digits. A zero result is 0, except that two zeros of
 * the same sign add up to that sign (−0 + −0 = −0), as in decimal.js.
 */
function sum(x: Dec, ySign: 1 | -1, y: Dec): Dec {
  if (y.c === 0) return x.c === 0 ? zero(x.s === ySign ? x.s : 1) : rounded(x.s, x.c, x.k, PRECISION);
  if (x.c === 0) return rounded(ySign, y.c, y.k, PRECISION);
  const k = x.k > y.k ? x.k : y.k;
  const a = shiftUp(x.c, k - x.k);
  const b = shiftUp(y.c, k - y.k);
  if (x.s === ySign) return rounded(x.s, add(a, b), k, PRECISION);
  if (a === b) return zero(1);
  return a > b ? rounded(x.s, subtract(a, b), k, PRECISION) : rounded(ySign, subtract(b, a), k, PRECISION);
}

/** |c × 10^-k| in fixed-point notation, without trailing zeros after the point. */
function plainText(c: Coefficient, k: number): string {
  if (c === 0) return '0';
  const text = String(c);
  if (k <= 0) return text + '0'.repeat(-k);
  const digits = text.slice(0, text.length - trailingZeros(c, k));
  const decimals = k - (text.length - digits.length);
  if (decimals === 0) return digits;
  if (digits.length > decimals) return `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return `0.${'0'.repeat(decimals - digits.length)}${digits}`;
}

/** A number through its shortest round-trip text, as decimal.js reads it (−0 stays −0). */
function fromNumber(value: number): Dec {
  if (value === 0) return zero(Object.is(value, -0) ? -1 : 1);
  if (Number.isSafeInteger(value)) return new Dec(PARTS, value < 0 ? -1 : 1, Math.abs(value), 0);
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return fromText(String(value));
}

/** Text in decimal.js's decimal syntax: a sign, digits with at most one point, an exponent. */
function fromText(text: string): Dec {
  // Most text is money: up to 15 digits and a point, read digit by digit without a regular expression.
  const s = text.charCodeAt(0) === 45 ? -1 : 1;
  let i = s < 0 || text.charCodeAt(0) === 43 ? 1 : 0;
  let c = 0;
  let digits = 0;
  let point = -1;
  for (; i < text.length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d >= 0 && d <= 9) {
      c = c * 10 + d;
      digits++;
    } else if (d === -2 && point < 0) point = digits;
    else break;
  }
  if (i === text.length && digits > 0 && digits <= EXACT_DIGITS) {
    return c === 0 ? zero(s) : new Dec(PARTS, s, c, point < 0 ? 0 : digits - point);
  }
  const match = NUMBER_TEXT.exec(text);
  const [, , whole = '', fraction = '', exponent] = match ?? [];
  const all = whole + fraction;
  if (!match || all === '') throw new RangeError(`not a decimal: ${text}`);
  // Number() and BigInt() both skip leading zeros; up to 15 digits, Number() is exact.
  const coefficient = all.length <= EXACT_DIGITS ? Number(all) : settle(BigInt(all));
  if (coefficient === 0) return zero(s);
  return new Dec(PARTS, s, coefficient, fraction.length - (exponent === undefined ? 0 : Number(exponent)));
}
