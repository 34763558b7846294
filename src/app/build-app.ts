import type { App } from "cdktf";
import type { CommuneRoute, RetiredRoute } from "../constructs/gateway-routing";
import { gcpIds } from "../model/cloud-names";
import type { DeployEnvironment } from "../model/environment";
import { provinceFor } from "../model/environment-names";
import { STAND_IN_ADDRESSES } from "../model/gateway-addresses";
import { pushTo } from "../load/util";
import type { Province, RetiredUnit } from "../model/province";
import { groupByShard, shardOf } from "../model/shards";
import { delegations } from "../model/zones";
import { PolicyPack } from "../policy/policy-pack";
import { CommunesStack } from "../stacks/communes-stack";
import { GatewayStack } from "../stacks/gateway-stack";
import { PlatformStack } from "../stacks/platform-stack";
import { platformStackId } from "../stacks/province-stack";

/**
 * Composes a province's stacks, split by lifecycle and blast radius: the platform first, the shards on it (each
 * with its communes and the old units that merged into them), the gateway's routing last. Deploy in that order
 * (the README's runbook). No stack reads another's values: everything is named, and the gateway's addresses come
 * from the settings (or stand-ins), so each stack plans on its own.
 */
export function buildProvinceStacks(app: App, configured: Province, environment: DeployEnvironment): PolicyPack {
  // The model carries production's names; the environment's (staging's own) derive from them.
  const province = provinceFor(configured, environment.name);
  const prefix = province.id;
  const policy = new PolicyPack({ settings: province.settings, declaredNames: declaredNames(province, environment), environment });
  policy.checkEnvironments(configured);
  const common = { province, environment, policy };
  const zoneDelegations = delegations(province);
  const platform = new PlatformStack(app, platformStackId(province), { ...common, delegations: zoneDelegations });
  // An old unit goes with its successor, so a change to one commune touches its own shard only.
  const shardCount = province.settings.stacks.communeShards;
  const retiredByShard = new Map<number, RetiredUnit[]>();
  for (const unit of province.retired) pushTo(retiredByShard, shardOf(unit.successor, shardCount), unit);
  const shardStacks: CommunesStack[] = [];
  for (const [shard, communes] of groupByShard(province.communes, (commune) => commune.code, shardCount)) {
    const stack = new CommunesStack(app, `${prefix}-communes-${shard}`, { ...common, communes, retired: retiredByShard.get(shard) ?? [], delegations: zoneDelegations });
    stack.addDependency(platform);
    shardStacks.push(stack);
  }
  const gateway = new GatewayStack(app, `${prefix}-gateway`, { ...common, routes: gatewayRoutes(province, environment.gcpProject) });
  for (const dependency of [platform, ...shardStacks]) gateway.addDependency(dependency);
  return policy;
}

/** Each commune's hostnames and the hostnames of the old units it succeeded, for the gateway's URL map. */
export function gatewayRoutes(province: Province, project: string): CommuneRoute[] {
  const communes = new Map(province.communes.map((commune) => [commune.code, commune]));
  const retiredBySuccessor = new Map<string, RetiredRoute[]>();
  for (const unit of province.retired) {
    const successor = communes.get(unit.successor)!;
    const hosts = unit.takenOverBy ? [successor.takenOver!.archiveHost] : unit.lookupHosts.map((hostname) => hostname.name);
    const route: RetiredRoute = unit.archiveFolder ? { hosts, archiveFolder: unit.archiveFolder } : { hosts, redirectTo: successor.domain };
    pushTo(retiredBySuccessor, unit.successor, route);
  }
  return province.communes.map((commune) => ({
    id: commune.backendName,
    portalHosts: commune.hostnames.filter((hostname) => hostname.role !== "archive").map((hostname) => hostname.name),
    portalBackendId: gcpIds.backendBucket(project, commune.backendName),
    retired: retiredBySuccessor.get(commune.code) ?? [],
  }));
}

/** Every name a record of this app may aim at: its zones, its hostnames, the shared systems and the gateway's addresses. */
function declaredNames(province: Province, environment: DeployEnvironment): Set<string> {
  const gateway = environment.gatewayAddresses ?? STAND_IN_ADDRESSES;
  return new Set([
    gateway.ipv4,
    gateway.ipv6,
    ...province.communes.flatMap((commune) => [commune.domain, ...commune.hostnames.map((host) => host.name)]),
    ...province.retired.flatMap((unit) => [unit.domain, ...unit.lookupHosts.map((host) => host.name)]),
    ...province.settings.sharedSystems.map((system) => system.target),
  ]);
}
