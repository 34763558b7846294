import { ConfigError } from "../src/load/problems";
import { environmentName, environmentOf, provinceName } from "../src/runtime/province-command";
import { loadFixture } from "./support/fixture-config";

/** PROVINCE and ENV as every command reads them (src/runtime/province-command.ts). */
describe("PROVINCE and ENV, read in one place for every command", () => {
  it("an unset PROVINCE is the default and a set one itself (an empty one is left for provinceDir to refuse); an unset or empty ENV is offline", () => {
    expect([provinceName({}), provinceName({ PROVINCE: "binh-thuan" }), provinceName({ PROVINCE: "" })]).toEqual(["lam-dong", "binh-thuan", ""]);
    expect([environmentName({}), environmentName({ ENV: "" }), environmentName({ ENV: "staging" })]).toEqual(["offline", "offline", "staging"]);
  });

  it("an ENV the settings do not offer is a config problem of ENV, with the fix", () => {
    const tiny = loadFixture();
    expect(environmentOf(tiny, {}).name).toBe("offline");
    try {
      environmentOf(tiny, { ENV: "prod" });
      throw new Error("ENV=prod was accepted");
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([{ file: "ENV", message: '"prod" is not one of offline, staging, production', fix: "set ENV to offline, staging or production" }]);
    }
  });
});
