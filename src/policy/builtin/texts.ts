/**
 * The texts the built-in policies cite, by the names docs/sources.md lists them under. A citation names the
 * primary text first (statute + article, standard + part and clause, notice), then, where the value was read
 * in a secondary source, that source with the passage quoted as it is written there.
 */

/** 快递服务 national standard, 2011 edition (in force 2012-05-01 to 2024-03-31): part 1, 2 or 3. */
export const gbt2011 = (part: 1 | 2 | 3, clause = '') => `GB/T 27917.${part}-2011${clause && ` ${clause}`}`;
/** 快递服务 national standard, 2023 edition (in force 2024-04-01); its text was not available here. */
export const gbt2023 = (part: 1 | 2 | 3) => `GB/T 27917.${part}-2023 (text not available)`;
/** The 2022 draft for comment of the 2023 edition, known from second-hand reports only. */
export const GBT_2023_DRAFT = 'GB/T 27917 draft for comment (2022), as reported second-hand';

/** 中华人民共和国邮政法 (2009 revision, in force 2009-10-01). */
export const postalLaw = (article: string) => `Postal Law (邮政法 2009) Art. ${article}`;
/** 快递暂行条例 (State Council Order 697, in force 2018-05-01). */
export const interimRegulations = (article: string) => `快递暂行条例 (2018) Art. ${article}`;
/** 中华人民共和国合同法 (1999, in force to 2020-12-31). */
export const contractLaw = (article: string) => `Contract Law (合同法 1999) Art. ${article}`;
/** 中华人民共和国民法典 (in force 2021-01-01). */
export const civilCode = (article: string) => `Civil Code (民法典 2020) Art. ${article}`;
/** 快递市场管理办法 (交通运输部令2023年第22号, in force 2024-03-01). */
export const marketMeasures = (article: string) => `快递市场管理办法 (2023) Art. ${article}`;

/** A decision where the texts are silent, recorded under its ID in docs/rules.md. */
export const decision = (id: string, what: string) => `decision ${id} (docs/rules.md): ${what}`;

/**
 * Secondary sources (docs/sources.md), each quoted as written: the 2013 course that quotes GB/T 27917.3-2011
 * and one carrier's settlement standard (traditional script), training slides with the time-limit mnemonic,
 * a product notice and a customer-service script.
 */
export const COURSE = '《快递运营管理》课件 任务五 (2013)';
export const SLIDES = '《能达快递客服和网络营销》课件';
export const EPACKET_NOTICE = '《国际快递物流客服沟通技巧》';
export const SERVICE_SCRIPT = '《大客户组用语规范》';

/** Every secondary source, for the check that its quoted passages stand in the document. */
export const SECONDARY = [COURSE, SLIDES, EPACKET_NOTICE, SERVICE_SCRIPT] as const;

/** A carrier's published terms of carriage (运单契约条款): the copies found are undated. */
export const carrierTerms = (carrier: string, clause: string) => `${carrier} terms of carriage (运单契约条款), undated copy: ${clause}`;
