import { CalendarRangeError, ClaimInputError, NoRuleInForceError, PolicyError } from '../index.js';

/** A mistake in how the command was called: usage is printed and the exit code is 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A problem with the user's input (a file, its JSON, a claim): a message, no stack trace, exit code 1. */
export class InputError extends Error {
  override name = 'InputError';
}

/** The library's typed errors: reported to the user as messages. */
type LibraryError = ClaimInputError | NoRuleInForceError | CalendarRangeError | PolicyError;

export function isLibraryError(error: unknown): error is LibraryError {
  return (
    error instanceof ClaimInputError ||
    error instanceof NoRuleInForceError ||
    error instanceof CalendarRangeError ||
    error instanceof PolicyError
  );
}

/**
 * The error, with a note on each issue about `asOf` when `--as-of` was not given and defaulted to
 * `defaultedAsOf` (now): a claim dated after now is then most likely a claim judged at the wrong moment.
 */
export function withAsOfNote(error: LibraryError, defaultedAsOf: string | undefined): LibraryError {
  if (!(error instanceof ClaimInputError) || defaultedAsOf === undefined || !error.issues.some((i) => i.path[0] === 'asOf')) return error;
  const note = ` (--as-of was not given, so it is now, ${defaultedAsOf}; pass --as-of ISO to judge the claim at another moment)`;
  return new ClaimInputError(error.issues.map((i) => (i.path[0] === 'asOf' ? { ...i, message: `${i.message}${note}` } : i)));
}

/** A typed error as readable lines: every claim issue with the field it is about. */
export function describeError(error: LibraryError, what: string): string {
  if (error instanceof ClaimInputError) {
    const issues = error.issues.map((i) => `  ${i.path.length ? i.path.join('.') : '(claim)'}: ${i.message}`);
    return [`invalid claim in ${what}:`, ...issues].join('\n');
  }
  if (error instanceof NoRuleInForceError) return `no rule in force for ${what}: ${error.message}`;
  if (error instanceof CalendarRangeError) return `no working-day calendar data for ${what}: ${error.message}`;
  return `invalid policy: ${error.message}`;
}

/** A typed error as the JSON the batch command writes: `{ code, issues }`, plus what else the error says. */
export function errorJson(error: LibraryError): Record<string, unknown> {
  if (error instanceof ClaimInputError || error instanceof PolicyError) return { code: error.code, issues: error.issues };
  if (error instanceof NoRuleInForceError) {
    return { code: error.code, issues: [], message: error.message, policy: error.policy, case: error.case };
  }
  return { code: error.code, issues: [], message: error.message, year: error.year };
}
