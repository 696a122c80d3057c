import type { DatedValueSpec, PolicySpec } from '../model.js';

/**
 * What both built-in policies take from GB/T 27917-2011 and the training course (seed 001/002/000): the time
 * limits T-1…T-3, classification C-1…C-4 and the exemptions E-1…E-4, E-7. Data only: each value cites its
 * source; "decision:" marks where the sources are silent and the rulebook decided. Seed passages are quoted
 * as written in the seed files (traditional script in seed 001).
 */
export const SEED_001 = 'seeds/001_de98f6ac98af28a9.txt';
const SEED_002 = 'seeds/002_71a5f7dea149073e.txt';
const SEED_000 = 'seeds/000_5da0c631cfed4a99.txt';

const T1 = `GB/T 27917.2-2011 §16.1.3; ${SEED_002} "一,服务时限:同1,异3,国际7"`;
const T1_WORKING = 'GB/T 27917.2-2011 §16.1.3 (港澳、台湾及国际快件服务时限, working days)';
const T2 = `GB/T 27917.1-2011 (彻底延误时限); ${SEED_002} "二,彻底延误:同3,异7,国际10"`;
const T2_UNVERIFIED = 'rulebook T-2: no primary text found for this scope; value as for the nearest scope';
export const CLAIMS_PROCEDURE = `GB/T 27917.3-2011 (索赔程序); ${SEED_001} 一、索賠程序`;
export const CLAIM_FACTORS = `GB/T 27917.3-2011 (索赔因素); ${SEED_001} 三、索賠因素`;

/** One dated value; `verified: false` / `fromVerified: false` only where no primary text confirms it. */
export type Entry = (value: unknown, source: string, verified?: boolean) => DatedValueSpec[];

/** The entry maker of a policy version starting `from`. */
export function datedFrom(from: string, fromVerified = true): Entry {
  return (value, source, verified = true) => [
    { from, value, source, ...(verified ? {} : { verified: false }), ...(fromVerified ? {} : { fromVerified: false }) },
  ];
}

/** T-1…T-3, C-1…C-4 and E-1…E-4, E-7 as GB/T 27917-2011 and the course set them. */
export function gbt27917Common(entry: Entry): PolicySpec['params'] {
  return {
    'T-1.same-city': entry({ hours: 24 }, T1),
    'T-1.domestic': entry({ hours: 72 }, T1),
    'T-1.hk-macau': entry({ workingDays: 6 }, T1_WORKING),
    'T-1.taiwan': entry({ workingDays: 6 }, T1_WORKING),
    'T-1.international.asia': entry({ workingDays: 6 }, T1_WORKING),
    'T-1.international.north-america': entry({ workingDays: 6 }, T1_WORKING),
    'T-1.international.europe': entry({ workingDays: 8 }, T1_WORKING),
    'T-1.international.oceania': entry({ workingDays: 9 }, T1_WORKING),
    'T-1.international.other': entry(null, `${T1_WORKING}: no limit for other regions; the claim gives promisedBy`),
    'T-2.same-city': entry({ calendarDays: 3 }, T2),
    'T-2.domestic': entry({ calendarDays: 7 }, T2),
    'T-2.international': entry({ calendarDays: 10 }, T2),
    'T-2.hk-macau': entry({ calendarDays: 7 }, T2_UNVERIFIED, false),
    'T-2.taiwan': entry({ calendarDays: 10 }, T2_UNVERIFIED, false),
    'T-3': entry(
      { calendarYears: 1 },
      `${SEED_001} "c)顧客自交寄快件之日起滿一年未查詢又未提出賠償要求的"; ${SEED_002} "六,处理有效期,收寄之时限1年"`,
    ),
    'C-1': entry({}, `${CLAIM_FACTORS} "a)快件延誤是指快件的投遞時間超出快遞服務組織承諾的服務時限,但尚未超出徹底延誤時限"`),
    'C-1.delayDays': entry('started-24h', 'decision (rulebook R-13): each started 24-hour period counts as one day'),
    'C-2': entry(
      {},
      `${CLAIM_FACTORS} "b)快件丟失是指快遞服務組織在徹底延誤時限到達時仍未能投遞快件,與顧客有特殊約定的情況除外"`,
    ),
    'C-2.acceptedLateDelivery': entry('delay', 'decision (rulebook C-2): a late delivery the recipient accepted is a delay'),
    'C-3': entry({}, `${CLAIM_FACTORS} "c)快件損毀是指…由于快件封裝不完整等原因,致使快件失去部分價值或全部價值"`),
    'C-4': entry({}, `${CLAIM_FACTORS} "d)內件不符是指內件的品名、數量和重量與快遞運單不符"`),
    'C-4.weightToleranceKg': entry(
      '0.05',
      'decision (rulebook C-4): a weight difference above 0.05 kg with the same items asks for review',
    ),
    'C-precedence': entry(['loss', 'damage', 'mismatch', 'delay'], 'decision (rulebook §3): one ticket, one claim (一票一赔)'),
    'E-1': entry(
      { causes: ['sender', 'recipient', 'inherent-vice'] },
      `${SEED_001} 可不負賠償責任 "a)由于顧客的責任或者所寄物品本身的原因造成快件損失的"; Postal Law Art. 48`,
    ),
    'E-2': entry(
      { insuredItemsExcepted: true },
      `${SEED_001} 可不負賠償責任 "b)由于不可抗力的原因造成損失的(保價快件除外)"; Postal Law Art. 48`,
    ),
    'E-3': entry({}, `${SEED_001} 可不負賠償責任 "c)顧客自交寄快件之日起滿一年未查詢又未提出賠償要求的"; Postal Law Art. 49`),
    'E-4': entry(
      { products: { 'epacket-norway': ['loss', 'delay', 'damage'] } },
      `${SEED_000} "国际e邮宝挪威线暂不提供邮件的丢失、延误、损毁补偿"`,
    ),
    'E-7': entry({}, `${CLAIM_FACTORS} "與顧客有特殊約定的情況除外"; ${CLAIMS_PROCEDURE} "除了與寄件人有特殊約定外"`),
  };
}
