/**
 * What the scaffold decided for a province, each by a rule written down here once. Every decision is written
 * into the config and marked "to confirm"; the ones that name something a deploy cannot rename without replacing
 * it (domains, buckets, stacks) must be confirmed before the first deploy.
 */
export const DECISION_KINDS = {
  province: {
    title: "Province name",
    firstDeploy: true,
    rule: "the new province into which Nghị quyết 202/2025/QH15 merged the old provinces of the lists' districts.csv (`data/vn-2025/provinces.csv`); the folder names only the folder. Lists whose old provinces are not all in one row of that table: the old province whose folded name the folder carries (`lam-dong` → Tỉnh Lâm Đồng), else the old province with the most old units — a fallback to confirm",
  },
  "parent-domain": {
    title: "Parent domain",
    firstDeploy: true,
    rule: "`<folded province name>.gov.vn`: every new unit's domain is delegated under it",
  },
  "bucket-prefix": {
    title: "Bucket prefix",
    firstDeploy: true,
    rule: "the folded province name; bucket names are global and cannot be renamed",
  },
  "old-parent-domain": {
    title: "Old provinces' domains",
    firstDeploy: true,
    rule: "`<folded old province name>.gov.vn`: the old districts and communes of each old province had their portals under its domain (districts: parentDomain)",
  },
  "district-label": {
    title: "District labels",
    firstDeploy: true,
    rule: "old districts whose names fold to one domain: each takes its kind as a prefix (`huyen-`, `tx-`, `tp-`, `quan-`), else its code as a suffix (districts: label)",
  },
  "flattened-district": {
    title: "Old communes not nested under their district",
    firstDeploy: true,
    rule: "an old district whose old communes' delegations (one NS record per name server each) would not fit its zone's record limit: its old communes' default domains become `<commune>-<district>.<parent>` (districts: communeDomainPattern)",
  },
  slug: {
    title: "New units' domain labels",
    firstDeploy: true,
    rule: "new units folding to one label each take their kind as a prefix (`xa-`, `phuong-`, `dackhu-`), else their first former district as a suffix, else their code; a new unit whose domain an old unit used, and which cannot take it over, takes its kind as a prefix (slug column)",
  },
  "old-domain": {
    title: "Old units' domains",
    firstDeploy: true,
    rule: "old units with one default domain each take their kind as a prefix (`xa-`, `phuong-`, `tt-`), else their code as a suffix (domain column)",
  },
  takeover: {
    title: "Takeovers",
    firstDeploy: true,
    rule: "a new unit whose domain an old district (or old unit) used takes it over when it is that old unit's successor and its zone still fits the record limit with the delegations of the old domains below it; the old portal stays at `luutru.<domain>` (takeovers)",
  },
  shards: {
    title: "Stacks",
    firstDeploy: true,
    rule: "the fewest shards that keep every stack's estimated resources within a budget well under 1,000 (stacks)",
  },
  "split-successor": {
    title: "Successors of split units",
    firstDeploy: false,
    rule: "the receiver that carries the old unit's name; else the receiver that reuses its code; else, among the receivers in its own district (else all), the lowest code (successor column)",
  },
  "district-successor": {
    title: "Successors of districts",
    firstDeploy: false,
    rule: "an old district none of whose receivers carries its name: the receiver of most of its old units (a split unit's rows count), ties to the lowest code (districts: successor)",
  },
} as const;

export type DecisionKind = keyof typeof DECISION_KINDS;

export interface Decision {
  readonly kind: DecisionKind;
  /** Whom it concerns: a unit, a district, an old province, or the province. */
  readonly subject: string;
  /** Where it is written, e.g. "settings.yaml districts" or "old-units.csv successor". */
  readonly where: string;
  readonly value: string;
  /** The facts the rule used for this subject. */
  readonly reason: string;
}
