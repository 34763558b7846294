import { ComputeUrlMap } from "@cdktf/provider-google/lib/compute-url-map";
import type { RuleDefinition } from "./rule";

export const httpsRedirect: RuleDefinition = {
  id: "GW-002",
  requires: "plain HTTP only redirects to HTTPS",
  fix: "serve port 80 through the redirect-only URL map",
  judges: ["google_compute_target_http_proxy", "google_compute_url_map"],
  fixtures: {
    failing: { build: (stack) => void new ComputeUrlMap(stack, "http", { name: "http", defaultUrlRedirect: { httpsRedirect: false, stripQuery: false } }) },
    lines: ["GW-002 a redirect-only URL map that does not redirect to HTTPS"],
    passing: { build: (stack) => void new ComputeUrlMap(stack, "http", { name: "http", defaultUrlRedirect: { httpsRedirect: true, stripQuery: false } }) },
  },
};
