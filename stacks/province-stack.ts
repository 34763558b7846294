import { DnsimpleProvider } from "@cdktf/provider-dnsimple/lib/provider";
import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { Aspects, GcsBackend, LocalBackend, TerraformLocal, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import type { GatewayEndpoint } from "../src/constructs/commune-site";
import { Protection } from "../src/constructs/protection";
import { labelValue } from "../src/model/cloud-names";
import type { DeployEnvironment } from "../src/model/environment";
import type { Province } from "../src/model/province";
import type { PolicyPack } from "../src/policy/policy-pack";

export interface ProvinceStackProps {
  readonly province: Province;
  readonly environment: DeployEnvironment;
  /** The province's policy pack, shared by its stacks so zone rules see records declared in any of them. */
  readonly policy: PolicyPack;
}

/**
 * What every stack of a province shares: its own state (a GCS prefix per province, environment and stack, or a
 * local file offline), both providers configured from the settings, the Protection aspect and then the policy
 * pack (which checks that protection). Credentials are
 * never written here: the providers read DNSIMPLE_TOKEN and Google's application-default credentials.
 */
export class ProvinceStack extends TerraformStack {
  readonly labels: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: ProvinceStackProps) {
    super(scope, id);
    const { province, environment } = props;
    if (environment.stateBucket) {
      new GcsBackend(this, { bucket: environment.stateBucket, prefix: `${province.id}/${environment.name}/${id}` });
    } else {
      // Offline state sits in the project root; the path is relative to the stack's working directory
      // (cdktf.out/stacks/<stack>), so other stacks' cross-stack references find it too.
      new LocalBackend(this, { path: `../../../terraform.${id}.tfstate` });
    }
    new GoogleProvider(this, "google", {
      project: environment.gcpProject,
      region: province.settings.gcp.region,
      defaultLabels: { "managed-by": "cdktf", province: labelValue(province.id), env: environment.name },
    });
    // prefetch lists each zone's records once instead of one request per record (API limit: 2,400/hour).
    new DnsimpleProvider(this, "dnsimple", { account: environment.dnsimpleAccount, sandbox: environment.dnsimpleSandbox, prefetch: true });
    this.labels = { province: labelValue(province.id) };
    Aspects.of(this).add(new Protection());
    Aspects.of(this).add(props.policy);
    props.policy.register(this);
  }

  /**
   * The gateway's addresses as locals of this stack: every zone's A and AAAA records refer to the local, so the
   * platform's outputs are read once per stack rather than resolved as a cross-stack reference per record.
   */
  protected localGateway(gateway: GatewayEndpoint): GatewayEndpoint {
    return {
      ...gateway,
      ipv4: new TerraformLocal(this, "gateway_ipv4", gateway.ipv4).asString,
      ipv6: new TerraformLocal(this, "gateway_ipv6", gateway.ipv6).asString,
    };
  }
}
