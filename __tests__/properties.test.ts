import fc from "fast-check";
import { loadProvince } from "../src/load/load-province";
import { ConfigError } from "../src/load/problems";
import type { Province } from "../src/model/province";
import { writeProvince } from "./support/fixture-config";
import { type GeneratedProvince, generatedProvince, provinceFiles } from "./support/generate-province";
import { synthProvince } from "./support/synth-province";

/** Synthesizes as main.ts does (policy pack and the rules on the written Terraform included); returns the stack names. */
function synthChecked(province: Province): string[] {
  const stacks = synthProvince(province);
  for (const stack of stacks) expect(Object.keys(stack.config.resource ?? {}).length).toBeGreaterThan(0);
  return stacks.map((stack) => stack.name);
}

/**
 * Properties over generated provinces (see support/generate-province.ts). Runs are few because each synth costs
 * ~0.1-0.3 s; a failure prints its seed and the shrunk config, which `fc.assert(..., { seed, path })` replays.
 */

/** Loads a generated config: the model, or the ConfigError; any other exception fails the property. */
function load(province: GeneratedProvince): Province | ConfigError {
  try {
    return loadProvince(writeProvince(provinceFiles(province)));
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
}

describe("any generated config", () => {
  /** A loaded model must pass the policy pack and synthesize; a refused one must explain itself. */
  const holds = (generated: GeneratedProvince) => {
    const result = load(generated);
    if (result instanceof ConfigError) {
      expect(result.problems.length).toBeGreaterThan(0);
      for (const problem of result.problems) {
        expect(problem.file).toMatch(/(new-units\.csv|old-units\.csv|settings\.yaml)$/);
        expect(problem.message.trim()).not.toBe("");
        expect(problem.fix.trim()).not.toBe("");
      }
      expect(result.message).not.toMatch(/^\s+at /m);
      return "refused";
    }
    expect(synthChecked(result)).toEqual(expect.arrayContaining(["tinh-thu-platform", "tinh-thu-gateway"]));
    return "loaded";
  };

  it("with mistakes: either loads, passes the policy pack and synthesizes, or fails with problems that each name a file, a message and a fix", () => {
    fc.assert(fc.property(generatedProvince({ mistakes: true }), (generated) => void holds(generated)), { numRuns: 8 });
  }, 60_000);

  it("meant to be right: loads, passes the policy pack and synthesizes", () => {
    fc.assert(fc.property(generatedProvince({ mistakes: false }), (generated) => expect(holds(generated)).toBe("loaded")), { numRuns: 4 });
  }, 60_000);

  it("meant to be right: loads (more runs, no synth)", () => {
    fc.assert(
      fc.property(generatedProvince({ mistakes: false }), (generated) => {
        const result = load(generated);
        if (result instanceof ConfigError) throw new Error(result.message);
      }),
      { numRuns: 60 },
    );
  });
});

/** buildProvince orders units by code (retired units by id), so row order cannot reach the output. */
describe("determinism", () => {
  /** The generated config with the rows of both tables in another order. */
  const shuffled = generatedProvince({ mistakes: false }).chain((generated) =>
    fc.record({
      generated: fc.constant(generated),
      newRows: fc.shuffledSubarray([...generated.newRows], { minLength: generated.newRows.length }),
      oldRows: fc.shuffledSubarray([...generated.oldRows], { minLength: generated.oldRows.length }),
    }),
  );

  it("the order of the CSV rows does not change the model", () => {
    fc.assert(
      fc.property(shuffled, ({ generated, newRows, oldRows }) => {
        const sort = (province: Province) => ({
          ...province,
          communes: [...province.communes].sort((a, b) => a.code.localeCompare(b.code)),
          retired: [...province.retired].sort((a, b) => a.id.localeCompare(b.id)),
        });
        expect(sort(load({ ...generated, newRows, oldRows }) as Province)).toEqual(sort(load(generated) as Province));
      }),
      { numRuns: 30, endOnFailure: true },
    );
  });

  it("the order of the CSV rows does not change a byte of the synthesized stacks", () => {
    fc.assert(
      fc.property(shuffled, ({ generated, newRows, oldRows }) => {
        const synth = (province: GeneratedProvince) => synthProvince(load(province) as Province).map((stack) => [stack.name, stack.json]);
        expect(synth({ ...generated, newRows, oldRows })).toEqual(synth(generated));
      }),
      { numRuns: 4, endOnFailure: true },
    );
  }, 60_000);
});
