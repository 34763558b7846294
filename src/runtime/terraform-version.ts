import { execFileSync } from "node:child_process";

/** The version of the `terraform` on the PATH (`terraform version -json`), or undefined when there is none. */
export function installedTerraformVersion(): string | undefined {
  try {
    const output = execFileSync("terraform", ["version", "-json"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 20_000 });
    return (JSON.parse(output) as { terraform_version?: string }).terraform_version;
  } catch {
    return undefined;
  }
}

const numbers = (version: string) => (/^(\d+)\.(\d+)\.(\d+)/.exec(version)?.slice(1) ?? []).map(Number);

/** Whether `version` (e.g. 1.11.4) meets a `>= x.y.z` constraint such as TERRAFORM_REQUIRED_VERSION. */
export function meetsMinimum(version: string, constraint: string): boolean {
  const have = numbers(version);
  const need = numbers(constraint.replace(/^>=\s*/, ""));
  if (have.length !== 3 || need.length !== 3) return true;
  for (let part = 0; part < 3; part++) if (have[part] !== need[part]) return have[part] > need[part];
  return true;
}
