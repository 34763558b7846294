import { App } from "cdktf";
import { DEFAULT_PROVINCE, loadProvince, provinceDir } from "./src/load/load-province";
import { ConfigError } from "./src/load/problems";
import { resolveEnvironment } from "./src/model/environment";
import { buildProvinceStacks } from "./stacks/build-app";

/**
 * Synthesizes one province: PROVINCE selects config/<province>/ (default binh-thuan), ENV the environment
 * (default offline, which needs no credentials). A bad config prints every problem and exits 1 before any
 * construct is built, so nothing is half-synthesized.
 */
function main(): void {
  try {
    const province = loadProvince(provinceDir(process.env.PROVINCE || DEFAULT_PROVINCE));
    const environment = resolveEnvironment(province.settings, process.env.ENV || "offline");
    if (typeof environment === "string") throw new ConfigError([{ file: "ENV", message: environment, fix: "set ENV to offline, staging or production" }]);
    const app = new App();
    buildProvinceStacks(app, province, environment);
    app.synth();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(error.message);
    process.exitCode = 1;
  }
}

main();
