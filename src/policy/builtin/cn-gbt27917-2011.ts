import type { PolicySpec } from '../model.js';
import { CLAIM_FACTORS, datedFrom, gbt27917Common, gbt27917Procedure } from './gbt27917-common.js';
import { COURSE, decision, gbt2011, postalLaw } from './texts.js';

/**
 * The national standard GB/T 27917-2011 《快递服务》 (published 2011-12-30, in force 2012-05-01, replaced on
 * 2024-04-01) as the 2013 course reads it, with the uninsured cap of 3 × the fee. That cap is Postal Law
 * Art. 47 for postal 给据邮件: it never bound express companies (Art. 59), so this policy is kept for regression
 * suites that pinned it, not as the law; `cn-express` is. Data only: each value cites its texts.
 */
const entry = datedFrom('2012-05-01');
const LOSS = `${gbt2011(3, '(快件丢失赔偿)')}; ${COURSE} 快件遺失賠償`;
const DAMAGE = `${gbt2011(3, '(快件损毁赔偿)')}; ${COURSE} 快件破損賠償`;

export const cnGbt27917: PolicySpec<'cn-gbt27917-2011'> = {
  id: 'cn-gbt27917-2011',
  name: 'GB/T 27917-2011 快递服务 as the 2013 course reads it (3 × fee cap; not the law for express companies)',
  kind: 'national',
  zone: 'Asia/Shanghai',
  params: {
    ...gbt27917Common(entry),
    ...gbt27917Procedure(entry),
    'N-1': entry({}, `${gbt2011(3, '(快件延误)')}; ${COURSE} 快件延誤 "快件延誤應免除本次服務費用(不含保價等附加費用)"`),
    'N-2': entry(
      {},
      `${LOSS} "a)快件發生遺失時,免除本次服務費用(不含保價等附加費用);b)購買保價(保險)的快件,快遞服務組織按照被保價(保險)金額進行賠償"`,
    ),
    'N-2.uninsuredFeeMultiple': entry(
      '3',
      `${postalLaw('47')} (不超过所收取资费的三倍), to which the course reads the standard as referring; ${LOSS} "c)對于沒有購買保價(保險)的快件,按照郵政法…辦理"`,
    ),
    'N-2.unprovenValue': entry('cap', decision('DC-6', 'an unevidenced value is paid up to the cap, with a warning')),
    'N-2.insuredCappedAtEvidencedValue': entry(
      true,
      decision('DC-7', 'over-insurance is not paid, following Postal Law Art. 47 (按照实际损失赔偿,但最高不超过保价金额)'),
    ),
    'N-3': entry({}, `${DAMAGE} "a)完全損毀,指快件價值完全喪失,參照快件丟失賠償的規定執行"`),
    'N-4': entry(
      {},
      `${DAMAGE} "b)部分損毀,指快件價值部分喪失,依據快件喪失價值占總價值的比例,按照快件丟失賠償額度的相同比例進行賠償"`,
    ),
    'N-4.waiveFee': entry(false, decision('DC-8', 'partial damage does not waive the fee')),
    'N-5': entry({}, `${CLAIM_FACTORS} d) 內件不符, valued as 部分損毀 (${gbt2011(3, '(快件损毁赔偿) b)')}): ${decision('DC-9', 'a shortfall is a partial loss of value')}`),
    'N-6': entry({}, `${CLAIM_FACTORS} "與顧客有特殊約定的情況除外": the agreed amount replaces the computed one`),
  },
};
