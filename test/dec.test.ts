import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../src/dec.js';

/**
 * Differential test: Dec must give, operation by operation, the results of decimal.js configured as the
 * library configured it before Dec replaced it (40 significant digits, half-up).
 */
const Ref = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
type Ref = Decimal;

const RUNS = { numRuns: 3000 };
/** 3,000 runs of a property take about 3 s on a busy machine, above vitest's default of 5 s at worst. */
const TIMEOUT = { timeout: 60_000 };

/** Everything a value shows: both texts, its sign (−0 included), zero-ness and its decimals. */
const view = (d: Dec | Ref) => [d.toString(), d.toFixed(), d.isNegative(), d.isPositive(), d.isZero(), d.decimalPlaces()];

const digits = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength, maxLength });
const sign = fc.constantFrom('', '-');

/** Whole fen up to 10^12 CNY, as the text of an amount with two decimals. */
const fenText = (f: bigint) => {
  const abs = (f < 0n ? -f : f).toString().padStart(3, '0');
  return `${f < 0n ? '-' : ''}${abs.slice(0, -2)}.${abs.slice(-2)}`;
};
const money = fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }).map(fenText);
/** Ratios as quotients leave them: up to 45 significant digits, some far below 1. */
const ratio = fc
  .tuple(sign, fc.integer({ min: 0, max: 25 }), digits(1, 45))
  .map(([s, zeros, d]) => `${s}0.${'0'.repeat(zeros)}${d}`);
const plain = fc
  .tuple(sign, digits(1, 30), fc.option(digits(1, 30), { nil: undefined }))
  .map(([s, i, f]) => (f === undefined ? `${s}${i}` : `${s}${i}.${f}`));
const exponent = fc
  .tuple(sign, digits(1, 25), fc.integer({ min: -40, max: 40 }))
  .map(([s, d, e]) => `${s}${d[0]}.${d.slice(1) || '0'}e${e}`);
/** Around 2^53, where a coefficient moves between number and bigint. */
const nearSafe = fc
  .tuple(sign, fc.bigInt({ min: 2n ** 53n - 2000n, max: 2n ** 53n + 2000n }), fc.integer({ min: 0, max: 20 }))
  .map(([s, c, k]) => `${s}${new Ref(c.toString()).dividedBy(new Ref(10).toPower(k)).toFixed()}`);
const BOUNDARIES = [
  '0', '-0', '0.00', '-0.00', '1.50', '-1.50', '0.005', '-0.005', '0.015', '-0.015', '0.0049999', '-0.0049999',
  '2.675', '-2.675', '1.995', '999999999999.995', '1000000000000.00', '1000000000000.01', '90071992547409.91',
  '9007199254740991', '9007199254740992', '9007199254740993', '0.0000001', '-0.0000001', '0.000001', '0.00000099',
  '1e-7', '1e-6', '1e20', '1e21', '999999999999999999999.5', '123456789012345678901.5',
  '0.3333333333333333333333333333333333333333', '0.66666666666666666666666666666666666666665',
  '1234567890123456789012345678901234567895', '12345678901234567890123456789012345678905', '-12345678901234567890123456789012345678905',
  '0.1', '0.2', '3', '7', '36', '0.5', '-0.5', '1', '-1',
];
const value = fc.oneof(money, money, ratio, plain, exponent, nearSafe, fc.constantFrom(...BOUNDARIES));

/** The operations of a quote, as both Dec and decimal.js offer them. */
interface Arithmetic<T> {
  plus(y: T): T;
  minus(y: T): T;
  times(y: T): T;
  dividedBy(y: T): T;
  abs(): T;
  isZero(): boolean;
  toDecimalPlaces(dp: number): T;
  toSignificantDigits(sd: number): T;
  toFixed(dp?: number): string;
}

/** What a quote computes: the ratio lost / total (else `ratio`), its share of the total to the fen, lines summed. */
function quoteSteps<T extends Arithmetic<T>>(read: (t: string) => T, lost: string, total: string, ratio: string, lines: string[]) {
  const whole = read(total);
  const part = whole.isZero() ? read(ratio) : read(lost).abs().dividedBy(whole.abs());
  const line = whole.times(part).toDecimalPlaces(2);
  const sum = lines.reduce((s, l) => s.plus(read(l)), line);
  return [part.toSignificantDigits(10).toString(), line.toFixed(2), sum.toFixed(2), sum.minus(line).toFixed(2)];
}

/** An operand as the library passes it: a value, or the text it is read from. */
const operand = (text: string, asDec: boolean) => ({ dec: asDec ? new Dec(text) : text, ref: asDec ? new Ref(text) : text });

describe('Dec reads as decimal.js reads', TIMEOUT, () => {
  it('decimal text, with exponents, signs and trailing zeros', () => {
    fc.assert(
      fc.property(fc.oneof(value, fc.constantFrom('+1.5', '.5', '-.5', '5.', '1E3', '1e+3', '00012.3400', '-000.000')), (t) => {
        expect(view(new Dec(t))).toEqual(view(new Ref(t)));
      }),
      RUNS,
    );
  });
  it('JSON numbers, through their shortest text (−0 stays −0)', () => {
    const numbers = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -(10 ** 14), max: 10 ** 14 }).map((f) => f / 100),
      fc.constantFrom(-0, 0, 19.99, 0.1, 1e-7, 1e21, 2 ** 53, 2 ** 53 - 1, Number.MIN_VALUE, Number.MAX_VALUE),
    );
    fc.assert(
      fc.property(numbers, (n) => {
        expect(view(new Dec(n))).toEqual(view(new Ref(n)));
      }),
      RUNS,
    );
  });
  it('a Dec, unchanged', () => {
    fc.assert(
      fc.property(value, (t) => {
        expect(view(new Dec(new Dec(t)))).toEqual(view(new Ref(t)));
      }),
    );
  });
  it('refuses what is not a finite decimal', () => {
    for (const bad of ['', 'abc', '1.2.3', '1e', '0x10', 'NaN', 'Infinity', '1,5']) expect(() => new Dec(bad)).toThrow(RangeError);
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) expect(() => new Dec(bad)).toThrow(RangeError);
  });
});

describe('Dec computes as decimal.js computes (40 significant digits, half-up)', TIMEOUT, () => {
  it('+ − × ÷ and every comparison', () => {
    fc.assert(
      fc.property(value, value, fc.boolean(), (a, b, asDec) => {
        const [x, X] = [new Dec(a), new Ref(a)];
        const { dec: y, ref: Y } = operand(b, asDec);
        expect(view(x.plus(y))).toEqual(view(X.plus(Y)));
        expect(view(x.minus(y))).toEqual(view(X.minus(Y)));
        expect(view(x.times(y))).toEqual(view(X.times(Y)));
        if (!new Ref(b).isZero()) expect(view(x.dividedBy(y))).toEqual(view(X.dividedBy(Y)));
        expect(x.comparedTo(y)).toBe(X.comparedTo(Y));
        expect([x.equals(y), x.lessThan(y), x.lessThanOrEqualTo(y), x.greaterThan(y), x.greaterThanOrEqualTo(y)]).toEqual([
          X.equals(Y),
          X.lessThan(Y),
          X.lessThanOrEqualTo(Y),
          X.greaterThan(Y),
          X.greaterThanOrEqualTo(Y),
        ]);
      }),
      RUNS,
    );
  });
  it('rounding to decimals and to significant digits, fixed-point text, abs and negation', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 45 }), (t, dp, sd) => {
        const [x, X] = [new Dec(t), new Ref(t)];
        expect(view(x.toDecimalPlaces(dp))).toEqual(view(X.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP)));
        expect(view(x.toSignificantDigits(sd))).toEqual(view(X.toSignificantDigits(sd)));
        expect(x.toFixed(dp)).toBe(X.toFixed(dp));
        expect(view(x.abs())).toEqual(view(X.abs()));
        expect(view(x.negated())).toEqual(view(X.negated()));
      }),
      RUNS,
    );
  });
  it('a quote: a share of a value by a ratio, rounded to the fen, lines summed', () => {
    fc.assert(
      fc.property(money, money, fc.array(money, { minLength: 1, maxLength: 6 }), ratio, (lost, total, lines, r) => {
        const dec = (t: string) => new Dec(t);
        const ref = (t: string) => new Ref(t);
        expect(quoteSteps(dec, lost, total, r, lines)).toEqual(quoteSteps(ref, lost, total, r, lines));
      }),
      RUNS,
    );
  });
  it('refuses to divide by zero', () => {
    expect(() => new Dec(1).dividedBy(new Dec('-0'))).toThrow(RangeError);
  });
});
