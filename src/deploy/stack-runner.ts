import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { changesDigest, type PlannedChange, plannedChanges } from "./plan-changes";
import { startTerraform, type TerraformProcess, type TerraformResult } from "./terraform-process";

export interface StackRunnerOptions {
  /** cdktf.out: the stacks are cdktf.out/stacks/<stack>. */
  readonly outdir: string;
  /** Where plans are written (plan) or read (apply): <stack>.tfplan, .changes.json, .txt, .exit. */
  readonly plansDir: string;
  /** terraform's environment: TF_INPUT=0 and TF_IN_AUTOMATION=1 are added. */
  readonly env: NodeJS.ProcessEnv;
  /** How long a locking command waits for another's state lock (-lock-timeout). */
  readonly lockTimeout: string;
  /** The committed .terraform.lock.hcl: copied into each stack and `init -lockfile=readonly` refuses to change it. */
  readonly lockFile?: string;
  /** Plans without refreshing (pull requests: no read of every record, within the DNSimple hour). */
  readonly refresh: boolean;
  /** false: plans take no state lock (-lock=false), for the drift check's read-only identity, which cannot write it. */
  readonly lock?: boolean;
  /** One line of progress or of terraform's output, for stderr. */
  readonly log: (line: string) => void;
}

/** What a plan of one stack is, as the plan job records it (plans/<stack>.changes.json). */
export interface StackPlanRecord {
  readonly stack: string;
  /** sha256 of the saved plan file: the apply uses exactly that file. */
  readonly planFileSha256: string;
  readonly changesDigest: string;
  readonly changes: readonly PlannedChange[];
}

/** A stack that could not be applied; `interrupted` when a stop (deadline, cancel) ended it, which a resume picks up. */
export class StackFailure extends Error {
  constructor(message: string, readonly interrupted = false) {
    super(message);
  }
}

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/**
 * Runs terraform for one stack at a time per call — init, plan to a file, apply a plan file — each command its own
 * process in its own process group, never started once `stop` has been called. `stop` forwards one signal to every
 * terraform still running and waits for each to release its lock.
 */
export class StackRunner {
  private readonly running = new Set<TerraformProcess>();
  private stopped = false;

  constructor(private readonly options: StackRunnerOptions) {}

  get isStopped(): boolean {
    return this.stopped;
  }

  stackDir(stack: string): string {
    return join(this.options.outdir, "stacks", stack);
  }

  planFile(stack: string, suffix = ""): string {
    return resolve(this.options.plansDir, `${stack}${suffix}.tfplan`);
  }

  async stop(signal: "SIGINT" | "SIGTERM", graceMs: number): Promise<boolean> {
    this.stopped = true;
    const exited = await Promise.all([...this.running].map((run) => run.interrupt(signal, graceMs)));
    return exited.every(Boolean);
  }

  /** Runs one terraform command in the stack's folder; throws StackFailure when stopped before it starts. */
  async terraform(stack: string, args: readonly string[], echo = true): Promise<TerraformResult> {
    if (this.stopped) throw new StackFailure(`${stack}: not started, the deploy is stopping`, true);
    const env = { ...this.options.env, TF_INPUT: "0", TF_IN_AUTOMATION: "1" };
    const run = startTerraform(args, this.stackDir(stack), env, echo ? (line) => this.options.log(`  ${stack} | ${line}`) : undefined);
    this.running.add(run);
    try {
      return await run.done;
    } finally {
      this.running.delete(run);
    }
  }

  private async must(stack: string, args: readonly string[], what: string, echo = true): Promise<TerraformResult> {
    const result = await this.terraform(stack, args, echo);
    if (result.code !== 0) throw new StackFailure(`${stack}: terraform ${what} failed (${result.signal ? `ended by ${result.signal}` : `exit ${result.code}`})`);
    return result;
  }

  async init(stack: string): Promise<void> {
    const { lockFile, lockTimeout } = this.options;
    if (lockFile) copyFileSync(lockFile, join(this.stackDir(stack), ".terraform.lock.hcl"));
    await this.must(stack, ["init", "-input=false", "-no-color", `-lock-timeout=${lockTimeout}`, ...(lockFile ? ["-lockfile=readonly"] : [])], "init");
  }

  /** `terraform plan -out`, then what it changes read back from `terraform show -json`. */
  async plan(stack: string, suffix = ""): Promise<StackPlanRecord & { readonly text: string; readonly exitCode: number }> {
    const file = this.planFile(stack, suffix);
    const planned = await this.terraform(stack, ["plan", "-input=false", "-no-color", this.options.lock === false ? "-lock=false" : `-lock-timeout=${this.options.lockTimeout}`, "-detailed-exitcode", ...(this.options.refresh ? [] : ["-refresh=false"]), `-out=${file}`]);
    if (planned.code !== 0 && planned.code !== 2) return { stack, planFileSha256: "", changesDigest: "", changes: [], text: planned.output, exitCode: planned.code ?? 1 };
    const changes = plannedChanges((await this.must(stack, ["show", "-json", file], "show -json", false)).output);
    const text = (await this.must(stack, ["show", "-no-color", file], "show", false)).output;
    return { stack, planFileSha256: sha256(file), changesDigest: changesDigest(changes), changes, text, exitCode: planned.code };
  }

  /** Records a plan for the workflows (plan-comment.ts render reads .txt and .exit) and for the apply. */
  record(plan: StackPlanRecord & { readonly text: string; readonly exitCode: number }): void {
    const base = join(this.options.plansDir, plan.stack);
    writeFileSync(`${base}.txt`, plan.text);
    writeFileSync(`${base}.exit`, `${plan.exitCode}\n`);
    if (plan.planFileSha256) writeFileSync(`${base}.changes.json`, `${JSON.stringify({ stack: plan.stack, planFileSha256: plan.planFileSha256, changesDigest: plan.changesDigest, changes: plan.changes }, null, 2)}\n`);
  }

  /** The approved plan of a stack, checked against its plan file's bytes. */
  approved(stack: string): StackPlanRecord {
    const file = join(this.options.plansDir, `${stack}.changes.json`);
    if (!existsSync(file) || !existsSync(this.planFile(stack))) throw new StackFailure(`${stack}: no approved plan in ${this.options.plansDir} (the plan job's artifact): plan it first`);
    const record = JSON.parse(readFileSync(file, "utf8")) as StackPlanRecord;
    if (sha256(this.planFile(stack)) !== record.planFileSha256) throw new StackFailure(`${stack}: its plan file is not the one that was reviewed (sha256 differs): plan again`);
    return record;
  }

  /** `terraform apply <planfile>`: Terraform refuses a plan whose state has changed since ("Saved plan is stale"). */
  apply(stack: string, planFile: string): Promise<TerraformResult> {
    return this.terraform(stack, ["apply", "-input=false", "-no-color", `-lock-timeout=${this.options.lockTimeout}`, planFile]);
  }
}
