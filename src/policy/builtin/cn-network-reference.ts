import type { PolicySpec } from '../model.js';
import { datedFrom, gbt27917Common } from './gbt27917-common.js';
import { COURSE, decision, marketMeasures } from './texts.js';

/**
 * Reference inter-outlet settlement policy (docs/rules.md): the amounts one outlet receives from the responsible
 * outlet, from "以下是來自某快遞公司的賠償標準" in the 2013 course (docs/sources.md). Its one version is dated 2013-01-01: the course
 * quoting it is dated 2013-08-12 and the carrier's real start date is unknown, so the date is unverified and
 * every quote under this policy says so. Data only; passages are quoted as written in the course.
 */
const entry = datedFrom('2013-01-01', false);
/** The carrier's settlement standard is known only as the course quotes it ("以下是來自某快遞公司的賠償標準"). */
const STANDARD = `a carrier's settlement standard (某快递公司的赔偿标准), as quoted in ${COURSE}`;
const DAMAGE = `${STANDARD} 破損件理賠原則 "(1)淘寶件、其它網購件(京東、拍拍網、易購等)"`;
const LOSS = `${STANDARD} 遺失件理賠原則`;
const DELAY = `${STANDARD} 延誤件理賠原則`;
const PACKING_CASE = `carrier practice, as taught in ${COURSE} 學習活動二 林先生 case`;
const NOTICE = `${STANDARD} 公告模板`;
const CALENDAR_DAYS = decision('DC-10', 'calendar days');
const FLOW = `${STANDARD} 理賠 flowchart`;

export const cnNetworkReference: PolicySpec<'cn-network-reference'> = {
  id: 'cn-network-reference',
  name: 'Reference inter-outlet settlement standard (某快递公司的赔偿标准)',
  kind: 'network',
  zone: 'Asia/Shanghai',
  params: {
    ...gbt27917Common(entry),
    'E-5': entry(
      { kinds: ['damage'] },
      `${PACKING_CASE} "如果是客戶包裝原則上不予理賠"`,
    ),
    'E-6': entry(
      { kinds: ['damage'] },
      `${PACKING_CASE} "如果在已經簽收并且業務員離開之后要求我們做賠償,我們應當禮貌拒絕客戶此類請求"; not where inspection was not offered or the carrier signed without consent (${marketMeasures('27, 28')})`,
    ),
    'R-1': entry(
      { cap: '500', evidence: ['transaction-record', 'invoice'] },
      `${DAMAGE} "對于發件網點能提供有效網上交易截圖的破損件,按破損程度賠償,最高不超過500元/票"`,
    ),
    'R-2': entry({ cap: '2000' }, `${DAMAGE} "對于物品的滅失、損毀、內件部分遺失,按實際損失金額賠償,但最高不超過2000元/票"`),
    'R-3': entry(
      { from: '2000', practicalCap: '1000', otherCap: '700' },
      `${DAMAGE} "對于無正規發票的物品破損,處罰標準如下:內件短少價值大于等于2000元,實用性的物品,最高賠付1000元;非實用性物品,最高賠付700元"`,
    ),
    'R-4': entry({ from: '3000' }, `${DAMAGE} "內件價值≥3000元RMB的物品,參照高價值物品規范操作及破損件判罰標準"`),
    'R-5': entry(
      { perTicket: '1000', batchCap: '10000' },
      `${LOSS} "(1)發件網點上報遺失件的獲賠標準:" "1)1000元/票;" "2)批貨、整包件遺失:最高獲賠標準為10000元"`,
    ),
    'R-6': entry(
      { perTicket: '300', batchCap: '5000' },
      `${LOSS} "(2)發件網點發往代理期內網點公司遺失件的獲賠標準:1)300元/票;2)批貨、整包件遺失:最高獲賠為5000元"`,
    ),
    'R-7': entry({}, `${LOSS} "(4)任何遺失件的實際價值小于獲賠標準的,按物品實際價值支付獲賠網點"`),
    'R-8': entry(
      { payerRate: '0.06', payeeRate: '0.04' },
      `${LOSS} "(3)罰款方、獲賠方手續費支付標準:罰款網點按6%支付,獲賠網點按4%支付"`,
    ),
    'R-9': entry(
      {
        perDay: '50',
        ticketCap: [
          { upTo: '1', value: '250' },
          { over: '1', value: '500' },
        ],
        batchCap: '2500',
      },
      `${DELAY} "發件網點上報延誤件的獲賠標準:50元/票/天,1KG(含)以內單票最高不超過250元,1KG以上單票物品最高不超過500元,批貨、整包件最高獲賠款不超過2500元"`,
    ),
    'R-10': entry({}, `${DELAY} "如實際價值小于最高延誤賠償金額的,按實際金額進行賠付"`),
    'R-11': entry(
      { perDay: '10', ticketCap: [{ value: '100' }], batchCap: '1000' },
      `${DELAY} "發件網點發往代理期限網絡公司的獲賠標準:10元/票/天,單票最高不超過100元,批貨、整包件最高獲賠不超過1000元"`,
    ),
    'R-12': entry(
      { perDay: '50', ticketCap: null, batchCap: '1000' },
      `${DELAY} "網點公司通過第三方物流轉運至下屬網點,超出規定轉運到達時效的,按50元/票/天進行處罰,該批貨最高延誤處罰不超過1000元"`,
    ),
    'D-6.delay': entry({ calendarDays: 3 }, `${NOTICE} (延誤) "并在見公告之日起三天內主動聯系我司": ${CALENDAR_DAYS}`),
    'D-6.damage': entry({ calendarDays: 5 }, `${NOTICE} (破損) "并在見公告之日起五天內主動聯系我司": ${CALENDAR_DAYS}`),
    'D-6.loss': entry({ calendarDays: 5 }, `${NOTICE} (遺失) "并在見公告之日起五天內主動聯系我司": ${CALENDAR_DAYS}`),
    'D-7.damage': entry({ calendarDays: 10 }, `${FLOW} (破損) "上報總部仲裁協商理賠10天內": ${CALENDAR_DAYS}`),
    'D-7.loss': entry({ calendarDays: 30 }, `${FLOW} (遺失) "上報總部仲裁協商理賠30天內": ${CALENDAR_DAYS}`),
    'D-8': entry(
      { returns: 3 },
      `${NOTICE} "對上報材料不全的,將打回處理,如打回三次后仍未做處理的,將按材料缺失處理,發件網點不獲賠"`,
    ),
  },
};
