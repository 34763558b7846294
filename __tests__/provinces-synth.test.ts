import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { npmScriptArgs } from "./support/project";
import { tempDir } from "./support/temp";

/**
 * Scaffolded provinces synthesize as written, the policy pack included (it runs inside the synth and fails it):
 * Hà Nội with its 199 split units and Lâm Đồng, the province that runs Bình Thuận's communes today. Each is
 * `PROVINCE=<folder> npm run synth`, run as ops run it.
 */

interface Synthesized {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Resources per stack, by type. */
  readonly stacks: Map<string, Record<string, Record<string, Record<string, unknown>>>>;
}

function synth(province: string): Synthesized {
  const outdir = tempDir("synth-");
  try {
    const run = spawnSync(process.execPath, npmScriptArgs("synth"), { cwd: join(__dirname, ".."), env: { ...process.env, PROVINCE: province, ENV: "", CDKTF_OUTDIR: outdir }, encoding: "utf8" });
    const stacksDir = join(outdir, "stacks");
    const stacks = new Map(run.status === 0 ? readdirSync(stacksDir).map((stack) => [stack, JSON.parse(readFileSync(join(stacksDir, stack, "cdk.tf.json"), "utf8")).resource ?? {}]) : []);
    return { status: run.status, stdout: run.stdout, stderr: run.stderr, stacks };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const count = (stacks: Synthesized["stacks"], type: string) => [...stacks.values()].reduce((sum, resources) => sum + Object.keys(resources[type] ?? {}).length, 0);
const largest = (stacks: Synthesized["stacks"]) => Math.max(...[...stacks.values()].map((resources) => Object.values(resources).reduce((sum, byName) => sum + Object.keys(byName).length, 0)));

describe.each([
  ["ha-noi", "Thành phố Hà Nội", 126, 556],
  ["lam-dong", "Tỉnh Lâm Đồng", 124, 361],
])("PROVINCE=%s npm run synth", (folder, name, communes, retired) => {
  const result = synth(folder);

  it("passes the policy pack and writes every stack", () => {
    expect([result.status, result.stderr]).toEqual([0, ""]);
    expect(result.stdout).toMatch(new RegExp(`^${name} \\(ENV=offline\\): ${communes} new communes; ${retired} retired units \\(\\d+ old communes, \\d+ old districts\\); \\d+ resources in ${result.stacks.size} stacks, written to `));
  });

  it("declares a tenant for every new unit and keeps every stack well under 1,000 resources", () => {
    expect(count(result.stacks, "google_identity_platform_tenant")).toBe(communes);
    expect(largest(result.stacks)).toBeLessThan(800);
  });
});
