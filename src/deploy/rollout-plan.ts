import { z } from "zod";

/**
 * The batches `npm run rollout-plan -- --json` prints: every stack once, in dependency order, each batch's
 * DNSimple requests within the account's hourly limit. The deploy applies one batch at a time.
 */
const RolloutPlanSchema = z.strictObject({
  hourlyLimit: z.number().int().positive(),
  batches: z
    .array(
      z.object({
        stacks: z.array(z.string().regex(/^[a-z0-9-]+$/, "a stack name")).min(1),
        dnsimpleRequests: z.number().int().nonnegative(),
        googleWrites: z.number().int().nonnegative(),
        earliestStartHours: z.number().nonnegative(),
      }),
    )
    .min(1),
});

export type RolloutPlan = z.infer<typeof RolloutPlanSchema>;
export type Batch = RolloutPlan["batches"][number];

/** A rollout plan that cannot be followed: every problem, each naming the file. */
export class RolloutPlanError extends Error {}

/** Reads the rollout plan's JSON; every problem named, the file first. */
export function parseRolloutPlan(text: string, file: string): RolloutPlan {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RolloutPlanError(`${file}: not JSON (${(error as Error).message})\n  fix: write it with npm run --silent rollout-plan -- --json > ${file}`);
  }
  const parsed = RolloutPlanSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${file}: ${issue.path.join(".") || "(top)"}: ${issue.message}`);
    throw new RolloutPlanError(`${problems.join("\n")}\n  fix: write it with npm run --silent rollout-plan -- --json > ${file}`);
  }
  const seen = new Map<string, number>();
  const repeated: string[] = [];
  parsed.data.batches.forEach((batch, index) => {
    for (const stack of batch.stacks) {
      if (seen.has(stack)) repeated.push(`${file}: ${stack} is in batch ${seen.get(stack)! + 1} and batch ${index + 1}`);
      seen.set(stack, index);
    }
  });
  if (repeated.length > 0) throw new RolloutPlanError(`${repeated.join("\n")}\n  fix: a rollout plan lists every stack once`);
  return parsed.data;
}
