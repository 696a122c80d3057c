import { en } from 'zod/locales';
import * as z from 'zod/mini';

/**
 * zod's English messages ("Invalid input: expected string, received number"). zod/mini loads no locale;
 * they are passed with each parse rather than set in zod's global configuration, so that an application's
 * own zod configuration neither changes the messages of this library nor is changed by it.
 */
const ENGLISH = /* @__PURE__ */ (() => ({ error: en().localeError }))();

/** `schema.safeParse(value)` with zod's English messages. */
export function safeParse<T extends z.core.$ZodType>(schema: T, value: unknown) {
  return z.safeParse(schema, value, ENGLISH);
}
