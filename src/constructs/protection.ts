import { type IAspect, TerraformResource } from "cdktf";
import type { IConstruct } from "constructs";
import { PROTECTED_TYPES } from "../model/protected-types";

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
