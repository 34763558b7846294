/**
 * The Terraform and provider versions every stack requires.
 *
 * dnsimple 1.10.0 (what @cdktf/provider-dnsimple 10.1.1 binds) reads back the API's deprecated `from`/`to` fields
 * of an email forward, which the API no longer fills, so every create ends in "Provider produced inconsistent
 * result after apply" (dnsimple/terraform-provider-dnsimple issue 331). 2.0.0 reads `alias_email` and
 * `destination_email`; 2.2.0 adds `prevent_delete` to dnsimple_domain. The arguments this project writes are the
 * same in 1.10.0 and 2.2.0, so the 10.1.1 bindings drive 2.2.0 once each stack pins it. 2.x needs Terraform 1.12.
 */
export const DNSIMPLE_PROVIDER_VERSION = "2.2.0";
export const TERRAFORM_REQUIRED_VERSION = ">= 1.12.0";
