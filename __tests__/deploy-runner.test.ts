import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Clock } from "../src/deploy/budget-wait";
import { runDeploy, USAGE } from "../src/commands/deploy-command";
import { dnsimpleApi, standIn, type StandIn } from "./support/stand-in-terraform";

/**
 * The deploy runner (src/commands/deploy-command.ts, run here in-process with the environment it would get), against a
 * stand-in terraform that fails, waits or applies per stack and records every signal it receives, and a local server
 * answering DNSimple's published whoami response; what only a process shows (a signal received, the usage and exit
 * code 2) by scripts/deploy-stacks.ts in its own process, as the workflow runs it.
 */
const ROOT = join(__dirname, "..");
const SCRIPT = ["--import", "tsx", join(ROOT, "scripts", "deploy-stacks.ts")];
const ENV = (work: StandIn) => ({ ...process.env, PATH: work.path, DNSIMPLE_TOKEN: "test-token" });

const rollout = (work: StandIn, batches: string[][]) => {
  const file = join(work.root, "rollout.json");
  writeFileSync(file, JSON.stringify({ hourlyLimit: 2400, batches: batches.map((stacks) => ({ stacks, dnsimpleRequests: 100, googleWrites: 10, earliestStartHours: 0 })) }));
  return file;
};

/** A clock at the real time that records the waits instead of waiting (DNSimple's fixtures reset in 2015). */
function recordingClock(): Clock & { slept: number[] } {
  const slept: number[] = [];
  return { slept, now: () => Date.now(), sleep: async (ms) => void slept.push(ms) };
}

/** Runs the command in this process, with the stand-in first on its PATH; the local DNSimple stand-in is served meanwhile. */
async function run(work: StandIn, args: string[], clock?: Clock): Promise<{ status: number | null; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const status = await runDeploy(args, { env: ENV(work), stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), clock });
  return { status, stdout, stderr };
}

/** Runs the script in its own process without blocking this one, whose event loop serves the local DNSimple stand-in. */
function spawnRun(work: StandIn, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...SCRIPT, ...args], { cwd: ROOT, env: ENV(work) });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

describe("plan, then apply what was planned", () => {
  let work: StandIn;
  beforeEach(() => {
    work = standIn([{ name: "p-platform" }, { name: "p-communes-1", dependencies: ["p-platform"] }]);
  });
  afterEach(() => work.remove());

  it("plan writes each stack's plan file, its changes and text, and the commit it was made at", async () => {
    const planned = await run(work, ["plan", "--plans", work.plans, "--outdir", work.outdir, "--commit", "abc123", "--no-refresh"]);
    expect(planned.stderr).toContain("plan 2/2: p-communes-1: 1 resource change\n");
    expect(planned.status).toBe(0);
    expect(JSON.parse(readFileSync(join(work.plans, "approved.json"), "utf8"))).toEqual({ commit: "abc123", stacks: ["p-platform", "p-communes-1"] });
    expect(JSON.parse(readFileSync(join(work.plans, "p-platform.changes.json"), "utf8")).changes).toEqual([expect.objectContaining({ address: "google_storage_bucket.portal", actions: ["create"] })]);
    expect(readFileSync(join(work.plans, "p-platform.exit"), "utf8")).toBe("2\n");
    // Every locking command waits for a lock, bounded; the pull request's plan reads nothing it need not.
    expect(work.calls("p-platform")).toEqual(["init -input=false -no-color -lock-timeout=10m", `plan -input=false -no-color -lock-timeout=10m -detailed-exitcode -refresh=false -out=${join(work.plans, "p-platform.tfplan")}`, `show -json ${join(work.plans, "p-platform.tfplan")}`, `show -no-color ${join(work.plans, "p-platform.tfplan")}`]);
  });

  it("apply refuses plans made at another commit, and a plan file that is not the reviewed one", async () => {
    const api = await dnsimpleApi(["whoami-success.http"]);
    try {
      await run(work, ["plan", "--plans", work.plans, "--outdir", work.outdir, "--commit", "abc123"]);
      const file = rollout(work, [["p-platform", "p-communes-1"]]);
      const other = await run(work, ["apply", "--plans", work.plans, "--outdir", work.outdir, "--rollout", file, "--batch", "1", "--commit", "def456", "--dnsimple-api", api.base]);
      expect([other.status, other.stderr]).toEqual([1, "refused: the plans were made at abc123, this checkout is def456; plan again\n"]);
      writeFileSync(join(work.plans, "p-communes-1.tfplan"), "another plan");
      const swapped = await run(work, ["apply", "--plans", work.plans, "--outdir", work.outdir, "--rollout", file, "--batch", "1", "--commit", "abc123", "--dnsimple-api", api.base]);
      expect(swapped.status).toBe(1);
      expect(swapped.stderr).toContain("batch 1/1: p-communes-1 FAILED: p-communes-1: its plan file is not the one that was reviewed (sha256 differs): plan again (the other stacks go on)\n");
      expect(work.calls("p-platform")).toContain(`apply -input=false -no-color -lock-timeout=10m ${join(work.plans, "p-platform.tfplan")}`);
      expect(api.authorizations[0]).toBe("Bearer test-token");
    } finally {
      await api.close();
    }
  });
});

describe("a paced plan without the state lock (the drift check)", () => {
  let work: StandIn;
  afterEach(() => work.remove());

  it("waits for DNSimple's budget, takes no lock, and plans a stack again after the reset when its refresh met a 429", async () => {
    work = standIn([{ name: "p-platform" }, { name: "p-communes-1", dependencies: ["p-platform"], plan: ["429", "ok"] }]);
    // First an exhausted window (DNSimple's published 429, reset 12:15:41 UTC), then the whoami answer with 3,991 left.
    const api = await dnsimpleApi(["rate-limited.http", "whoami-success.http"]);
    const clock = recordingClock();
    try {
      const planned = await run(work, ["plan", "--plans", work.plans, "--outdir", work.outdir, "--stacks", "p-communes-1", "--no-lock", "--wait-for-budget", "900", "--dnsimple-api", api.base], clock);
      expect(planned.stderr).toContain("plan: needs ~900 DNSimple requests, 0 of 2,400 left: waiting until 12:15 UTC (1 min)\nplan: ~900 DNSimple requests planned, 3,991 of 4,000 left until 15:19 UTC: starting\n");
      expect(planned.stderr).toContain("plan 1/1: p-communes-1 met DNSimple's rate limit (HTTP 429): waiting until 15:19 UTC (1 min), then attempt 2 of 3\n");
      expect(planned.stderr).toContain("plan 1/1: p-communes-1: 1 resource change\n");
      expect(planned.status).toBe(0);
      // Two waits, each until the reset (long past in the fixtures: the shortest wait).
      expect(clock.slept).toEqual([1_000, 1_000]);
      expect(readFileSync(join(work.plans, "p-communes-1.exit"), "utf8")).toBe("2\n");
      const plan = `plan -input=false -no-color -lock=false -detailed-exitcode -out=${join(work.plans, "p-communes-1.tfplan")}`;
      expect(work.calls("p-communes-1").filter((call) => call.startsWith("plan "))).toEqual([plan, plan]);
      expect(work.calls("p-platform")).toEqual([]);
      expect(api.authorizations.every((header) => header === "Bearer test-token")).toBe(true);
    } finally {
      await api.close();
    }
  });
});

describe("one stack's failure never signals another", () => {
  it("a failing stack leaves its neighbour applying to the end, untouched; the later batch is not started", async () => {
    const work = standIn([{ name: "p-communes-1", apply: ["fail"] }, { name: "p-communes-2", apply: ["slow"] }, { name: "p-gateway", dependencies: ["p-communes-1", "p-communes-2"] }]);
    const api = await dnsimpleApi(["whoami-success.http"]);
    try {
      await run(work, ["plan", "--plans", work.plans, "--outdir", work.outdir]);
      const result = await run(work, ["apply", "--plans", work.plans, "--outdir", work.outdir, "--rollout", rollout(work, [["p-communes-1", "p-communes-2"], ["p-gateway"]]), "--batch", "1-2", "--parallelism", "2", "--dnsimple-api", api.base]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("batch 1/2: p-communes-1 FAILED: terraform apply failed (exit 1): Error: creating Bucket: googleapi: Error 409: already exists (the other stacks go on)\n");
      expect(result.stderr).toMatch(/\nbatch 1\/2: p-communes-2 applied \(Resources: 1 added, 0 changed, 0 destroyed; 2 of 2 in this batch\), 3,991 requests left until 15:19 UTC\n/);
      expect(result.stderr).toContain("batch 1/2: 1 stack not applied (p-communes-1); the later batches are not started\n");
      expect(work.calls("p-communes-2").filter((line) => line.startsWith("signal"))).toEqual([]);
      expect(work.calls("p-communes-2")).toContain("applied");
      expect(work.calls("p-gateway").filter((line) => line.startsWith("apply"))).toEqual([]);
      expect(result.stdout).toBe("resume-from=1\n");
    } finally {
      await api.close();
      work.remove();
    }
  });
});

describe("a cancelled deploy", () => {
  it("forwards one SIGTERM to the running terraform, waits for it to release its lock, and exits 3 naming the batch to resume", async () => {
    const work = standIn([{ name: "p-communes-1", apply: ["wait"] }, { name: "p-communes-2" }]);
    const api = await dnsimpleApi(["whoami-success.http"]);
    try {
      await run(work, ["plan", "--plans", work.plans, "--outdir", work.outdir]);
      const child = spawn(process.execPath, [...SCRIPT, "apply", "--plans", work.plans, "--outdir", work.outdir, "--rollout", rollout(work, [["p-communes-1", "p-communes-2"]]), "--batch", "1", "--parallelism", "1", "--dnsimple-api", api.base], { cwd: ROOT, env: ENV(work) });
      let stderr = "";
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
      const exited = new Promise<{ code: number | null; calls: string[] }>((resolve) => child.on("close", (code) => resolve({ code, calls: work.calls("p-communes-1") })));
      while (!work.calls("p-communes-1").includes("apply started")) await new Promise((resolve) => setTimeout(resolve, 100));
      child.kill("SIGTERM");
      const { code, calls } = await exited;
      // When the runner exits, terraform has already written its state and released the lock: the runner waited.
      expect(calls.slice(-2)).toEqual(["signal SIGTERM", "released lock"]);
      expect(calls.filter((line) => line.startsWith("signal"))).toEqual(["signal SIGTERM"]);
      expect(code).toBe(3);
      expect(stderr).toContain("SIGTERM received: forwarding SIGTERM once to every running terraform and waiting up to 5 min for each to write its state and release its lock\n");
      expect(stderr).toContain("batch 1/1: stopping with 2 stacks not applied (this job's time is up, or it was cancelled)\n");
      // The stack after it never started.
      expect(work.calls("p-communes-2").filter((line) => line.startsWith("apply"))).toEqual([]);
    } finally {
      await api.close();
      work.remove();
    }
  });
});

describe("the provider lock file", () => {
  it("is generated for the providers every stack requires, refused while missing or different, accepted once committed", async () => {
    const work = standIn([{ name: "p-platform" }, { name: "p-gateway" }]);
    try {
      const lockFile = join(work.root, ".terraform.lock.hcl");
      const missing = await run(work, ["lock-check", "--lock-file", lockFile, "--outdir", work.outdir]);
      expect([missing.status, missing.stderr]).toEqual([1, `${lockFile} is not committed: terraform providers lock wrote ${lockFile}.generated; commit it as ${lockFile}\n`]);
      // The stand-in writes what it was asked to lock: the one set of providers of every stack, for linux_amd64.
      expect(JSON.parse(readFileSync(`${lockFile}.generated`, "utf8").split("\n").slice(1).join("\n"))).toEqual({ terraform: { required_providers: { google: { source: "google", version: "6.50.0" } } } });
      writeFileSync(lockFile, readFileSync(`${lockFile}.generated`));
      const committed = await run(work, ["lock-check", "--lock-file", lockFile, "--outdir", work.outdir]);
      expect([committed.status, committed.stderr]).toEqual([0, `${lockFile}: matches the providers every stack requires (linux_amd64)\n`]);
      writeFileSync(lockFile, "# an older lock\n");
      expect((await run(work, ["lock-check", "--lock-file", lockFile, "--outdir", work.outdir])).status).toBe(1);
    } finally {
      work.remove();
    }
  });
});

describe("usage and bad input", () => {
  let work: StandIn;
  beforeAll(() => {
    work = standIn([{ name: "p-platform" }]);
  });
  afterAll(() => work.remove());

  it("names the problem, prints the usage and exits 2", async () => {
    const result = await spawnRun(work, ["apply", "--plans", work.plans, "--outdir", work.outdir]);
    expect([result.status, result.stdout]).toEqual([2, ""]);
    expect(result.stderr).toBe(`apply needs --rollout FILE (npm run --silent rollout-plan -- --json > FILE)\n${USAGE}`);
    const everything = await run(work, ["deploy-everything"]);
    expect([everything.status, everything.stderr]).toEqual([2, `deploy-everything: needs --plans DIR\n${USAGE}`]);
    const bogus = await run(work, ["plan", "--plans", work.plans, "--bogus"]);
    expect(bogus.status).toBe(2);
    expect(bogus.stderr).toMatch(/^Unknown option '--bogus'/);
    expect(bogus.stderr.endsWith(`\n${USAGE}`)).toBe(true);
  });

  it("a rollout plan that is not one: each problem, naming the file, exit 1, no stack trace", async () => {
    await run(work, ["plan", "--plans", work.plans, "--outdir", work.outdir]);
    const file = join(work.root, "bad.json");
    writeFileSync(file, JSON.stringify({ hourlyLimit: 2400, batches: [{ stacks: ["p-platform"], dnsimpleRequests: -1, googleWrites: 0, earliestStartHours: 0 }, { stacks: ["p-platform"], dnsimpleRequests: 1, googleWrites: 0, earliestStartHours: 1 }] }));
    const result = await run(work, ["apply", "--plans", work.plans, "--outdir", work.outdir, "--rollout", file, "--batch", "1"]);
    expect([result.status, result.stderr]).toEqual([1, `${file}: batches.0.dnsimpleRequests: Too small: expected number to be >=0\n  fix: write it with npm run --silent rollout-plan -- --json > ${file}\n`]);
    writeFileSync(file, JSON.stringify({ hourlyLimit: 2400, batches: [{ stacks: ["p-platform"], dnsimpleRequests: 1, googleWrites: 0, earliestStartHours: 0 }, { stacks: ["p-platform"], dnsimpleRequests: 1, googleWrites: 0, earliestStartHours: 1 }] }));
    expect((await run(work, ["apply", "--plans", work.plans, "--outdir", work.outdir, "--rollout", file, "--batch", "1"])).stderr).toBe(`${file}: p-platform is in batch 1 and batch 2\n  fix: a rollout plan lists every stack once\n`);
    expect(existsSync(join(work.plans, "progress"))).toBe(false);
  });
});
