// src/dec.ts as it was before the library had its own decimal: decimal.js with 40 significant digits and
// half-up rounding. bench/money.mjs builds the library a second time with this module in place of
// src/dec.ts, to measure both alike. Dec's API is the subset of decimal.js the library calls.
import { Decimal } from 'decimal.js';

export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
