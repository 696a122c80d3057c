import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ClaimInput, compare, quote } from '../src/index.js';

/**
 * The claims-desk page as built (dist/playground/index.html, `npm test` builds it first), opened from file:// in
 * a real headless Chromium. CI (`.ci/run`) installs Chromium; without it here the test is skipped, in CI it fails.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PAGE = pathToFileURL(join(ROOT, 'dist/playground/index.html')).href;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACT = join(ROOT, 'artifacts/playground.png');
const EXAMPLE = JSON.parse(readFileSync(join(ROOT, 'fixtures/worked-examples/example-5-express-loss-uninsured.json'), 'utf8')) as {
  asOf: string;
  claim: ClaimInput;
  expect: { payout: string };
};
/** The start of the as-of day in Asia/Shanghai, cn-express's zone: the moment the page's timeline splits at. */
const AS_OF_INSTANT = Date.parse(`${EXAMPLE.asOf}T00:00:00+08:00`);
const TIMEOUT = 60_000;

const haveChromium = existsSync(CHROMIUM);
const inCi = process.env.CI === 'true';
if (!haveChromium && !inCi) console.info(`no Chromium at ${CHROMIUM}: the claims-desk page is not tested in a browser (CI installs it)`);

it.runIf(inCi)('CI has the Chromium the claims-desk page is tested in', () => {
  expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: .ci/run installs Debian's chromium`).toBe(true);
});

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Fills the form field by field as a person would: toggles on each sub-object, adds rows, types text, picks options, ticks boxes. */
async function fill(page: Page, value: unknown, path: string[] = []): Promise<void> {
  const name = path.join('.');
  if (Array.isArray(value)) {
    const rows = () => page.$$eval(`#claim-form [data-remove^="${name}."]`, (buttons) => buttons.length);
    while ((await rows()) < value.length) await page.click(`#claim-form [data-add="${name}"]`);
    for (const [i, item] of value.entries()) await fill(page, item, [...path, String(i)]);
    return;
  }
  if (isRecord(value)) {
    if (path.length) {
      const toggle = await page.$(`#claim-form input[type="checkbox"][name="${name}"]`);
      if (toggle && !(await toggle.evaluate((e) => (e as HTMLInputElement).checked))) await toggle.click();
    }
    for (const [key, child] of Object.entries(value)) await fill(page, child, [...path, key]);
    return;
  }
  const selector = `#claim-form [name="${name}"]`;
  const control = await page.$(selector);
  if (!control) throw new Error(`the form has no field ${name}`);
  const kind = await control.evaluate((e) => (e instanceof HTMLInputElement ? e.type : e.tagName.toLowerCase()));
  if (kind === 'select') await page.select(selector, typeof value === 'string' ? value : JSON.stringify(value));
  else if (kind === 'checkbox') {
    if ((await control.evaluate((e) => (e as HTMLInputElement).checked)) !== value) await control.click();
  } else {
    await control.click({ count: 3 });
    await control.type(String(value));
  }
}

/** Sets a date input (typing into one depends on the browser's locale). */
async function setAsOf(page: Page, date: string): Promise<void> {
  await page.$eval(
    '#as-of',
    (e, d) => {
      (e as HTMLInputElement).value = d;
      e.dispatchEvent(new Event('change', { bubbles: true }));
    },
    date,
  );
}

const text = (page: Page, selector: string) => page.$eval(selector, (e) => e.textContent ?? '');
const hidden = (page: Page, selector: string) => page.$eval(selector, (e) => (e as HTMLElement).hidden);

/** The error shown beside a field: the one its aria-describedby names, in the same field wrapper. */
function errorBeside(page: Page, name: string) {
  return page.$eval(`#claim-form [name="${name}"]`, (input) => {
    const ids = (input.getAttribute('aria-describedby') ?? '').split(' ');
    const error = [...(input.closest('.field')?.querySelectorAll('.error') ?? [])].find((e) => ids.includes(e.id)) as HTMLElement | undefined;
    return { message: error && !error.hidden ? error.textContent : undefined, invalid: input.getAttribute('aria-invalid') };
  });
}

async function quoteOnPage(page: Page): Promise<void> {
  await page.click('#quote');
  await page.waitForFunction(() => !document.getElementById('result')?.hidden || !document.getElementById('status')?.hidden);
}

describe.skipIf(!haveChromium)('the claims-desk page in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    if (!existsSync(fileURLToPath(PAGE))) throw new Error(`${fileURLToPath(PAGE)} is missing: npm run build makes it (npm test builds first)`);
    browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--headless=new'] });
  }, TIMEOUT);
  afterAll(() => browser?.close());

  beforeEach(async () => {
    page = await browser.newPage();
    problems = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(PAGE);
    await setAsOf(page, EXAMPLE.asOf);
  }, TIMEOUT);
  afterEach(async () => {
    await page.close();
    expect(problems).toEqual([]);
  });

  it(
    'quotes worked example 5 filled in field by field: the payout, the deadlines in order around the as-of date, every policy',
    async () => {
      expect(await page.$eval('#policy', (e) => (e as HTMLSelectElement).value)).toBe('cn-express');
      await fill(page, EXAMPLE.claim);
      await quoteOnPage(page);
      expect(await text(page, '#payout')).toBe(EXAMPLE.expect.payout);
      expect(await text(page, '#breakdown')).toContain(`Payout: ${EXAMPLE.expect.payout} CNY`);

      const library = quote(EXAMPLE.claim, { asOf: EXAMPLE.asOf });
      const timeline = await page.$$eval('#timeline li', (items) =>
        items.map((li) => ({ id: li.getAttribute('data-deadline'), state: li.className, at: li.querySelector('time')?.getAttribute('datetime') })),
      );
      const deadlines = timeline.filter((entry) => entry.id !== null);
      expect(deadlines.map((d) => d.id).sort()).toEqual(library.deadlines.map((d) => d.id).sort());
      const times = deadlines.map((d) => Date.parse(d.at ?? ''));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      const marker = timeline.findIndex((entry) => entry.state === 'as-of');
      timeline.forEach((entry, i) => {
        if (i === marker) return;
        expect(entry.state).toBe(i < marker ? 'passed' : 'upcoming');
        expect(Date.parse(entry.at ?? '') <= AS_OF_INSTANT).toBe(i < marker);
      });
      expect(timeline.slice(0, marker).length, 'some deadlines have passed by the as-of date').toBeGreaterThan(0);
      expect(timeline.slice(marker + 1).length, 'some deadlines are ahead').toBeGreaterThan(0);

      const rows = await page.$$eval('#compare tbody tr', (trs) =>
        trs.map((tr) => ({ policy: tr.querySelector('th')?.firstChild?.textContent, payout: tr.querySelector('td.money')?.textContent, chosen: tr.classList.contains('chosen') })),
      );
      const expected = compare(EXAMPLE.claim, undefined, { asOf: EXAMPLE.asOf }).rows.map((r) => ({
        policy: r.policy,
        payout: r.outcome.ok ? r.outcome.quote.payout : undefined,
        chosen: r.policy === 'cn-express',
      }));
      expect(rows).toEqual(expected);

      mkdirSync(dirname(ARTIFACT), { recursive: true });
      await page.screenshot({ path: ARTIFACT as `${string}.png`, fullPage: true });
    },
    TIMEOUT,
  );

  it(
    'switches to Chinese: the page, its labels and the breakdown (赔偿合计), keeping what was entered',
    async () => {
      await fill(page, EXAMPLE.claim);
      await quoteOnPage(page);
      await page.select('#lang', 'zh-CN');
      expect(await page.$eval('html', (e) => e.lang)).toBe('zh-CN');
      expect(await text(page, '#breakdown')).toContain(`赔偿合计：${EXAMPLE.expect.payout} CNY`);
      expect(await page.$eval('#breakdown', (e) => (e as HTMLElement).lang)).toBe('zh-CN');
      expect(await text(page, '#payout')).toBe(EXAMPLE.expect.payout);
      expect(await text(page, 'h1')).toBe('理赔台');
      const feeLabel = await page.$eval('#claim-form [name="fee"]', (input) => document.querySelector(`label[for="${input.id}"]`)?.textContent);
      expect(feeLabel).toContain('资费');
      expect(await page.$eval('#claim-form [name="fee"]', (e) => (e as HTMLInputElement).value)).toBe(String(EXAMPLE.claim.fee));
      expect(await page.$eval('#claim-form [name="value"]', (e) => (e as HTMLInputElement).checked)).toBe(true);
    },
    TIMEOUT,
  );

  it(
    'shows each invalid input beside its field, and no payout',
    async () => {
      const { waybill: _, ...withoutWaybill } = EXAMPLE.claim;
      await fill(page, { ...withoutWaybill, fee: '20.005', value: { ...EXAMPLE.claim.value, amount: '-1' } });
      await quoteOnPage(page);
      expect(await hidden(page, '#result')).toBe(true);
      expect(await hidden(page, '#status')).toBe(false);
      const fee = await errorBeside(page, 'fee');
      expect(fee.message).toContain('at most 2 decimals');
      expect(fee.invalid).toBe('true');
      expect((await errorBeside(page, 'value.amount')).message).toContain('must not be negative');
      expect((await errorBeside(page, 'waybill')).message).toBeTruthy();
      expect(await errorBeside(page, 'postedAt')).toEqual({ message: undefined, invalid: null });

      await fill(page, { fee: EXAMPLE.claim.fee, value: EXAMPLE.claim.value, waybill: EXAMPLE.claim.waybill });
      await quoteOnPage(page);
      expect(await errorBeside(page, 'fee')).toEqual({ message: undefined, invalid: null });
      expect(await text(page, '#payout')).toBe(EXAMPLE.expect.payout);
    },
    TIMEOUT,
  );

  it(
    'damage as a choice of variant and contents as rows: what is entered is the claim quoted',
    async () => {
      const damaged: ClaimInput = {
        ...EXAMPLE.claim,
        deliveredAt: '2026-03-04T15:00:00+08:00',
        damage: { extent: 'partial', lostValue: '120.00' },
        contents: { declared: [{ name: 'cup', quantity: 2, unitValue: '50.00' }, { name: 'plate', quantity: 1 }], received: [{ name: 'cup', quantity: 2 }] },
      };
      await fill(page, damaged);
      await quoteOnPage(page);
      expect(await text(page, '#payout')).toBe(quote(damaged, { asOf: EXAMPLE.asOf }).payout);
      await page.click('input[name="mode"][value="json"]');
      expect(JSON.parse(await page.$eval('#json', (e) => (e as HTMLTextAreaElement).value))).toEqual(damaged);

      await page.click('input[name="mode"][value="form"]');
      await page.click('#claim-form [data-remove="contents.declared.0"]');
      await page.select('#claim-form [name="damage.extent"]', 'total');
      expect(await page.$('#claim-form [name="damage.lostValue"]')).toBeNull();
      await page.click('input[name="mode"][value="json"]');
      const edited = JSON.parse(await page.$eval('#json', (e) => (e as HTMLTextAreaElement).value));
      expect(edited.damage).toEqual({ extent: 'total' });
      expect(edited.contents.declared).toEqual([{ name: 'plate', quantity: 1 }]);
    },
    TIMEOUT,
  );

  it(
    'paste-JSON mode: the form as JSON, a pasted claim quoted, and back into the form; bad JSON is shown, not lost',
    async () => {
      await fill(page, EXAMPLE.claim);
      await page.click('input[name="mode"][value="json"]');
      expect(await hidden(page, '#claim-form')).toBe(true);
      expect(JSON.parse(await page.$eval('#json', (e) => (e as HTMLTextAreaElement).value))).toEqual(EXAMPLE.claim);

      const changed = { ...EXAMPLE.claim, fee: '30.00' };
      await page.$eval('#json', (e, json) => ((e as HTMLTextAreaElement).value = json), JSON.stringify(changed));
      await quoteOnPage(page);
      expect(await text(page, '#payout')).toBe(quote(changed, { asOf: EXAMPLE.asOf }).payout);

      await page.click('input[name="mode"][value="form"]');
      expect(await hidden(page, '#claim-form')).toBe(false);
      expect(await page.$eval('#claim-form [name="fee"]', (e) => (e as HTMLInputElement).value)).toBe('30.00');

      await page.click('input[name="mode"][value="json"]');
      await page.$eval('#json', (e) => ((e as HTMLTextAreaElement).value = '{"waybill": '));
      await page.click('input[name="mode"][value="form"]');
      expect(await page.$eval('input[name="mode"]:checked', (e) => (e as HTMLInputElement).value)).toBe('json');
      expect(await hidden(page, '#json-error')).toBe(false);
      expect(await page.$eval('#json', (e) => (e as HTMLTextAreaElement).value)).toBe('{"waybill": ');
    },
    TIMEOUT,
  );
});
