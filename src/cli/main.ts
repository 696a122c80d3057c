/// <reference types="node" />
/**
 * The `courier-claims` command (docs/cli.md). The only part of the package with I/O or a clock: it reads
 * files and stdin, takes "now" once and passes it to the core as `asOf`, and prints.
 */
import { batchCommand } from './batch.js';
import { describeError, InputError, isLibraryError, UsageError } from './errors.js';
import { calendarCommand } from './calendar.js';
import { compareCommand } from './compare.js';
import { loadHolidays } from './holidays.js';
import { policiesCommand, schemaCommand, versionCommand } from './info.js';
import { inputName } from './io.js';
import { type Options, parseOptions, USAGE } from './options.js';
import { policyCommand } from './policy.js';
import { quoteCommand } from './quote.js';
import { serveCommand } from './serve.js';
import { testCommand } from './test.js';

const COMMANDS: Record<string, (options: Options) => Promise<number>> = {
  quote: quoteCommand,
  compare: compareCommand,
  batch: batchCommand,
  test: testCommand,
  schema: schemaCommand,
  policies: policiesCommand,
  calendar: calendarCommand,
  version: versionCommand,
  policy: policyCommand,
  serve: serveCommand,
};

export { createServer, type ServeOptions, shutdown } from './serve.js';

/**
 * Runs the command line `argv` (without node and script) and resolves to the exit code: 0 ok, 1 invalid
 * input or a failed fixture, 2 usage error. User errors are printed as messages, never as stack traces.
 *
 * @example
 * import { run } from 'courier-claims/cli';
 * process.exitCode = await run(['quote', 'claim.json', '--lang', 'zh-CN']);
 */
export async function run(argv: readonly string[], now: Date = new Date()): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(argv, now);
    if (options.holidays !== undefined) options.notices = await loadHolidays(options.holidays);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`courier-claims: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  try {
    return await (COMMANDS[options.command] as (o: Options) => Promise<number>)(options);
  } catch (error) {
    if (error instanceof InputError) process.stderr.write(`courier-claims: ${error.message}\n`);
    else if (isLibraryError(error)) process.stderr.write(`courier-claims: ${describeError(error, inputName(options.positionals[0]))}\n`);
    else throw error;
    return 1;
  }
}
