import fc from "fast-check";
import { domainLabel } from "../../src/model/fold";
import { type FixtureFiles, TINY_SETTINGS_BASE } from "./fixture-config";

/**
 * fast-check generators of small province configs that look like the real ones: Vietnamese names with tones and
 * đ, numbered wards, old communes merged into new ones, split communes, repeated names, names that fold to one
 * label, districts whose names live on as communes (takeovers), optional slugs and identifier codes. With
 * `mistakes`, some of it is wrong in the ways people get it wrong (a split without a successor, a clashing label,
 * a missing takeover, a bad slug or code, a duplicate code).
 */

/** Syllables of real commune names: tones, horn and breve vowels, đ. */
const SYLLABLES = [
  "An", "Phú", "Bình", "Đông", "Tây", "Hòa", "Thắng", "Tân", "Hà", "Long", "Mỹ", "Đức", "Lợi", "Hưng", "Thạnh",
  "Nghĩa", "Sơn", "Thủy", "Hải", "Quý", "Cửa", "Rí", "Phan", "Mũi", "Né", "Hàm", "Thuận", "Đa", "Ngãi", "Trường",
  "Xuân", "Đồng", "Lạc", "Vĩnh", "Hảo", "Chí", "Công", "Liêm", "Bắc", "Nam", "Trung", "Hiệp", "Điền", "Ơn", "Ưu",
] as const;

const NEW_KINDS = { xa: "Xã", phuong: "Phường", "dac-khu": "Đặc khu" } as const;
const OLD_KINDS = { xa: "Xã", phuong: "Phường", "thi-tran": "Thị trấn" } as const;
const DISTRICT_KINDS = ["Huyện", "Thị xã", "Thành phố"] as const;

export const PARENT_DOMAIN = "thu.gov.vn";

export interface GeneratedProvince {
  readonly newHeader: string;
  readonly newRows: readonly string[];
  readonly oldHeader: string;
  readonly oldRows: readonly string[];
  readonly settings: string;
}

export function provinceFiles(province: GeneratedProvince): FixtureFiles {
  return {
    newUnits: [province.newHeader, ...province.newRows].join("\n") + "\n",
    oldUnits: [province.oldHeader, ...province.oldRows].join("\n") + "\n",
    settings: province.settings,
  };
}

const bareName = fc.array(fc.constantFrom(...SYLLABLES), { minLength: 1, maxLength: 3 }).map((words) => words.join(" "));

interface NewUnitDraft { kind: keyof typeof NEW_KINDS; bare: string; slug?: string; identifierCode?: string | "issued" }
interface OldUnitDraft { kind: keyof typeof OLD_KINDS; bare: string | "namesake"; district: number; mergedInto: number; splitInto?: number; successorMode: "first" | "second" | "none" }

const VALID_CODES = ["H55.242.01", "H55.242.02", "001.02.03.H10", "H31.07.1"] as const;
const INVALID_CODES = ["000.00.00.H10", "h55.1", "H5.1", "abc"] as const;
const INVALID_SLUGS = ["Bad_Slug", "-phu", "phú", "a--"] as const;

function newUnitDraft(mistakes: boolean): fc.Arbitrary<NewUnitDraft> {
  return fc.record({
    kind: fc.constantFrom("xa", "phuong", "dac-khu") as fc.Arbitrary<NewUnitDraft["kind"]>,
    // A numbered ward ("Phường 1") or a name of syllables.
    bare: bareName,
    // A slug on one unit in four.
    slug: fc.oneof(
      { weight: 3, arbitrary: fc.constant(undefined) },
      {
        weight: 1,
        arbitrary: mistakes
          ? fc.oneof({ weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-z0-9]{3,10}$/) }, { weight: 1, arbitrary: fc.constantFrom(...INVALID_SLUGS) })
          : fc.stringMatching(/^[a-z][a-z0-9]{3,10}$/),
      },
    ),
    // "issued": a valid code unique to the unit; otherwise a code taken as is (maybe shared or invalid).
    identifierCode: fc.option(
      mistakes
        ? fc.oneof({ weight: 12, arbitrary: fc.constant("issued") }, { weight: 1, arbitrary: fc.constantFrom(...VALID_CODES, ...INVALID_CODES) })
        : fc.constant("issued"),
      { freq: 3, nil: undefined },
    ),
  }).chain((unit) =>
    // Numbered wards: "Phường 1" folds to phuong1, the kind kept to make a readable label.
    unit.kind === "phuong" ? fc.oneof({ weight: 3, arbitrary: fc.constant(unit) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 12 }).map((n) => ({ ...unit, bare: String(n) })) }) : fc.constant(unit),
  );
}

function oldUnitDraft(newCount: number, districtCount: number): fc.Arbitrary<OldUnitDraft> {
  return fc.record({
    kind: fc.constantFrom("xa", "phuong", "thi-tran") as fc.Arbitrary<OldUnitDraft["kind"]>,
    bare: fc.oneof({ weight: 3, arbitrary: bareName }, { weight: 1, arbitrary: fc.constant("namesake" as const) }),
    district: fc.nat(districtCount - 1),
    mergedInto: fc.nat(newCount - 1),
    // One old unit in five is split (in Bình Thuận: 2 of 121, but splits are where the bugs are).
    splitInto: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.nat(newCount - 1) }),
    successorMode: fc.oneof({ weight: 4, arbitrary: fc.constantFrom("first", "second") }, { weight: 1, arbitrary: fc.constant("none") }) as fc.Arbitrary<OldUnitDraft["successorMode"]>,
  });
}


/**
 * A province of 2-8 new units. Without mistakes the config is meant to load: names, codes and labels are made
 * unique, every split names its successor, every district's domain that a commune takes over is declared.
 * With mistakes, those repairs are each skipped now and then.
 */
export function generatedProvince({ mistakes }: { mistakes: boolean }): fc.Arbitrary<GeneratedProvince> {
  const rarely = mistakes ? fc.integer({ min: 0, max: 9 }).map((n) => n === 0) : fc.constant(false);
  return fc
    .record({ newCount: fc.integer({ min: 2, max: 8 }), districtCount: fc.integer({ min: 1, max: 3 }) })
    .chain(({ newCount, districtCount }) =>
      fc.record({
        news: fc.array(newUnitDraft(mistakes), { minLength: newCount, maxLength: newCount }),
        districts: fc.array(fc.record({ kind: fc.constantFrom(...DISTRICT_KINDS), bare: bareName }), { minLength: districtCount, maxLength: districtCount }),
        // Old units beyond one predecessor per new unit.
        olds: fc.array(oldUnitDraft(newCount, districtCount), { minLength: newCount, maxLength: newCount * 3 }),
        // The district whose name lives on as a commune (takeover), if any.
        namesakeDistrict: fc.option(fc.nat(newCount - 1), { freq: 2, nil: undefined }),
        keepDuplicateLabels: rarely,
        keepDuplicateCodes: rarely,
        keepDuplicateOldNames: rarely,
        forgetTakeover: rarely,
        forgetDistrictSuccessor: rarely,
        newBase: fc.integer({ min: 10000, max: 49000 }),
      }),
    )
    .map((draft) => {
      const newCount = draft.news.length;
      if (draft.keepDuplicateLabels) {
        // "Xã An Phú" and "Phường An Phú": two names, one label.
        const [first] = draft.news;
        draft.news[1] = { ...draft.news[1], bare: first.bare, kind: first.kind === "xa" ? "phuong" : "xa", slug: undefined };
        draft.news[0] = { ...first, slug: undefined };
      }
      if (draft.keepDuplicateOldNames && draft.olds.length > 1) draft.olds[1] = { ...draft.olds[1], bare: draft.olds[0].bare, district: draft.olds[0].district };
      // New units: unique names, and unique labels and codes unless a mistake keeps a clash.
      const names = new Set<string>();
      const labels = new Set<string>();
      const tenants = new Set<string>();
      const news = draft.news.map((unit, index) => {
        let name = `${NEW_KINDS[unit.kind]} ${unit.bare}`;
        while (names.has(name)) name += ` ${SYLLABLES[(index * 7 + name.length) % SYLLABLES.length]}`;
        names.add(name);
        let slug = unit.slug;
        const label = slug ?? domainLabel(name);
        if (!draft.keepDuplicateLabels && (labels.has(label) || tenants.has(label.replace(/-/g, "")))) slug = `u${index}${domainLabel(name)}`.slice(0, 20);
        labels.add(slug ?? label);
        tenants.add((slug ?? label).replace(/-/g, ""));
        const code = draft.keepDuplicateCodes && index === 1 ? String(draft.newBase) : String(draft.newBase + index * 10);
        const identifierCode = unit.identifierCode === "issued" ? `H55.242.${index + 1}` : unit.identifierCode;
        return { ...unit, name, slug, code, identifierCode };
      });
      // A district named like a commune: the commune takes its domain over.
      const districts = draft.districts.map((district, index) => {
        const namesake = index === 0 && draft.namesakeDistrict !== undefined ? news[draft.namesakeDistrict] : undefined;
        const bare = namesake && !namesake.slug && !/^\d/.test(namesake.name.split(" ").pop()!) ? namesake.name.replace(/^(Xã|Phường|Đặc khu) /, "") : `${district.bare} ${index}`;
        return { name: `${district.kind} ${bare}`, code: String(600 + index), namesake };
      });
      // District domains derive from the folded name: "Huyện X" and "Thị xã X" would share one.
      const districtLabels = new Set<string>();
      for (const district of districts) {
        while (districtLabels.has(domainLabel(district.name))) district.name += " Mới";
        districtLabels.add(domainLabel(district.name));
      }

      // Old units: one predecessor per new unit first (every new unit needs one), then the drafts.
      const olds = draft.olds.map((old, index) => ({ ...old, mergedInto: index < newCount ? index : old.mergedInto }));
      const oldRows: string[] = [];
      const oldNames = new Set<string>();
      olds.forEach((old, index) => {
        const target = news[old.mergedInto];
        let name = old.bare === "namesake" ? target.name.replace(/^(Đặc khu) /, "Xã ") : `${OLD_KINDS[old.kind]} ${old.bare}`;
        if (name.startsWith("Xã ") && old.kind !== "xa") name = name.replace(/^Xã /, `${OLD_KINDS[old.kind]} `);
        const district = districts[old.district];
        // Old domains are {label}.{district}.{parent}: a repeated name is fine across districts, not within one.
        if (oldNames.has(`${domainLabel(name)}|${district.name}`) && !draft.keepDuplicateOldNames) name += ` ${index}`;
        oldNames.add(`${domainLabel(name)}|${district.name}`);
        const code = String(50000 + index);
        const split = old.splitInto !== undefined && old.splitInto !== old.mergedInto ? news[old.splitInto] : undefined;
        const successor = !split ? "" : old.successorMode === "second" ? split.name : old.successorMode === "first" || !mistakes ? target.name : "";
        oldRows.push([code, name, old.kind, district.name, target.name, successor].join(","));
        if (split) oldRows.push([code, name, old.kind, district.name, split.name, successor].join(","));
      });

      // Settings: every district declared; takeovers of district domains that a commune's domain equals.
      const mergedIntoOf = (districtName: string) =>
        new Set(
          olds
            .filter((old) => districts[old.district].name === districtName)
            .flatMap((old) => [news[old.mergedInto].name, ...(old.splitInto !== undefined && old.splitInto !== old.mergedInto ? [news[old.splitInto].name] : [])]),
        );
      const used = districts.filter((district) => mergedIntoOf(district.name).size > 0);
      const districtLines = used.map((district) => {
        const receivers = [...mergedIntoOf(district.name)];
        const namesakes = news.filter((unit) => domainLabel(unit.name) === domainLabel(district.name) && receivers.includes(unit.name));
        // One receiver carrying the district's name is its successor without saying; of two ("Xã Thắng" with a slug,
        // "Đặc khu Thắng" without), the loader takes the first, so the one that takes the domain over is named.
        const named = namesakes.length > 1 ? (namesakes.find((unit) => !unit.slug) ?? namesakes[0]).name : namesakes.length === 0 ? receivers[0] : undefined;
        const successor = named === undefined || receivers.length === 0 || draft.forgetDistrictSuccessor ? "" : `, successor: "${named}"`;
        return `  "${district.name}": { code: "${district.code}"${successor} }`;
      });
      // A commune whose domain is a district's takes it over only if it receives part of that district (then it is
      // the district's successor); otherwise it gets a slug of its own.
      used.forEach((district) => {
        const receivers = mergedIntoOf(district.name);
        news.forEach((unit, index) => {
          if (!unit.slug && domainLabel(unit.name) === domainLabel(district.name) && !receivers.has(unit.name) && !draft.forgetTakeover) unit.slug = `u${index}${domainLabel(unit.name)}`.slice(0, 20);
        });
      });
      const districtDomains = new Set(used.map((district) => `${domainLabel(district.name)}.${PARENT_DOMAIN}`));
      const takeovers = draft.forgetTakeover
        ? []
        : news
            .filter((unit) => !unit.slug && districtDomains.has(`${domainLabel(unit.name)}.${PARENT_DOMAIN}`))
            .map((unit) => `  ${domainLabel(unit.name)}.${PARENT_DOMAIN}: { newUnit: "${unit.name}", reason: "the commune carries the district's name" }`);
      const settings = `${TINY_SETTINGS_BASE}districts:\n${districtLines.join("\n")}\n${takeovers.length ? `takeovers:\n${takeovers.join("\n")}\n` : ""}`;

      const newRows = news.map((unit) => [unit.code, unit.name, unit.kind, districts[0].name, unit.slug ?? "", unit.identifierCode ?? ""].join(","));
      return {
        newHeader: "code,name,kind,former_district,slug,identifier_code",
        newRows,
        oldHeader: "code,name,kind,district,merged_into,successor",
        oldRows,
        settings,
      };
    });
}
