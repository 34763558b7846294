import { archiveBucketName, bucketNameProblem, portalBucketName, TENANT_DISPLAY_NAME, tenantDisplayName } from "../model/cloud-names";
import { type ConfigFiles, type ConfigProblem, describeRow } from "./problems";
import type { Settings } from "../model/settings";
import type { NewRow, OldRow } from "./unit-tables";

/** Archive hostname label for an old domain a new unit took over: lưu trữ = archive. */
export const TAKEOVER_ARCHIVE_LABEL = "luutru";
/** Labels the constructs write into every commune zone; a shared system may not use them. */
const RESERVED_LABELS = ["www", "mta-sts", "_dmarc", "_mta-sts", "_smtp", "_domainkey", "_acme-challenge", TAKEOVER_ARCHIVE_LABEL];


/** Identifier codes (mã định danh điện tử): unique, and the closed codes of old units never reused. */
export function checkIdentifierCodes(newRows: readonly NewRow[], oldRows: readonly OldRow[], files: ConfigFiles): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const closedCodes = new Map<string, OldRow>();
  for (const row of oldRows) {
    if (!row.identifier_code) continue;
    const other = closedCodes.get(row.identifier_code);
    if (other) problems.push({ file: files.oldUnits, row: row.row, unit: describeRow(row), message: `identifier_code ${row.identifier_code} is also ${describeRow(other)}'s (row ${other.row})`, fix: "correct the code as it was issued" });
    else closedCodes.set(row.identifier_code, row);
  }
  const issuedCodes = new Map<string, NewRow>();
  for (const row of newRows) {
    if (!row.identifier_code) continue;
    const closed = closedCodes.get(row.identifier_code);
    const other = issuedCodes.get(row.identifier_code);
    if (closed) problems.push({ file: files.newUnits, row: row.row, unit: describeRow(row), message: `identifier_code ${row.identifier_code} is the closed code of old unit ${describeRow(closed)}`, fix: "a closed code is never reused: write the code issued to the new unit" });
    else if (other) problems.push({ file: files.newUnits, row: row.row, unit: describeRow(row), message: `identifier_code ${row.identifier_code} is also ${describeRow(other)}'s (row ${other.row})`, fix: "correct the code as it was issued" });
    else issuedCodes.set(row.identifier_code, row);
  }
  return problems;
}

/** Names the clouds constrain: tenant display names, bucket names, shared-system labels, legacy tenants. */
export function checkCloudNames(newRows: readonly NewRow[], oldCodes: ReadonlySet<string>, settings: Settings, files: ConfigFiles): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const tenants = new Map<string, NewRow>();
  for (const row of newRows) {
    const tenant = tenantDisplayName(row.name, row.kind, row.slug);
    const other = tenants.get(tenant);
    if (!TENANT_DISPLAY_NAME.test(tenant)) {
      problems.push({ file: files.newUnits, row: row.row, unit: describeRow(row), message: `its identity tenant name "${tenant}" does not match ${TENANT_DISPLAY_NAME.source}`, fix: "give it a slug of 4 to 20 letters, digits or hyphens starting with a letter" });
    } else if (other) {
      problems.push({ file: files.newUnits, row: row.row, unit: describeRow(row), message: `its identity tenant name "${tenant}" is also ${describeRow(other)}'s (row ${other.row})`, fix: "give one of them a distinct slug" });
    } else tenants.set(tenant, row);
    const bucketProblem = bucketNameProblem(portalBucketName(settings.bucketPrefix, "prod", row.code));
    if (bucketProblem) problems.push({ file: files.settings, unit: describeRow(row), message: bucketProblem, fix: "shorten bucketPrefix" });
  }
  for (const system of settings.sharedSystems) {
    if (RESERVED_LABELS.includes(system.label)) {
      problems.push({ file: files.settings, unit: system.purpose, message: `sharedSystems: label "${system.label}" is used by every commune zone already`, fix: `choose another label (reserved: ${RESERVED_LABELS.join(", ")})` });
    }
  }
  const archiveBucketProblem = bucketNameProblem(archiveBucketName(settings.bucketPrefix, "prod"));
  if (archiveBucketProblem) problems.push({ file: files.settings, message: archiveBucketProblem, fix: "shorten bucketPrefix" });
  for (const code of Object.keys(settings.legacyTenants)) {
    if (!oldCodes.has(code)) problems.push({ file: files.settings, message: `legacyTenants: ${code} is not the code of an old unit`, fix: `use a code of ${files.oldUnits}` });
  }
  return problems;
}

/** A unit's own migration window must name an old unit (its code) or an old district (d<code>). */
export function checkMigrationWindows(oldCodes: ReadonlySet<string>, settings: Settings, files: ConfigFiles): ConfigProblem[] {
  const districtIds = Object.values(settings.districts).map((district) => `d${district.code}`);
  return Object.keys(settings.retirement.migrationWindows)
    .filter((id) => !oldCodes.has(id) && !districtIds.includes(id))
    .map((id) => ({ file: files.settings, message: `retirement.migrationWindows: ${id} is not the code of an old unit or d<code> of an old district`, fix: `use a code of ${files.oldUnits}, or d<code> of a district under districts` }));
}
