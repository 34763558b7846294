import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { tempDir } from "./temp";

/**
 * A stand-in `terraform` (a node script first on the PATH) for the deploy runner's tests: it does per stack what
 * the stack's stand-in.json says, and appends every command and every signal it receives to the stack's calls.log.
 *   apply: one behaviour per apply, in turn (the last repeats): "ok"; "fail"; "429" (the dnsimple provider's error
 *          for HTTP 429); "stale" (Terraform's refusal of a saved plan whose state changed); "slow" (applies after a
 *          second); "wait" (runs until a signal, then takes 1.5 s to write its state and release the lock)
 *   plan: one behaviour per plan, in turn (the last repeats): "ok" (default); "429" (a refresh that met DNSimple's limit)
 *   changes: the resource changes of its plans (terraform show -json); retryChanges those of the plans after the first
 */
const SCRIPT = String.raw`#!/usr/bin/env node
const fs = require("fs");
const path = require("path");
const args = process.argv.slice(2);
const spec = fs.existsSync("stand-in.json") ? JSON.parse(fs.readFileSync("stand-in.json", "utf8")) : {};
const log = (line) => fs.appendFileSync("calls.log", line + "\n");
const count = (name) => { const file = "count-" + name; const n = fs.existsSync(file) ? Number(fs.readFileSync(file, "utf8")) + 1 : 1; fs.writeFileSync(file, String(n)); return n; };
log(args.join(" "));
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => { log("signal " + signal); onSignal(); });
let onSignal = () => process.exit(1);
const [command] = args;
if (command === "init") { console.log("Terraform has been successfully initialized!"); process.exit(0); }
if (command === "providers") {
  fs.writeFileSync(".terraform.lock.hcl", "# stand-in lock of\n" + fs.readFileSync("main.tf.json", "utf8"));
  process.exit(0);
}
if (command === "plan") {
  const n = count("plan");
  const planBehaviours = spec.plan || ["ok"];
  if (planBehaviours[Math.min(n, planBehaviours.length) - 1] === "429") { console.error("Error: GET https://api.dnsimple.com/v2/1010/zones/anphu.thu.gov.vn/records?page=1&per_page=100: 429 quota exceeded"); process.exit(1); }
  const changes = n > 1 && spec.retryChanges ? spec.retryChanges : (spec.changes || []);
  const out = args.find((arg) => arg.startsWith("-out=")).slice(5);
  fs.writeFileSync(out, JSON.stringify({ resource_changes: changes.map((c) => ({ address: c.address, change: { actions: c.actions, after: c.after || {}, after_unknown: c.after_unknown || {} } })) }));
  console.log(changes.length ? "Plan: " + changes.length + " to add, 0 to change, 0 to destroy." : "No changes. Your infrastructure matches the configuration.");
  process.exit(changes.length ? 2 : 0);
}
if (command === "show") {
  const file = args[args.length - 1];
  if (args.includes("-json")) process.stdout.write(fs.readFileSync(file, "utf8"));
  else console.log("Terraform will perform the following actions: (stand-in)");
  process.exit(0);
}
if (command === "apply") {
  const behaviours = spec.apply || ["ok"];
  const n = count("apply");
  const behaviour = behaviours[Math.min(n, behaviours.length) - 1];
  const ok = () => { console.log("Apply complete! Resources: 1 added, 0 changed, 0 destroyed."); log("applied"); process.exit(0); };
  if (behaviour === "ok") ok();
  if (behaviour === "fail") { console.error("Error: creating Bucket: googleapi: Error 409: already exists"); log("failed"); process.exit(1); }
  if (behaviour === "429") { console.error("Error: POST https://api.dnsimple.com/v2/1010/zones/anphu.thu.gov.vn/records: 429 quota exceeded"); process.exit(1); }
  if (behaviour === "stale") { console.error("Error: Saved plan is stale"); process.exit(1); }
  if (behaviour === "slow") { setTimeout(ok, 1000); return; }
  if (behaviour === "wait") {
    log("apply started");
    onSignal = () => setTimeout(() => { log("released lock"); process.exit(1); }, 1500);
    setTimeout(ok, 30000);
    return;
  }
}
console.error("stand-in terraform: unexpected " + args.join(" "));
process.exit(64);
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
    writeFileSync(join(dir, "stand-in.json"), JSON.stringify({ apply: stack.apply, plan: stack.plan, changes: stack.changes ?? [BUCKET_CHANGE], retryChanges: stack.retryChanges }));
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
