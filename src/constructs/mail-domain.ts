import { createHash } from "node:crypto";
import { EmailForward } from "@cdktf/provider-dnsimple/lib/email-forward";
import { StorageBucketObject } from "@cdktf/provider-google/lib/storage-bucket-object";
import { Construct } from "constructs";
import type { MailSettings } from "../model/settings";
import type { DnsZone } from "./dns-zone";

/** How a domain handles mail (thư điện tử công vụ). */
export type MailMode =
  /** Official mail: MX to the province's hosts, SPF, DKIM, DMARC, MTA-STS, TLS-RPT. */
  | { readonly kind: "hosted"; readonly mail: MailSettings; readonly policyBucket: string }
  /** A retired domain whose mail reaches its successor: DNSimple forwards it (and places its own MX). */
  | { readonly kind: "forward"; readonly catchAllTo: string; readonly roleAddresses: readonly string[]; readonly roleDomain: string; readonly reportTo: string }
  /** A domain that sends and receives nothing: null MX, SPF -all, DMARC reject. */
  | { readonly kind: "none"; readonly reportTo: string };

export interface MailDomainProps {
  readonly zone: DnsZone;
  readonly mode: MailMode;
}

/** Where the MTA-STS policy is served: https://mta-sts.<domain>/.well-known/mta-sts.txt (RFC 8461). */
export const MTA_STS_POLICY_PATH = ".well-known/mta-sts.txt";

/** DMARC record per RFC 9989 (no pct/rf/ri; np for non-existent sub-domains, t for testing). */
export function dmarcRecord(policy: string, reportTo: string, testing = false): string {
  return `v=DMARC1; p=${policy}; np=reject; adkim=s; aspf=s; rua=mailto:${reportTo}${testing ? "; t=y" : ""}`;
}

export function mtaStsPolicy(mail: MailSettings): string {
  const mx = [...mail.hosts].sort((a, b) => a.priority - b.priority).map((host) => `mx: ${host.host}`);
  return ["version: STSv1", `mode: ${mail.mtaStsMode}`, ...mx, "max_age: 604800", ""].join("\r\n");
}

/** The mail records of one domain, in one of the three modes a zone may have. */
export class MailDomain extends Construct {
  constructor(scope: Construct, id: string, props: MailDomainProps) {
    super(scope, id);
    const { zone, mode } = props;
    switch (mode.kind) {
      case "hosted": {
        for (const host of mode.mail.hosts) zone.addRecord({ name: "", type: "MX", value: host.host, priority: host.priority });
        zone.addRecord({ name: "", type: "TXT", value: `v=spf1 ${mode.mail.spfMechanisms.join(" ")} -all` });
        for (const key of mode.mail.dkim) zone.addRecord({ name: `${key.selector}._domainkey`, type: "TXT", value: `v=DKIM1; k=rsa; p=${key.publicKey}` });
        zone.addRecord({ name: "_dmarc", type: "TXT", value: dmarcRecord(mode.mail.dmarc.policy, mode.mail.dmarc.reportTo, mode.mail.dmarc.testing) });
        const policy = mtaStsPolicy(mode.mail);
        // The id must change whenever the policy does, so senders fetch it again.
        const policyId = createHash("sha256").update(policy).digest("hex").slice(0, 16);
        zone.addRecord({ name: "_mta-sts", type: "TXT", value: `v=STSv1; id=${policyId}` });
        zone.addRecord({ name: "_smtp._tls", type: "TXT", value: `v=TLSRPTv1; rua=mailto:${mode.mail.tlsReportTo}` });
        new StorageBucketObject(this, "mta-sts-policy", { bucket: mode.policyBucket, name: MTA_STS_POLICY_PATH, content: policy, contentType: "text/plain; charset=utf-8", cacheControl: "public, max-age=3600" });
        return;
      }
      case "forward": {
        // DNSimple places its own MX for a forwarding domain: declaring one would clash with it.
        zone.addRecord({ name: "", type: "TXT", value: "v=spf1 include:_spf.dnsimple.com -all" });
        zone.addRecord({ name: "_dmarc", type: "TXT", value: dmarcRecord("reject", mode.reportTo) });
        for (const role of mode.roleAddresses) {
          new EmailForward(this, `forward-${role}`, { domain: zone.domain, aliasName: role, destinationEmail: `${role}@${mode.roleDomain}` });
        }
        new EmailForward(this, "forward-catch-all", { domain: zone.domain, aliasName: "(.*)", destinationEmail: mode.catchAllTo });
        return;
      }
      case "none": {
        zone.addRecord({ name: "", type: "MX", value: ".", priority: 0 });
        zone.addRecord({ name: "", type: "TXT", value: "v=spf1 -all" });
        zone.addRecord({ name: "_dmarc", type: "TXT", value: dmarcRecord("reject", mode.reportTo) });
        return;
      }
    }
  }
}
