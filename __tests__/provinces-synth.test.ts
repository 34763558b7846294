import { loadProvince, provinceDir } from "../src/load/load-province";
import { resourcesOf, sharedStacks } from "./support/synth-province";

/**
 * Scaffolded provinces synthesize as written, the policy pack included (it runs inside the synth and fails it):
 * Hà Nội with its 199 split units and Lâm Đồng, the province that runs Bình Thuận's communes today. Each is
 * synthesized as `npm run synth` does it (synthesizeProvince: the policy pack, the rules on the written Terraform),
 * once per test run; the command's own wiring is tested on smaller provinces (bad-input, synth-runtime).
 */
describe.each([
  ["ha-noi", "Thành phố Hà Nội", 126, 556],
  ["lam-dong", "Tỉnh Lâm Đồng", 124, 361],
])("the scaffolded province %s", (folder, name, communes, retired) => {
  const province = loadProvince(provinceDir(folder));
  const stacks = sharedStacks(folder);

  it("is the province its lists name, and passes the policy pack in every stack it writes", () => {
    expect([province.settings.province, province.communes.length, province.retired.length]).toEqual([name, communes, retired]);
    expect(stacks.map((stack) => stack.name)).toContain(`${folder}-platform`);
    expect(stacks.length).toBeGreaterThan(2);
  });

  it("declares a tenant for every new unit and keeps every stack well under 1,000 resources", () => {
    expect(resourcesOf(stacks, "google_identity_platform_tenant")).toHaveLength(communes);
    const sizes = stacks.map((stack) => Object.values(stack.config.resource ?? {}).reduce((sum, byName) => sum + Object.keys(byName).length, 0));
    expect(Math.max(...sizes)).toBeLessThan(800);
  });
});
