import { waits, platform } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const certificateLimits: RuleDefinition = {
  id: "GW-005",
  requires: "Certificate Manager's hard limits: at most 4 certificates per map entry, 100 domains per DNS-authorized certificate, one certificate map per HTTPS proxy",
  fix: "keep one certificate per hostname (HostCertificate does)",
  source: "https://cloud.google.com/certificate-manager/docs/quotas (limits)",
  judges: ["google_certificate_manager_certificate", "google_certificate_manager_certificate_map", "google_certificate_manager_certificate_map_entry", "google_compute_target_https_proxy"],
  fixtures: {
    failing: platform({ google_certificate_manager_certificate_map_entry: { e: { name: "e", certificates: ["1", "2", "3", "4", "5"], ...waits("certificatemanager") } } }),
    lines: ["GW-005 p-platform/google_certificate_manager_certificate_map_entry.e: 5 certificates in one map entry (at most 4)"],
    passing: platform({ google_certificate_manager_certificate_map_entry: { e: { name: "e", certificates: ["1", "2", "3", "4"], ...waits("certificatemanager") } } }),
  },
};
