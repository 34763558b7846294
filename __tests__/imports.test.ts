import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "..");

describe("provider imports", () => {
  it("load provider classes only by deep import (a barrel costs ~1.7 s and ~450 MiB per load)", () => {
    const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "*.ts"], { cwd: root, encoding: "utf8" }).split("\n").filter(Boolean);
    expect(files.length).toBeGreaterThan(20);
    const barrel = /(from\s+|require\(\s*|import\(\s*)["']@cdktf\/provider-(google|dnsimple)(\/lib)?["']/;
    const provider = ["@cdktf", "provider-google"].join("/");
    expect(barrel.test(`import { StorageBucket } from "${provider}";`)).toBe(true);
    expect(barrel.test(`import { StorageBucket } from "${provider}/lib/storage-bucket";`)).toBe(false);
    const offenders = files.filter((file) => barrel.test(readFileSync(join(root, file), "utf8")));
    expect(offenders).toEqual([]);
  });
});
