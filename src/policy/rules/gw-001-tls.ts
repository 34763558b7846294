import { ComputeSslPolicy } from "@cdktf/provider-google/lib/compute-ssl-policy";
import { ComputeTargetHttpsProxy } from "@cdktf/provider-google/lib/compute-target-https-proxy";
import type { RuleDefinition } from "./rule";

export const tls: RuleDefinition = {
  id: "GW-001",
  requires: "HTTPS proxies use an SSL policy with TLS 1.2 or newer",
  fix: "set sslPolicy to the gateway's TLS 1.2 policy",
  source: "the default SSL policy allows TLS 1.0: https://cloud.google.com/load-balancing/docs/ssl-policies-concepts",
  judges: ["google_compute_ssl_policy", "google_compute_target_https_proxy"],
  fixtures: {
    failing: { build: (stack) => { new ComputeSslPolicy(stack, "tls", { name: "tls", minTlsVersion: "TLS_1_0" }); new ComputeTargetHttpsProxy(stack, "https", { name: "https", urlMap: "m" }); } },
    lines: ["GW-001 minimum TLS_1_0", "GW-001 no SSL policy: the default allows TLS 1.0"],
    passing: { build: (stack) => { const tls = new ComputeSslPolicy(stack, "tls", { name: "tls", minTlsVersion: "TLS_1_2" }); new ComputeTargetHttpsProxy(stack, "https", { name: "https", urlMap: "m", sslPolicy: tls.id }); } },
  },
};
