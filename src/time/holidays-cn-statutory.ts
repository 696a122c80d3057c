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

/** One year's movable days (`MM-DD`), reckoned by GB/T 33661-2017. */
const movable = (year: number, chuxi: string, qingming: string, duanwu: string, zhongqiu: string): MovableDays => ({
  year,
  chuxi,
  qingming,
  duanwu,
  zhongqiu,
  source: LUNAR,
});

/**
 * The movable days 2012–2050, reckoned by GB/T 33661-2017. The years with a published notice (2012–2026)
 * let the tests check the rules above against what the State Council gave off; every year is checked
 * against an independent lunar calendar (chinese-days) by the tests (docs/calendars.md). Each row: year, 除夕, 清明,
 * 端午, 中秋.
 */
export const CN_MOVABLE_DAYS: readonly MovableDays[] = [
  movable(2012, '01-22', '04-04', '06-23', '09-30'),
  movable(2013, '02-09', '04-04', '06-12', '09-19'),
  movable(2014, '01-30', '04-05', '06-02', '09-08'),
  movable(2015, '02-18', '04-05', '06-20', '09-27'),
  movable(2016, '02-07', '04-04', '06-09', '09-15'),
  movable(2017, '01-27', '04-04', '05-30', '10-04'),
  movable(2018, '02-15', '04-05', '06-18', '09-24'),
  movable(2019, '02-04', '04-05', '06-07', '09-13'),
  movable(2020, '01-24', '04-04', '06-25', '10-01'),
  movable(2021, '02-11', '04-04', '06-14', '09-21'),
  movable(2022, '01-31', '04-05', '06-03', '09-10'),
  movable(2023, '01-21', '04-05', '06-22', '09-29'),
  movable(2024, '02-09', '04-04', '06-10', '09-17'),
  movable(2025, '01-28', '04-04', '05-31', '10-06'),
  movable(2026, '02-16', '04-05', '06-19', '09-25'),
  movable(2027, '02-05', '04-05', '06-09', '09-15'),
  movable(2028, '01-25', '04-04', '05-28', '10-03'),
  movable(2029, '02-12', '04-04', '06-16', '09-22'),
  movable(2030, '02-02', '04-05', '06-05', '09-12'),
  movable(2031, '01-22', '04-05', '06-24', '10-01'),
  movable(2032, '02-10', '04-04', '06-12', '09-19'),
  movable(2033, '01-30', '04-04', '06-01', '09-08'),
  movable(2034, '02-18', '04-05', '06-20', '09-27'),
  movable(2035, '02-07', '04-05', '06-10', '09-16'),
  movable(2036, '01-27', '04-04', '05-30', '10-04'),
  movable(2037, '02-14', '04-04', '06-18', '09-24'),
  movable(2038, '02-03', '04-05', '06-07', '09-13'),
  movable(2039, '01-23', '04-05', '05-27', '10-02'),
  movable(2040, '02-11', '04-04', '06-14', '09-20'),
  movable(2041, '01-31', '04-04', '06-03', '09-10'),
  movable(2042, '01-21', '04-04', '06-22', '09-28'),
  movable(2043, '02-09', '04-05', '06-11', '09-17'),
  movable(2044, '01-29', '04-04', '05-31', '10-05'),
  movable(2045, '02-16', '04-04', '06-19', '09-25'),
  movable(2046, '02-05', '04-04', '06-08', '09-15'),
  movable(2047, '01-25', '04-05', '05-29', '10-04'),
  movable(2048, '02-13', '04-04', '06-15', '09-22'),
  movable(2049, '02-01', '04-04', '06-04', '09-11'),
  movable(2050, '01-22', '04-04', '06-23', '09-30'),
];
