import { parseArgs } from 'node:util';
import { type Lang, type Policy, policies } from '../index.js';
import { isPolicyFileRef } from '../policy/document.js';
import { parseInstant } from '../time/instant.js';
import { UsageError } from './errors.js';
import { policyRef } from './policy.js';

export const USAGE = `Usage: courier-claims <command> [options]

Commands:
  quote [FILE|-]          quote one claim (a JSON object, a fixture file, or an array of claims for
                          quoteBatch with batch caps); FILE or - for stdin (default)
  batch [FILE|-]          NDJSON in, NDJSON out in the same order: one quote or one
                          {"line": n, "error": {code, issues}} per line; exit 1 if any line was invalid
  test [DIR|FILES...]     run fixtures (default: fixtures/), print failures and "N passed, N failed"
  schema [claim|policy]   the JSON Schema of a claim (default) or of a policy document
  policies                the built-in policies with their versions, effective dates and sources
  policy check FILE       every problem of a policy file at once (exit 1), or its version table
  policy show ID|FILE     a policy as a JSON document that --policy FILE.json loads back

Options:
  --policy ID|FILE.json   policy to quote under (default cn-express, the law for express companies;
                          cn-postal for postal mail; cn-gbt27917-2011 for the 2013 course's reading),
                          or a policy file (a value ending in .json or holding a /)
  --as-of ISO             the moment claims are judged at (default: now)
  --format json|text      output of quote, policies and policy check (default text)
  --full                  with policies --format json: every policy's whole JSON document
  --lang en|zh-CN         language of text output (default en)
  -h, --help              this help

Exit codes: 0 ok, 1 a claim or policy file was invalid or a fixture failed, 2 usage error.
`;

export interface Options {
  command: string;
  positionals: string[];
  /** `--policy`, when given. */
  policy?: string;
  /** `--as-of`, when given. */
  asOf?: string;
  /** The clock reading `--as-of` defaults to, taken once per run. */
  now: string;
  format: 'json' | 'text';
  lang: Lang;
  /** `--full` (policies). */
  full: boolean;
  help: boolean;
}

/** Which options each command takes; any other is a usage error. */
const ACCEPTS: Record<string, readonly string[]> = {
  quote: ['policy', 'as-of', 'format', 'lang'],
  batch: ['policy', 'as-of'],
  test: ['lang'],
  schema: [],
  policies: ['format', 'full'],
  policy: ['format'],
};

/** How many arguments each command takes after its name, and what they must be. */
function checkArguments(command: string, rest: readonly string[]): void {
  if (command === 'policies' && rest.length) throw new UsageError('policies takes no arguments');
  if (command === 'schema' && (rest.length > 1 || (rest[0] !== undefined && rest[0] !== 'claim' && rest[0] !== 'policy'))) {
    throw new UsageError('schema takes claim (the default) or policy');
  }
  if ((command === 'quote' || command === 'batch') && rest.length > 1) throw new UsageError(`${command} takes one FILE (or - for stdin)`);
  if (command === 'policy' && !(rest.length === 2 && (rest[0] === 'check' || rest[0] === 'show'))) {
    throw new UsageError('policy check FILE, or policy show ID|FILE');
  }
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
}

/**
 * Parses the command line. `now` is the instant `--as-of` defaults to: the CLI is the only place that reads
 * the clock, and it passes the reading to the core explicitly.
 */
export function parseOptions(argv: readonly string[], now: Date): Options {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command = '', ...rest] = positionals;
  if (values.help || command === 'help') return { ...defaults(now), command: 'help', help: true };
  if (!command) throw new UsageError('a command is required');
  const accepts = ACCEPTS[command];
  if (!accepts) throw new UsageError(`unknown command "${command}"`);
  for (const name of Object.keys(values)) {
    if (!accepts.includes(name)) throw new UsageError(`${command} takes no --${name}`);
  }
  checkArguments(command, rest);
  if (values.full && values.format !== 'json') throw new UsageError('--full needs --format json');
  const policy = values.policy;
  if (policy !== undefined && !isPolicyFileRef(policy) && !policies.some((p) => p.id === policy && p.kind !== 'complaints')) {
    const ids = policies.filter((p) => p.kind !== 'complaints').map((p) => p.id);
    throw new UsageError(`unknown policy "${policy}"; built-in: ${ids.join(', ')}`);
  }
  const asOf = values['as-of'];
  if (asOf !== undefined && parseInstant(asOf, 'UTC') === undefined) {
    throw new UsageError(`--as-of must be an ISO 8601 date or date-time (got "${asOf}")`);
  }
  return {
    command,
    positionals: rest,
    ...(policy !== undefined && { policy }),
    ...(asOf !== undefined && { asOf }),
    now: now.toISOString(),
    format: oneOf('format', values.format, ['json', 'text'], 'text'),
    lang: oneOf('lang', values.lang, ['en', 'zh-CN'], 'en'),
    full: values.full ?? false,
    help: false,
  };
}

const OPTIONS = {
  policy: { type: 'string' },
  'as-of': { type: 'string' },
  format: { type: 'string' },
  lang: { type: 'string' },
  full: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function defaults(now: Date): Omit<Options, 'command' | 'help'> {
  return { positionals: [], now: now.toISOString(), format: 'text', lang: 'en', full: false };
}

/**
 * The quote options of a run: `--policy` (else `fallback.policy`, a policy file relative to `base`, else the
 * default), `--as-of` (else `fallback.asOf`, else now). A policy file is read here; a bad one is an InputError.
 */
export function quoteOptionsOf(
  options: Options,
  fallback: { policy?: unknown; asOf?: unknown } = {},
  base = '.',
): { policy?: string | Policy; asOf: string } {
  const policy =
    options.policy !== undefined
      ? policyRef(options.policy)
      : typeof fallback.policy === 'string'
        ? policyRef(fallback.policy, base)
        : undefined;
  const asOf = options.asOf ?? (typeof fallback.asOf === 'string' ? fallback.asOf : options.now);
  return { ...(policy !== undefined && { policy }), asOf };
}
