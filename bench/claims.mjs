// Claims for the benchmarks: one delay, one loss, one damage and one mismatch claim that quote under the
// built-in claims policies, and a deterministic stream of varied claims for the batch benchmark.
const base = {
  scope: 'domestic',
  channel: 'ecommerce',
  fee: '12.00',
  weightKg: '0.8',
  postedAt: '2026-03-02T10:00:00+08:00',
};

/** A claim of each kind, quotable under cn-express, cn-gbt27917-2011 and cn-network-reference alike. */
export const cases = {
  delay: { ...base, waybill: 'BENCH-D', firstAttemptAt: '2026-03-06T09:00:00+08:00', events: { claimedAt: '2026-03-07T10:00:00+08:00' } },
  loss: {
    ...base,
    waybill: 'BENCH-L',
    declaredLost: true,
    value: { amount: '500.00', evidence: 'invoice' },
    events: { claimedAt: '2026-03-20T10:00:00+08:00' },
  },
  damage: {
    ...base,
    waybill: 'BENCH-X',
    deliveredAt: '2026-03-04T10:00:00+08:00',
    damage: { extent: 'partial', lostValue: '100.00' },
    value: { amount: '300.00', evidence: 'invoice' },
    events: { claimedAt: '2026-03-07T10:00:00+08:00' },
  },
  mismatch: {
    ...base,
    waybill: 'BENCH-M',
    deliveredAt: '2026-03-04T10:00:00+08:00',
    value: { amount: '120.00', evidence: 'invoice' },
    contents: { declared: [{ name: 'cup', quantity: 3, unitValue: '40.00' }], received: [{ name: 'cup', quantity: 2 }] },
    events: { claimedAt: '2026-03-07T10:00:00+08:00' },
  },
};

const kinds = Object.keys(cases);

const pad2 = (n) => String(n).padStart(2, '0');

/**
 * The i-th generated claim (0-based): the kinds in turn, with fee, lateness and values varying by i, and the
 * minutes and seconds of every instant too (3,600 variants), so that claims read near each other share no
 * instant text, as in real traffic.
 */
export function claimAt(i) {
  const claim = structuredClone(cases[kinds[i % kinds.length]]);
  claim.waybill = `BENCH${String(i).padStart(8, '0')}`;
  claim.fee = `${8 + (i % 17)}.${String(i % 100).padStart(2, '0')}`;
  if (claim.firstAttemptAt) claim.firstAttemptAt = `2026-03-0${5 + (i % 5)}T${pad2(i % 24)}:00:00+08:00`;
  if (claim.value) claim.value.amount = `${200 + (i % 900)}.00`;
  const time = `:${pad2(i % 60)}:${pad2(Math.floor(i / 60) % 60)}+08:00`;
  const varied = (text) => text.replace(':00:00+08:00', time);
  for (const key of ['postedAt', 'firstAttemptAt', 'deliveredAt']) if (claim[key]) claim[key] = varied(claim[key]);
  claim.events.claimedAt = varied(claim.events.claimedAt);
  return claim;
}

/** `count` generated claims as NDJSON text, in slices of `size` lines. */
export function* ndjson(count, size = 10_000) {
  for (let start = 0; start < count; start += size) {
    let text = '';
    for (let i = start; i < Math.min(start + size, count); i++) text += `${JSON.stringify(claimAt(i))}\n`;
    yield text;
  }
}
