import { isIPv4, isIPv6 } from "node:net";
import { z } from "zod";
import { isDocumentationAddress } from "./gateway-addresses";

/**
 * The shape of `config/<province>/settings.yaml`. Everything a province decides that is not a row of its unit
 * lists lives here; unknown keys are errors so that a typo never silently falls back to a default.
 */

const hostname = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "must be a lower-case DNS name such as binhthuan.gov.vn");
const mailbox = z.string().regex(/^[a-z0-9._+-]+@([a-z0-9-]+\.)+[a-z]{2,63}$/, "must be an e-mail address");
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD");
const unitCode = z.string().regex(/^\d{3,5}$/, "must be the GSO code (mã đơn vị hành chính), digits only");
const lookupMode = z.enum(["archive", "redirect"]);
const migrationWindow = z
  .object({ from: isoDate, until: isoDate })
  .strict()
  .refine((window) => window.from < window.until, { message: "from must be before until" });
const mailMode = z.enum(["forward", "none"]);

/** An address Google assigned to the gateway: never one of the documentation ranges the stand-ins come from. */
const assignedAddress = (isVersion: (address: string) => boolean, version: string) =>
  z
    .string()
    .refine(isVersion, `must be an ${version} address, as \`npm run rollout-plan -- --addresses\` prints it`)
    .refine((address) => !isDocumentationAddress(address), "is a documentation address (a stand-in), never the gateway's: write what `npm run rollout-plan -- --addresses` prints");

/**
 * The gateway's addresses once the platform stack has been applied (npm run rollout-plan -- --addresses prints
 * them): the shards write them into their address records. Until then they plan with stand-ins they refuse to
 * apply (src/constructs/gateway-addresses.ts).
 */
const gatewayAddresses = z.object({ ipv4: assignedAddress(isIPv4, "IPv4"), ipv6: assignedAddress(isIPv6, "IPv6") }).strict();

/**
 * Whether the organization above the environment's project enforces the constraints that refuse a public grant.
 * Default: enforced, as Google does for organizations created since May 2024 (README, "Organization policies").
 */
const organizationPolicies = z
  .object({
    /** iam.allowedPolicyMemberDomains: no allUsers or allAuthenticatedUsers in any IAM policy. */
    domainRestrictedSharing: z.boolean().default(true),
    /** storage.publicAccessPrevention: no bucket or object readable by the public. */
    publicAccessPrevention: z.boolean().default(true),
  })
  .strict();

const environment = z
  .object({
    gcpProject: z.string().regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, "must be a GCP project id"),
    dnsimpleAccount: z.string().min(1),
    dnsimpleSandbox: z.boolean().default(false),
    stateBucket: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/, "must be a GCS bucket name"),
    gatewayAddresses: gatewayAddresses.optional(),
    /** Absent: both enforced (src/model/environment.ts). */
    organizationPolicies: organizationPolicies.optional(),
  })
  .strict();

const dnsLabel = z.string().regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, "must be a DNS label (a-z, 0-9 and inner hyphens)");

/**
 * Staging rehearses production for real: its zones live in the real DNSimple account, under `<subdomain>` of the
 * real parent domain. DNSimple's sandbox is "an isolated test site … independent from the DNSimple production
 * site" (https://developer.dnsimple.com/sandbox/): no public resolver is delegated to it, so Certificate Manager's
 * DNS authorizations of zones there never complete.
 */
const stagingEnvironment = environment
  .extend({ subdomain: dnsLabel.default("staging") })
  .superRefine((staging, context) => {
    if (staging.dnsimpleSandbox) {
      context.addIssue({
        code: "custom",
        path: ["dnsimpleSandbox"],
        message: "staging cannot run in DNSimple's sandbox: its zones would never resolve publicly, so Certificate Manager's DNS authorizations would never complete and no certificate would issue",
        params: { fix: `remove dnsimpleSandbox and set dnsimpleAccount to the real account: staging's zones live under environments.staging.subdomain of the real parent domain` },
      });
    }
  });

const samlIdp = z
  .object({
    kind: z.literal("saml"),
    displayName: z.string().min(1),
    entityId: z.string().min(1),
    ssoUrl: z.url(),
    certificate: z.string().min(1),
  })
  .strict();

const oidcIdp = z
  .object({
    kind: z.literal("oidc"),
    displayName: z.string().min(1),
    issuer: z.url(),
    clientId: z.string().min(1),
  })
  .strict();

const milestoneKey = z.string().regex(/^[a-z][A-Za-z0-9]*$/, "must be a key of letters and digits starting with a lower-case letter, such as goLive");
const text = z.string().trim().min(1, "must not be empty");

/** YYYY-MM-DD and a day of the calendar: 2025-06-31 is refused. */
export const calendarDate = isoDate.refine((value) => {
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? !/^\d{4}-\d{2}-\d{2}$/.test(value) : date.toISOString().startsWith(value);
}, "must be a day of the calendar");

const plan = z
  .object({
    /** Số, ký hiệu of the plan, as cited: "Kế hoạch 2495/KH-UBND". */
    reference: text.optional(),
    /** The body that issued it: "Ủy ban nhân dân tỉnh Bình Thuận". */
    issuer: text.optional(),
    /** In the plan's order; their keys are what `rollout` names. */
    milestones: z
      .array(z.object({ key: milestoneKey, due: calendarDate, short: text, label: text }).strict())
      .default([])
      .superRefine((milestones, context) => {
        const seen = new Set<string>();
        milestones.forEach(({ key }, index) => {
          if (seen.has(key)) context.addIssue({ code: "custom", path: [index, "key"], message: `"${key}" is declared twice; each milestone has its own key` });
          seen.add(key);
        });
      }),
  })
  .strict();

const reportForm = z
  .object({
    /** Cơ quan chủ quản, e.g. "UBND tỉnh Bình Thuận"; "" when the issuer has none. */
    parentBody: z.string().trim().optional(),
    /** Cơ quan ban hành: who signs the report. */
    issuer: text.optional(),
    /** Số, ký hiệu after "Số:", e.g. "15/BC-SKHCN" (the clerk's blank: "   /BC-SKHCN"). */
    number: z.string().min(1).optional(),
    /** Địa danh of the date line. */
    place: text.optional(),
    /** Trích yếu under "BÁO CÁO"; default: the rollout of the digital infrastructure to the new units. */
    title: text.optional(),
    /** Nơi nhận, one line each, the last usually "Lưu: VT, …". */
    recipients: z.array(text).default([]),
    signer: z
      .object({
        /** TM., KT., TL. or Q. with the head's title, e.g. "KT. GIÁM ĐỐC"; none when the head signs. */
        authority: text.optional(),
        position: text.optional(),
        name: text.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const settingsSchema = z
  .object({
    /**
     * The province (a folder of config/) that runs this one's units now: this config is kept as a plan of record.
     * It synthesizes offline, diffs and reports; staging and production refuse it; the national check lets it
     * overlap its successor only.
     */
    supersededBy: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a province folder name such as lam-dong").optional(),
    province: z.string().min(1),
    parentDomain: hostname,
    /** Whether the parent zone is hosted in this DNSimple account (then delegations are written into it). */
    parentZoneManaged: z.boolean().default(false),
    /** Default domain of an old commune's portal; `{label}`, `{district}` and `{parent}` are substituted. */
    oldCommuneDomainPattern: z.string().default("{label}.{district}.{parent}"),
    /** Default domain of an old district's portal. */
    oldDistrictDomainPattern: z.string().default("{label}.{parent}"),
    cutoverDate: isoDate,
    bucketPrefix: z.string().regex(/^[a-z][a-z0-9-]{2,30}$/, "must be 3-31 lower-case letters, digits or hyphens"),
    gcp: z
      .object({
        project: z.string().regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, "must be a GCP project id"),
        region: z.string().min(1),
      })
      .strict(),
    dnsimple: z
      .object({
        account: z.string().min(1),
        nameServers: z.array(hostname).min(2),
        maxRecordsPerZone: z.number().int().positive().default(100),
        /**
         * API requests an hour the account allows (X-RateLimit-Limit; DNSimple documents 2,400): what
         * npm run rollout-plan paces a deploy by. Staging and production share the account, and so its budget.
         */
        hourlyRequestLimit: z.number().int().positive().default(2400),
        /** Gone: what exists already is adopted per zone under config/<province>/zones/ (npm run adopt). */
        existingZones: z.unknown().optional(),
      })
      .strict()
      .superRefine((dnsimple, context) => {
        if (dnsimple.existingZones === undefined) return;
        context.addIssue({
          code: "custom",
          path: ["existingZones"],
          message: "no longer exists: a zone that exists already is adopted with its records, one file per zone under zones/ beside settings.yaml",
          params: { fix: "remove existingZones and, for each zone it listed, run npm run adopt -- <the zone's export> (README: Cut-over)" },
        });
      }),
    mail: z
      .object({
        hosts: z.array(z.object({ host: hostname, priority: z.number().int().min(0).max(65535) }).strict()).min(1),
        spfMechanisms: z.array(z.string().regex(/^[+~?-]?(include:|ip4:|ip6:|a\b|mx\b)\S*$/, "must be an SPF mechanism such as include:_spf.example.vn")).default(["mx"]),
        dkim: z.array(z.object({ selector: z.string().regex(/^[a-z0-9-]+$/), publicKey: z.string().regex(/^[A-Za-z0-9+/=]+$/, "must be the base64 public key without spaces") }).strict()).default([]),
        dmarc: z
          .object({
            policy: z.enum(["none", "quarantine", "reject"]),
            reportTo: mailbox,
            /** RFC 9989 `t=y`: the policy is being tested. */
            testing: z.boolean().default(false),
          })
          .strict(),
        tlsReportTo: mailbox,
        mtaStsMode: z.enum(["testing", "enforce"]).default("enforce"),
      })
      .strict(),
    retirement: z
      .object({
        /** Where an old unit's catch-all mail goes; `{successor}` is the successor's domain. */
        forwardMailbox: z.string().default("vanthu@{successor}"),
        /** Role addresses forwarded one by one to the same local part at the successor. */
        roleAddresses: z.array(z.string().regex(/^[a-z0-9._-]+$/)).default([]),
        /** Whole days an archive object stays undeletable. */
        archiveRetentionDays: z.number().int().min(1).default(3650),
        /**
         * When the successors' admins may copy the old portals' content into their archives (chuyển đổi dữ liệu):
         * write access from `from` until the start of `until`. Absent: nobody may write the archives.
         */
        migrationWindow: migrationWindow.optional(),
        /** A unit's own window, by its id (code, or d<code> for a district), where it differs from the province's. */
        migrationWindows: z.record(z.string().regex(/^d?\d{3,5}$/, "must be a unit code (a district's as d<code>)"), migrationWindow).default({}),
      })
      .strict()
      .default({ forwardMailbox: "vanthu@{successor}", roleAddresses: [], archiveRetentionDays: 3650, migrationWindows: {} }),
    /** Province-wide systems each commune reaches under its own name: `<label>.<commune domain>` CNAME `<target>`. */
    sharedSystems: z
      .array(z.object({ label: z.string().regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/), target: hostname, purpose: z.string().min(1) }).strict())
      .default([]),
    /** The Google group allowed to write a commune's portal; `{label}` is the commune's domain label. */
    portalAdminGroup: z.string().regex(/\{label\}/, "must contain {label}"),
    sso: z.discriminatedUnion("kind", [samlIdp, oidcIdp]).optional(),
    districts: z.record(
      z.string(),
      z
        .object({
          code: unitCode,
          /** `{parent}` for this district and its old communes: in a merged province, the old province's domain. */
          parentDomain: hostname.optional(),
          /** `{district}` (and the district's own `{label}`) when its folded name will not do. */
          label: dnsLabel.optional(),
          /** The default domain of this district's old communes, where it differs from oldCommuneDomainPattern. */
          communeDomainPattern: z.string().optional(),
          domain: hostname.optional(),
          lookup: lookupMode.default("archive"),
          mail: mailMode.default("forward"),
          successor: z.string().optional(),
        })
        .strict(),
    ),
    /** An old domain that a new unit takes over: the new unit's name, and why. */
    takeovers: z.record(hostname, z.object({ newUnit: z.string().min(1), reason: z.string().min(10) }).strict()).default({}),
    /** Identity tenants the old units already have: old unit code → tenant id. Imported, disabled, kept. */
    legacyTenants: z
      .record(
        unitCode,
        // The import ids google 6.50.0 accepts (resource_identity_platform_tenant.go, resourceIdentityPlatformTenantImport).
        z.string().regex(/^(projects\/[^/\s]+\/tenants\/[^/\s]+|[^/\s]+\/[^/\s]+|[^/\s]+)$/, "must be a tenant id as Terraform imports it: projects/<project>/tenants/<id>, <project>/<id> or <id>"),
      )
      .default({}),
    /** The province's plan for the change-over (kế hoạch), which the rollout report follows. */
    plan: plan.optional(),
    /**
     * Rollout status per new unit (by code) for the milestones of `plan.milestones`; a unit or milestone not
     * listed is "not reported". Codes and keys are checked against the config by the loader (check-rollout.ts).
     */
    rollout: z.record(unitCode, z.record(milestoneKey, z.enum(["pending", "in-progress", "done"]))).default({}),
    /** The rollout report's administrative form (Nghị định 30/2020/NĐ-CP); a text left out shows as not declared. */
    report: reportForm.optional(),
    /**
     * How many shard stacks the communes are spread over, each with the old units merged into them. A commune's
     * stack follows from its code alone, so changing one touches one stack; raising the count moves units, so set
     * it with headroom.
     */
    stacks: z
      .object({ communeShards: z.number().int().min(1).max(500).default(4) })
      .strict()
      .default({ communeShards: 4 }),
    /**
     * Destructive changes the guard lets through: a unit's id (its code, or "d<code>" for a district) and why.
     * Remove an entry once the change is deployed.
     */
    acknowledgements: z.array(z.object({ unit: z.string().regex(/^d?\d{3,5}$/, "must be a unit code (a district's as d<code>)"), reason: z.string().min(20, "must explain the change in at least 20 characters") }).strict()).default([]),
    /** Policy rules waived on purpose: the rule id, optionally one unit, and why. The rollout report lists them. */
    suppressions: z
      .array(z.object({ rule: z.string().regex(/^[A-Z]+-\d{3}$/, "must be a rule id such as DNS-009"), unit: z.string().regex(/^d?\d{3,5}$/).optional(), reason: z.string().min(20, "must explain the waiver in at least 20 characters") }).strict())
      .default([]),
    environments: z.object({ staging: stagingEnvironment.optional(), production: environment.optional() }).strict().default({}),
    /**
     * Moves of an environment's state bucket, GCP project or DNSimple account the guard lets through, once the
     * state (or the resources) have been moved: the old and new value and why. Remove an entry once deployed.
     */
    stateMigrations: z
      .array(z.object({ environment: z.enum(["staging", "production"]), from: z.string().min(1), to: z.string().min(1), reason: z.string().min(20, "must explain the move in at least 20 characters") }).strict())
      .default([]),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;
/** The narrow parts of the settings a construct reads, so that its props name only what it uses. */
export type SsoSettings = NonNullable<Settings["sso"]>;
/** The official mail service (thư điện tử công vụ): hosts, SPF, DKIM, DMARC, MTA-STS, TLS-RPT. */
export type MailSettings = Settings["mail"];
/** A province system each commune reaches as `<label>.<commune domain>`. */
export type SharedSystem = Settings["sharedSystems"][number];
/** What becomes of an old unit's mail: its catch-all target and the role addresses forwarded. */
export type RetiredMailSettings = Pick<Settings["retirement"], "forwardMailbox" | "roleAddresses">;
export type OrganizationPolicies = z.infer<typeof organizationPolicies>;
