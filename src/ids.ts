import type { MessageKey } from './explain/messages.js';
import type { ParamKey } from './policy/params.js';

/** The rule a parameter belongs to: `T-1` of `T-1.domestic`, `E-1` of `E-1`. */
type RuleOf<K extends string> = K extends `${infer Rule}.${string}` ? Rule : K;

/** A deadline's ID (`T-1`, `D-1`…`D-7`, `P-8`, `K-1`…`K-5`): the catalogue names each in every language. */
export type DeadlineId = MessageKey<'deadlines'>;

/**
 * A rule ID as a line, an exemption, a deadline, a batch cap or a settlement carries it: the rule of a policy
 * parameter (`X-2`, `E-3`, `P-incidents`…), or a deadline (D-4 and D-5 count T-3 and T-2). `C-precedence`
 * orders the classification rules and is none.
 */
export type RuleId = Exclude<RuleOf<ParamKey>, 'C-precedence'> | DeadlineId;

/** A parameter that is a rule itself (it switches the rule on and carries its citation): what a line is written under. */
export type RuleParam = Extract<ParamKey, RuleId>;
