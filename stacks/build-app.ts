import type { App } from "cdktf";
import type { GatewayRoute } from "../src/constructs/gateway-routing";
import type { DeployEnvironment } from "../src/model/environment";
import type { Province } from "../src/model/province";
import { groupByShard } from "../src/model/shards";
import { PolicyPack } from "../src/policy/policy-pack";
import { certificateMapName } from "../src/constructs/gateway-edge";
import { CommunesStack } from "./communes-stack";
import { GatewayStack } from "./gateway-stack";
import { PlatformStack } from "./platform-stack";
import { RetiredStack } from "./retired-stack";

/**
 * Composes a province's stacks, split by lifecycle and blast radius: the platform first, the commune shards on
 * it, the gateway's routing last. Deploy in that order (the README's runbook).
 */
export function buildProvinceStacks(app: App, province: Province, environment: DeployEnvironment): PolicyPack {
  const prefix = province.id;
  const policy = new PolicyPack({ settings: province.settings, declaredNames: declaredNames(province) });
  const platform = new PlatformStack(app, `${prefix}-platform`, { province, environment, policy });
  const gateway = {
    ipv4: platform.edge.ipv4.address,
    ipv6: platform.edge.ipv6.address,
    // Shard stacks deploy after the platform, so the map is there; by name, no cross-stack output per entry.
    certificateMapName: certificateMapName(province.settings.bucketPrefix),
  };
  const routes: GatewayRoute[] = [];
  const communeStacks: CommunesStack[] = [];
  for (const [shard, communes] of groupByShard(province.communes, (commune) => commune.code, province.settings.stacks.communeShards)) {
    const stack = new CommunesStack(app, `${prefix}-communes-${shard}`, { province, environment, policy, communes, gateway });
    stack.addDependency(platform);
    communeStacks.push(stack);
    stack.sites.forEach((site, index) => {
      const commune = communes[index];
      const hosts = commune.hostnames.filter((hostname) => hostname.role !== "archive").map((hostname) => hostname.name);
      routes.push({ id: commune.backendName, hosts, backendId: site.portal.backend.id });
    });
  }

  // Retired units come after the communes: their delegations and archive hostnames live in commune zones.
  const successors = new Map(province.communes.map((commune) => [commune.code, commune]));
  for (const [shard, units] of groupByShard(province.retired, (unit) => unit.id, province.settings.stacks.retiredShards)) {
    const stack = new RetiredStack(app, `${prefix}-retired-${shard}`, { province, environment, policy, units, gateway });
    for (const dependency of [platform, ...communeStacks]) stack.addDependency(dependency);
    stack.sites.forEach((site, index) => {
      const unit = units[index];
      const successor = successors.get(unit.successor)!;
      const hosts = unit.takenOverBy ? [successor.takenOver!.archiveHost] : unit.lookupHosts.map((hostname) => hostname.name);
      if (site.archive) routes.push({ id: unit.backendName, hosts, backendId: site.archive.backend.id });
      else routes.push({ id: unit.backendName, hosts, redirectTo: successor.domain });
    });
  }
  new GatewayStack(app, `${prefix}-gateway`, { province, environment, policy, edge: platform.edge, routes });
  return policy;
}

/** Every name a record of this app may aim at: its zones, its hostnames and the shared systems. */
function declaredNames(province: Province): Set<string> {
  return new Set([
    ...province.communes.flatMap((commune) => [commune.domain, ...commune.hostnames.map((host) => host.name)]),
    ...province.retired.flatMap((unit) => [unit.domain, ...unit.lookupHosts.map((host) => host.name)]),
    ...province.settings.sharedSystems.map((system) => system.target),
  ]);
}
