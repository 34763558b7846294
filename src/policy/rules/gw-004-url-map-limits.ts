import { waits, platform } from "./fixtures";
import type { RuleDefinition } from "./rule";

/** A platform stack with one URL map of `hosts` host rules. */
const urlMap = (hosts: number) => platform({ google_compute_url_map: { m: { name: "m", ...waits("compute"), host_rule: Array.from({ length: hosts }, (_, i) => ({ hosts: [`h${i}.thu.gov.vn`], path_matcher: "p" })), path_matcher: [{ name: "p", default_service: "projects/p/global/backendBuckets/b" }] } } });

export const urlMapLimits: RuleDefinition = {
  id: "GW-004",
  requires: "a URL map stays inside Google's hard limits: at most 1 MB, 1,000 host rules and path matchers, 1,000 hosts per host rule, 1,000 route rules and 1,000 predicates per path matcher, 2,500 distinct backends",
  fix: "split the province (fewer units per gateway) or shorten hostnames",
  source: "https://cloud.google.com/load-balancing/docs/quotas (limits per URL map and path matcher); 1 MB: https://cloud.google.com/load-balancing/docs/routing-config-size-quota",
  judges: ["google_compute_url_map"],
  fixtures: { failing: urlMap(1001), lines: ["GW-004 p-platform/google_compute_url_map.m: 1001 host rules (at most 1000)"], passing: urlMap(1000) },
};
