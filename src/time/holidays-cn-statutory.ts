/**
 * The statutory holidays of China (docs/rules.md, W-1), for a year whose State Council notice is not yet
 * published: which days the 全国年节及纪念日放假办法 in force gives off, and the lunar and solar-term dates
 * they fall on. Data only; `src/time/statutory.ts` turns a year into its days off.
 */

/** A day that moves in the Gregorian calendar: lunar (除夕, 端午, 中秋) or a solar term (清明). */
export type MovableDay = 'chuxi' | 'qingming' | 'duanwu' | 'zhongqiu';

/** A day a holiday is reckoned from: a fixed `MM-DD`, or one of the year's movable days in CN_MOVABLE_DAYS. */
export type HolidayAnchor = `${number}-${number}` | MovableDay;

/** One holiday of the 放假办法: its name, the day it is reckoned from, how many days after that it starts, how many days it lasts. */
export interface StatutoryHoliday {
  name: string;
  on: HolidayAnchor;
  offset?: number;
  days: number;
}

/** A version of the 放假办法 (Article 2, 全体公民放假的节日), in force for the years from `effectiveFrom`. */
export interface StatutoryRules {
  effectiveFrom: number;
  source: string;
  holidays: readonly StatutoryHoliday[];
}

/** The holidays no version since 2008 changed. */
const NEW_YEAR: StatutoryHoliday = { name: '元旦', on: '01-01', days: 1 };
const QINGMING: StatutoryHoliday = { name: '清明节', on: 'qingming', days: 1 };
const DUANWU: StatutoryHoliday = { name: '端午节', on: 'duanwu', days: 1 };
const MID_AUTUMN: StatutoryHoliday = { name: '中秋节', on: 'zhongqiu', days: 1 };
const NATIONAL_DAY: StatutoryHoliday = { name: '国庆节', on: '10-01', days: 3 };

/** The versions of the 放假办法 since 2008, oldest first; each lists every holiday of its art. 2. */
export const CN_STATUTORY_RULES: readonly StatutoryRules[] = [
  {
    effectiveFrom: 2008,
    source: '全国年节及纪念日放假办法 (国务院令第513号, 2007-12-14, from 2008-01-01) art. 2',
    holidays: [
      NEW_YEAR,
      { name: '春节', on: 'chuxi', days: 3 }, // 除夕、正月初一、初二
      QINGMING,
      { name: '劳动节', on: '05-01', days: 1 },
      DUANWU,
      MID_AUTUMN,
      NATIONAL_DAY,
    ],
  },
  {
    effectiveFrom: 2014,
    source: '全国年节及纪念日放假办法 as amended by 国务院令第644号 (2013-12-11, from 2014-01-01) art. 2',
    holidays: [
      NEW_YEAR,
      { name: '春节', on: 'chuxi', offset: 1, days: 3 }, // 正月初一、初二、初三
      QINGMING,
      { name: '劳动节', on: '05-01', days: 1 },
      DUANWU,
      MID_AUTUMN,
      NATIONAL_DAY,
    ],
  },
  {
    effectiveFrom: 2025,
    source: '全国年节及纪念日放假办法 as amended by 国务院令第798号 (2024-11-10, from 2025-01-01) art. 2',
    holidays: [
      NEW_YEAR,
      { name: '春节', on: 'chuxi', days: 4 }, // 除夕、正月初一、初二、初三
      QINGMING,
      { name: '劳动节', on: '05-01', days: 2 }, // 5月1日、2日
      DUANWU,
      MID_AUTUMN,
      NATIONAL_DAY,
    ],
  },
];

/** The movable days of one Gregorian year (`MM-DD` in that year). */
export interface MovableDays extends Record<MovableDay, string> {
  year: number;
  /** 除夕: the last day of the twelfth lunar month (its 29th or 30th), the eve of 正月初一. */
  chuxi: string;
  /** 清明: the day of the 清明 solar term (the sun at ecliptic longitude 15°), Beijing time. */
  qingming: string;
  /** 端午: 五月初五. */
  duanwu: string;
  /** 中秋: 八月十五. */
  zhongqiu: string;
  source: string;
}

const LUNAR = 'GB/T 33661-2017 农历的编算和颁行 (lunar months from new moons, solar terms, Beijing time)';

/**
 * The movable days 2012–2050, reckoned by GB/T 33661-2017. The years with a published notice (2012–2026)
 * let the tests check the rules above against what the State Council gave off; every year is checked
 * against an independent lunar calendar (chinese-days) by the tests (docs/calendars.md).
 */
export const CN_MOVABLE_DAYS: readonly MovableDays[] = [
  { year: 2012, chuxi: '01-22', qingming: '04-04', duanwu: '06-23', zhongqiu: '09-30', source: LUNAR },
  { year: 2013, chuxi: '02-09', qingming: '04-04', duanwu: '06-12', zhongqiu: '09-19', source: LUNAR },
  { year: 2014, chuxi: '01-30', qingming: '04-05', duanwu: '06-02', zhongqiu: '09-08', source: LUNAR },
  { year: 2015, chuxi: '02-18', qingming: '04-05', duanwu: '06-20', zhongqiu: '09-27', source: LUNAR },
  { year: 2016, chuxi: '02-07', qingming: '04-04', duanwu: '06-09', zhongqiu: '09-15', source: LUNAR },
  { year: 2017, chuxi: '01-27', qingming: '04-04', duanwu: '05-30', zhongqiu: '10-04', source: LUNAR },
  { year: 2018, chuxi: '02-15', qingming: '04-05', duanwu: '06-18', zhongqiu: '09-24', source: LUNAR },
  { year: 2019, chuxi: '02-04', qingming: '04-05', duanwu: '06-07', zhongqiu: '09-13', source: LUNAR },
  { year: 2020, chuxi: '01-24', qingming: '04-04', duanwu: '06-25', zhongqiu: '10-01', source: LUNAR },
  { year: 2021, chuxi: '02-11', qingming: '04-04', duanwu: '06-14', zhongqiu: '09-21', source: LUNAR },
  { year: 2022, chuxi: '01-31', qingming: '04-05', duanwu: '06-03', zhongqiu: '09-10', source: LUNAR },
  { year: 2023, chuxi: '01-21', qingming: '04-05', duanwu: '06-22', zhongqiu: '09-29', source: LUNAR },
  { year: 2024, chuxi: '02-09', qingming: '04-04', duanwu: '06-10', zhongqiu: '09-17', source: LUNAR },
  { year: 2025, chuxi: '01-28', qingming: '04-04', duanwu: '05-31', zhongqiu: '10-06', source: LUNAR },
  { year: 2026, chuxi: '02-16', qingming: '04-05', duanwu: '06-19', zhongqiu: '09-25', source: LUNAR },
  { year: 2027, chuxi: '02-05', qingming: '04-05', duanwu: '06-09', zhongqiu: '09-15', source: LUNAR },
  { year: 2028, chuxi: '01-25', qingming: '04-04', duanwu: '05-28', zhongqiu: '10-03', source: LUNAR },
  { year: 2029, chuxi: '02-12', qingming: '04-04', duanwu: '06-16', zhongqiu: '09-22', source: LUNAR },
  { year: 2030, chuxi: '02-02', qingming: '04-05', duanwu: '06-05', zhongqiu: '09-12', source: LUNAR },
  { year: 2031, chuxi: '01-22', qingming: '04-05', duanwu: '06-24', zhongqiu: '10-01', source: LUNAR },
  { year: 2032, chuxi: '02-10', qingming: '04-04', duanwu: '06-12', zhongqiu: '09-19', source: LUNAR },
  { year: 2033, chuxi: '01-30', qingming: '04-04', duanwu: '06-01', zhongqiu: '09-08', source: LUNAR },
  { year: 2034, chuxi: '02-18', qingming: '04-05', duanwu: '06-20', zhongqiu: '09-27', source: LUNAR },
  { year: 2035, chuxi: '02-07', qingming: '04-05', duanwu: '06-10', zhongqiu: '09-16', source: LUNAR },
  { year: 2036, chuxi: '01-27', qingming: '04-04', duanwu: '05-30', zhongqiu: '10-04', source: LUNAR },
  { year: 2037, chuxi: '02-14', qingming: '04-04', duanwu: '06-18', zhongqiu: '09-24', source: LUNAR },
  { year: 2038, chuxi: '02-03', qingming: '04-05', duanwu: '06-07', zhongqiu: '09-13', source: LUNAR },
  { year: 2039, chuxi: '01-23', qingming: '04-05', duanwu: '05-27', zhongqiu: '10-02', source: LUNAR },
  { year: 2040, chuxi: '02-11', qingming: '04-04', duanwu: '06-14', zhongqiu: '09-20', source: LUNAR },
  { year: 2041, chuxi: '01-31', qingming: '04-04', duanwu: '06-03', zhongqiu: '09-10', source: LUNAR },
  { year: 2042, chuxi: '01-21', qingming: '04-04', duanwu: '06-22', zhongqiu: '09-28', source: LUNAR },
  { year: 2043, chuxi: '02-09', qingming: '04-05', duanwu: '06-11', zhongqiu: '09-17', source: LUNAR },
  { year: 2044, chuxi: '01-29', qingming: '04-04', duanwu: '05-31', zhongqiu: '10-05', source: LUNAR },
  { year: 2045, chuxi: '02-16', qingming: '04-04', duanwu: '06-19', zhongqiu: '09-25', source: LUNAR },
  { year: 2046, chuxi: '02-05', qingming: '04-04', duanwu: '06-08', zhongqiu: '09-15', source: LUNAR },
  { year: 2047, chuxi: '01-25', qingming: '04-05', duanwu: '05-29', zhongqiu: '10-04', source: LUNAR },
  { year: 2048, chuxi: '02-13', qingming: '04-04', duanwu: '06-15', zhongqiu: '09-22', source: LUNAR },
  { year: 2049, chuxi: '02-01', qingming: '04-04', duanwu: '06-04', zhongqiu: '09-11', source: LUNAR },
  { year: 2050, chuxi: '01-22', qingming: '04-04', duanwu: '06-23', zhongqiu: '09-30', source: LUNAR },
];
