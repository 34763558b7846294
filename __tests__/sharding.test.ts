import { shardOf } from "../src/model/shards";
import { loadFixture, TINY_SETTINGS } from "./support/fixture-config";
import { synthProvince } from "./support/synth-province";

/** A generated province: `count` communes of one district, each with two old units. */
function generated(count: number, rename?: { code: string; name: string }) {
  const syllables = ["An", "Bình", "Phú", "Hòa", "Tân", "Long", "Thạnh", "Đông", "Tây", "Mỹ", "Lộc", "Hưng"];
  const name = (i: number) => `Xã ${syllables[i % 12]} ${syllables[Math.floor(i / 12) % 12]} ${syllables[Math.floor(i / 144) % 12]}`;
  const rows = Array.from({ length: count }, (_, i) => ({ code: String(10000 + i * 3), name: name(i) }));
  if (rename) rows.find((row) => row.code === rename.code)!.name = rename.name;
  const newUnits = ["code,name,kind,former_district", ...rows.map((row) => `${row.code},${row.name},xa,Huyện Sông Xanh`)].join("\n") + "\n";
  const oldUnits = ["code,name,kind,district,merged_into", ...rows.flatMap((row, i) => [`${20000 + i * 3},Xã Cũ ${row.code}A,xa,Huyện Sông Xanh,${row.name}`, `${20001 + i * 3},Xã Cũ ${row.code}B,xa,Huyện Sông Xanh,${row.name}`])].join("\n") + "\n";
  const settings = TINY_SETTINGS.replace(/takeovers:\n.*\n/, "").replace('"Huyện Sông Xanh": { code: "900" }', `"Huyện Sông Xanh": { code: "900", successor: "${rows[0].name}" }`) + "stacks: { communeShards: 6, retiredShards: 6 }\n";
  return { newUnits, oldUnits, settings };
}

/** The stacks whose synthesized Terraform differs between two configs. */
function changedStacks(before: ReturnType<typeof generated>, after: ReturnType<typeof generated>): string[] {
  const a = new Map(synthProvince(loadFixture(before)).map((stack) => [stack.name, stack.json]));
  const b = new Map(synthProvince(loadFixture(after)).map((stack) => [stack.name, stack.json]));
  return [...new Set([...a.keys(), ...b.keys()])].filter((name) => a.get(name) !== b.get(name)).sort();
}

describe("stable shards", () => {
  const base = generated(16);

  it("assign a unit by its code alone", () => {
    expect(shardOf("22933", 4)).toBe(shardOf("22933", 4));
    const counts = [0, 0, 0, 0];
    for (let code = 22900; code < 23300; code++) counts[shardOf(String(code), 4)]++;
    expect(Math.min(...counts)).toBeGreaterThan(60);
  });

  it("adding one commune changes one commune shard, plus the gateway's and identity platform's hostname lists", () => {
    const added = generated(17);
    const code = "10048";
    expect(changedStacks(base, added)).toEqual(
      [`tinh-thu-communes-${shardOf(code, 6)}`, ...new Set([`tinh-thu-retired-${shardOf("20048", 6)}`, `tinh-thu-retired-${shardOf("20049", 6)}`])]
        .concat(["tinh-thu-gateway", "tinh-thu-platform"])
        .sort(),
    );
  });

  it("renaming one commune changes its shard only, plus the hostname lists", () => {
    const renamed = generated(16, { code: "10030", name: "Xã Hoàn Toàn Mới" });
    const retiredShards = new Set([shardOf("20020", 6), shardOf("20021", 6)].map((shard) => `tinh-thu-retired-${shard}`));
    // The old units merged into it name it as their successor (mail forwards go to its new domain).
    expect(changedStacks(base, renamed)).toEqual([`tinh-thu-communes-${shardOf("10030", 6)}`, ...retiredShards, "tinh-thu-gateway", "tinh-thu-platform"].sort());
  });

  it("retiring one more old unit changes one retired shard and the gateway", () => {
    const retiring = { ...base, oldUnits: base.oldUnits + "29999,Thị trấn Mới Giải Thể,thi-tran,Huyện Sông Xanh,Xã An An An\n" };
    expect(changedStacks(base, retiring)).toEqual([`tinh-thu-retired-${shardOf("29999", 6)}`, "tinh-thu-gateway"].sort());
  });
});
