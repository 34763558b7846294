import { domainProblem } from "../model/domain-name";
import { domainLabel } from "../model/fold";
import { TAKEOVER_ARCHIVE_LABEL } from "./check-keys";
import { type ConfigFiles, type ConfigProblem, describeRow, describeUnit } from "./problems";
import type { Settings } from "../model/settings";
import type { NewRow, OldRow } from "./unit-tables";
import { fillPattern, pushTo, suggestion } from "./util";

/** Every unit's domain: the config's when it gives one, otherwise the folded name in the settings' pattern. */
export interface DomainNaming {
  newDomain(row: NewRow): string;
  oldDomain(row: OldRow): string;
  districtDomain(name: string): string;
}

/** What naming reads of the settings (the scaffold builds it before there are settings). */
export type NamingSettings = Pick<Settings, "parentDomain" | "oldCommuneDomainPattern" | "oldDistrictDomainPattern"> & {
  readonly districts: Readonly<Record<string, Pick<Settings["districts"][string], "parentDomain" | "label" | "communeDomainPattern" | "domain">>>;
};

/**
 * A district's label: its folded name without the qualifier the national data adds to names that repeat across
 * merged provinces ("Huyện Châu Thành (Tỉnh Tiền Giang)" → "chauthanh"), unless the settings give one.
 */
export function districtLabel(name: string, settings: Pick<NamingSettings, "districts">): string {
  return settings.districts[name]?.label ?? foldedDistrictName(name);
}

/** The district's name folded, without its qualifier: what a new unit carrying the district's name folds to. */
export function foldedDistrictName(name: string): string {
  return domainLabel(name.replace(/\s*\([^)]*\)$/, ""));
}

/**
 * An old commune's domain from its district's pattern, with `label` in place of its folded name when given.
 * `{parent}` is its district's parent domain: in a merged province, the old province's.
 */
export function oldCommuneDomain(row: Pick<OldRow, "name" | "district">, settings: NamingSettings, label = domainLabel(row.name)): string {
  const district = settings.districts[row.district];
  return fillPattern(district?.communeDomainPattern ?? settings.oldCommuneDomainPattern, {
    label,
    district: districtLabel(row.district, settings),
    parent: district?.parentDomain ?? settings.parentDomain,
  });
}

export function domainNaming(settings: NamingSettings): DomainNaming {
  return {
    newDomain: (row) => row.domain ?? `${row.slug ?? domainLabel(row.name)}.${settings.parentDomain}`,
    oldDomain: (row) => row.domain ?? oldCommuneDomain(row, settings),
    districtDomain: (name) => {
      const district = settings.districts[name];
      return district?.domain ?? fillPattern(settings.oldDistrictDomainPattern, { label: districtLabel(name, settings), parent: district?.parentDomain ?? settings.parentDomain });
    },
  };
}

export interface DomainClaims {
  readonly newRows: readonly NewRow[];
  /** One row per old unit (a split unit's first row). */
  readonly oldRows: readonly OldRow[];
  readonly districts: readonly string[];
  /** Names of new-unit rows already refused: a takeover naming one is not reported again. */
  readonly refusedNewNames: ReadonlySet<string>;
  readonly settings: Settings;
  readonly files: ConfigFiles;
  readonly naming: DomainNaming;
}

/**
 * Who owns each domain. Every domain must be valid and have one owner, except an old domain that the settings
 * let a new unit take over explicitly. Returns the taken-over domains with their heirs, and the problems.
 */
export function claimDomains({ newRows, oldRows, districts, refusedNewNames, settings, files, naming }: DomainClaims): { takenOver: Map<string, NewRow>; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const newNames = newRows.map((row) => row.name);
  interface Owner { domain: string; describe: string; file: string; row?: number; isNew: boolean; newRow?: NewRow }
  const owners = new Map<string, Owner[]>();
  const claim = (owner: Owner) => {
    const problem = domainProblem(owner.domain);
    if (problem) {
      problems.push({ file: owner.file, row: owner.row, unit: owner.describe, message: problem, fix: owner.isNew ? "give the unit a slug (its domain label) or a domain" : "write the old portal's real domain in the domain column" });
      return;
    }
    pushTo(owners, owner.domain, owner);
  };
  for (const row of newRows) claim({ domain: naming.newDomain(row), describe: describeRow(row), file: files.newUnits, row: row.row, isNew: true, newRow: row });
  for (const row of oldRows) claim({ domain: naming.oldDomain(row), describe: describeRow(row), file: files.oldUnits, row: row.row, isNew: false });
  for (const name of districts) {
    if (settings.districts[name]) claim({ domain: naming.districtDomain(name), describe: describeUnit(name, settings.districts[name].code), file: files.settings, isNew: false });
  }

  const takenOver = new Map<string, NewRow>();
  for (const [domain, list] of owners) {
    const newOwners = list.filter((owner) => owner.isNew);
    const oldOwners = list.filter((owner) => !owner.isNew);
    const takeover = settings.takeovers[domain];
    for (const extra of newOwners.slice(1)) {
      problems.push({ file: extra.file, row: extra.row, unit: extra.describe, message: `its domain ${domain} is also the domain of ${newOwners[0].describe} (row ${newOwners[0].row})`, fix: "give one of them a slug (a distinct domain label) in the slug column" });
    }
    for (const extra of oldOwners.slice(1)) {
      problems.push({ file: extra.file, row: extra.row, unit: extra.describe, message: `its domain ${domain} is also the domain of old unit ${oldOwners[0].describe}`, fix: "write each old portal's real domain in the domain column (or the district's under districts in the settings)" });
    }
    if (newOwners.length > 0 && oldOwners.length > 0) {
      const heir = newOwners[0];
      if (takeover?.newUnit === heir.newRow?.name) {
        if (heir.newRow) takenOver.set(domain, heir.newRow);
      } else {
        problems.push({
          file: heir.file,
          row: heir.row,
          unit: heir.describe,
          message: `its domain ${domain} is the domain of old unit ${oldOwners[0].describe}`,
          fix: `give the new unit a slug, or let it take the old domain over in ${files.settings}: takeovers: { "${domain}": { newUnit: "${heir.newRow?.name}", reason: "…" } }`,
        });
      }
    }
  }
  for (const [domain, takeover] of Object.entries(settings.takeovers)) {
    if (refusedNewNames.has(takeover.newUnit)) continue;
    if (!newNames.includes(takeover.newUnit)) {
      problems.push({ file: files.settings, unit: takeover.newUnit, message: `takeovers: "${domain}" names no new unit "${takeover.newUnit}"`, fix: `write the new unit's exact name${suggestion(takeover.newUnit, newNames)}` });
    } else if (!takenOver.has(domain)) {
      problems.push({ file: files.settings, unit: takeover.newUnit, message: `takeovers: "${domain}" is not both an old unit's domain and ${takeover.newUnit}'s`, fix: "remove the takeover or correct its domain" });
    }
  }
  const takeoverCount = new Map<string, number>();
  for (const heir of takenOver.values()) takeoverCount.set(heir.name, (takeoverCount.get(heir.name) ?? 0) + 1);
  for (const [name, count] of takeoverCount) {
    if (count > 1) problems.push({ file: files.settings, unit: name, message: `takeovers: the unit takes over ${count} old domains; its archive hostname ${TAKEOVER_ARCHIVE_LABEL}.<domain> can serve one`, fix: "keep one takeover and give the other old units their own domains" });
  }
  return { takenOver, problems };
}
