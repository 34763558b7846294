import { provinceDnsOf, type ProvinceDns } from "../../src/dns/province-dns";
import { loadProvince, provinceDir } from "../../src/load/load-province";
import { type DeployEnvironment, resolveEnvironment } from "../../src/model/environment";
import { sharedStacks } from "./synth-province";

/**
 * What a bundled province declares in DNS (offline, no applied state), from the run's one synthesis of it
 * (sharedStacks): what `npm run zone-files` and `npm run verify` read, without a synth of their own.
 */
export function sharedProvinceDns(folder: string): ProvinceDns {
  const province = loadProvince(provinceDir(folder));
  const environment = resolveEnvironment(province.settings, "offline") as DeployEnvironment;
  return provinceDnsOf(province, environment, sharedStacks(folder));
}
