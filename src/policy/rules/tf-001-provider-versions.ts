import { VERSIONS } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const providerVersions: RuleDefinition = {
  id: "TF-001",
  requires: "every stack requires Terraform >= 1.12.0 and runs dnsimple provider 2.2.0 (1.10.0 cannot manage email forwards)",
  fix: "keep the overrides in ProvinceStack (src/model/provider-versions.ts)",
  source: "dnsimple/terraform-provider-dnsimple issue 331; CHANGELOG 2.0.0: \"Minimum Terraform version is now 1.12\"",
  judges: [],
  fixtures: {
    failing: [{ name: "p-x", config: { terraform: { required_version: ">= 1.5.0", required_providers: { dnsimple: { source: "dnsimple/dnsimple", version: "1.10.0" } } } } }],
    lines: ['TF-001 p-x: requires Terraform ">= 1.5.0", not ">= 1.12.0"', "TF-001 p-x: runs dnsimple provider 1.10.0, not 2.2.0"],
    passing: [{ name: "p-x", config: { terraform: VERSIONS } }],
  },
};
