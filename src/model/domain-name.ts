/** Why a domain is not a valid DNS name (LDH labels of at most 63, at most 253 in all), or undefined. */
export function domainProblem(domain: string): string | undefined {
  if (domain.length > 253) return `domain "${domain}" is longer than 253 characters`;
  for (const label of domain.split(".")) {
    if (label.length === 0) return `domain "${domain}" has an empty label`;
    if (label.length > 63) return `domain "${domain}" has a label longer than 63 characters ("${label}")`;
    if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(label)) return `domain "${domain}" has a label that is not letters, digits and inner hyphens ("${label}")`;
  }
  return undefined;
}
