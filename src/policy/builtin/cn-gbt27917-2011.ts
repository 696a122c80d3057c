import type { PolicySpec } from '../model.js';
import { CLAIM_FACTORS, CLAIMS_PROCEDURE, datedFrom, gbt27917Common, SEED_001 } from './gbt27917-common.js';

/**
 * National-standard policy (customer-facing): GB/T 27917-2011 《快递服务》, published 2011-12-30, in force
 * 2012-05-01 (RULEBOOK §5). Data only: each value cites its source; "decision:" marks where the sources are
 * silent and the rulebook decided. Seed passages are quoted as written in the seed files (traditional script).
 */
const entry = datedFrom('2012-05-01');
const LOSS = `GB/T 27917.3-2011; ${SEED_001} 快件遺失賠償`;
const DAMAGE = `GB/T 27917.3-2011; ${SEED_001} 快件破損賠償`;

export const cnGbt27917: PolicySpec = {
  id: 'cn-gbt27917-2011',
  name: 'GB/T 27917-2011 快递服务 (national standard)',
  kind: 'national',
  zone: 'Asia/Shanghai',
  params: {
    ...gbt27917Common(entry),
    'N-1': entry({}, `GB/T 27917.3-2011; ${SEED_001} 快件延誤 "快件延誤應免除本次服務費用(不含保價等附加費用)"`),
    'N-2': entry(
      {},
      `${LOSS} "a)快件發生遺失時,免除本次服務費用(不含保價等附加費用);b)購買保價(保險)的快件,快遞服務組織按照被保價(保險)金額進行賠償"`,
    ),
    'N-2.uninsuredFeeMultiple': entry(
      '3',
      `${LOSS} "c)對于沒有購買保價(保險)的快件,按照郵政法…辦理"; Postal Law Art. 47 (不超过所收取资费的三倍)`,
    ),
    'N-2.unprovenValue': entry('cap', 'decision (rulebook N-2): an unevidenced value is paid up to the cap, with a warning'),
    'N-2.insuredCappedAtEvidencedValue': entry(
      true,
      'decision (rulebook N-2) following Postal Law Art. 47 (按照实际损失赔偿,但最高不超过保价金额): over-insurance is not paid',
    ),
    'N-3': entry({}, `${DAMAGE} "a)完全損毀,指快件價值完全喪失,參照快件丟失賠償的規定執行"`),
    'N-4': entry(
      {},
      `${DAMAGE} "b)部分損毀,指快件價值部分喪失,依據快件喪失價值占總價值的比例,按照快件丟失賠償額度的相同比例進行賠償"`,
    ),
    'N-4.waiveFee': entry(false, 'decision (rulebook N-4): partial damage does not waive the fee'),
    'N-5': entry({}, `${CLAIM_FACTORS} d) 內件不符, valued as 部分損毀 (${DAMAGE} b)) — rulebook N-5`),
    'N-6': entry({}, `${CLAIM_FACTORS} "與顧客有特殊約定的情況除外" — the agreed amount replaces the computed one`),
    'D-1': entry({ hours: 24 }, `${CLAIMS_PROCEDURE} "(二)索賠受理…應在收到寄件人的索賠申告單24小時內答復寄件人"`),
    'D-2.same-city': entry({ calendarDays: 30 }, `${CLAIMS_PROCEDURE} "(三)索賠處理時限…a)同城和國內異地快件為30個日歷天"`),
    'D-2.domestic': entry({ calendarDays: 30 }, `${CLAIMS_PROCEDURE} "(三)索賠處理時限…a)同城和國內異地快件為30個日歷天"`),
    'D-2.hk-macau': entry({ calendarDays: 30 }, `${CLAIMS_PROCEDURE} "(三)索賠處理時限…b)港澳和臺灣快件為30個日歷天"`),
    'D-2.taiwan': entry({ calendarDays: 30 }, `${CLAIMS_PROCEDURE} "(三)索賠處理時限…b)港澳和臺灣快件為30個日歷天"`),
    'D-2.international': entry({ calendarDays: 60 }, `${CLAIMS_PROCEDURE} "(三)索賠處理時限…c)國際快件為60個日歷天"`),
    'D-3': entry(
      { calendarDays: 7 },
      `${CLAIMS_PROCEDURE} "(四)賠金支付…就賠償數額達成一致后,應在7個日歷天內向寄件人…支付賠金"`,
    ),
  },
};
