import { readFile } from 'node:fs/promises';
import { calendars, type HolidayNotice, PolicyError } from '../index.js';
import { UsageError } from './errors.js';
import { fileProblem } from './io.js';

/**
 * A notice issue's path as the file has it: `[1].holidays.0` in an array of notices, `holidays.0` in a single
 * notice (the calendar numbers the file's notices after its own).
 */
function pathInFile(path: readonly string[], single: boolean): string {
  const [, index, ...rest] = path;
  const where = rest.join('.');
  if (single) return where || '(the notice)';
  return `[${Number(index) - calendars.cn.notices.length}]${where ? `.${where}` : ''}`;
}

/**
 * `--holidays FILE`: one holiday notice, or an array of them, as JSON (docs/calendars.md), checked as
 * `calendars.cn.withNotices` checks them. A file that cannot be read, is not JSON or holds a bad notice is a
 * UsageError naming the file and every problem.
 */
export async function loadHolidays(file: string): Promise<HolidayNotice[]> {
  const problem = (what: string) => new UsageError(`--holidays ${file}: ${what}`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const words = fileProblem(error);
    throw words === undefined ? error : problem(`cannot read it: ${words}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw problem(`not valid JSON: ${(error as Error).message}`);
  }
  const single = !Array.isArray(json);
  const notices = (single ? [json] : json) as HolidayNotice[];
  try {
    calendars.cn.withNotices(notices);
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    throw problem(error.issues.map((i) => `${pathInFile(i.path, single)}: ${i.message}`).join('; '));
  }
  return notices;
}
