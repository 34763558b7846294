import { type RolloutBatch, type RolloutPlan, totalHours } from "./plan-rollout";

export interface RolloutContext {
  /** The province's folder name, which prefixes its stacks' names. */
  readonly provinceId: string;
  readonly provinceName: string;
  readonly environment: string;
  /** The settings file, as the user reaches it (config/<province>/settings.yaml). */
  readonly settingsFile: string;
}

/** "1:05": hours and minutes, rounded up to the minute. */
export function hoursAndMinutes(hours: number): string {
  const minutes = Math.ceil(hours * 60 - 1e-9);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
}

/** "communes 0, 3, 7; gateway": the stacks without the province's prefix, numbered ones grouped by kind. */
export function stackList(stacks: readonly string[], provinceId: string): string {
  const groups = new Map<string, string[]>();
  for (const stack of stacks) {
    const name = stack.startsWith(`${provinceId}-`) ? stack.slice(provinceId.length + 1) : stack;
    const [, kind, number] = /^(.*)-(\d+)$/.exec(name) ?? [undefined, name, undefined];
    const group = groups.get(kind!) ?? [];
    if (number !== undefined) group.push(number);
    groups.set(kind!, group);
  }
  return [...groups].map(([kind, numbers]) => (numbers.length > 0 ? `${kind} ${numbers.join(", ")}` : kind)).join("; ");
}

function waitLine(index: number, context: RolloutContext): string {
  const before = index === 0 ? "the start" : `batch ${index}`;
  const what = `once ${before} is applied, run \`npm run rollout-plan -- --addresses\` and paste what it prints under environments.${context.environment === "offline" ? "<env>" : context.environment} in ${context.settingsFile}, then synthesize again`;
  const offline = context.environment === "offline" ? " (ENV=offline is never deployed: this is where staging and production wait)" : "";
  return `  … the stacks from batch ${index + 1} on wait for the gateway's addresses${offline}: ${what}`;
}

/** The plan as a table for people: one row per batch, the wait for the gateway's addresses where it falls. */
export function formatRolloutPlan(plan: RolloutPlan, context: RolloutContext): string {
  const stackCount = plan.batches.reduce((sum, batch) => sum + batch.stacks.length, 0);
  const header =
    `${context.provinceName} (ENV=${context.environment}): ${stackCount} stacks in ${plan.batches.length} batches, at least ${hoursAndMinutes(totalHours(plan))} (h:mm).\n` +
    `DNSimple allows ${plan.hourlyLimit} API requests an hour (dnsimple.hourlyRequestLimit), shared by staging, production and every province of the account: run one deploy at a time.\n\n`;
  const row = (batch: RolloutBatch, index: number) => [
    String(index + 1),
    stackList(batch.stacks, context.provinceId),
    String(batch.dnsimpleRequests),
    String(batch.googleWrites),
    hoursAndMinutes(batch.earliestStartHours),
    hoursAndMinutes(batch.earliestStartHours + batch.hours),
  ];
  const rows = [["batch", "stacks", "DNSimple requests", "Google writes", "earliest start", "total hours"], ...plan.batches.map(row)];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((cells) => cells[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]))).join("  ").trimEnd();
  const firstWaiting = plan.batches.findIndex((batch) => batch.waitsForGatewayAddresses);
  const lines = [line(rows[0])];
  plan.batches.forEach((_, index) => {
    if (index === firstWaiting) lines.push(waitLine(index, context));
    lines.push(line(rows[index + 1]));
  });
  return `${header}${lines.join("\n")}\n`;
}
