import * as z from 'zod/mini';
import { ClaimInputError } from '../errors.js';
import { safeParse } from '../parse.js';
import { type EpochMs, parseInstant } from '../time/instant.js';
import { issuesOf } from './normalize.js';
import { instant } from './schema.js';

const complaintKinds = ['attitude', 'delay', 'damage', 'shortage', 'loss'] as const;
export type ComplaintKind = (typeof complaintKinds)[number];

// Pure: a bundle without complaintDeadlines leaves the schema out.
const complaintSchema = /* @__PURE__ */ z.strictObject({
  kind: z.enum(complaintKinds),
  receivedAt: instant,
  complexity: z.optional(z.enum(['simple', 'complex'])),
});

/** A complaint (docs/rules.md, Complaint deadlines): what it is about, when it was received, how complex it is. */
export type ComplaintInput = z.input<typeof complaintSchema>;

export interface ComplaintFacts {
  kind: ComplaintKind;
  complexity?: 'simple' | 'complex';
  receivedAt: EpochMs;
}

/** Validates a complaint and reads its instant in `zone`; ClaimInputError listing every issue otherwise. */
export function normalizeComplaint(raw: unknown, zone: string): ComplaintFacts {
  const parsed = safeParse(complaintSchema, raw);
  if (!parsed.success) throw new ClaimInputError(issuesOf(parsed.error, raw));
  const { kind, complexity, receivedAt } = parsed.data;
  return { kind, ...(complexity && { complexity }), receivedAt: parseInstant(receivedAt, zone) as EpochMs };
}
