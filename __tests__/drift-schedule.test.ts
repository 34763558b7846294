import { DRIFT_PERIOD_HOURS, driftBudget, driftSchedule, hourLabel, packSlots, preferredHour, type StackRefresh } from "../src/deploy/drift-schedule";
import { formatDriftSchedule } from "../src/rollout/format-drift-schedule";
import { stackLoads } from "../src/rollout/stack-load";
import { realStacks } from "./support/synth-province";

/**
 * The drift check's week: hour slots within drift's share of DNSimple's hour, every stack once a period. The
 * fixture is a period of 6 hours and an hourly limit of 200 (drift's share: 100), so that hours meet and wrap.
 */
const loads = (entries: Record<string, number>): StackRefresh[] => Object.entries(entries).map(([stack, dnsimpleRefreshRequests]) => ({ stack, dnsimpleRefreshRequests }));

const FIXTURE = new Map([
  ["tinh-a", loads({ "tinh-a-platform": 0, "tinh-a-communes-0": 70, "tinh-a-communes-1": 50, "tinh-a-communes-2": 30, "tinh-a-gateway": 0 })],
  // One stack alone over the share: a slot of its own, in an hour of its own.
  ["tinh-b", loads({ "tinh-b-communes-0": 120, "tinh-b-communes-1": 40 })],
  ["tinh-f", loads({ "tinh-f-communes-0": 60 })],
]);
const PERIOD = 6;
const LIMIT = 200;

const hours = (schedule: ReturnType<typeof driftSchedule>) => schedule.slots.map((slot) => `${slot.hour} ${slot.province} ${slot.slot}/${slot.of} ${slot.requests}: ${slot.stacks.join(" ")}`);

describe("drift schedule", () => {
  it("gives each province a preferred hour from a hash of its name alone", () => {
    expect(["tinh-a", "tinh-b", "tinh-c", "tinh-d", "tinh-f"].map((name) => preferredHour(name, PERIOD))).toEqual([5, 3, 4, 4, 0]);
    expect(preferredHour("thanh-hoa")).toBe(preferredHour("thanh-hoa"));
    expect(DRIFT_PERIOD_HOURS).toBe(168);
    expect(driftBudget(2400)).toBe(1200);
  });

  it("packs a province's stacks largest first into slots within the share; a stack over it alone", () => {
    expect(packSlots(FIXTURE.get("tinh-a")!, 100)).toEqual([
      { stacks: ["tinh-a-communes-0", "tinh-a-communes-2", "tinh-a-gateway", "tinh-a-platform"], requests: 100 },
      { stacks: ["tinh-a-communes-1"], requests: 50 },
    ]);
    expect(packSlots(FIXTURE.get("tinh-b")!, 100)).toEqual([
      { stacks: ["tinh-b-communes-0"], requests: 120 },
      { stacks: ["tinh-b-communes-1"], requests: 40 },
    ]);
  });

  it("spreads the slots over the period: from each province's preferred hour, in that hour's order, within the share of every hour", () => {
    const schedule = driftSchedule(FIXTURE, LIMIT, PERIOD);
    expect(schedule).toMatchObject({ hourlyLimit: 200, hourlyBudget: 100, periodHours: 6 });
    // tinh-f (hour 0), tinh-b (3), tinh-a (5); tinh-a's second slot wraps to hour 0, which has no room left: hour 1.
    expect(hours(schedule)).toEqual([
      "0 tinh-f 1/1 60: tinh-f-communes-0",
      "1 tinh-a 2/2 50: tinh-a-communes-1",
      "3 tinh-b 1/2 120: tinh-b-communes-0",
      "4 tinh-b 2/2 40: tinh-b-communes-1",
      "5 tinh-a 1/2 100: tinh-a-communes-0 tinh-a-communes-2 tinh-a-gateway tinh-a-platform",
    ]);
    // Every stack of every province exactly once in the period.
    const all = [...FIXTURE.values()].flat().map((load) => load.stack).sort();
    expect(schedule.slots.flatMap((slot) => slot.stacks).sort()).toEqual(all);
    // Every hour within the share, but for one stack alone over it.
    const perHour = new Map<number, number>();
    for (const slot of schedule.slots) perHour.set(slot.hour, (perHour.get(slot.hour) ?? 0) + slot.requests);
    expect([...perHour].filter(([, requests]) => requests > 100)).toEqual([[3, 120]]);
    expect(schedule.slots.filter((slot) => slot.hour === 3)).toHaveLength(1);
  });

  it("keeps the others' hours when a province is added that meets none of them", () => {
    const before = driftSchedule(FIXTURE, LIMIT, PERIOD);
    const after = driftSchedule(new Map([...FIXTURE, ["tinh-d", loads({ "tinh-d-communes-0": 30 })]]), LIMIT, PERIOD);
    // tinh-d (hour 4) shares hour 4 with tinh-b's 40: nobody moves.
    expect(hours(after)).toEqual([...hours(before).slice(0, 3), "4 tinh-b 2/2 40: tinh-b-communes-1", "4 tinh-d 1/1 30: tinh-d-communes-0", hours(before)[4]]);
  });

  it("moves only the provinces placed after a newcomer whose hours it takes", () => {
    const after = driftSchedule(new Map([...FIXTURE, ["tinh-c", loads({ "tinh-c-communes-0": 90 })]]), LIMIT, PERIOD);
    // tinh-c (hour 4, full) takes hour 5; tinh-a, placed after it, moves to hours 1 and 2. tinh-f and tinh-b stay.
    expect(hours(after)).toEqual([
      "0 tinh-f 1/1 60: tinh-f-communes-0",
      "1 tinh-a 1/2 100: tinh-a-communes-0 tinh-a-communes-2 tinh-a-gateway tinh-a-platform",
      "2 tinh-a 2/2 50: tinh-a-communes-1",
      "3 tinh-b 1/2 120: tinh-b-communes-0",
      "4 tinh-b 2/2 40: tinh-b-communes-1",
      "5 tinh-c 1/1 90: tinh-c-communes-0",
    ]);
  });

  it("refuses a period too short for every slot, naming the slot", () => {
    expect(() => driftSchedule(FIXTURE, LIMIT, 3)).toThrow("the drift check does not fit 3 hours at 100 DNSimple requests an hour: no hour left for tinh-a's slot 2 (50 requests)");
  });

  it("prints the week's arithmetic and one row per slot", () => {
    expect(formatDriftSchedule(driftSchedule(FIXTURE, LIMIT, PERIOD))).toBe(
      [
        "Drift check of production (ENV=offline's stacks: production's): 3 provinces, 5 slots in 5 of the week's 6 hours (hour 0 = Monday 00:00 UTC; the workflow runs at :17).",
        "Each hour's drift stays within 100 DNSimple requests, half of the account's 200 (dnsimple.hourlyRequestLimit): deploys keep the other half. Largest slot 120.",
        "Every stack refreshed once a week: 370 requests, 62% of drift's 600 a week (31% of the account's).",
        "",
        "hour  UTC     province  slot  DNSimple requests  stacks",
        "0     Mon 00  tinh-f    1/1   60                 communes 0",
        "1     Mon 01  tinh-a    2/2   50                 communes 1",
        "3     Mon 03  tinh-b    1/2   120                communes 0",
        "4     Mon 04  tinh-b    2/2   40                 communes 1",
        "5     Mon 05  tinh-a    1/2   100                communes 0, 2; gateway; platform",
        "",
      ].join("\n"),
    );
    expect([0, 23, 24, 167].map(hourLabel)).toEqual(["Mon 00", "Mon 23", "Tue 00", "Sun 23"]);
  });

  it("packs Bình Thuận's real stacks within the share, every stack once", () => {
    const stacks = stackLoads(realStacks());
    const slots = packSlots(stacks, 1200);
    expect(slots.every((slot) => slot.requests <= 1200)).toBe(true);
    expect(slots.flatMap((slot) => slot.stacks).sort()).toEqual(stacks.map((load) => load.stack).sort());
    expect(slots.reduce((sum, slot) => sum + slot.requests, 0)).toBe(stacks.reduce((sum, load) => sum + load.dnsimpleRefreshRequests, 0));
  });
});
