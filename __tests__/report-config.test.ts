import { configErrorOf, loadFixture, TINY_SETTINGS } from "./support/fixture-config";

/** The settings the rollout report reads: `plan`, `rollout` and `report`, checked when the config loads. */

const PLAN = `plan:
  reference: Kế hoạch 7/KH-UBND
  milestones:
    - { key: domains, due: "2025-06-05", short: Tên miền, label: Khai báo tên miền }
    - { key: goLive, due: "2025-07-01", short: Vận hành, label: Vận hành chính thức }
`;

describe("plan, rollout and report settings", () => {
  it("loads a config without plan or report, and one whose plan declares no milestones (the scaffold's)", () => {
    expect(loadFixture().settings.plan).toBeUndefined();
    expect(loadFixture().settings.report).toBeUndefined();
    expect(loadFixture({ settings: `${TINY_SETTINGS}plan:\n  milestones: []\n` }).settings.plan).toEqual({ milestones: [] });
  });

  it("takes the milestones in the plan's order and any key the plan declares in rollout", () => {
    const settings = loadFixture({ settings: `${TINY_SETTINGS}${PLAN}rollout:\n  "00010": { goLive: done }\n` }).settings;
    expect(settings.plan?.milestones.map((milestone) => milestone.key)).toEqual(["domains", "goLive"]);
    expect(settings.rollout).toEqual({ "00010": { goLive: "done" } });
  });

  it("refuses a rollout naming an undeclared milestone or an unknown unit, with the closest key or code", () => {
    expect(configErrorOf({ settings: `${TINY_SETTINGS}${PLAN}rollout:\n  "00010": { domains: done, golive: pending }\n  "00030": { domains: done }\n` })).toBe(
      `The config has 2 problems; nothing was synthesized.

<dir>/settings.yaml, Xã An Phú (00010): rollout: milestone "golive" is not declared in plan.milestones
  fix: write a key of plan.milestones (domains, goLive); did you mean "goLive"? — or declare it under plan.milestones: - { key: golive, due: "YYYY-MM-DD", short: "…", label: "…" }

<dir>/settings.yaml, 00030: rollout: "00030" is not the code of a new unit of <dir>/new-units.csv
  fix: write the new unit's code; did you mean "00010"?
`,
    );
  });

  it("says to declare the milestone when the plan declares none", () => {
    expect(configErrorOf({ settings: `${TINY_SETTINGS}rollout:\n  "00020": { domains: done }\n` })).toBe(
      `The config has 1 problem; nothing was synthesized.

<dir>/settings.yaml, Xã Sông Xanh (00020): rollout: milestone "domains" is not declared in plan.milestones
  fix: declare it under plan.milestones: - { key: domains, due: "YYYY-MM-DD", short: "…", label: "…" }
`,
    );
  });

  it("refuses milestones with a repeated key, a date not of the calendar, or an empty text, naming the line", () => {
    const settings = `${TINY_SETTINGS}plan:
  milestones:
    - { key: domains, due: "2025-06-31", short: A, label: B }
    - { key: domains, due: "2025-07-01", short: "", label: B }
`;
    expect(configErrorOf({ settings })).toBe(
      `The config has 3 problems; nothing was synthesized.

<dir>/settings.yaml, row 19: plan.milestones.0.due: must be a day of the calendar
  fix: set it as the settings reference in the README describes

<dir>/settings.yaml, row 20: plan.milestones.1.short: must not be empty
  fix: set it as the settings reference in the README describes

<dir>/settings.yaml, row 20: plan.milestones.1.key: "domains" is declared twice; each milestone has its own key
  fix: set it as the settings reference in the README describes
`,
    );
  });

  it("refuses an unknown key of the report block", () => {
    expect(configErrorOf({ settings: `${TINY_SETTINGS}report:\n  issuer: Sở Thử\n  signer: { title: GIÁM ĐỐC }\n` })).toBe(
      `The config has 1 problem; nothing was synthesized.

<dir>/settings.yaml, row 19: report.signer: unknown key "title"
  fix: remove it or correct its spelling (see the settings reference in the README)
`,
    );
  });
});
