import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const git = (root: string, args: readonly string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).split("\0").filter(Boolean);

/**
 * Every path that differs between `ref` and the working tree, relative to the project root: files changed,
 * added or deleted since the ref (committed or not), and untracked files git does not ignore, since the synth
 * reads those too.
 */
export function changedPaths(root: string, ref: string): string[] {
  return [...git(root, ["diff", "--name-only", "--relative", "--no-renames", "-z", ref, "--"]), ...git(root, ["ls-files", "--others", "--exclude-standard", "-z"])];
}

/** The province folders of config/ in `ref`. */
export function provincesAt(root: string, ref: string): string[] {
  return git(root, ["ls-tree", "-d", "--name-only", "-z", ref, "config/"]).map((path) => path.slice("config/".length));
}

/** The province folders of config/ in the working tree. */
export function provincesInTree(root: string): string[] {
  const config = join(root, "config");
  return existsSync(config) ? readdirSync(config, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name) : [];
}
