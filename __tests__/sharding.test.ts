import { shardOf } from "../src/model/shards";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadProvince } from "../src/load/load-province";
import { ROOT } from "./support/project";
import { loadFixture, TINY_SETTINGS, writeProvince } from "./support/fixture-config";
import { realStacks, synthProvince } from "./support/synth-province";

/** A generated province: `count` communes of one district, each with two old units. */
function generated(count: number, rename?: { code: string; name: string }) {
  const syllables = ["An", "Bình", "Phú", "Hòa", "Tân", "Long", "Thạnh", "Đông", "Tây", "Mỹ", "Lộc", "Hưng"];
  const name = (i: number) => `Xã ${syllables[i % 12]} ${syllables[Math.floor(i / 12) % 12]} ${syllables[Math.floor(i / 144) % 12]}`;
  const rows = Array.from({ length: count }, (_, i) => ({ code: String(10000 + i * 3), name: name(i) }));
  if (rename) rows.find((row) => row.code === rename.code)!.name = rename.name;
  const newUnits = ["code,name,kind,former_district", ...rows.map((row) => `${row.code},${row.name},xa,Huyện Sông Xanh`)].join("\n") + "\n";
  const oldUnits = ["code,name,kind,district,merged_into", ...rows.flatMap((row, i) => [`${20000 + i * 3},Xã Cũ ${row.code}A,xa,Huyện Sông Xanh,${row.name}`, `${20001 + i * 3},Xã Cũ ${row.code}B,xa,Huyện Sông Xanh,${row.name}`])].join("\n") + "\n";
  const settings = TINY_SETTINGS.replace(/takeovers:\n.*\n/, "").replace('"Huyện Sông Xanh": { code: "900" }', `"Huyện Sông Xanh": { code: "900", successor: "${rows[0].name}" }`) + "stacks: { communeShards: 6 }\n";
  return { newUnits, oldUnits, settings };
}

/** Each config's stacks, synthesized once for the whole file (the base province is compared three times). */
const synthesized = new Map<string, Map<string, string>>();
function stacksOf(config: ReturnType<typeof generated>): Map<string, string> {
  const key = JSON.stringify(config);
  if (!synthesized.has(key)) synthesized.set(key, new Map(synthProvince(loadFixture(config)).map((stack) => [stack.name, stack.json])));
  return synthesized.get(key)!;
}

/** The stacks whose synthesized Terraform differs between two configs. */
function changedStacks(before: ReturnType<typeof generated>, after: ReturnType<typeof generated>): string[] {
  const a = stacksOf(before);
  const b = stacksOf(after);
  return [...new Set([...a.keys(), ...b.keys()])].filter((name) => a.get(name) !== b.get(name)).sort();
}

describe("stable shards", () => {
  const base = generated(16);

  it("assign a unit by its code alone, the same on every machine and run (FNV-1a: a changed hash would move every unit to another stack)", () => {
    expect(["22933", "22978", "10000", "d595"].map((code) => [shardOf(code, 4), shardOf(code, 10)])).toEqual([[2, 8], [3, 3], [0, 2], [0, 2]]);
    const counts = [0, 0, 0, 0];
    for (let code = 22900; code < 23300; code++) counts[shardOf(String(code), 4)]++;
    expect(Math.min(...counts)).toBeGreaterThan(60);
  });

  const shard = (code: string) => `tinh-thu-communes-${shardOf(code, 6)}`;

  it("adding one commune (with the old units merged into it) changes its shard, the gateway and the platform", () => {
    expect(changedStacks(base, generated(17))).toEqual([shard("10048"), "tinh-thu-gateway", "tinh-thu-platform"].sort());
  });

  it("renaming one commune changes its shard only, plus the hostname lists of the gateway and the platform", () => {
    const renamed = generated(16, { code: "10030", name: "Xã Hoàn Toàn Mới" });
    // The old units merged into it (whose mail and redirects follow its new domain) share its shard.
    expect(changedStacks(base, renamed)).toEqual([shard("10030"), "tinh-thu-gateway", "tinh-thu-platform"].sort());
  });

  it("retiring one more old unit changes its successor's shard and the gateway", () => {
    const retiring = { ...base, oldUnits: base.oldUnits + "29999,Thị trấn Mới Giải Thể,thi-tran,Huyện Sông Xanh,Xã An An An\n" };
    expect(changedStacks(base, retiring)).toEqual([shard("10000"), "tinh-thu-gateway"].sort());
  });
});

describe("the blast radius of one commune", () => {
  it("a new domain label for Phường Mũi Né (22918) changes 3 of Bình Thuận's stacks: its shard, the gateway, the platform", () => {
    const dir = join(ROOT, "config", "binh-thuan");
    // Alone in a temp folder, without its successor lam-dong beside it: no supersededBy (it changes nothing offline).
    const files = { newUnits: readFileSync(join(dir, "new-units.csv"), "utf8"), oldUnits: readFileSync(join(dir, "old-units.csv"), "utf8"), settings: readFileSync(join(dir, "settings.yaml"), "utf8").replace(/^supersededBy: .*\n/m, "") };
    const relabelled = { ...files, newUnits: files.newUnits.replace("22918,Phường Mũi Né,phuong,Thành phố Phan Thiết,,", "22918,Phường Mũi Né,phuong,Thành phố Phan Thiết,muine-moi,") };
    expect(relabelled.newUnits).not.toBe(files.newUnits);
    const before = new Map(realStacks().map((stack) => [stack.name, stack.json]));
    const after = new Map(synthProvince(loadProvince(writeProvince(relabelled, "binh-thuan"))).map((stack) => [stack.name, stack.json]));
    const changed = [...before.keys()].filter((name) => before.get(name) !== after.get(name)).sort();
    expect(changed).toEqual([`binh-thuan-communes-${shardOf("22918", 10)}`, "binh-thuan-gateway", "binh-thuan-platform"].sort());
  });
});
