import { waits, platform } from "./fixtures";
import type { RuleDefinition } from "./rule";

/** A platform stack that reads the platform's outputs from its state, with `defaults` if given. */
const remoteState = (defaults?: Record<string, string>) => platform(
  { google_compute_global_address: { ip: { name: "ip", address: "${data.terraform_remote_state.platform.outputs.gateway_ipv4}", ...waits("compute") } } },
  { data: { terraform_remote_state: { platform: { backend: "gcs", config: {}, ...(defaults && { defaults }) } } } },
);

export const noStateReads: RuleDefinition = {
  id: "TF-002",
  requires: "no stack reads another's state (terraform_remote_state): with no state yet (nothing applied, a new province) the read fails at plan, whatever its defaults",
  fix: "pass known values as plain values: names from src/model/cloud-names.ts, the gateway's addresses from environments.<env>.gatewayAddresses (GatewayAddresses)",
  source: "https://developer.hashicorp.com/terraform/language/state/remote-state-data; hashicorp/terraform internal/builtin/providers/terraform/data_source_state.go (no stored state: \"Unable to find remote state\"; seen with the local backend)",
  judges: [],
  fixtures: {
    failing: remoteState({ gateway_ipv4: "192.0.2.1" }),
    lines: ['TF-002 p-platform/terraform_remote_state.platform: reads another stack\'s state (backend gcs): its plan fails ("Unable to find remote state") until that stack has been applied'],
    passing: platform({ google_compute_global_address: { ip: { name: "ip", address: "192.0.2.1", ...waits("compute") } } }),
  },
};
