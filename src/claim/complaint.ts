import { z } from 'zod';
import { ClaimInputError } from '../errors.js';
import { type EpochMs, parseInstant } from '../time/instant.js';
import { issuesOf } from './normalize.js';

const complaintKinds = ['attitude', 'delay', 'damage', 'shortage', 'loss'] as const;
export type ComplaintKind = (typeof complaintKinds)[number];

const complaintSchema = z.strictObject({
  kind: z.enum(complaintKinds),
  receivedAt: z
    .string()
    .describe('ISO 8601 date-time; without an offset it is read in the policy zone (default Asia/Shanghai)')
    .refine((text) => parseInstant(text, 'UTC') !== undefined, 'not an ISO 8601 date-time (e.g. 2026-03-02T10:00:00+08:00)'),
  complexity: z.enum(['simple', 'complex']).optional(),
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
  const parsed = complaintSchema.safeParse(raw);
  if (!parsed.success) throw new ClaimInputError(issuesOf(parsed.error, raw));
  const { kind, complexity, receivedAt } = parsed.data;
  return { kind, ...(complexity && { complexity }), receivedAt: parseInstant(receivedAt, zone) as EpochMs };
}
