/**
 * The claims desk: a claim entered in a form generated from the claim's JSON Schema (or pasted as JSON), quoted
 * in the browser under the chosen policy, with the explained breakdown, the deadlines and every policy side by side.
 */
import { claimJsonSchema, compare, type Comparison, explain, type InputIssue, policies, type Quote, safeQuote } from 'courier-claims';
import { type Control, controlOf, messages } from './controls.js';
import { ErrorSlot } from './dom.js';
import { fieldOf, type Schema } from './fields.js';
import { type Lang, type UiKey, ui } from './labels.js';
import { compareTable, timelineList } from './output.js';
import { startOfDay } from './timeline.js';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const page = {
  lang: byId<HTMLSelectElement>('lang'),
  desk: byId<HTMLFormElement>('desk'),
  form: byId<HTMLDivElement>('claim-form'),
  jsonBox: byId<HTMLDivElement>('claim-json'),
  json: byId<HTMLTextAreaElement>('json'),
  policy: byId<HTMLSelectElement>('policy'),
  asOf: byId<HTMLInputElement>('as-of'),
  result: byId<HTMLElement>('result'),
  payout: byId<HTMLOutputElement>('payout'),
  breakdown: byId<HTMLPreElement>('breakdown'),
  timeline: byId<HTMLDivElement>('timeline-holder'),
  compare: byId<HTMLDivElement>('compare-holder'),
  compareText: byId<HTMLPreElement>('compare-text'),
};

const errors = {
  json: new ErrorSlot(page.json, byId('json-error')),
  policy: new ErrorSlot(page.policy, byId('policy-error')),
  asOf: new ErrorSlot(page.asOf, byId('as-of-error')),
  status: new ErrorSlot(undefined, byId('status')),
};

const CLAIM_FIELDS = fieldOf(claimJsonSchema() as Schema);
/** Claims policies: a complaints policy has no compensation to quote. */
const CLAIMS_POLICIES = policies.filter((p) => p.kind !== 'complaints');

let lang: Lang = navigator.language.startsWith('zh') ? 'zh-CN' : 'en';
let form: Control = controlOf(CLAIM_FIELDS, [], lang);
let shown: { quote: Quote; comparison: Comparison; asOf: number; asOfText: string } | undefined;

const mode = () => (page.desk.elements.namedItem('mode') as RadioNodeList).value as 'form' | 'json';

/** Today on this computer: the default moment to judge a claim at (the page reads the clock; the library never does). */
function today(): string {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n, i) => String(n).padStart(i ? 2 : 4, '0')).join('-');
}

/** Each claims policy with the version in force on the as-of date (the one that decides a claim posted then). */
function fillPolicies(): void {
  const chosen = page.policy.value || 'cn-express';
  const date = page.asOf.value || today();
  page.policy.replaceChildren(
    ...CLAIMS_POLICIES.map((p) => {
      const version = p.versions.filter((v) => v.effectiveFrom <= date).at(-1)?.version ?? '—';
      const option = new Option(`${p.id} — ${version}`, p.id, false, p.id === chosen);
      option.title = p.name;
      return option;
    }),
  );
}

function applyLang(): void {
  document.documentElement.lang = lang;
  page.lang.value = lang;
  document.querySelectorAll<HTMLElement>('[data-ui]').forEach((node) => {
    node.textContent = ui(node.dataset.ui as UiKey, lang);
  });
  document.title = `${ui('title', lang)} · courier-claims`;
}

/** The form rebuilt in the current language, holding `value`. */
function buildForm(value: unknown): void {
  form = controlOf(CLAIM_FIELDS, [], lang);
  page.form.replaceChildren(form.element);
  form.show(form.set(value));
}

/** The claim in the JSON box, or the message why it is not one. */
function pasted(): { claim: unknown } | { error: string } {
  try {
    const claim: unknown = JSON.parse(page.json.value);
    return typeof claim === 'object' && claim !== null && !Array.isArray(claim) ? { claim } : { error: ui('notAnObject', lang) };
  } catch (error) {
    return { error: `${ui('invalidJson', lang)}: ${(error as Error).message}` };
  }
}

function switchMode(): void {
  if (mode() === 'json') {
    page.json.value = JSON.stringify(form.get() ?? {}, null, 2);
    errors.json.show([]);
  } else {
    const read = pasted();
    if ('error' in read) {
      (page.desk.elements.namedItem('mode') as RadioNodeList).value = 'json';
      errors.json.show([read.error]);
      return;
    }
    buildForm(read.claim);
  }
  page.form.hidden = mode() === 'json';
  page.jsonBox.hidden = mode() === 'form';
}

function clearIssues(): void {
  form.show([]);
  Object.values(errors).forEach((slot) => slot.show([]));
}

/** Issues beside their fields: the as-of date and policy beside theirs, the claim's in the form or under the JSON. */
function showIssues(issues: readonly InputIssue[]): void {
  const option = (name: string) => issues.filter((i) => i.path[0] === name);
  const claim = issues.filter((i) => i.path[0] !== 'asOf' && i.path[0] !== 'policy');
  errors.asOf.show(messages(option('asOf').map((i) => ({ ...i, path: i.path.slice(1) }))));
  errors.policy.show(messages(option('policy').map((i) => ({ ...i, path: i.path.slice(1) }))));
  if (mode() === 'form') form.show(claim);
  else errors.json.show(messages(claim));
  errors.status.show([ui('invalid', lang)]);
}

function renderResult(): void {
  page.result.hidden = shown === undefined;
  if (!shown) return;
  const { quote, comparison, asOf, asOfText } = shown;
  page.payout.value = quote.payout;
  page.breakdown.textContent = explain(quote, { lang });
  page.breakdown.lang = lang;
  page.timeline.replaceChildren(timelineList(quote, asOf, asOfText, lang));
  page.compare.replaceChildren(compareTable(comparison, quote, lang));
  page.compareText.textContent = explain(comparison, { lang });
  page.compareText.lang = lang;
}

function runQuote(): void {
  clearIssues();
  shown = undefined;
  const read = mode() === 'json' ? pasted() : { claim: form.get() ?? {} };
  if ('error' in read) {
    errors.json.show([read.error]);
    renderResult();
    return;
  }
  const asOfText = page.asOf.value;
  const policy = CLAIMS_POLICIES.find((p) => p.id === page.policy.value)?.id ?? 'cn-express';
  const options = { policy, ...(asOfText && { asOf: asOfText }) };
  try {
    const result = safeQuote(read.claim, options);
    if (!result.ok) {
      if ('issues' in result.error) showIssues(result.error.issues);
      else errors.status.show([result.error.message]);
    } else {
      const zone = CLAIMS_POLICIES.find((p) => p.id === result.quote.policy.id)?.zone ?? 'Asia/Shanghai';
      const comparison = compare(read.claim as Parameters<typeof compare>[0], undefined, asOfText ? { asOf: asOfText } : {});
      shown = { quote: result.quote, comparison, asOf: startOfDay(asOfText, zone) ?? Number.NaN, asOfText };
    }
  } catch (error) {
    // A calendar without the year, or another typed error: its message, never a stack trace.
    const issues = (error as { issues?: InputIssue[] }).issues;
    if (issues) showIssues(issues);
    else errors.status.show([(error as Error).message]);
  }
  renderResult();
}

page.lang.addEventListener('change', () => {
  const value = form.get();
  lang = page.lang.value as Lang;
  applyLang();
  buildForm(value);
  renderResult();
});
page.desk.addEventListener('change', (event) => {
  if ((event.target as HTMLInputElement).name === 'mode') switchMode();
});
page.asOf.addEventListener('change', fillPolicies);
page.desk.addEventListener('submit', (event) => {
  event.preventDefault();
  runQuote();
});

page.asOf.value = today();
applyLang();
fillPolicies();
page.form.replaceChildren(form.element);
