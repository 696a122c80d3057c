import type * as z from 'zod/mini';

/** One problem found in a claim: where it is (`path`) and what is wrong. */
export interface InputIssue {
  path: string[];
  message: string;
}

/**
 * A zod error's issues as InputIssues under `prefix`. An unknown key is reported at the object holding it,
 * so its message names the key, followed by `hint`.
 */
export function inputIssues(error: z.core.$ZodError, prefix: readonly (string | number)[] = [], hint = ''): InputIssue[] {
  return error.issues.map((i) => ({
    path: [...prefix, ...i.path].map(String),
    message: i.code === 'unrecognized_keys' ? `unknown field(s): ${i.keys.join(', ')}${hint}` : i.message,
  }));
}

/** The claim (or the options passed with it) is invalid; `issues` lists every problem at once. */
export class ClaimInputError extends Error {
  readonly code = 'CLAIM_INPUT' as const;
  readonly issues: InputIssue[];
  constructor(issues: InputIssue[]) {
    super(
      `invalid claim: ${issues.map((i) => `${i.path.length ? i.path.join('.') : '(claim)'}: ${i.message}`).join('; ')}`,
    );
    this.name = 'ClaimInputError';
    this.issues = issues;
  }
}

/**
 * A function was called with an argument that is neither a claim nor its options: a language `explain` does
 * not have, something that is not a Quote, fixtures that are neither an array nor a path. `issues` lists
 * every problem with its path (`quote`, `options.lang`, …).
 */
export class ArgumentError extends Error {
  readonly code = 'ARGUMENT' as const;
  readonly issues: InputIssue[];
  constructor(fn: string, issues: InputIssue[]) {
    super(`invalid argument to ${fn}: ${issues.map((i) => `${i.path.join('.') || '(argument)'}: ${i.message}`).join('; ')}`);
    this.name = 'ArgumentError';
    this.issues = issues;
  }
}

/** No policy version is in force at the posting date, or the policy has no rule for the case. */
export class NoRuleInForceError extends Error {
  readonly code = 'NO_RULE_IN_FORCE' as const;
  readonly policy: string;
  readonly case: string;
  constructor(policy: string, kase: string, message: string) {
    super(message);
    this.name = 'NoRuleInForceError';
    this.policy = policy;
    this.case = kase;
  }
}

/** A working-day calendar has no data for the year asked about. */
export class CalendarRangeError extends Error {
  readonly code = 'CALENDAR_RANGE' as const;
  readonly year: number;
  constructor(year: number, message: string) {
    super(message);
    this.name = 'CalendarRangeError';
    this.year = year;
  }
}

/** A policy definition is invalid; `issues` lists every problem with its path in the spec. */
export class PolicyError extends Error {
  readonly code = 'POLICY' as const;
  readonly issues: InputIssue[];
  constructor(issues: InputIssue[]) {
    super(`invalid policy: ${issues.map((i) => `${i.path.join('.') || '(policy)'}: ${i.message}`).join('; ')}`);
    this.name = 'PolicyError';
    this.issues = issues;
  }
}
