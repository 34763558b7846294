import { KIND_PREFIXES } from "./unit-kinds";

/**
 * Folding Vietnamese unit names into DNS labels.
 *
 * Unicode NFD splits every precomposed letter into its base letter and its combining marks (tone and vowel
 * marks alike), so removing the marks leaves ASCII — except đ/Đ, which is a letter of its own, not d plus a mark.
 */


export function foldToAscii(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}

/** The name without its kind prefix: "Xã Phan Rí Cửa" → "Phan Rí Cửa". */
export function bareName(name: string): string {
  const normalized = name.normalize("NFC");
  for (const prefix of KIND_PREFIXES) {
    if (normalized.startsWith(prefix + " ")) return normalized.slice(prefix.length + 1);
  }
  return normalized;
}

function compact(text: string): string {
  return foldToAscii(text).toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * The DNS label a unit's name folds to: "Xã Phan Rí Cửa" → "phanricua". The kind prefix is dropped unless the
 * bare name cannot stand alone as a readable label (numbered wards: "Phường 1" → "phuong1").
 */
export function domainLabel(name: string): string {
  const bare = compact(bareName(name));
  if (bare === "" || /^[0-9]/.test(bare)) return compact(name);
  return bare;
}

/** A display-friendly ASCII form that keeps word boundaries: "Xã Phan Rí Cửa" → "Phan-Ri-Cua". */
export function asciiWords(name: string): string {
  return foldToAscii(bareName(name))
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
