import type { DeployEnvironment } from "../model/environment";
import type { OutputFinding } from "./output-checks";
import { RULES } from "./rules";
import type { PolicyRule } from "./rules/rule";
import { resourcesIn, type SynthesizedResource, type SynthesizedStack } from "../synth/terraform-json";

const PUBLIC_MEMBERS = ["allUsers", "allAuthenticatedUsers"];

/** One organization policy constraint a public grant meets, and the project-level exception that lets it apply. */
interface Constraint {
  readonly rule: PolicyRule;
  readonly constraint: string;
  /** The settings key that says whether the organization enforces it. */
  readonly setting: "domainRestrictedSharing" | "publicAccessPrevention";
  /** Which public grants it refuses. */
  readonly refuses: (grant: SynthesizedResource) => boolean;
  /** The rule of the project's policy that lifts it (Organization Policy API v2, `gcloud org-policies`). */
  readonly exceptionRule: string;
}

const CONSTRAINTS: readonly Constraint[] = [
  // Domain-restricted sharing refuses allUsers and allAuthenticatedUsers in any IAM policy of the project. It is a
  // list constraint: the exception allows every member in this project (a tag condition may narrow it).
  { rule: RULES.domainRestrictedSharing, constraint: "iam.allowedPolicyMemberDomains", setting: "domainRestrictedSharing", refuses: () => true, exceptionRule: "allowAll: true" },
  // Public access prevention refuses public access to every bucket and object under it, new and existing.
  { rule: RULES.publicAccessPrevention, constraint: "storage.publicAccessPrevention", setting: "publicAccessPrevention", refuses: (grant) => grant.type.startsWith("google_storage_"), exceptionRule: "enforce: false" },
];

function isPublicGrant(resource: SynthesizedResource): boolean {
  if (!/_iam_(member|binding)$/.test(resource.type)) return false;
  const members = resource.type.endsWith("_member") ? [resource.attributes.member] : ((resource.attributes.members as unknown[] | undefined) ?? []);
  return members.some((member) => PUBLIC_MEMBERS.includes(String(member)));
}

/** The commands that set the exception, as the organization's policy administrator runs them. */
function exceptionCommands(project: string, { constraint, exceptionRule }: Constraint): string[] {
  const file = `${constraint}.yaml`;
  return [`cat > ${file} <<'EOF'`, `name: projects/${project}/policies/${constraint}`, "spec:", "  rules:", `  - ${exceptionRule}`, "EOF", `gcloud org-policies set-policy ${file}`];
}

/**
 * ORG-001 and ORG-002: a deployable environment whose organization enforces a constraint that refuses the app's
 * public grants. Google documents no way for a backend bucket to read a private bucket for anonymous visitors
 * (Cloud CDN's signed URLs and cookies need every request signed; private origin authentication is for backend
 * services with internet NEGs), so the portals and archives need the public grant, and the project an exception.
 * One finding per constraint, naming the constraint, the project and the exception to request. Offline, which is
 * never deployed, has no organization.
 */
export function checkOrganizationPolicies(stacks: readonly SynthesizedStack[], environment: DeployEnvironment): OutputFinding[] {
  const enforced = environment.organizationPolicies;
  if (!enforced) return [];
  const grants = resourcesIn(stacks).filter(isPublicGrant);
  return CONSTRAINTS.filter((constraint) => enforced[constraint.setting]).flatMap((constraint) => {
    const refused = grants.filter(constraint.refuses);
    if (refused.length === 0) return [];
    const message = [
      `${refused.length === 1 ? "1 public grant" : `${refused.length} public grants (this one and ${refused.length - 1} more)`} in project ${environment.gcpProject}, whose organization enforces ${constraint.constraint} (environments.${environment.name}.organizationPolicies.${constraint.setting} is true): each would fail at apply.`,
      `  An organization policy administrator (roles/orgpolicy.policyAdmin) sets the project's exception:`,
      ...exceptionCommands(environment.gcpProject, constraint).map((line) => `    ${line}`),
      `  Check it: gcloud org-policies describe ${constraint.constraint} --project=${environment.gcpProject} --effective`,
    ].join("\n");
    return [{ rule: constraint.rule, path: refused[0].path, message }];
  });
}
