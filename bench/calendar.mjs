// Working days across a provisional year (2027: statutory holidays, no notice yet) against a published one
// (2026: the State Council's notice), on one core: the calendar asked about every day of the year, and a
// hk-macau quote whose six working days span the Spring Festival. Runs alternate between the two years so that
// a busy machine slows both alike. Run with `npm run bench`; prints a table and one JSON line per case.
import { calendars, quote } from '../dist/index.js';

const RUNS = 11;
const DAY_MS = 86_400_000;

/** Every date `YYYY-MM-DD` of a year. */
const datesOf = (year) => {
  const dates = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += DAY_MS) dates.push(new Date(t).toISOString().slice(0, 10));
  return dates;
};

/** A hk-macau claim posted just before the year's Spring Festival. */
const hk = (postedAt) => ({ waybill: 'HK', scope: 'hk-macau', fee: '30.00', postedAt, events: { claimedAt: postedAt.replace(/^(\d{4})-02/, '$1-03') } });

const CASES = {
  'isWorkingDay, every day of the year': {
    perRun: 2_000,
    unit: 'years/s',
    published: datesOf(2026),
    provisional: datesOf(2027),
    run: (dates) => {
      let working = 0;
      for (const date of dates) if (calendars.cn.isWorkingDay(date)) working += 1;
      return working;
    },
  },
  'quote, 6 working days across the Spring Festival': {
    perRun: 20_000,
    unit: 'quotes/s',
    published: hk('2026-02-13T10:00:00+08:00'),
    provisional: hk('2027-02-03T10:00:00+08:00'),
    run: (claim) => quote(claim, { policy: 'cn-gbt27917-2011' }),
  },
};

/** Operations per second of `perRun` calls of `run(input)`. */
function rate(run, input, perRun) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < perRun; i++) run(input);
  return perRun / (Number(process.hrtime.bigint() - start) / 1e9);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const rows = [];
for (const [name, c] of Object.entries(CASES)) {
  rate(c.run, c.published, c.perRun);
  rate(c.run, c.provisional, c.perRun);
  const rates = { published: [], provisional: [] };
  for (let r = 0; r < RUNS; r++) {
    rates.published.push(rate(c.run, c.published, c.perRun));
    rates.provisional.push(rate(c.run, c.provisional, c.perRun));
  }
  const published = Math.round(median(rates.published));
  const provisional = Math.round(median(rates.provisional));
  rows.push({ bench: 'calendar', case: name, unit: c.unit, published, provisional, ratio: Number((provisional / published).toFixed(2)), runs: RUNS, perRun: c.perRun });
}
console.table(rows.map(({ case: name, unit, published, provisional, ratio }) => ({ case: name, unit, 'published 2026': published, 'provisional 2027': provisional, 'provisional ÷ published': ratio })));
for (const row of rows) console.log(JSON.stringify({ ...row, node: process.version }));
