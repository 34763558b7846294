import { ProjectService } from "@cdktf/provider-google/lib/project-service";
import { Construct } from "constructs";

/** The Google APIs the province's stacks call, by what needs them. */
export const PROJECT_APIS = {
  /** Addresses, SSL policy, backend buckets, URL maps, proxies, forwarding rules. */
  compute: "compute.googleapis.com",
  /** Certificates, DNS authorizations, the certificate map and its entries. */
  certificateManager: "certificatemanager.googleapis.com",
  /** Identity Platform: the project config and the tenants (needs billing on the project). */
  identityToolkit: "identitytoolkit.googleapis.com",
  /** Buckets, managed folders, objects and their IAM. */
  storage: "storage.googleapis.com",
} as const;

export type ProjectApi = keyof typeof PROJECT_APIS;

/**
 * Enables the APIs on the province's project, which a fresh project does not have: a resource created before its
 * API is enabled fails. Never disabled on destroy, since other stacks (and people) keep using them.
 */
export class ProjectApis extends Construct {
  readonly services: Readonly<Record<ProjectApi, ProjectService>>;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const services = {} as Record<ProjectApi, ProjectService>;
    for (const [key, service] of Object.entries(PROJECT_APIS) as [ProjectApi, string][]) {
      services[key] = new ProjectService(this, key, { service, disableOnDestroy: false, disableDependentServices: false });
    }
    this.services = services;
  }
}
