import type { DatedValueSpec, PolicySpec } from '../model.js';
import {
  CLAIM_FACTORS,
  datedFrom,
  gbt27917Classification,
  gbt27917Exemptions,
  gbt27917Procedure,
  gbt27917TimeLimits,
} from './gbt27917-common.js';
import {
  civilCode,
  contractLaw,
  COURSE,
  decision,
  GBT_2023_DRAFT,
  gbt2011,
  gbt2023,
  interimRegulations,
  marketMeasures,
  postalLaw,
} from './texts.js';

/**
 * An express company's liability under the law (快递企业), the default regime. Versions by posting date:
 * 2012-05-01 GB/T 27917-2011 and civil law (Contract Law), 2018-05-01 快递暂行条例, 2021-01-01 the Civil Code,
 * 2024-03-01 快递市场管理办法, 2024-04-01 GB/T 27917-2023. The standard's numbers (time limits, classification,
 * procedure, the fee waiver, the time bar) come from its 2011 text; the 2023 text was not available, so from
 * 2024-04-01 they are carried forward unverified, international thorough delay as the 2022 draft (21 days).
 * Goods are compensated under civil law (X-1…X-4): Postal Law Art. 59 applies only Art. 45 ¶2 to 快件, so the
 * postal 3 × fee cap of Art. 47 never binds an express company. Data only.
 */
const V2012 = datedFrom('2012-05-01');
const V2018 = datedFrom('2018-05-01');
const V2021 = datedFrom('2021-01-01');
const V2024_MEASURES = datedFrom('2024-03-01');
const V2023_STANDARD = '2024-04-01';

type Params = PolicySpec['params'];

/** Each parameter's dated values from several versions, in the order given. */
function versions(...each: Params[]): Params {
  const out: Record<string, DatedValueSpec[]> = {};
  for (const params of each) {
    for (const [key, entries] of Object.entries(params)) out[key] = [...(out[key] ?? []), ...(entries ?? [])];
  }
  return out;
}

/**
 * From 2024-04-01 a value whose only primary text is GB/T 27917-2011 rests on the 2023 edition that replaced
 * it, whose text was not available: the same value, citing the 2023 part, marked unverified; `also` keeps
 * what else a value rests on (a statute that still applies).
 */
function carriedIntoGbt2023(params: Params, also: Record<string, string>): Params {
  const out: Record<string, DatedValueSpec[]> = {};
  for (const [key, entries] of Object.entries(params)) {
    const first = entries?.[0];
    if (!first) continue;
    const part = Number(/GB\/T 27917\.([123])-2011/.exec(first.source)?.[1] ?? 3) as 1 | 2 | 3;
    out[key] = [
      {
        from: V2023_STANDARD,
        value: first.value,
        source: `${gbt2023(part)}: the 2011 value carried forward${also[key] ? `; ${also[key]}` : ''}`,
        verified: false,
      },
    ];
  }
  return out;
}

const LOSS = `${gbt2011(3, '(快件丢失赔偿)')}; ${COURSE} 快件遺失賠償`;
const ACTUAL_LOSS_2012 = `${postalLaw('59')} → Art. 45 ¶2 (快件: civil law, not Art. 47); ${contractLaw('312')} (actual loss)`;
const UNINSURED_2018 = `${interimRegulations('27')} "对未保价的快件，依照民事法律的有关规定确定赔偿责任"`;
const INSURED_SHARE = decision('DC-11', 'not above an evidenced actual value; a partial loss under-insured in proportion, as Postal Law Art. 47 ¶1');
/** 快递市场管理办法 (from 2024-03-01): the inspection and consent facts damage and mismatch are found by. */
const INSPECTION = {
  'C-3': `inspection on delivery: ${marketMeasures('27')}`,
  'C-4': `inspection on delivery, no signing without consent: ${marketMeasures('27, 28')}`,
};
const CARRIER_DEFENCES = '(不可抗力、货物本身的自然性质或者合理损耗、托运人或者收货人的过错)';
const AGREED_AMOUNT = `(当事人有约定的，按照其约定); ${CLAIM_FACTORS} "與顧客有特殊約定的情況除外"`;

/** What rests on the 2011 standard alone: re-cited to the 2023 edition from 2024-04-01. */
const standard2011: Params = {
  ...gbt27917TimeLimits(V2012),
  ...gbt27917Classification(V2012),
  ...gbt27917Procedure(V2012),
  'N-1': V2012({}, `${gbt2011(3, '(快件延误)')}; ${COURSE} 快件延誤 "快件延誤應免除本次服務費用(不含保價等附加費用)"`),
  'X-4': V2012(
    {},
    `${LOSS} "a)快件發生遺失時,免除本次服務費用(不含保價等附加費用)"; 完全损毁 参照丢失 (${gbt2011(3, '(快件损毁赔偿) a)')}); ${decision('DC-13', 'a shortfall of everything declared, too')}`,
  ),
};
const exemptions2012 = gbt27917Exemptions(V2012, { fault: `${contractLaw('311')} ${CARRIER_DEFENCES}`, bar: '' });
/** Decisions keep their source across versions (they are not the standard's text); T-2.international changes. */
const NOT_CARRIED = new Set(['C-1.delayDays', 'C-2.acceptedLateDelivery', 'C-4.weightToleranceKg', 'C-precedence', 'T-2.hk-macau', 'T-2.taiwan', 'T-2.international']);
const rest2011OnStandard = Object.fromEntries(Object.entries(standard2011).filter(([key]) => !NOT_CARRIED.has(key)));

export const cnExpress: PolicySpec<'cn-express'> = {
  id: 'cn-express',
  name: 'Express company liability under the law (快递企业: 保价 by the agreed rules, 未保价 by actual loss)',
  kind: 'express',
  zone: 'Asia/Shanghai',
  params: versions(
    standard2011,
    exemptions2012,
    {
      'E-1': V2021({ causes: ['sender', 'recipient', 'inherent-vice'] }, `${civilCode('832')} ${CARRIER_DEFENCES}`),
      'E-2': [
        ...V2021({ insuredItemsExcepted: true }, `${civilCode('832')} (不可抗力); insured items excepted: ${gbt2011(3, '(索赔因素, 可不负赔偿责任) b)')}`),
        {
          from: V2023_STANDARD,
          value: { insuredItemsExcepted: true },
          source: `${civilCode('832')} (不可抗力); insured items excepted: ${gbt2023(3)}, the 2011 clause carried forward`,
          verified: false,
        },
      ],
      'E-7': V2021({}, `${civilCode('833')} ${AGREED_AMOUNT}`),
      'N-6': [...V2012({}, `${contractLaw('312')} ${AGREED_AMOUNT}`), ...V2021({}, `${civilCode('833')} ${AGREED_AMOUNT}`)],
      'X-1': [
        ...V2012({ cappedAtEvidencedValue: true }, `${LOSS} "b)購買保價(保險)的快件,快遞服務組織按照被保價(保險)金額進行賠償"; ${INSURED_SHARE}`),
        ...V2018({ cappedAtEvidencedValue: true }, `${interimRegulations('27')} "对保价的快件，应当按照…约定的保价规则确定赔偿责任"; ${INSURED_SHARE}`),
      ],
      'X-2': [
        ...V2012({}, ACTUAL_LOSS_2012),
        ...V2018({}, `${UNINSURED_2018}; ${ACTUAL_LOSS_2012}`),
        ...V2021({}, `${UNINSURED_2018}; ${civilCode('833')} (按照交付或者应当交付时货物到达地的市场价格计算); ${postalLaw('59')} → Art. 45 ¶2`),
      ],
      'X-3': V2012({}, decision('DC-12', 'an uninsured value without evidence is not paid by guess: the claimant proves the loss (review)')),
      'L-1': [
        ...V2012({}, `${contractLaw('39')} (格式条款: 提请对方注意免除或者限制其责任的条款)`),
        ...V2021({}, `${civilCode('496')} (未履行提示或者说明义务…对方可以主张该条款不成为合同的内容)`),
      ],
      'L-2': [
        ...V2012({}, `${contractLaw('53')} (因故意或者重大过失造成对方财产损失的免责条款无效)`),
        ...V2021({}, `${civilCode('506')} (因故意或者重大过失造成对方财产损失的免责条款无效)`),
      ],
      'C-3': V2024_MEASURES({}, `${CLAIM_FACTORS} "c)快件損毀是指…由于快件封裝不完整等原因,致使快件失去部分價值或全部價值"; ${INSPECTION['C-3']}`),
      'C-4': V2024_MEASURES({}, `${CLAIM_FACTORS} "d)內件不符是指內件的品名、數量和重量與快遞運單不符"; ${INSPECTION['C-4']}`),
    },
    carriedIntoGbt2023({ ...rest2011OnStandard, 'E-3': exemptions2012['E-3'] }, INSPECTION),
    {
      'T-2.international': [
        { from: V2023_STANDARD, value: { calendarDays: 21 }, source: `${gbt2023(1)}; ${GBT_2023_DRAFT}: international 21 calendar days`, verified: false },
      ],
    },
  ),
  changes: {
    '2012-05-01': 'GB/T 27917-2011 time limits, classification, claims procedure and fee waiver; goods under civil law (Contract Law Art. 311–312): actual loss, no statutory multiple',
    '2018-05-01': '快递暂行条例: insured items by the agreed 保价 rules, uninsured by civil law (Art. 27)',
    '2021-01-01': 'Civil Code replaces Contract Law (Art. 832–833, 496, 506): same amounts, new citations',
    '2024-03-01': '快递市场管理办法: inspection on delivery and signing with consent (Art. 27–28)',
    '2024-04-01': 'GB/T 27917-2023 replaces the 2011 standard; its text was not available: values carried forward unverified, international thorough delay 21 days (2022 draft)',
  },
};
