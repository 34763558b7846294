import type { TerraformResource } from "cdktf";

/**
 * Makes `dependent` wait for `targets`, which sit in the same stack, by writing their Terraform addresses into
 * depends_on. The output is what `dependsOn` gives, but cdktf resolves each `dependsOn` token twice per use;
 * for a province's thousands of DNS records that was a fifth of the synth time.
 */
export function dependOn(dependent: TerraformResource, ...targets: readonly TerraformResource[]): void {
  dependent.addOverride("depends_on", targets.map((target) => `${target.terraformResourceType}.${target.friendlyUniqueId}`));
}
