import { RULES } from "./rules";
import type { PolicyRule } from "./rules/rule";

/**
 * Every resource type the stacks may declare: those some rule judges (each rule's `judges`, src/policy/rules/). A
 * type no rule judges fails the policy pack (policy-pack.ts): a new kind of resource — an IAM policy, an ACL, a
 * grant on another level — must be judged before it can pass every rule unread.
 */
export const JUDGED_TYPES: ReadonlySet<string> = new Set(Object.values(RULES).flatMap((rule) => rule.judges));

/**
 * What the pack reports for a type no rule judges. Not a rule of RULES: its id is no rule id, so no suppression
 * can waive it (settings.yaml takes only ids such as DNS-009).
 */
export const UNLISTED_TYPE: PolicyRule = {
  id: "POLICY",
  requires: "every resource type the stacks declare is judged by the policy pack's rules",
  fix: "add the type to `judges` of the rules that read it in src/policy/rules/ (write the rule it needs first)",
};
