import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { tempDir } from "./temp";

/**
 * A stand-in `terraform` (a POSIX shell script first on the PATH: it starts in milliseconds, where a node script
 * took a tenth of a second or more each time) for the deploy runner's tests: it does per stack what the stack's
 * stand-in.* files say, and appends every command and every signal it receives to the stack's calls.log.
 *   apply (stand-in.apply, one line per apply, in turn; the last repeats): "ok"; "fail"; "429" (the dnsimple
 *          provider's error for HTTP 429); "stale" (Terraform's refusal of a saved plan whose state changed); "slow"
 *          (applies after a second); "wait" (runs until a signal, then takes half a second to write its state and
 *          release the lock)
 *   plan (stand-in.plan, likewise): "ok" (default); "429" (a refresh that met DNSimple's limit)
 *   stand-in.plan-1.* / stand-in.plan-n.*: what the first plan and the plans after it write (-out, as terraform show
 *          -json reads it), print and exit with
 */
const SCRIPT = String.raw`#!/bin/sh
log() { printf '%s\n' "$1" >> calls.log; }
# count NAME: n = how many times NAME ran, this one included
count() { n=1; if [ -f "count-$1" ]; then n=$(( $(cat "count-$1") + 1 )); fi; echo "$n" > "count-$1"; }
# behaviour FILE N: b = the N-th line of FILE, or its last when it has fewer
behaviour() { b=$(sed -n "$2p" "$1"); [ -n "$b" ] || b=$(tail -n 1 "$1"); }
ok() { echo "Apply complete! Resources: 1 added, 0 changed, 0 destroyed."; log applied; exit 0; }
on_signal() { exit 1; }
log "$*"
trap 'log "signal SIGINT"; on_signal' INT
trap 'log "signal SIGTERM"; on_signal' TERM
trap 'log "signal SIGHUP"; on_signal' HUP
case "$1" in
  init) echo "Terraform has been successfully initialized!"; exit 0 ;;
  providers) { echo "# stand-in lock of"; cat main.tf.json; } > .terraform.lock.hcl; exit 0 ;;
  plan)
    count plan; behaviour stand-in.plan "$n"
    if [ "$b" = 429 ]; then echo "Error: GET https://api.dnsimple.com/v2/1010/zones/anphu.thu.gov.vn/records?page=1&per_page=100: 429 quota exceeded" >&2; exit 1; fi
    k=1; [ "$n" -gt 1 ] && k=n
    for arg; do case "$arg" in -out=*) out=${"${arg#-out=}"} ;; esac; done
    cp "stand-in.plan-$k.json" "$out"; cat "stand-in.plan-$k.out"; exit "$(cat "stand-in.plan-$k.exit")" ;;
  show)
    for arg; do file=$arg; done
    case " $* " in *" -json "*) cat "$file" ;; *) echo "Terraform will perform the following actions: (stand-in)" ;; esac
    exit 0 ;;
  apply)
    count apply; behaviour stand-in.apply "$n"
    case "$b" in
      ok) ok ;;
      fail) echo "Error: creating Bucket: googleapi: Error 409: already exists" >&2; log failed; exit 1 ;;
      429) echo "Error: POST https://api.dnsimple.com/v2/1010/zones/anphu.thu.gov.vn/records: 429 quota exceeded" >&2; exit 1 ;;
      stale) echo "Error: Saved plan is stale" >&2; exit 1 ;;
      slow) sleep 1; ok ;;
      # A signal interrupts the wait (the sleep, in the same process group, gets it too); the trap then releases.
      wait) log "apply started"; on_signal() { sleep 0.5; log "released lock"; exit 1; }; sleep 30 & wait $!; ok ;;
    esac ;;
esac
echo "stand-in terraform: unexpected $*" >&2
exit 64
`;

export interface StandInStack {
  readonly name: string;
  readonly dependencies?: readonly string[];
  readonly apply?: readonly string[];
  readonly plan?: readonly string[];
  readonly changes?: readonly object[];
  readonly retryChanges?: readonly object[];
}

export interface StandIn {
  readonly root: string;
  readonly outdir: string;
  readonly plans: string;
  /** PATH with the stand-in first. */
  readonly path: string;
  calls(stack: string): string[];
  remove(): void;
}

export const BUCKET_CHANGE = { address: "google_storage_bucket.portal", actions: ["create"], after: { name: "thu-prod-portal-00001", location: "ASIA-SOUTHEAST1" }, after_unknown: { id: true } };

/** A temp folder with the stand-in on its PATH and a cdktf.out of the given stacks (manifest included). */
export function standIn(stacks: readonly StandInStack[]): StandIn {
  const root = tempDir("stand-in-terraform-");
  const bin = join(root, "bin");
  mkdirSync(bin);
  writeFileSync(join(bin, "terraform"), SCRIPT);
  chmodSync(join(bin, "terraform"), 0o755);
  const outdir = join(root, "cdktf.out");
  for (const stack of stacks) {
    const dir = join(outdir, "stacks", stack.name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "cdk.tf.json"), JSON.stringify({ terraform: { required_providers: { google: { source: "google", version: "6.50.0" } } } }));
    writeFileSync(join(dir, "stand-in.apply"), `${(stack.apply ?? ["ok"]).join("\n")}\n`);
    writeFileSync(join(dir, "stand-in.plan"), `${(stack.plan ?? ["ok"]).join("\n")}\n`);
    const first = stack.changes ?? [BUCKET_CHANGE];
    for (const [which, changes] of [["1", first], ["n", stack.retryChanges ?? first]] as const) {
      const written = changes as readonly { address: string; actions: string[]; after?: object; after_unknown?: object }[];
      writeFileSync(join(dir, `stand-in.plan-${which}.json`), JSON.stringify({ resource_changes: written.map((c) => ({ address: c.address, change: { actions: c.actions, after: c.after ?? {}, after_unknown: c.after_unknown ?? {} } })) }));
      writeFileSync(join(dir, `stand-in.plan-${which}.out`), `${written.length ? `Plan: ${written.length} to add, 0 to change, 0 to destroy.` : "No changes. Your infrastructure matches the configuration."}\n`);
      writeFileSync(join(dir, `stand-in.plan-${which}.exit`), written.length ? "2" : "0");
    }
  }
  writeFileSync(join(outdir, "manifest.json"), JSON.stringify({ stacks: Object.fromEntries(stacks.map((stack) => [stack.name, { dependencies: stack.dependencies ?? [] }])) }));
  return {
    root,
    outdir,
    plans: join(root, "plans"),
    path: `${bin}:${process.env.PATH ?? ""}`,
    calls: (stack) => {
      const file = join(outdir, "stacks", stack, "calls.log");
      return existsSync(file) ? readFileSync(file, "utf8").trimEnd().split("\n") : [];
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** An HTTP response as DNSimple's published .http fixtures write it: status line, headers, blank line, body. */
export function readHttpFixture(file: string): { status: number; headers: Record<string, string>; body: string } {
  const text = readFileSync(join(__dirname, "..", "fixtures", "dnsimple", file), "utf8");
  const [head, ...rest] = text.split(/\r?\n\r?\n/);
  const [statusLine, ...headerLines] = head.split(/\r?\n/);
  const headers = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(":")).trim(), line.slice(line.indexOf(":") + 1).trim()]));
  delete headers["content-length"];
  delete headers["Content-Length"];
  return { status: Number(statusLine.split(" ")[1]), headers, body: rest.join("\n\n") };
}

/**
 * A local stand-in for DNSimple's API answering GET /v2/whoami with the given fixtures in turn (the last repeats),
 * as they were published; it records each request's Authorization header.
 */
export async function dnsimpleApi(fixtures: readonly string[]): Promise<{ base: string; authorizations: string[]; close: () => Promise<void> }> {
  const authorizations: string[] = [];
  let served = 0;
  const server: Server = createServer((request, response) => {
    if (request.url !== "/v2/whoami") {
      response.writeHead(404).end('{"message":"Not found"}');
      return;
    }
    authorizations.push(String(request.headers.authorization));
    const { status, headers, body } = readHttpFixture(fixtures[Math.min(served++, fixtures.length - 1)]);
    response.writeHead(status, headers).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, authorizations, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
