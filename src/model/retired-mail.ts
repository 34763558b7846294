/**
 * Where an old unit's catch-all mail goes once it is retired with mail: forward (thư chuyển tiếp): the settings'
 * retirement.forwardMailbox, every `{successor}` in it the successor's domain (vanthu@{successor} → the
 * successor's văn thư). The forwards the stacks declare and the report's line both take it from here.
 */
export function forwardMailbox(pattern: string, successorDomain: string): string {
  return pattern.replaceAll("{successor}", successorDomain);
}
