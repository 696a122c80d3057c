import { parseArgs } from 'node:util';
import { calendars, type HolidayNotice, type Lang, loadPolicy, type PolicyDocument, type PolicyId, policies, type QuoteOptions } from '../index.js';
import { isPolicyFileRef } from '../policy/document.js';
import { policyFor } from '../policy/registry.js';
import { parseInstant } from '../time/instant.js';
import { UsageError } from './errors.js';
import { settingsPolicy } from './policy.js';

export const USAGE = `Usage: courier-claims <command> [options]

Commands:
  quote [FILE|-]          quote one claim (a JSON object, a fixture file, or an array of claims for
                          quoteBatch with batch caps); FILE or - for stdin (default)
  batch [FILE|-]          NDJSON in, NDJSON out in the same order: one quote or one
                          {"line": n, "error": {code, issues}} per input line (blank or over 4 MiB
                          too); exit 1 if any line was invalid
  test [DIR|FILES...]     run fixtures (default: fixtures/), print failures and "N passed, N failed"
  schema [claim|policy]   the JSON Schema of a claim (default) or of a policy document
  policies                the built-in policies with their versions, effective dates and sources
  policy check FILE       every problem of a policy file at once (exit 1), or its version table
  policy show ID|FILE     a policy as a JSON document that --policy FILE.json loads back
  compare [FILE|-]        one claim under several policies side by side (--policy A --policy B …;
                          default: every customer-facing policy in force at posting)
  calendar YEAR           the year's days off and swapped working days, and whether they come from
                          the published holiday notice or, provisionally, from the statutory holidays
  serve                   the HTTP endpoint (POST /v1/quote, /v1/compare, /v1/batch; GET /v1/policies,
                          /v1/schema/claim, /openapi.json, /healthz, /) until SIGTERM or SIGINT

Options:
  --policy ID|FILE.json   policy to quote under (default cn-express, the law for express companies;
                          cn-postal for postal mail; cn-gbt27917-2011 for the 2013 course's reading;
                          sf-express, zto for carrier terms), or a policy file (a value ending in .json
                          or holding a /); compare takes it more than once
  --as-of ISO             the moment claims are judged at (default: now, to the second)
  --format json|text      output of quote, compare, policies, policy check and calendar (default text)
  --full                  with policies --format json: every policy's whole JSON document
  --lang en|zh-CN         language of text output (default en)
  --port N                serve: the TCP port (default 8080; 0 for any free port)
  --host ADDRESS          serve: the address to listen on (default 127.0.0.1, this machine only)
  --holidays FILE         holiday notices to add to the calendar (JSON, docs/calendars.md), e.g. next
                          year's as soon as it is published; a year they cover is no longer provisional
  -h, --help              this help
  --version               the version of courier-claims

Exit codes: 0 ok, 1 a claim or policy file was invalid or a fixture failed, 2 usage error.
`;

export interface Options {
  command: string;
  positionals: string[];
  /** `--policy`, when given (the first, for the commands that take one). */
  policy?: string;
  /** Every `--policy` given, in order (compare takes several). */
  policies?: string[];
  /** `--as-of`, when given. */
  asOf?: string;
  /** The clock reading `--as-of` defaults to, taken once per run, to the second (ISO, UTC). */
  now: string;
  format: 'json' | 'text';
  lang: Lang;
  /** `--full` (policies). */
  full: boolean;
  help: boolean;
  /** `--holidays FILE`, when given. */
  holidays?: string;
  /** The notices read from the `--holidays` file (see loadHolidays). */
  notices?: HolidayNotice[];
  /** `--port` (serve). */
  port: number;
  /** `--host` (serve). */
  host: string;
}

/** The ids of the built-in policies claims are quoted under (all but the complaints policy). */
export const CLAIMS_POLICIES: readonly PolicyId[] = policies.filter((p) => p.kind !== 'complaints').map((p) => p.id);

/** Whether `id` names a built-in policy claims are quoted under. */
export const isClaimsPolicy = (id: string): id is PolicyId => (CLAIMS_POLICIES as readonly string[]).includes(id);

/** Which options each command takes; any other is a usage error. Every command that counts working days takes --holidays. */
const ACCEPTS: Record<string, readonly string[]> = {
  quote: ['policy', 'as-of', 'format', 'lang', 'holidays'],
  compare: ['policy', 'as-of', 'format', 'lang', 'holidays'],
  batch: ['policy', 'as-of', 'holidays'],
  test: ['lang', 'holidays'],
  calendar: ['format', 'holidays'],
  schema: [],
  policies: ['format', 'full'],
  policy: ['format'],
  serve: ['policy', 'port', 'host', 'holidays'],
};

/** How many arguments each command takes after its name, and what they must be. */
function checkArguments(command: string, rest: readonly string[]): void {
  if (command === 'policies' && rest.length) throw new UsageError('policies takes no arguments');
  if (command === 'schema' && (rest.length > 1 || (rest[0] !== undefined && rest[0] !== 'claim' && rest[0] !== 'policy'))) {
    throw new UsageError('schema takes claim (the default) or policy');
  }
  if ((command === 'quote' || command === 'batch' || command === 'compare') && rest.length > 1) throw new UsageError(`${command} takes one FILE (or - for stdin)`);
  if (command === 'serve' && rest.length) throw new UsageError('serve takes no arguments');
  if (command === 'calendar' && (rest.length !== 1 || !/^\d{4}$/.test(rest[0] as string))) throw new UsageError('calendar takes one YEAR (e.g. 2027)');
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
  if (values.version) return { ...defaults(now), command: 'version', help: false };
  if (!command) throw new UsageError('a command is required');
  const accepts = ACCEPTS[command];
  if (!accepts) throw new UsageError(`unknown command "${command}"`);
  for (const name of Object.keys(values)) {
    if (!accepts.includes(name)) throw new UsageError(`${command} takes no --${name}`);
  }
  checkArguments(command, rest);
  if (values.full && values.format !== 'json') throw new UsageError('--full needs --format json');
  const named = values.policy ?? [];
  if (named.length > 1 && command !== 'compare') throw new UsageError(`${command} takes one --policy (compare takes several)`);
  for (const policy of named) {
    if (!isPolicyFileRef(policy) && !isClaimsPolicy(policy)) {
      throw new UsageError(`unknown policy "${policy}"; built-in: ${CLAIMS_POLICIES.join(', ')}`);
    }
  }
  const policy = named[0];
  const asOf = values['as-of'];
  if (asOf !== undefined && parseInstant(asOf, 'UTC') === undefined) {
    throw new UsageError(`--as-of must be an ISO 8601 date or date-time (got "${asOf}")`);
  }
  return {
    command,
    positionals: rest,
    ...(policy !== undefined && { policy, policies: named }),
    ...(asOf !== undefined && { asOf }),
    now: toTheSecond(now),
    format: oneOf('format', values.format, ['json', 'text'], 'text'),
    lang: oneOf('lang', values.lang, ['en', 'zh-CN'], 'en'),
    full: values.full ?? false,
    help: false,
    ...(values.holidays !== undefined && { holidays: values.holidays }),
    port: portOf(values.port),
    host: values.host ?? DEFAULT_HOST,
  };
}

const DEFAULT_PORT = 8080;
/** Loopback only unless asked: the endpoint has no authentication. */
const DEFAULT_HOST = '127.0.0.1';

function portOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(port <= 65535)) throw new UsageError(`--port must be a TCP port, 0 to 65535 (got "${value}")`);
  return port;
}

const OPTIONS = {
  policy: { type: 'string', multiple: true },
  'as-of': { type: 'string' },
  format: { type: 'string' },
  lang: { type: 'string' },
  holidays: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  full: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

function defaults(now: Date): Omit<Options, 'command' | 'help'> {
  return { positionals: [], now: toTheSecond(now), format: 'text', lang: 'en', full: false, port: DEFAULT_PORT, host: DEFAULT_HOST };
}

/** An instant as ISO text in UTC without its milliseconds, so that runs within the same second judge alike. */
export const toTheSecond = (now: Date) => now.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * How the claims of a run are quoted, as plain data that a batch worker can be sent: the calendar travels as
 * its notices, a policy read from a file as its document; `defaultedAsOf` is the instant `--as-of` defaulted
 * to when it was not given (for messages).
 */
export interface QuoteSettings {
  policy?: string | PolicyDocument;
  asOf: string;
  notices?: HolidayNotice[];
  defaultedAsOf?: string;
}

/**
 * The quote settings of a run: `--policy` (else `fallback.policy`, a fixture's, whose policy file is read
 * relative to `base`; else the default), `--as-of` (else `fallback.asOf`, else now), and the `--holidays`
 * notices. A policy file is read and checked here: a bad one is an InputError naming it.
 */
export function quoteSettingsOf(options: Options, fallback: { policy?: unknown; asOf?: unknown } = {}, base = '.'): QuoteSettings {
  const policy =
    options.policy !== undefined
      ? settingsPolicy(options.policy)
      : typeof fallback.policy === 'string'
        ? settingsPolicy(fallback.policy, base)
        : undefined;
  const asOf = options.asOf ?? (typeof fallback.asOf === 'string' ? fallback.asOf : undefined);
  return {
    ...(policy !== undefined && { policy }),
    asOf: asOf ?? options.now,
    ...(options.notices && { notices: options.notices }),
    ...(asOf === undefined && { defaultedAsOf: options.now }),
  };
}

/** The working-day calendar of a run: `calendars.cn` with the `--holidays` notices added. */
export function calendarWith(notices: readonly HolidayNotice[] | undefined) {
  return notices ? calendars.cn.withNotices(notices) : calendars.cn;
}

/** How a run quotes: the library's options for its settings, and the instant `--as-of` defaulted to, if it did. */
export interface Quoting {
  options: QuoteOptions;
  defaultedAsOf?: string;
}

export function quoting(settings: QuoteSettings): Quoting {
  const { notices, defaultedAsOf, policy, ...rest } = settings;
  const options: QuoteOptions = { ...rest, ...(policy !== undefined && { policy: typeof policy === 'string' ? policyFor(policy) : loadPolicy(policy) }) };
  return {
    options: notices ? { ...options, calendar: calendarWith(notices) } : options,
    ...(defaultedAsOf !== undefined && { defaultedAsOf }),
  };
}
