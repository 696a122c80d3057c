import { type BatchQuote, explain, type FixtureResult, type Lang, type Quote, runFixtures, type WorkCalendar } from '../index.js';
import type { Mismatch } from '../fixtures.js';
import { InputError } from './errors.js';
import { fileError, write } from './io.js';
import { calendarWith, type Options } from './options.js';

const show = (value: unknown) => (value === undefined ? '(absent)' : JSON.stringify(value));

/** A mismatch as two lines a reader can compare: where, what was expected, what came out. */
function diffLines(m: Mismatch): string[] {
  return [`  at ${m.path || '(root)'}:`, `    - expected ${show(m.expected)}`, `    + actual   ${show(m.actual)}`];
}

/** The explained breakdown behind a failure: the quote, or the batch tickets a mismatch points at. */
function breakdown(result: FixtureResult, lang: Lang): string {
  const actual = result.actual as Partial<Quote & BatchQuote> | undefined;
  if (!actual || typeof actual !== 'object') return '';
  if (Array.isArray(actual.tickets)) {
    const tickets = new Set(result.mismatches.map((m) => /^tickets\[(\d+)\]/.exec(m.path)?.[1]).filter(Boolean).map(Number));
    return [...tickets].map((i) => explain(actual.tickets?.[i] as Quote, { lang })).join('\n');
  }
  return 'payout' in actual ? explain(actual as Quote, { lang }) : `${JSON.stringify(actual, null, 2)}\n`;
}

const indent = (text: string) => text.replace(/^(?=.)/gm, '    ');

/**
 * Fixtures from directories and files as given, quoted with `calendar`. A path that cannot be read, or that
 * holds no fixture file, is an InputError: a run that tests nothing must not pass.
 */
function loadFixtures(paths: string[], calendar: WorkCalendar): FixtureResult[] {
  return paths.flatMap((path) => {
    let results: FixtureResult[];
    try {
      results = runFixtures(path, { calendar }).results;
    } catch (error) {
      throw fileError(error, path);
    }
    if (results.length === 0) throw new InputError(`no fixtures in ${path}: expected fixture files (*.json)`);
    return results;
  });
}

/** The lines reporting one failed fixture: why the file is not a fixture, or each mismatch as a diff. */
function failureLines(r: FixtureResult): string[] {
  if (!r.notFixture) return [`✗ ${r.file ?? r.name}`, `  ${r.name}`, ...r.mismatches.flatMap(diffLines)];
  return [`✗ ${r.file ?? r.name}`, `  not a fixture: ${r.notFixture.message}`, ...r.notFixture.issues.map((i) => `    ${i.path || '(file)'}: ${i.message}`)];
}

/** `test [DIR|FILES...]`: runs fixtures, prints each failure with its diff and breakdown, ends with the counts; no fixture at all fails. */
export async function testCommand(options: Options): Promise<number> {
  const paths = options.positionals.length ? options.positionals : ['fixtures'];
  const results = loadFixtures(paths, calendarWith(options.notices));
  const failed = results.filter((r) => !r.ok);
  for (const r of failed) {
    const explained = breakdown(r, options.lang);
    await write(`${failureLines(r).join('\n')}\n${explained ? `  actual breakdown:\n${indent(explained)}` : ''}\n`);
  }
  await write(`${results.length - failed.length} passed, ${failed.length} failed\n`);
  return failed.length ? 1 : 0;
}
