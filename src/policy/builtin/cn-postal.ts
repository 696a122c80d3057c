import type { PolicySpec } from '../model.js';
import { CLAIM_FACTORS, datedFrom, gbt27917Classification } from './gbt27917-common.js';
import { civilCode, contractLaw, decision, postalLaw } from './texts.js';

/**
 * A postal enterprise's 给据邮件 (邮政企业: registered letters, parcels of the universal service) under the
 * Postal Law, 2009 revision, in force 2009-10-01 (P-1…P-8, docs/rules.md). The Postal Law sets no service
 * time limit and no thorough-delay limit: a delay needs the claim's promisedBy, and an item is lost when
 * declared lost or not found by the reply deadline of an inquiry (Art. 49). No delay compensation and no fee
 * waiver (Art. 47 covers loss, damage and shortfall only). Data only.
 */
const entry = datedFrom('2009-10-01');
const ART_47 = postalLaw('47');
const ART_49 = postalLaw('49');
const fromCivilCode = datedFrom('2021-01-01');
/** An amount agreed with the user replaces the statutory one, under the contract law in force. */
const AGREED = (law: string) =>
  `${law} (当事人有约定的，按照其约定); ${decision('DC-15', 'an amount the postal enterprise agreed with the user replaces the statutory one')}`;
const AS_INTERNATIONAL = decision('DC-14', 'mail to or from Hong Kong, Macao and Taiwan follows the international windows');

export const cnPostal: PolicySpec<'cn-postal'> = {
  id: 'cn-postal',
  name: 'Postal enterprise 给据邮件 under the Postal Law (邮政企业: 保价 by the insured amount, 未保价 up to 3 × the charge)',
  kind: 'postal',
  zone: 'Asia/Shanghai',
  params: {
    ...gbt27917Classification(entry),
    'C-1': entry({}, decision('DC-16', 'a delay is an attempt after the claim\'s promisedBy; the Postal Law sets no time limit and pays no delay')),
    'C-2': entry({}, `${ART_49} (查复期满未查到邮件的，邮政企业应当依照本法第四十七条的规定予以赔偿); or declared lost`),
    'C-3': entry({}, `${ART_47} (损失: 丢失、损毁、内件短少)`),
    'C-4': entry({}, `${ART_47} (内件短少); ${CLAIM_FACTORS} "d)內件不符是指內件的品名、數量和重量與快遞運單不符"`),
    'T-3': entry({ calendarYears: 1 }, `${ART_49} (国内邮件: 自交寄之日起一年内查询)`),
    'T-3.international': entry({ calendarDays: 180 }, `${ART_49} (国际邮件: 自交寄之日起一百八十日内查询)`),
    'T-3.hk-macau': entry({ calendarDays: 180 }, `${ART_49}; ${AS_INTERNATIONAL}`),
    'T-3.taiwan': entry({ calendarDays: 180 }, `${ART_49}; ${AS_INTERNATIONAL}`),
    'P-8.same-city': entry({ calendarDays: 30 }, `${ART_49} (查询其他邮件的…三十日内将查询结果告知用户)`),
    'P-8.domestic': entry({ calendarDays: 30 }, `${ART_49} (查询其他邮件的…三十日内将查询结果告知用户)`),
    'P-8.international': entry({ calendarDays: 60 }, `${ART_49} (查询国际邮件…六十日内将查询结果告知用户)`),
    'P-8.hk-macau': entry({ calendarDays: 60 }, `${ART_49}; ${AS_INTERNATIONAL}`),
    'P-8.taiwan': entry({ calendarDays: 60 }, `${ART_49}; ${AS_INTERNATIONAL}`),
    'P-incidents': entry({ kinds: ['loss', 'damage', 'mismatch'] }, `${ART_47} (给据邮件丢失、损毁、内件短少: no delay compensation)`),
    'E-1': entry({ causes: ['sender', 'recipient', 'inherent-vice'] }, `${postalLaw('48')} (二) 所寄物品本身的自然性质或者合理损耗; (三) 寄件人、收件人的过错`),
    'E-2': entry({ insuredItemsExcepted: true }, `${postalLaw('48')} (一) 不可抗力，但因不可抗力造成的保价的给据邮件的损失除外`),
    'E-3': entry({}, `${ART_49} (在规定的查询期限内未向邮政企业查询又未提出赔偿要求的，邮政企业不再承担赔偿责任)`),
    'E-7': [...entry({}, AGREED(contractLaw('312'))), ...fromCivilCode({}, AGREED(civilCode('833')))],
    'N-6': [...entry({}, AGREED(contractLaw('312'))), ...fromCivilCode({}, AGREED(civilCode('833')))],
    'P-1': entry({}, `${ART_47} (保价的给据邮件丢失或者全部损毁的，按照保价额赔偿)`),
    'P-2': entry({}, `${ART_47} (保价的给据邮件部分损毁或者内件短少的，按照保价额与邮件全部价值的比例对邮件的实际损失予以赔偿)`),
    'P-3': entry({ feeMultiple: '3' }, `${ART_47} (未保价的给据邮件丢失、损毁或者内件短少的，按照实际损失赔偿，但最高赔偿额不超过所收取资费的三倍)`),
    'P-4': entry({ feeMultiple: '3' }, `${ART_47} (挂号信件丢失、损毁的，按照所收取资费的三倍予以赔偿)`),
    'P-5': entry({}, `${postalLaw('46')} (平常邮件的损失，邮政企业不承担赔偿责任，但因故意或者重大过失造成的除外)`),
    'P-6': entry({}, `${ART_47} (因故意或者重大过失造成给据邮件损失，或者未履行前款规定义务的，无权援用本条第一款的规定限制赔偿责任)`),
  },
  changes: {
    '2009-10-01': 'Postal Law (2009 revision): 给据邮件 compensation (Art. 47), exemptions (Art. 48), inquiry windows and replies (Art. 49)',
    '2021-01-01': 'Civil Code replaces Contract Law for an amount agreed with the user (Art. 833)',
  },
};
