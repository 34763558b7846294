/**
 * Summarizes a V8 CPU profile (node --cpu-prof) by self time: grouped by where the code lives (a cdktf module, a
 * package, the app's own files under .bench/app) and by function. Used by `bench/run.ts --profile`; also
 * runnable alone: node --import tsx bench/profile.ts <file.cpuprofile>.
 */
import { readFileSync } from "node:fs";

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time of one CPU profile, grouped by where the code lives. */
export function profileSummary(file: string): string[] {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const groups = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    const delta = profile.timeDeltas[index] ?? 0;
    if (!node) return;
    total += delta;
    const url = node.callFrame.url;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url);
    const group = pkg
      ? pkg[1] === "cdktf" ? `cdktf/${pkg[2].replace(/\.js$/, "")}` : pkg[1]
      : url.includes("/.bench/app/") ? `app: ${url.split("/.bench/app/")[1]}`
      : url.startsWith("node:") ? "node internals" : node.callFrame.functionName || "(native)";
    groups.set(group, (groups.get(group) ?? 0) + delta);
    const fn = `${node.callFrame.functionName || "(anonymous)"}  ${pkg ? `${pkg[1]}/${pkg[2]}` : url.split("/.bench/app/").pop() || "(native)"}:${node.callFrame.lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + delta);
  });
  const top = (map: Map<string, number>, n: number) =>
    [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([key, us]) => `  ${(us / 1000).toFixed(0).padStart(6)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`);
  return [`self time by place (total ${(total / 1000).toFixed(0)} ms sampled):`, ...top(groups, 14), "top functions by self time:", ...top(functions, 12)];
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) throw new Error("usage: profile.ts <file.cpuprofile>");
  console.log(profileSummary(file).join("\n"));
}
