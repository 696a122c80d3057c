import type { ComplaintFacts, ComplaintKind } from '../claim/complaint.js';
import type { Trace } from '../trace.js';
import { type Deadline, deadlineWriter, withWarnings } from './deadlines.js';

/** The complaint handling table (《快递运营管理》课件 任务五 投訴處理時限, docs/rules.md K-1…K-3): the handling deadline of each kind of complaint, and its level (★ simple, ★★★ and up complex). */
const HANDLING = {
  attitude: { rule: 'K-1', complexity: 'simple' },
  delay: { rule: 'K-2', complexity: 'complex' },
  damage: { rule: 'K-3', complexity: 'complex' },
  shortage: { rule: 'K-3', complexity: 'complex' },
  loss: { rule: 'K-3', complexity: 'complex' },
} as const satisfies Record<ComplaintKind, { rule: string; complexity: string }>;

/**
 * K-1…K-5 (docs/rules.md): the first answer (K-5, by complexity; the kind's level when not given), the
 * handling deadline by kind (K-1…K-3, working days) and the statutory ceiling (K-4, calendar days) where in
 * force. Where the working-day deadline falls after the ceiling (a holiday in between), the ceiling governs
 * and the working-day deadline carries the warning `after-statutory-ceiling`.
 */
export function complaintDeadlinesFor(complaint: ComplaintFacts, zone: string, trace: Trace): Deadline[] {
  const { fixed } = deadlineWriter(zone, trace);
  const { rule, complexity } = HANDLING[complaint.kind];
  const received = complaint.receivedAt;
  const answer = fixed('K-5', `K-5.${complaint.complexity ?? complexity}`, 'receivedAt', received);
  const handling = fixed(rule, rule, 'receivedAt', received);
  if (!trace.version.has('K-4')) return [answer.deadline, handling.deadline];
  const ceiling = fixed('K-4', 'K-4', 'receivedAt', received);
  const late = handling.due > ceiling.due;
  return [answer.deadline, late ? withWarnings(handling.deadline, ['after-statutory-ceiling']) : handling.deadline, ceiling.deadline];
}
