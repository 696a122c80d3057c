import type { DatedValueSpec, PolicySpec } from '../model.js';
import { COURSE, decision, EPACKET_NOTICE, gbt2011, postalLaw, SLIDES } from './texts.js';

/**
 * What the built-in claims policies take from GB/T 27917-2011 《快递服务》: the time limits T-1…T-3,
 * classification C-1…C-4, the claims procedure D-1…D-3 and the exemptions E-1…E-4, E-7. Data only: each value
 * cites the standard's part and clause first, then the secondary source it was read in (docs/sources.md),
 * with the passage as written there (traditional script in the 2013 course); "decision" marks where the
 * texts are silent (docs/rules.md).
 */
const T1 = `${gbt2011(2, '§16.1.3')}; ${SLIDES} "一,服务时限:同1,异3,国际7"`;
const T1_WORKING = `${gbt2011(2, '§16.1.3')} (港澳、台湾及国际快件服务时限, working days)`;
const T2 = `${gbt2011(1, '(彻底延误时限)')}; ${SLIDES} "二,彻底延误:同3,异7,国际10"`;
const T2_UNVERIFIED = decision('DC-1', 'no primary text found for this scope; value as for the nearest scope');
export const CLAIMS_PROCEDURE = `${gbt2011(3, '(索赔程序)')}; ${COURSE} 一、索賠程序`;
export const CLAIM_FACTORS = `${gbt2011(3, '(索赔因素)')}; ${COURSE} 三、索賠因素`;
export const EXEMPTIONS = `${gbt2011(3, '(索赔因素, 可不负赔偿责任)')}; ${COURSE} 可不負賠償責任`;

/** One dated value; `verified: false` / `fromVerified: false` only where no primary text confirms it. */
export type Entry = (value: unknown, source: string, verified?: boolean) => DatedValueSpec[];

/** The entry maker of a policy version starting `from`. */
export function datedFrom(from: string, fromVerified = true): Entry {
  return (value, source, verified = true) => [
    { from, value, source, ...(verified ? {} : { verified: false }), ...(fromVerified ? {} : { fromVerified: false }) },
  ];
}

/** T-1…T-3 as GB/T 27917-2011 sets them. */
export function gbt27917TimeLimits(entry: Entry): PolicySpec['params'] {
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
      `${EXEMPTIONS} "c)顧客自交寄快件之日起滿一年未查詢又未提出賠償要求的"; ${SLIDES} "六,处理有效期,收寄之时限1年"`,
    ),
  };
}

/** C-1…C-4 and the classification decisions. */
export function gbt27917Classification(entry: Entry): PolicySpec['params'] {
  return {
    'C-1': entry({}, `${CLAIM_FACTORS} "a)快件延誤是指快件的投遞時間超出快遞服務組織承諾的服務時限,但尚未超出徹底延誤時限"`),
    'C-1.delayDays': entry('started-24h', decision('DC-2', 'each started 24-hour period counts as one day')),
    'C-2': entry(
      {},
      `${CLAIM_FACTORS} "b)快件丟失是指快遞服務組織在徹底延誤時限到達時仍未能投遞快件,與顧客有特殊約定的情況除外"`,
    ),
    'C-2.acceptedLateDelivery': entry('delay', decision('DC-3', 'a late delivery the recipient accepted is a delay')),
    'C-3': entry({}, `${CLAIM_FACTORS} "c)快件損毀是指…由于快件封裝不完整等原因,致使快件失去部分價值或全部價值"`),
    'C-4': entry({}, `${CLAIM_FACTORS} "d)內件不符是指內件的品名、數量和重量與快遞運單不符"`),
    'C-4.weightToleranceKg': entry('0.05', decision('DC-4', 'a weight difference above 0.05 kg with the same items asks for review')),
    'C-precedence': entry(['loss', 'damage', 'mismatch', 'delay'], decision('DC-5', 'one ticket, one claim (一票一赔): loss > damage > mismatch > delay')),
  };
}

/** D-1…D-3, the claims procedure. */
export function gbt27917Procedure(entry: Entry): PolicySpec['params'] {
  const resolution = (scopes: string) => `${CLAIMS_PROCEDURE} "(三)索賠處理時限…${scopes}"`;
  return {
    'D-1': entry({ hours: 24 }, `${CLAIMS_PROCEDURE} "(二)索賠受理…應在收到寄件人的索賠申告單24小時內答復寄件人"`),
    'D-2.same-city': entry({ calendarDays: 30 }, resolution('a)同城和國內異地快件為30個日歷天')),
    'D-2.domestic': entry({ calendarDays: 30 }, resolution('a)同城和國內異地快件為30個日歷天')),
    'D-2.hk-macau': entry({ calendarDays: 30 }, resolution('b)港澳和臺灣快件為30個日歷天')),
    'D-2.taiwan': entry({ calendarDays: 30 }, resolution('b)港澳和臺灣快件為30個日歷天')),
    'D-2.international': entry({ calendarDays: 60 }, resolution('c)國際快件為60個日歷天')),
    'D-3': entry({ calendarDays: 7 }, `${CLAIMS_PROCEDURE} "(四)賠金支付…就賠償數額達成一致后,應在7個日歷天內向寄件人…支付賠金"`),
  };
}

/** E-1…E-4 and E-7 as the standard words them; `statute` names the law E-1/E-2 and E-3 also rest on, if any. */
export function gbt27917Exemptions(entry: Entry, statute = { fault: postalLaw('48'), bar: postalLaw('49') }): PolicySpec['params'] {
  const also = (law: string) => (law ? `; ${law}` : '');
  return {
    'E-1': entry(
      { causes: ['sender', 'recipient', 'inherent-vice'] },
      `${EXEMPTIONS} "a)由于顧客的責任或者所寄物品本身的原因造成快件損失的"${also(statute.fault)}`,
    ),
    'E-2': entry({ insuredItemsExcepted: true }, `${EXEMPTIONS} "b)由于不可抗力的原因造成損失的(保價快件除外)"${also(statute.fault)}`),
    'E-3': entry({}, `${EXEMPTIONS} "c)顧客自交寄快件之日起滿一年未查詢又未提出賠償要求的"${also(statute.bar)}`),
    'E-4': entry(
      { products: { 'epacket-norway': ['loss', 'delay', 'damage'] } },
      `product terms of 国际e邮宝 (Norway line), as quoted in ${EPACKET_NOTICE} "国际e邮宝挪威线暂不提供邮件的丢失、延误、损毁补偿"`,
    ),
    'E-7': entry({}, `${CLAIM_FACTORS} "與顧客有特殊約定的情況除外"; ${CLAIMS_PROCEDURE} "除了與寄件人有特殊約定外"`),
  };
}

/** Everything the national-standard and outlet-settlement policies share. */
export function gbt27917Common(entry: Entry): PolicySpec['params'] {
  return { ...gbt27917TimeLimits(entry), ...gbt27917Classification(entry), ...gbt27917Exemptions(entry) };
}
