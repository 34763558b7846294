import { platform } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const preventDelete: RuleDefinition = {
  id: "PROT-002",
  requires: "every dnsimple_domain sets prevent_delete = true (dnsimple provider 2.2.0)",
  fix: "keep the Protection aspect on every stack",
  source: "dnsimple/terraform-provider-dnsimple v2.2.0 CHANGELOG: prevent_delete \"also blocks the destroy half of a replacement\"",
  judges: ["dnsimple_domain"],
  fixtures: {
    failing: platform({ dnsimple_domain: { d: { name: "a.vn", lifecycle: { prevent_destroy: true } } } }),
    lines: ["PROT-002 p-platform/dnsimple_domain.d: a.vn has no prevent_delete"],
    passing: platform({ dnsimple_domain: { d: { name: "a.vn", lifecycle: { prevent_destroy: true }, prevent_delete: true } } }),
  },
};
