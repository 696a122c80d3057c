/**
 * An exact decimal (M-1…M-3): value = sign × coefficient × 10^-scale. Sums, differences and products are
 * exact and then kept to 40 significant digits, as are quotients; every rounding is half-up (四舍五入: a
 * tie goes away from zero). Its results, strings included, are those of decimal.js configured with
 * `{ precision: 40, rounding: ROUND_HALF_UP }`, which test/dec.test.ts checks operation by operation.
 *
 * The coefficient is a safe integer (a number) up to 2^53 − 1 and a bigint above, so that money, which
 * stays below 2^53 fen, is computed with machine integers; every step that could leave the safe range is
 * checked and continues in bigint.
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
const PRECISION_LIMIT = 10n ** BigInt(PRECISION);
/** Digits a safe integer can have beyond which dividing it by 10^d rounds to 0 however it ends. */
const SAFE_DIGITS = 16;

const NUMBER_TEXT = /^([+-])?(\d+(?:\.\d*)?|\.\d+)(?:e([+-]?\d+))?$/i;

/** Passed as the first argument by the methods below to build a value from its parts, unchecked. */
const PARTS = Symbol('parts');

function big(c: Coefficient): bigint {
  return typeof c === 'bigint' ? c : BigInt(c);
}

function bigPow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** A bigint coefficient back to a number when it fits. */
function settle(c: bigint): Coefficient {
  return c <= MAX_SAFE_BIG ? Number(c) : c;
}

function digitCount(c: Coefficient): number {
  return String(c).length;
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

export class Dec {
  /** 1 or −1. A zero keeps a sign, as in decimal.js: −0 is negative, 0 is positive. */
  readonly s: 1 | -1;
  /** The coefficient without sign and without trailing zeros (0 for zero). */
  readonly c: Coefficient;
  /** The scale: the value is s × c × 10^-k (0 for zero; negative for a multiple of 10). */
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
    const parsed = value instanceof Dec ? value : parse(value);
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
    const shift = PRECISION + 1 + digitCount(b) - digitCount(a);
    const quotient = shift >= 0 ? (a * bigPow10(shift)) / b : a / (b * bigPow10(-shift));
    return rounded(s, settle(quotient), this.k - y.k + shift, PRECISION);
  }

  /** Rounded half-up to `dp` decimals. */
  toDecimalPlaces(dp: number): Dec {
    return this.k <= dp ? this : normalized(this.s, dropDigits(this.c, this.k - dp), dp);
  }

  /** Rounded half-up to `sd` significant digits. */
  toSignificantDigits(sd: number): Dec {
    return rounded(this.s, this.c, this.k, sd);
  }

  /**
   * Fixed-point text, never exponent notation: all digits without `dp`, exactly `dp` decimals (half-up)
   * with it. A negative value that rounds to zero keeps its minus sign ("-0.00"), as in decimal.js.
   */
  toFixed(dp?: number): string {
    const sign = this.s < 0 && this.c !== 0 ? '-' : '';
    if (dp === undefined) return sign + plainText(this.c, this.k);
    const r = this.toDecimalPlaces(dp);
    const digits = r.c === 0 ? '0' : String(r.c) + '0'.repeat(dp - r.k);
    if (dp === 0) return sign + digits;
    const padded = digits.length > dp ? digits : '0'.repeat(dp + 1 - digits.length) + digits;
    return `${sign}${padded.slice(0, -dp)}.${padded.slice(-dp)}`;
  }

  /** Plain text, or exponent notation ("1.5e+21", "1e-7") where decimal.js uses it. */
  toString(): string {
    if (this.c === 0) return '0';
    const sign = this.s < 0 ? '-' : '';
    const digits = String(this.c);
    const exponent = digits.length - 1 - this.k;
    if (exponent > TO_EXP_NEG && exponent < TO_EXP_POS) return sign + plainText(this.c, this.k);
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
    return this.k > 0 ? this.k : 0;
  }
}

function dec(operand: Operand): Dec {
  return operand instanceof Dec ? operand : new Dec(operand);
}

function zero(s: 1 | -1): Dec {
  return new Dec(PARTS, s, 0, 0);
}

/** s × c × 10^-k with its trailing zeros removed. */
function normalized(s: 1 | -1, c: Coefficient, k: number): Dec {
  if (c === 0) return zero(s);
  if (typeof c === 'number') {
    while (c % 10 === 0) {
      c /= 10;
      k--;
    }
    return new Dec(PARTS, s, c, k);
  }
  while (c % 10n === 0n) {
    c /= 10n;
    k--;
  }
  return new Dec(PARTS, s, settle(c), k);
}

/** s × c × 10^-k rounded half-up to `sd` significant digits. */
function rounded(s: 1 | -1, c: Coefficient, k: number, sd: number): Dec {
  if (typeof c === 'bigint' ? c < PRECISION_LIMIT && sd >= PRECISION : sd >= SAFE_DIGITS) return normalized(s, c, k);
  const excess = digitCount(c) - sd;
  return excess > 0 ? normalized(s, dropDigits(c, excess), k - excess) : normalized(s, c, k);
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

/** |c × 10^-k| in fixed-point notation. */
function plainText(c: Coefficient, k: number): string {
  const digits = String(c);
  if (k <= 0) return c === 0 ? '0' : digits + '0'.repeat(-k);
  if (digits.length > k) return `${digits.slice(0, -k)}.${digits.slice(-k)}`;
  return `0.${'0'.repeat(k - digits.length)}${digits}`;
}

/** A number through its shortest round-trip text (−0 stays −0); a string in decimal.js's decimal syntax. */
function parse(value: string | number): Dec {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    if (value === 0) return zero(Object.is(value, -0) ? -1 : 1);
    return parse(String(value));
  }
  const match = NUMBER_TEXT.exec(value);
  if (!match) throw new RangeError(`not a decimal: ${value}`);
  const [, sign, mantissa = '', exponent = '0'] = match;
  const point = mantissa.indexOf('.');
  const decimals = point < 0 ? 0 : mantissa.length - point - 1;
  const digits = (point < 0 ? mantissa : mantissa.slice(0, point) + mantissa.slice(point + 1)).replace(/^0+/, '');
  const c = digits.length < SAFE_DIGITS ? Number(digits) : settle(BigInt(digits));
  return normalized(sign === '-' ? -1 : 1, c, decimals - Number(exponent));
}
