import { z } from 'zod';
import { ArgumentError, CalendarRangeError, ClaimInputError, NoRuleInForceError, PolicyError } from './errors.js';
import { isPolicyFileRef, loadPolicy } from './policy/document.js';
import type { Policy } from './policy/model.js';
import { policyFor } from './policy/registry.js';
import { quote, quoteBatch } from './quote.js';
import type { WorkCalendar } from './time/calendar.js';

/**
 * One regression case (docs/fixtures.md): the claim, how to quote it, and the subset of the result expected.
 * A batch case gives `claims` instead of `claim` and expects a subset of the BatchQuote.
 */
export interface Fixture {
  name: string;
  /** A built-in policy id, or a policy file (`*.json`, or a path) relative to the fixture's file. */
  policy?: string;
  asOf?: string;
  claim?: unknown;
  /** Tickets quoted together with `quoteBatch`, batch caps applied. */
  claims?: unknown[];
  /** A subset of the Quote or BatchQuote (deep; arrays element by element, same length), or `{ error: code, … }`. */
  expect: unknown;
  /** The file the fixture came from, when read from a directory. */
  file?: string;
}

export interface Mismatch {
  path: string;
  expected: unknown;
  actual: unknown;
}

export interface FixtureResult {
  name: string;
  file?: string;
  ok: boolean;
  mismatches: Mismatch[];
  /** What the quote produced: the Quote, or `{ error, … }` for a typed error. */
  actual: unknown;
  /** Set when the file could not be run because it is not a fixture: why (not JSON, or not of a fixture's shape), with every issue. */
  notFixture?: { message: string; issues: { path: string; message: string }[] };
}

export interface FixtureReport {
  passed: number;
  failed: number;
  results: FixtureResult[];
}

const fixtureSchema = z
  .strictObject({
    name: z.string().min(1),
    policy: z.string().optional(),
    asOf: z.string().optional(),
    claim: z.unknown().optional(),
    claims: z.array(z.unknown()).optional(),
    expect: z.unknown().refine((e) => typeof e === 'object' && e !== null, 'an object: a partial Quote or { "error": code }'),
    file: z.string().optional(),
  })
  .refine((f) => (f.claim === undefined) !== (f.claims === undefined), {
    message: 'either claim (one ticket) or claims (a batch)',
    path: ['claim'],
  });

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Where `actual` differs from `expected` read as a subset: objects by key, arrays by element and length. */
export function subsetMismatches(expected: unknown, actual: unknown, path = ''): Mismatch[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return [{ path, expected, actual }];
    return expected.flatMap((e, i) => subsetMismatches(e, actual[i], `${path}[${i}]`));
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) return [{ path, expected, actual }];
    return Object.entries(expected).flatMap(([k, e]) => subsetMismatches(e, actual[k], path ? `${path}.${k}` : k));
  }
  return Object.is(expected, actual) ? [] : [{ path, expected, actual }];
}

/** What the fixtures of one run share: the calendar, and the policy files read so far, by path (each read once). */
interface Run {
  calendar: WorkCalendar | undefined;
  policyFiles: Map<string, Policy | PolicyError>;
}

/**
 * The policy a fixture names: a built-in one by its id, or the policy in the file it names, read relative to
 * the fixture's own file (without one, to the working directory). A file that cannot be read or loaded is
 * a PolicyError.
 */
function policyOf(ref: string, fixtureFile: string | undefined, run: Run): Policy {
  if (!isPolicyFileRef(ref)) return policyFor(ref);
  const { fs, path } = node();
  const file = path.resolve(fixtureFile === undefined ? '.' : path.dirname(fixtureFile), ref);
  let loaded = run.policyFiles.get(file);
  if (!loaded) {
    try {
      loaded = loadPolicy(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      loaded = error instanceof PolicyError ? error : new PolicyError([{ path: [], message: `cannot read ${ref}: ${String(error)}` }]);
    }
    run.policyFiles.set(file, loaded);
  }
  if (loaded instanceof PolicyError) throw loaded;
  return loaded;
}

/** The quote (or batch quote) of a fixture, or its typed error as `{ error: code, … }`; a bug still throws. */
function outcome(f: Fixture, run: Run): unknown {
  try {
    const policy = f.policy && policyOf(f.policy, f.file, run);
    const options = { ...(policy && { policy }), ...(f.asOf && { asOf: f.asOf }), ...(run.calendar && { calendar: run.calendar }) };
    return f.claims ? quoteBatch(f.claims as never[], options) : quote(f.claim as never, options);
  } catch (error) {
    if (error instanceof PolicyError) return { error: error.code, policy: f.policy, issues: error.issues };
    if (error instanceof ClaimInputError) return { error: error.code, issues: error.issues };
    if (error instanceof NoRuleInForceError) return { error: error.code, policy: error.policy, case: error.case };
    if (error instanceof CalendarRangeError) return { error: error.code, year: error.year };
    throw error;
  }
}

function runOne(f: Fixture, run: Run): FixtureResult {
  const actual = outcome(f, run);
  const mismatches = subsetMismatches(f.expect, actual);
  return { name: f.name, ...(f.file && { file: f.file }), ok: mismatches.length === 0, mismatches, actual };
}

interface DirEntry {
  name: string;
  isDirectory(): boolean;
}
interface NodeFs {
  statSync(path: string): { isDirectory(): boolean };
  readdirSync(dir: string, options: { withFileTypes: true }): DirEntry[];
  readFileSync(path: string, encoding: 'utf8'): string;
}
interface NodePath {
  resolve(...paths: string[]): string;
  dirname(path: string): string;
}

/**
 * Node's fs and path without a static import, so that the core bundle stays free of Node built-ins (it runs
 * in browsers too). Reading a directory or a policy file needs Node ≥ 20.16 (process.getBuiltinModule).
 */
function node(): { fs: NodeFs; path: NodePath } {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const fs = proc?.getBuiltinModule?.('node:fs') as NodeFs | undefined;
  const path = proc?.getBuiltinModule?.('node:path') as NodePath | undefined;
  if (!fs || !path) {
    throw new Error('runFixtures reads files (a directory, a policy file) and needs Node.js ≥ 20.16; elsewhere pass the fixtures as an array naming built-in policies');
  }
  return { fs, path };
}

function jsonFilesUnder(fs: NodeFs, dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const path = `${dir.replace(/\/$/, '')}/${entry.name}`;
      if (entry.isDirectory()) return jsonFilesUnder(fs, path);
      return entry.name.endsWith('.json') ? [path] : [];
    });
}

/** What a fixture is, for messages about a file that is not one. */
const FIXTURE_SHAPE = 'a fixture is a JSON object with name, claim or claims, and expect';

/** A zod issue about a document that is not a fixture, in words: a missing field is "required", unknown fields are named. */
function fixtureIssue(json: unknown, issue: z.core.$ZodIssue): { path: string; message: string } {
  const path = issue.path.join('.');
  if (issue.code === 'unrecognized_keys') {
    const hint = issue.keys.includes('waybill') ? ' (a claim goes under "claim")' : '';
    return { path, message: `unknown field(s) ${issue.keys.join(', ')}${hint}` };
  }
  const missing = isPlainObject(json) && issue.path.length === 1 && !(String(issue.path[0]) in json);
  return { path, message: missing ? 'required' : issue.message };
}

/** A failed result for something that is not a fixture, saying why. */
function notAFixture(
  name: string,
  file: string | undefined,
  message: string,
  issues: { path: string; message: string }[],
  mismatches: Mismatch[],
): FixtureResult {
  return { name, ...(file && { file }), ok: false, mismatches, actual: undefined, notFixture: { message, issues } };
}

/** `json` as a fixture, or a failed result named `name` saying what makes it none. */
function checkFixture(json: unknown, name: string, file?: string): Fixture | FixtureResult {
  const parsed = fixtureSchema.safeParse(json);
  if (parsed.success) return { ...parsed.data, ...(file && { file }) } as Fixture;
  const issues = parsed.error.issues.map((i) => fixtureIssue(json, i));
  return notAFixture(name, file, FIXTURE_SHAPE, issues, issues.map((i) => ({ path: i.path, expected: i.message, actual: undefined })));
}

/** A policy document beside the fixtures that name it (`params`, no `expect`): not a fixture itself. */
const isPolicyDocument = (json: unknown) => isPlainObject(json) && 'params' in json && !('expect' in json);

/**
 * A fixture file (a byte order mark before its JSON is allowed), a failed result saying why it cannot be
 * run, or nothing for a policy file.
 */
function readFixture(fs: NodeFs, file: string): Fixture | FixtureResult | undefined {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    const why = error instanceof SyntaxError ? 'not valid JSON' : 'cannot be read';
    return notAFixture(file, file, `${why}: ${(error as Error).message}`, [], [{ path: '', expected: 'a JSON fixture', actual: String(error) }]);
  }
  return isPolicyDocument(json) ? undefined : checkFixture(json, file, file);
}

/**
 * Every fixture file under a directory (or the one file a path names), or a failed result for each file that
 * is not one; policy files among them are skipped.
 */
function readFixturePath(path: string): (Fixture | FixtureResult)[] {
  const { fs } = node();
  const files = fs.statSync(path).isDirectory() ? jsonFilesUnder(fs, path) : [path];
  return files.flatMap((file) => readFixture(fs, file) ?? []);
}

/**
 * Runs regression fixtures: an array, one fixture file, or every `*.json` under a directory (subfolders too,
 * in name order; a policy document among them is not a fixture). A path that does not exist throws the file
 * system's error; an argument that is neither is an ArgumentError, and an array entry that is not a fixture
 * a failed result. A fixture's `policy` is a built-in id or a policy file relative to the fixture's file.
 * Each quote is compared with `expect` as a subset; amounts compare as exact strings. `options.calendar` counts
 * working days (default `calendars.cn`).
 *
 * @example
 * const report = runFixtures('fixtures');
 * console.log(`${report.passed} passed, ${report.failed} failed`);
 */
export function runFixtures(fixtures: Fixture[] | string, options: { calendar?: WorkCalendar } = {}): FixtureReport {
  if (typeof fixtures !== 'string' && !Array.isArray(fixtures)) {
    throw new ArgumentError('runFixtures', [{ path: ['fixtures'], message: 'expected an array of fixtures or a path to a file or directory' }]);
  }
  const loaded =
    typeof fixtures === 'string' ? readFixturePath(fixtures) : fixtures.map((f, i) => checkFixture(f, isPlainObject(f) && typeof f.name === 'string' ? f.name : `fixture ${i}`));
  const run: Run = { calendar: options.calendar, policyFiles: new Map() };
  const results = loaded.map((f) => ('ok' in f ? f : runOne(f, run)));
  const passed = results.filter((r) => r.ok).length;
  return { passed, failed: results.length - passed, results };
}
