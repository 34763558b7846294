import { platform } from "./fixtures";
import type { RuleDefinition } from "./rule";

/** A platform stack with the check that refuses stand-ins, and an A record of a stand-in waiting for `dependsOn`. */
const standIn = (dependsOn?: string[]) => platform({
  terraform_data: { check: { input: {}, lifecycle: { precondition: [{ condition: '${timestamp() == "never"}', error_message: "Never." }] } } },
  dnsimple_zone_record: { a: { zone_name: "anphu.thu.gov.vn", name: "", type: "A", value: "192.0.2.1", ...(dependsOn && { depends_on: dependsOn }) } },
});

export const standInAddresses: RuleDefinition = {
  id: "TF-003",
  requires: "no address record publishes a stand-in of the gateway's addresses (192.0.2.1, 2001:db8::1, documentation addresses): each waits for the check that refuses to apply it",
  fix: "let addGatewayRecords write the gateway's records (they wait for GatewayAddresses' check), or set environments.<env>.gatewayAddresses",
  source: "RFC 5737 §4 and RFC 3849 §3: documentation addresses are not to appear on, or be routed in, the public Internet",
  judges: ["dnsimple_zone_record", "terraform_data"],
  fixtures: {
    failing: standIn(),
    lines: ["TF-003 p-platform/dnsimple_zone_record.a: publishes the stand-in 192.0.2.1 without waiting for the check that refuses to apply it"],
    passing: standIn(["terraform_data.check"]),
  },
};
