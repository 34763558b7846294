import type { TerraformStack } from "cdktf";
import { ComputeUrlMap } from "@cdktf/provider-google/lib/compute-url-map";
import type { RuleDefinition } from "./rule";

/** A URL map in the gateway's shape, whose default serves `defaultService`. */
const routes = (defaultService: string) => ({
  build: (stack: TerraformStack) => void new ComputeUrlMap(stack, "routes", {
    name: "thu-portals",
    defaultService,
    hostRule: [{ hosts: ["anphu.thu.gov.vn"], pathMatcher: "portal-00010" }],
    pathMatcher: [{ name: "portal-00010", defaultService: "projects/thu-project/global/backendBuckets/portal-00010" }],
  }),
});

export const neutralDefault: RuleDefinition = {
  id: "GW-007",
  requires: "a URL map's default never sends to a site's backend (a commune's portal or the archive): a Host no rule knows gets a neutral answer",
  fix: "answer unknown hosts with default_url_redirect to the province's portal (GatewayRouting does)",
  source: "default_service is \"the backend service or backend bucket to use when none of the given rules match\" (hashicorp/google 6.50.0 resource_compute_url_map.go); https://cloud.google.com/load-balancing/docs/url-map-concepts",
  judges: ["google_compute_url_map"],
  fixtures: {
    failing: routes("projects/thu-project/global/backendBuckets/portal-00010"),
    lines: ["GW-007 the default service projects/thu-project/global/backendBuckets/portal-00010 is a site's backend: a Host no rule knows is answered as that site"],
    passing: routes("projects/thu-project/global/backendBuckets/not-found"),
  },
};
