import { DnsimpleProvider } from "@cdktf/provider-dnsimple/lib/provider";
import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { Aspects, GcsBackend, LocalBackend, type TerraformResource, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import type { GatewayEndpoint } from "../constructs/site-zone";
import { GatewayAddresses } from "../constructs/gateway-addresses";
import { Protection } from "../constructs/protection";
import { ZoneDelegation } from "../constructs/zone-delegation";
import { gatewayNames, labelValue } from "../model/cloud-names";
import type { DeployEnvironment } from "../model/environment";
import type { Province } from "../model/province";
import { DNSIMPLE_PROVIDER_VERSION, TERRAFORM_REQUIRED_VERSION } from "../model/provider-versions";
import type { Delegation } from "../model/zones";
import type { PolicyPack } from "../policy/policy-pack";

export interface ProvinceStackProps {
  readonly province: Province;
  readonly environment: DeployEnvironment;
  /** The province's policy pack, shared by its stacks so zone rules see records declared in any of them. */
  readonly policy: PolicyPack;
}

/** Where a stack keeps its state: a GCS prefix per province, environment and stack, or a local file offline. */
type StateLocation = { readonly bucket: string; readonly prefix: string } | { readonly path: string };

function stateLocation(province: Province, environment: DeployEnvironment, stackId: string): StateLocation {
  if (environment.stateBucket) return { bucket: environment.stateBucket, prefix: `${province.id}/${environment.name}/${stackId}` };
  // Offline state sits in the project root; the path is relative to the stack's working directory
  // (cdktf.out/stacks/<stack>).
  return { path: `../../../terraform.${stackId}.tfstate` };
}

export function platformStackId(province: Province): string {
  return `${province.id}-platform`;
}

/** Why a stack of this environment carries the stand-in gateway addresses, and what ends it (a sentence). */
function standInReason(province: Province, environment: DeployEnvironment): string {
  const settings = `config/${province.id}/settings.yaml`;
  if (environment.name === "offline") return `ENV=offline is never deployed; staging and production take the platform's addresses from environments.<env>.gatewayAddresses in ${settings}.`;
  return (
    `environments.${environment.name}.gatewayAddresses is not set in ${settings}. Apply the ${platformStackId(province)} stack, ` +
    "paste what `npm run rollout-plan -- --addresses` prints into the settings, synthesize again, then apply this stack."
  );
}

/**
 * What every stack of a province shares: its own state, both providers configured from the settings (dnsimple
 * run at 2.2.0, Terraform ≥ 1.12), the Protection aspect and then the policy pack (which checks that protection).
 * Credentials are never written here: the providers read DNSIMPLE_TOKEN and Google's application-default
 * credentials.
 */
export class ProvinceStack extends TerraformStack {
  readonly labels: Readonly<Record<string, string>>;
  private readonly props: ProvinceStackProps;

  constructor(scope: Construct, id: string, props: ProvinceStackProps) {
    super(scope, id);
    this.props = props;
    const { province, environment } = props;
    const state = stateLocation(province, environment, id);
    if ("bucket" in state) new GcsBackend(this, state);
    else new LocalBackend(this, state);
    new GoogleProvider(this, "google", {
      project: environment.gcpProject,
      region: province.settings.gcp.region,
      defaultLabels: { "managed-by": "cdktf", province: labelValue(province.id), env: environment.name },
    });
    // prefetch lists each zone's records once instead of one request per record (API limit: 2,400/hour).
    new DnsimpleProvider(this, "dnsimple", { account: environment.dnsimpleAccount, sandbox: environment.dnsimpleSandbox, prefetch: true });
    // The bindings pin dnsimple 1.10.0, which cannot manage email forwards: run 2.2.0 (src/model/provider-versions.ts).
    this.addOverride("terraform.required_providers.dnsimple.version", DNSIMPLE_PROVIDER_VERSION);
    this.addOverride("terraform.required_version", TERRAFORM_REQUIRED_VERSION);
    this.labels = { province: labelValue(province.id) };
    Aspects.of(this).add(new Protection());
    Aspects.of(this).add(props.policy);
    props.policy.register(this);
  }

  /**
   * cdktf's preparing pass resolves every value of every stack once more, only to find references to another
   * stack's resources and route them through outputs and remote state. These stacks make none (they share names,
   * and the gateway's addresses come from the settings; __tests__/synth-runtime.test.ts holds every province
   * to it), and the pass cost a third of the synth: what is left of it is the backend every stack has anyway.
   */
  override prepareStack(): void {
    this.ensureBackendExists();
  }

  /**
   * The NS records of every delegation whose parent zone this stack owns (`parents`: domain → zone resource), so
   * that no stack writes into a zone another stack may not have created yet.
   */
  protected declareDelegations(delegations: readonly Delegation[], parents: ReadonlyMap<string, TerraformResource>): void {
    const scope = new Construct(this, "delegations");
    const nameServers = this.props.province.settings.dnsimple.nameServers;
    for (const delegation of delegations) {
      const parent = parents.get(delegation.parent);
      if (parent) new ZoneDelegation(scope, delegation.childId, { parentZone: delegation.parent, child: delegation.child, nameServers, parent });
    }
  }

  /**
   * What the sites of this stack need of the shared gateway. Call it once. The addresses are plain values from the
   * settings (or stand-ins, refused at apply); everything else another stack declares derives from names.
   */
  protected gatewayEndpoint(): GatewayEndpoint {
    const { province, environment } = this.props;
    const addresses = new GatewayAddresses(this, "gateway-addresses", { applied: environment.gatewayAddresses, missing: standInReason(province, environment) });
    return { ipv4: addresses.ipv4, ipv6: addresses.ipv6, standInCheck: addresses.standInCheck, certificateMapName: gatewayNames(province.settings.bucketPrefix).certificateMap };
  }
}
