import type { PolicySpec } from '../model.js';
import { datedFrom } from './gbt27917-common.js';
import { COURSE, interimRegulations, SERVICE_SCRIPT } from './texts.js';

/**
 * Complaint handling time limits (K-1…K-5, docs/rules.md), customer-facing, kept apart from the claims
 * policies so that a change here is not a new version of them. Data only. K-1…K-3 and K-5 are carrier
 * practice known from secondary sources (docs/sources.md); K-4 is the statutory ceiling.
 */
const entry = datedFrom('2012-05-01');
const TABLE = `complaint handling table, as taught in ${COURSE} 5、投訴處理時限`;
const FIRST_ANSWER = `a carrier's service script, ${SERVICE_SCRIPT} "并在2小时之内(简单投诉)/24小时之内(复杂投诉)给您明确的答复"`;

export const cnComplaints: PolicySpec<'cn-complaints'> = {
  id: 'cn-complaints',
  name: 'Complaint handling time limits (投诉处理时限)',
  kind: 'complaints',
  zone: 'Asia/Shanghai',
  params: {
    'K-1': entry({ workingDays: 1 }, `${TABLE} "服務態度、語言沖突簡單問題★☆☆☆☆1個工作日內處理完畢"`),
    'K-2': entry({ workingDays: 3 }, `${TABLE} "快件延誤復雜問題★★★☆☆3個工作日內處理完畢"`),
    'K-3': entry({ workingDays: 5 }, `${TABLE} "非客戶原因造成的快件損毀、短少、丟失重大問題★★★★★5個工作日內處理完畢"`),
    // 快递暂行条例 (国务院令第697号) took effect on 2018-05-01: before it there is no statutory ceiling.
    'K-4': [{ from: '2018-05-01', value: { calendarDays: 7 }, source: `${interimRegulations('28')}: every complaint handled within 7 days of receipt` }],
    'K-5.simple': entry({ hours: 2 }, FIRST_ANSWER),
    'K-5.complex': entry({ hours: 24 }, FIRST_ANSWER),
  },
};
