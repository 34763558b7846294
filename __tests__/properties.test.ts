import fc from "fast-check";
import { loadProvince } from "../src/load/load-province";
import { ConfigError } from "../src/load/problems";
import type { Province } from "../src/model/province";
import { writeProvince } from "./support/fixture-config";
import { type GeneratedProvince, generatedProvince, provinceFiles } from "./support/generate-province";
import { synthProvince } from "./support/synth-province";

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
  it("either loads and synthesizes, or fails with problems that each name a file, a message and a fix", () => {
    let loaded = 0;
    let refused = 0;
    fc.assert(
      fc.property(generatedProvince({ mistakes: true }), (generated) => {
        const result = load(generated);
        if (result instanceof ConfigError) {
          refused++;
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) {
            expect(problem.file).toMatch(/(new-units\.csv|old-units\.csv|settings\.yaml)$/);
            expect(problem.message.trim()).not.toBe("");
            expect(problem.fix.trim()).not.toBe("");
          }
          expect(result.message).not.toMatch(/^\s+at /m);
          return;
        }
        loaded++;
        const stacks = synthProvince(result);
        expect(stacks.map((stack) => stack.name)).toEqual(expect.arrayContaining(["tinh-thu-platform", "tinh-thu-gateway"]));
        for (const stack of stacks) expect(Object.keys(stack.config.resource ?? {}).length).toBeGreaterThan(0);
      }),
      { numRuns: 6 },
    );
    // Both outcomes were exercised (the generator's mistakes are rare enough for about a third to load).
    expect(loaded).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  }, 60_000);

  it("a config meant to be right loads", () => {
    fc.assert(
      fc.property(generatedProvince({ mistakes: false }), (generated) => {
        const result = load(generated);
        if (result instanceof ConfigError) throw new Error(result.message);
      }),
      { numRuns: 60 },
    );
  });
});

/**
 * NOT YET TRUE, hence `it.failing`: the model keeps the CSV's row order (communes, retired units, a split unit's
 * mergedInto, predecessors), and the platform stack (identity-platform authorized_domains) and the gateway (URL
 * map routes) follow it. Sorting in buildProvince (communes by code, retired by id, mergedInto and predecessors)
 * makes both properties hold, but changes Bình Thuận's reviewed platform and gateway snapshots and the split
 * order config.test.ts asserts, so it is left to a reviewed change. When it lands these turn red: make them `it`.
 */
describe("determinism", () => {
  /** The generated config with the rows of both tables in another order. */
  const shuffled = generatedProvince({ mistakes: false }).chain((generated) =>
    fc.record({
      generated: fc.constant(generated),
      newRows: fc.shuffledSubarray([...generated.newRows], { minLength: generated.newRows.length }),
      oldRows: fc.shuffledSubarray([...generated.oldRows], { minLength: generated.oldRows.length }),
    }),
  );

  it.failing("the order of the CSV rows does not change the model", () => {
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

  it.failing("the order of the CSV rows does not change a byte of the synthesized stacks", () => {
    fc.assert(
      fc.property(shuffled, ({ generated, newRows, oldRows }) => {
        const synth = (province: GeneratedProvince) => synthProvince(load(province) as Province).map((stack) => [stack.name, stack.json]);
        expect(synth({ ...generated, newRows, oldRows })).toEqual(synth(generated));
      }),
      { numRuns: 4, endOnFailure: true },
    );
  }, 60_000);
});
