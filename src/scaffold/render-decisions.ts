import { DECISION_KINDS, type Decision, type DecisionKind } from "./decision";

const KINDS = Object.keys(DECISION_KINDS) as DecisionKind[];

function byKind(decisions: readonly Decision[]): [DecisionKind, Decision[]][] {
  return KINDS.map((kind) => [kind, decisions.filter((decision) => decision.kind === kind)] as [DecisionKind, Decision[]]).filter(([, list]) => list.length > 0);
}

/** "12 slugs" style counts, in the order of DECISION_KINDS. */
export function decisionCounts(decisions: readonly Decision[]): [string, number][] {
  return byKind(decisions).map(([kind, list]) => [DECISION_KINDS[kind].title, list.length]);
}

/**
 * DECISIONS.md: every decision of the scaffold with its rule and its reason, as a checklist the province's IT
 * department ticks off in a pull request. Those that name what a deploy cannot rename come first.
 */
export function renderDecisions(name: string, folder: string, origin: string, decisions: readonly Decision[]): string {
  const section = (firstDeploy: boolean) =>
    byKind(decisions)
      .filter(([kind]) => DECISION_KINDS[kind].firstDeploy === firstDeploy)
      .flatMap(([kind, list]) => [
        `### ${DECISION_KINDS[kind].title} (${list.length})`,
        "",
        `Rule: ${DECISION_KINDS[kind].rule}.`,
        "",
        ...list.map((decision) => `- [ ] ${decision.subject}: \`${decision.value}\` (${decision.where}) — ${decision.reason}`),
        "",
      ]);
  return [
    `# Decisions to confirm: ${name}`,
    "",
    `\`npm run new-province -- ${folder}\` scaffolded this folder ${origin}. Where the data leaves a choice open, it`,
    "chose by the rule stated under each heading and wrote the choice into the config, marked \"to confirm\": none of",
    "these is known to be the province's own. Tick each one the province confirms, or correct the config and tick it.",
    "The values marked PLACEHOLDER in settings.yaml (projects, DNSimple account, state buckets, existing zones, DKIM",
    "keys, portal admin groups, legacy tenants) are to be filled in as well, and each environment's",
    "organizationPolicies confirmed with the Google Cloud organization's administrators (README, \"Organization policies\").",
    "",
    `Counts: ${decisionCounts(decisions).map(([title, count]) => `${title.toLowerCase()} ${count}`).join("; ")}.`,
    "",
    "## Before the first deploy",
    "",
    "Domains, bucket names and stacks: a deploy cannot change them later without replacing zones, buckets or state.",
    "",
    ...section(true),
    "## Before go-live",
    "",
    "Where old domains redirect and old mail goes: these can change after the first deploy.",
    "",
    ...section(false),
  ].join("\n").trimEnd() + "\n";
}

/** The summary the command prints: counts per kind, then the decisions to confirm before the first deploy. */
export function renderSummary(decisions: readonly Decision[]): string {
  const width = Math.max(...decisionCounts(decisions).map(([title]) => title.length));
  const first = byKind(decisions).filter(([kind]) => DECISION_KINDS[kind].firstDeploy);
  return [
    "decisions (each marked \"to confirm\" in the config; DECISIONS.md gives every rule and reason):",
    ...decisionCounts(decisions).map(([title, count]) => `  ${title.padEnd(width)}  ${count}`),
    "",
    "confirm before the first deploy:",
    ...first.flatMap(([kind, list]) => [`  ${DECISION_KINDS[kind].title}:`, ...list.map((decision) => `    ${decision.subject}: ${decision.value}`)]),
  ].join("\n") + "\n";
}
