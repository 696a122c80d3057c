import { z } from 'zod';
import { Dec } from '../money.js';

/**
 * One row of a decision table over a number (e.g. weight in kg). Each side is open, inclusive or exclusive:
 * `over` > x, `from` ≥ x, `upTo` ≤ x, `below` < x. A side left out is unbounded.
 */
export interface Band<T> {
  over?: Dec;
  from?: Dec;
  upTo?: Dec;
  below?: Dec;
  value: T;
}

/** A non-negative decimal as text (band bounds, and every amount, rate or multiple a policy sets). */
const DECIMAL_TEXT = 'must be a non-negative decimal string';
export const decimalText = z.string({ error: DECIMAL_TEXT }).regex(/^\d+(?:\.\d+)?$/, DECIMAL_TEXT);

/** Lower edge of a band as (value, inclusive); undefined = unbounded. */
function lowerEdge<T>(b: Band<T>): { at: Dec; inclusive: boolean } | undefined {
  if (b.from) return { at: b.from, inclusive: true };
  if (b.over) return { at: b.over, inclusive: false };
  return undefined;
}

function upperEdge<T>(b: Band<T>): { at: Dec; inclusive: boolean } | undefined {
  if (b.upTo) return { at: b.upTo, inclusive: true };
  if (b.below) return { at: b.below, inclusive: false };
  return undefined;
}

/**
 * Checks that bands, in the order given, cover every number once (a value falls in exactly one band): the first is
 * unbounded below or starts at 0 inclusive, the last is unbounded above, and each band starts exactly where
 * the previous one ends with exactly one of the two sides inclusive. Returns one message per defect.
 */
export function bandDefects<T>(bands: readonly Band<T>[]): { index: number; message: string }[] {
  const defects: { index: number; message: string }[] = [];
  bands.forEach((band, index) => {
    if ((band.over && band.from) || (band.upTo && band.below)) {
      defects.push({ index, message: 'a band has at most one lower bound (over/from) and one upper bound (upTo/below)' });
    }
    const lo = lowerEdge(band);
    const hi = upperEdge(band);
    if (lo && hi && (lo.at.greaterThan(hi.at) || (lo.at.equals(hi.at) && !(lo.inclusive && hi.inclusive)))) {
      defects.push({ index, message: 'the band is empty' });
    }
    if (index === 0) {
      if (lo && !(lo.inclusive && lo.at.isZero())) {
        defects.push({ index, message: 'gap: the first band must start at 0 inclusive or be unbounded below' });
      }
      return;
    }
    const prevHi = upperEdge(bands[index - 1] as Band<T>);
    if (!prevHi || !lo) {
      defects.push({ index, message: 'overlap: the band starts inside an earlier band' });
    } else if (!prevHi.at.equals(lo.at)) {
      defects.push({
        index,
        message: prevHi.at.lessThan(lo.at)
          ? `gap between ${prevHi.at.toString()} and ${lo.at.toString()}`
          : `overlap: the band starts at ${lo.at.toString()}, before the previous band ends`,
      });
    } else if (prevHi.inclusive === lo.inclusive) {
      defects.push({
        index,
        message: prevHi.inclusive
          ? `overlap: ${lo.at.toString()} falls in two bands`
          : `gap: ${lo.at.toString()} falls in no band`,
      });
    }
  });
  const last = bands[bands.length - 1];
  if (last && upperEdge(last)) {
    defects.push({ index: bands.length - 1, message: 'gap: the last band must be unbounded above' });
  }
  if (bands.length === 0) defects.push({ index: 0, message: 'a band table needs at least one band' });
  return defects;
}

/** Zod schema of a band table whose rows carry values of `value`; gaps and overlaps are schema issues. */
export function bandTable<V extends z.ZodType>(value: V) {
  const row = z.strictObject({
    over: decimalText.optional(),
    from: decimalText.optional(),
    upTo: decimalText.optional(),
    below: decimalText.optional(),
    value,
  });
  return z
    .array(row)
    .transform((rows) =>
      rows.map(
        (r): Band<z.output<V>> => ({
          ...(r.over !== undefined && { over: new Dec(r.over) }),
          ...(r.from !== undefined && { from: new Dec(r.from) }),
          ...(r.upTo !== undefined && { upTo: new Dec(r.upTo) }),
          ...(r.below !== undefined && { below: new Dec(r.below) }),
          value: (r as { value: z.output<V> }).value,
        }),
      ),
    )
    .check((ctx) => {
      for (const d of bandDefects(ctx.value)) {
        ctx.issues.push({ code: 'custom', message: d.message, input: ctx.value, path: [d.index] });
      }
    });
}

/** The band containing `x` in a table that passed `bandDefects`. */
export function findBand<T>(bands: readonly Band<T>[], x: Dec): Band<T> {
  const hit = bands.find((b) => {
    const lo = lowerEdge(b);
    const hi = upperEdge(b);
    const aboveLo = !lo || (lo.inclusive ? x.greaterThanOrEqualTo(lo.at) : x.greaterThan(lo.at));
    const belowHi = !hi || (hi.inclusive ? x.lessThanOrEqualTo(hi.at) : x.lessThan(hi.at));
    return aboveLo && belowHi;
  });
  if (!hit) throw new RangeError(`no band contains ${x.toString()}`);
  return hit;
}
