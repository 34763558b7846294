import type { TerraformResource } from "cdktf";

/**
 * Makes `dependent` wait for `target`, which sits in the same stack, by writing the target's Terraform address
 * into depends_on. The output is what `dependsOn` gives, but cdktf resolves each `dependsOn` token twice per use;
 * for a province's thousands of DNS records that was a fifth of the synth time.
 */
export function dependOn(dependent: TerraformResource, target: TerraformResource): void {
  dependent.addOverride("depends_on", [`${target.terraformResourceType}.${target.friendlyUniqueId}`]);
}
