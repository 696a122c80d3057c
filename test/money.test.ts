import { describe, expect, it } from 'vitest';
import { Dec, formatMoney, readDecimal, roundToFen } from '../src/money.js';

describe('readDecimal (M-1)', () => {
  it('reads JSON numbers through their shortest text, exactly', () => {
    expect((readDecimal(19.99) as Dec).toString()).toBe('19.99');
    expect((readDecimal(0.1) as Dec).plus(readDecimal(0.2) as Dec).toString()).toBe('0.3');
  });
  it('reads decimal strings, trimming blanks', () => {
    expect((readDecimal(' 12.50 ') as Dec).toFixed(2)).toBe('12.50');
  });
  it.each([Number.NaN, Number.POSITIVE_INFINITY, '1e3', '12,5', '', 'abc', '1.'])('rejects %s', (raw) => {
    expect(typeof readDecimal(raw)).toBe('string');
  });
});

describe('roundToFen (M-2)', () => {
  it.each([
    ['0.005', '0.01'],
    ['0.004999', '0.00'],
    ['0.015', '0.02'],
    ['0.025', '0.03'],
    ['2.675', '2.68'],
    ['1.999', '2.00'],
  ])('rounds %s half-up to %s', (raw, fen) => {
    expect(formatMoney(roundToFen(new Dec(raw)))).toBe(fen);
  });
  it('keeps full precision in ratios until the line is rounded (M-3)', () => {
    const third = new Dec(1).dividedBy(3);
    expect(formatMoney(roundToFen(third.times(36)))).toBe('12.00');
  });
});
