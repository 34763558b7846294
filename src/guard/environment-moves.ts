/**
 * What only a staging or production synth shows and a resource comparison misses: where each stack keeps its
 * state (the backend), which project and account its providers write to, and its variables. A stack whose state
 * bucket changes starts, at its next `terraform init`, from an empty state: the deploy would create every zone and
 * bucket again and orphan the old state. Such a move is refused unless the settings declare it (stateMigrations).
 */
export interface StackFrame {
  readonly terraform?: { readonly backend?: Record<string, Record<string, unknown>> };
  readonly provider?: Record<string, readonly Record<string, unknown>[]>;
  readonly variable?: Record<string, unknown>;
}

export interface EnvironmentMove {
  readonly stack: string;
  /** "state", "google project" or "dnsimple account". */
  readonly what: string;
  readonly from: string;
  readonly to: string;
  /** The values a stateMigrations entry names (bucket, project or account). */
  readonly fromValue: string;
  readonly toValue: string;
}

export interface EnvironmentChanges {
  /** Moves the settings do not declare: the guard blocks them. */
  readonly moves: readonly EnvironmentMove[];
  readonly declared: readonly (EnvironmentMove & { readonly reason: string })[];
  /** Variables added or removed, per stack: listed, not blocked. */
  readonly variables: readonly string[];
}

const gcs = (frame?: StackFrame) => frame?.terraform?.backend?.gcs as { bucket?: string; prefix?: string } | undefined;
const providerValue = (frame: StackFrame | undefined, provider: string, key: string) => frame?.provider?.[provider]?.[0]?.[key] as string | undefined;

/**
 * The environment-level differences between two syntheses of a province for one environment, stack by stack (only
 * stacks in both: an added or removed stack is the resource comparison's business).
 */
export function environmentChanges(
  before: ReadonlyMap<string, StackFrame>,
  after: ReadonlyMap<string, StackFrame>,
  environment: string,
  migrations: readonly { environment: string; from: string; to: string; reason: string }[],
): EnvironmentChanges {
  const moves: EnvironmentMove[] = [];
  const variables: string[] = [];
  for (const [stack, now] of after) {
    const was = before.get(stack);
    if (!was) continue;
    const [oldState, newState] = [gcs(was), gcs(now)];
    if (oldState && (oldState.bucket !== newState?.bucket || oldState.prefix !== newState?.prefix)) {
      const where = (state?: { bucket?: string; prefix?: string }) => (state ? `gs://${state.bucket}/${state.prefix}` : "a local file");
      moves.push({ stack, what: "state", from: where(oldState), to: where(newState), fromValue: String(oldState.bucket), toValue: String(newState?.bucket ?? "local") });
    }
    for (const [provider, key, what] of [["google", "project", "google project"], ["dnsimple", "account", "dnsimple account"]] as const) {
      const [from, to] = [providerValue(was, provider, key), providerValue(now, provider, key)];
      if (from !== undefined && to !== undefined && from !== to) moves.push({ stack, what, from, to, fromValue: from, toValue: to });
    }
    const [oldVariables, newVariables] = [Object.keys(was.variable ?? {}), Object.keys(now.variable ?? {})];
    for (const name of newVariables.filter((variable) => !oldVariables.includes(variable))) variables.push(`${stack}: variable ${name} added`);
    for (const name of oldVariables.filter((variable) => !newVariables.includes(variable))) variables.push(`${stack}: variable ${name} removed`);
  }
  const declaration = (move: EnvironmentMove) => migrations.find((entry) => entry.environment === environment && entry.from === move.fromValue && entry.to === move.toValue);
  return {
    moves: moves.filter((move) => !declaration(move)),
    declared: moves.filter((move) => declaration(move)).map((move) => ({ ...move, reason: declaration(move)!.reason })),
    variables,
  };
}

/**
 * The guard's lines for them: each move, and for a state move the exact steps that carry the state over
 * (terraform init -migrate-state, from the old backend's initialised folder to the new configuration).
 */
export function formatEnvironmentChanges(changes: EnvironmentChanges, context: { ref: string; province: string; environment: string; settingsFile: string }): string[] {
  const lines = [...changes.variables, ...changes.declared.map((move) => `declared move: ${move.stack}: ${move.what} ${move.from} → ${move.to} — ${move.reason}`)];
  if (changes.moves.length === 0) return lines;
  lines.push("", `guard: BLOCKED — ${changes.moves.length} stack${changes.moves.length === 1 ? "" : "s"} would move to another state, project or account (ENV=${context.environment}):`);
  for (const move of changes.moves) {
    lines.push(`  ${move.stack}: ${move.what} ${move.from} → ${move.to}${move.what === "state" ? ": terraform init would start from an empty state and create everything again, orphaning the old state" : ": every resource would be created again there"}`);
  }
  const pairs = [...new Map(changes.moves.map((move) => [`${move.fromValue}→${move.toValue}`, move])).values()];
  lines.push(
    "",
    `fix: restore the value in the settings; or, when the move is intended, move first, then declare it in ${context.settingsFile}:`,
    "  stateMigrations:",
    ...pairs.map((move) => `    - { environment: ${context.environment}, from: "${move.fromValue}", to: "${move.toValue}", reason: "<why it moves>" }`),
  );
  const stateMoves = changes.moves.filter((move) => move.what === "state");
  if (stateMoves.length > 0) {
    const env = `ENV=${context.environment} PROVINCE=${context.province}`;
    lines.push(
      "  moving the state, with nobody deploying, from a checkout of this change:",
      `    git worktree add ../before ${context.ref} && (cd ../before && npm ci && ${env} npm run synth)`,
      `    ${env} CDKTF_OUTDIR=cdktf.moved npm run synth`,
      ...stateMoves.flatMap((move) => [
        `    terraform -chdir=../before/cdktf.out/stacks/${move.stack} init -input=false`,
        `    cp cdktf.moved/stacks/${move.stack}/cdk.tf.json ../before/cdktf.out/stacks/${move.stack}/ && terraform -chdir=../before/cdktf.out/stacks/${move.stack} init -migrate-state -force-copy -input=false`,
      ]),
    );
  }
  return lines;
}
