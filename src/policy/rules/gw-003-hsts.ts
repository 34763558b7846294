import { ComputeBackendBucket } from "@cdktf/provider-google/lib/compute-backend-bucket";
import { HSTS_HEADER } from "../../constructs/site-bucket";
import type { RuleDefinition } from "./rule";

export const hsts: RuleDefinition = {
  id: "GW-003",
  requires: "every backend bucket sends Strict-Transport-Security",
  fix: "add the HSTS header to customResponseHeaders (SiteBucket does)",
  judges: ["google_compute_backend_bucket"],
  fixtures: {
    failing: { build: (stack) => void new ComputeBackendBucket(stack, "backend", { name: "b", bucketName: "b" }) },
    lines: ["GW-003 no Strict-Transport-Security header"],
    passing: { build: (stack) => void new ComputeBackendBucket(stack, "backend", { name: "b", bucketName: "b", customResponseHeaders: [HSTS_HEADER] }) },
  },
};
