import { type IAspect, TerraformResource } from "cdktf";
import type { IConstruct } from "constructs";

/**
 * Resource types whose loss cannot be undone: a destroyed dnsimple_domain takes its records with it, a tenant
 * its users, a bucket a portal's or the archive's content, an archive folder the access to one old portal.
 */
export const PROTECTED_TYPES: ReadonlySet<string> = new Set([
  "dnsimple_domain",
  "dnsimple_zone",
  "google_identity_platform_tenant",
  "google_storage_bucket",
  "google_storage_managed_folder",
]);

/**
 * Sets Terraform's lifecycle.prevent_destroy on every protected resource of the stack it is added to, so that no
 * construct can forget it. Removing one on purpose takes a reviewed change here or an acknowledged guard run.
 * A dnsimple_domain also gets the provider's own `prevent_delete` (dnsimple 2.2.0; not in the 10.1.1 bindings,
 * hence the override): it refuses the delete even where Terraform's lifecycle is bypassed, and also blocks the
 * destroy half of a replacement.
 */
export class Protection implements IAspect {
  visit(node: IConstruct): void {
    if (node instanceof TerraformResource && PROTECTED_TYPES.has(node.terraformResourceType)) {
      node.lifecycle = { ...node.lifecycle, preventDestroy: true };
      if (node.terraformResourceType === "dnsimple_domain") node.addOverride("prevent_delete", true);
    }
  }
}
