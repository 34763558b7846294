import { ENVIRONMENTS } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const environmentDnsNames: RuleDefinition = {
  id: "ENV-002",
  requires: "staging and production never share a zone or a certificate hostname, and staging's zones lie outside production's",
  fix: "set environments.staging.subdomain to a label that no unit's domain uses",
  source: "a global DNS authorization is FIXED_RECORD, one _acme-challenge.<hostname> CNAME that one project's authorization owns (hashicorp/google 6.50.0 google_certificate_manager_dns_authorization `type`; https://cloud.google.com/certificate-manager/docs/dns-authorizations); a zone inside another resolves only if that one delegates it (RFC 1034 §4.2.2)",
  judges: [],
  fixtures: {
    // Xã An Phú's label as staging's subdomain: production's zone anphu.thu.gov.vn would hold every staging zone.
    failing: { environments: ENVIRONMENTS("thu-tfstate-stg", "thu-staging", "anphu") },
    lines: ["ENV-002 staging's 2 zones anphu.anphu.thu.gov.vn, songxanh.anphu.thu.gov.vn would lie inside production's zone anphu.thu.gov.vn, which does not delegate them"],
    passing: { environments: ENVIRONMENTS("thu-tfstate-stg", "thu-staging") },
  },
};
