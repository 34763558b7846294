import { StorageBucketAcl } from "@cdktf/provider-google/lib/storage-bucket-acl";
import { StorageManagedFolderIamMember } from "@cdktf/provider-google/lib/storage-managed-folder-iam-member";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PUBLIC_READER_ROLE } from "../src/constructs/site-bucket";
import { checkEnvironmentsApart } from "../src/policy/environment-checks";
import { checkOrganizationPolicies } from "../src/policy/organization-policies";
import { checkSynthesizedStacks, expiredConditions } from "../src/policy/output-checks";
import { UNLISTED_TYPE } from "../src/policy/resource-types";
import { RULES } from "../src/policy/rules";
import { rulesTable } from "../src/policy/rules-table";
import { FOLDER } from "../src/policy/rules/fixtures";
import type { ConstructFixture, OutputFixture, RuleFixture, RuleFixtures } from "../src/policy/rules/rule";
import { loadFixture, TINY_SETTINGS } from "./support/fixture-config";
import { tiny, violationsOf } from "./support/policy-harness";

/**
 * Every rule of the policy pack (src/policy/rules/<id>-<name>.ts) with its failing fixture, the exact lines it
 * gives, and its passing one, as close to the failing one as the rule allows: a rule that flagged everything, or
 * nothing, fails here.
 */

const outputLines = (findings: readonly { rule: { id: string }; path: string; message: string }[]) => findings.map((finding) => `${finding.rule.id} ${finding.path}: ${finding.message}`);

function linesOf(fixture: RuleFixture): string[] {
  if (Array.isArray(fixture)) return outputLines(checkSynthesizedStacks(fixture as OutputFixture));
  if ("environments" in fixture) return checkEnvironmentsApart(loadFixture({ settings: TINY_SETTINGS + fixture.environments })).map((finding) => `${finding.rule.id} ${finding.message}`);
  if ("environment" in fixture) return outputLines(checkOrganizationPolicies(fixture.stacks, fixture.environment));
  if ("today" in fixture) return outputLines(expiredConditions(fixture.stacks, fixture.today));
  const { build, maxRecordsPerZone, protect } = fixture as ConstructFixture;
  const settings = maxRecordsPerZone === undefined ? tiny.settings : { ...tiny.settings, dnsimple: { ...tiny.settings.dnsimple, maxRecordsPerZone } };
  return violationsOf(build, settings, protect).lines;
}

const FIXTURES: [string, RuleFixtures][] = [
  ...Object.values(RULES).map((rule): [string, RuleFixtures] => [rule.id, rule.fixtures]),
  // Not a rule: a resource type that no rule judges fails the pack, and no suppression can waive it.
  [
    UNLISTED_TYPE.id,
    {
      failing: { build: (stack) => void new StorageBucketAcl(stack, "acl", { bucket: "b", roleEntity: ["READER:allUsers"] }) },
      lines: ["POLICY google_storage_bucket_acl is judged by no rule of the policy pack"],
      passing: { build: (stack) => void new StorageManagedFolderIamMember(stack, "grant", { ...FOLDER, role: PUBLIC_READER_ROLE, member: "allUsers" }) },
    },
  ],
];

describe("every rule of the policy pack", () => {
  it("lives in a file of its own, named after its id, and no two rules share an id", () => {
    const files = readdirSync(join(__dirname, "..", "src", "policy", "rules")).filter((file) => /^[a-z]+-\d{3}-/.test(file));
    const ids = Object.values(RULES).map((rule) => rule.id);
    expect(files.map((file) => file.split("-").slice(0, 2).join("-").toUpperCase()).sort()).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(FIXTURES)("%s: its failing fixture gives exactly its lines, its passing fixture none", (id, { failing, lines, also = [], passing }) => {
    expect(lines.filter((line) => ![id, ...also].includes(line.split(" ")[0]))).toEqual([]);
    expect(linesOf(failing)).toEqual(lines);
    expect(linesOf(passing)).toEqual([]);
  });
});

describe("the README's Policy pack table", () => {
  it("is the one the rules generate (npm run rules-table), failing with the command that regenerates it", () => {
    const lines = readFileSync(join(__dirname, "..", "README.md"), "utf8").split("\n");
    const start = lines.findIndex((line, index) => line.startsWith("| rule |") && lines.lastIndexOf("## Policy pack", index) !== -1);
    const end = lines.findIndex((line, index) => index > start && !line.startsWith("|"));
    const table = `${lines.slice(start, end).join("\n")}\n`;
    if (table !== rulesTable()) throw new Error("README.md's Policy pack table is not the one the rules generate: replace it with what `npm run --silent rules-table` prints");
  });
});
