import { type IAspect, TerraformResource } from "cdktf";
import type { IConstruct } from "constructs";

/**
 * Resource types whose loss cannot be undone: a destroyed dnsimple_domain takes its records with it, a tenant
 * its users, a bucket a portal's or archive's content.
 */
export const PROTECTED_TYPES: ReadonlySet<string> = new Set([
  "dnsimple_domain",
  "dnsimple_zone",
  "google_identity_platform_tenant",
  "google_storage_bucket",
]);

/**
 * Sets Terraform's lifecycle.prevent_destroy on every protected resource of the stack it is added to, so that no
 * construct can forget it. Removing one on purpose takes a reviewed change here or an acknowledged guard run.
 */
export class Protection implements IAspect {
  visit(node: IConstruct): void {
    if (node instanceof TerraformResource && PROTECTED_TYPES.has(node.terraformResourceType)) {
      node.lifecycle = { ...node.lifecycle, preventDestroy: true };
    }
  }
}
