/**
 * `npm run bench`: how long a cold synth takes, and how much memory, measured on the commands users run.
 *
 * Scenarios: Bình Thuận (the real config) and a generated province of 400 new and 1,200 old units (larger than any
 * real one), each synthesized by three commands — `npm run synth`, `npx cdktf synth` (CHECKPOINT_DISABLE=1) and
 * the compiled path (plain `node` on the app's bundle, loaded as main.ts loads it: no tsx, no npm) — and each
 * command compared with a flat cdktf app run by the same command: the same stacks, resources, data sources, locals
 * and outputs declared with generic elements and no config, validation or constructs (bench/flat-main.ts; its
 * output is checked identical to the real one but for cdktf's "//" metadata). The flat app is bundled like the
 * real one, with the same provider modules and node flags, so both start alike. Target: each command ≤ 1.3× its
 * flat app, wall time.
 *
 * The national scenario synthesizes every folder of config/, each province as `npm run synth` runs it, one process
 * per province and as many at a time as there are cores (bench/national-main.ts); it prints the wall time and the
 * peak RSS of the largest process. Targets: under 5 minutes, no process over 2 GiB. It has no flat baseline: that
 * would need the country's output as input and a second national run, doubling the scenario for a ratio the two
 * provincial scenarios already give; its targets are absolute.
 *
 * Setup (not timed): the working tree's app and config are copied to .bench/project (git-ignored, with the
 * generated province beside the real ones and node_modules linked), where every command runs; its bundle is built
 * first, so no timed run builds it. Each run is a fresh process tree in its own working directory, writing to
 * its own output folder; CPU time and peak RSS come from `/usr/bin/time -v` (Debian package `time`: the whole
 * tree's CPU, the largest process's RSS) or, without it, from every node process's own resource usage.
 *
 * The test suite: `npm test`'s two steps (`npx jest`, `npx tsc --noEmit -p .`), timed once, against one province's
 * synth (Bình Thuận by `npm run synth`, its median). Target: the suite within 30 such synths.
 *
 * Flags: --runs=N (runs per command and scenario; default 5 for Bình Thuận, 3 for the generated province: one run
 * on this shared 2-core VM can be a quarter off the median), --skip-national, --skip-tests, --quick (both), --profile
 * (CPU-profile one Bình Thuận synth, module by module, and print where the time goes), --tests-only (the test suite
 * and Bình Thuận's `npm run synth` only, for that ratio). Prints tables and writes .bench/results.json; exits 1 if a
 * synth fails.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join, relative, resolve } from "node:path";
import { buildSync } from "esbuild";
import { CODE_PATHS } from "../src/changes/affected-provinces";
import { loadProvince } from "../src/load/load-province";
import { ConfigError } from "../src/load/problems";
import { compiledEntry } from "../src/runtime/compiled-entry";
import type { FlatStack } from "./flat-main";
import { generateProvince } from "../src/capacity/generated-province";
import { profileSummary } from "./profile";

const ROOT = resolve(__dirname, "..");
const BENCH = join(ROOT, ".bench");
const PROJECT = join(BENCH, "project");
const FLAT = join(BENCH, "flat");
const RUNS = join(BENCH, "runs");
const RUNNER = join(BENCH, "run-compiled.cjs");
/**
 * The compiled path: the app's bundle compiled and run as main.ts runs it (src/runtime/compiled-entry.ts: a vm
 * Script, which here costs the app less time and memory than require() does), by plain node: no tsx, no check
 * that the bundle is current, no code cache. Usage: node run-compiled.cjs <bundle> <project root>.
 */
const RUNNER_SOURCE = `const { readFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { dirname } = require("node:path");
const { Script } = require("node:vm");
const [file, root] = process.argv.slice(2);
const module_ = { exports: {} };
new Script(\`(function (exports, require, module, __filename, __dirname) {\${readFileSync(file, "utf8")}\\n})\`, { filename: file }).runInThisContext()(module_.exports, createRequire(file), module_, file, dirname(file));
module_.exports.runSynth(root);
`;
/** The module main.ts runs (src/runtime/synth-command.ts): the compiled path runs its bundle directly. */
const SYNTH_ENTRY = "src/runtime/synth-command.ts";
const GiB = 1024 ** 3;
const TARGET_RATIO = 1.3;
const NATIONAL_TARGET_SECONDS = 300;
/** npm test within this many of one province's synth (Bình Thuận, npm run synth). */
const SUITE_TARGET_RATIO = 30;

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const runsFlag = Number(args.find((arg) => arg.startsWith("--runs="))?.split("=")[1]);
const runsArg = Number.isFinite(runsFlag) && runsFlag >= 1 ? Math.round(runsFlag) : undefined;
const skipNational = flag("--quick") || flag("--skip-national");
const skipTests = flag("--quick") || flag("--skip-tests");
const testsOnly = flag("--tests-only");

// ---------------------------------------------------------------------------------------------------------------
// Measuring one fresh process tree

interface Measurement {
  readonly ok: boolean;
  readonly status: number | null;
  readonly wallMs: number;
  readonly cpuMs?: number;
  readonly maxRssBytes?: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly outdir: string;
}

const TIME = "/usr/bin/time";
const hasGnuTime = existsSync(TIME) && /Maximum resident set size/.test(spawnSync(TIME, ["-v", process.execPath, "-e", "0"], { encoding: "utf8" }).stderr ?? "");
/** Without GNU time: every node process of the tree reports its own CPU time and peak RSS when it exits. */
const RUSAGE_HOOK = join(BENCH, "rusage-hook.cjs");
const RUSAGE_HOOK_SOURCE = 'process.on("exit", () => { const u = process.resourceUsage(); process.stderr.write(`\\nBENCH_RUSAGE ${u.maxRSS} ${u.userCPUTime} ${u.systemCPUTime}\\n`); });\n';

/** The child's environment: no inherited NODE_OPTIONS (tsx, an inspector), no cdktf telemetry. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: "1", ...extra };
  delete env.NODE_OPTIONS;
  if (!hasGnuTime) env.NODE_OPTIONS = `--require=${RUSAGE_HOOK}`;
  return env;
}

let runCounter = 0;
function runDir(label: string): string {
  const dir = join(RUNS, `${String(++runCounter).padStart(3, "0")}-${label}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Runs `argv` in `cwd` as a fresh process tree; the synth writes to `outdir` (CDKTF_OUTDIR, or the command's flag). */
function measure(argv: readonly string[], cwd: string, outdir: string, env: Record<string, string> = {}): Measurement {
  const command = hasGnuTime ? [TIME, "-v", ...argv] : argv;
  const started = performance.now();
  const result = spawnSync(command[0], command.slice(1), { cwd, env: childEnv({ ...env, CDKTF_OUTDIR: outdir }), encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const wallMs = performance.now() - started;
  const stderr = result.stderr ?? "";
  let cpuMs: number | undefined;
  let maxRssBytes: number | undefined;
  if (hasGnuTime) {
    const seconds = (name: string) => Number(new RegExp(`${name} time \\(seconds\\): ([\\d.]+)`).exec(stderr)?.[1] ?? NaN);
    cpuMs = (seconds("User") + seconds("System")) * 1000;
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
    if (rss) maxRssBytes = Number(rss[1]) * 1024;
  } else {
    const usages = [...stderr.matchAll(/BENCH_RUSAGE (\d+) (\d+) (\d+)/g)].map((match) => match.slice(1).map(Number));
    if (usages.length > 0) {
      maxRssBytes = Math.max(...usages.map(([rss]) => rss)) * 1024;
      cpuMs = usages.reduce((sum, [, user, system]) => sum + (user + system) / 1000, 0);
    }
  }
  return { ok: result.status === 0, status: result.status, wallMs, cpuMs: Number.isFinite(cpuMs) ? cpuMs : undefined, maxRssBytes, stdout: result.stdout ?? "", stderr, outdir };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// ---------------------------------------------------------------------------------------------------------------
// Reading a synth's output

type Blocks = Record<string, Record<string, Record<string, unknown>>>;
type StackJson = Record<string, unknown> & { terraform?: FlatStack["terraform"]; provider?: FlatStack["provider"]; resource?: Blocks; data?: Blocks; output?: Record<string, Record<string, unknown>>; locals?: Record<string, unknown> };

/** A synth's stacks, as its manifest lists them; each stack's JSON is read on demand. */
function readManifest(outdir: string): { name: string; dependencies: string[]; path: string }[] {
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as { stacks: Record<string, { name: string; dependencies: string[]; synthesizedStackPath: string }> };
  return Object.values(manifest.stacks).map((stack) => ({ name: stack.name, dependencies: stack.dependencies, path: join(outdir, stack.synthesizedStackPath) }));
}

const readStack = (path: string) => JSON.parse(readFileSync(path, "utf8")) as StackJson;
const countEntries = (blocks?: Record<string, Record<string, unknown>>) => Object.values(blocks ?? {}).reduce((sum, byName) => sum + Object.keys(byName).length, 0);

interface StackStats {
  readonly stacks: number;
  readonly resources: number;
  readonly maxResources: number;
  readonly maxStack: string;
  readonly megabytes: number;
}

function addStats(total: StackStats, outdir: string): StackStats {
  let { stacks, resources, maxResources, maxStack, megabytes } = total;
  for (const stack of readManifest(outdir)) {
    const count = countEntries(readStack(stack.path).resource);
    stacks++;
    resources += count;
    if (count > maxResources) [maxResources, maxStack] = [count, stack.name];
    megabytes += statSync(stack.path).size / 1024 ** 2;
  }
  return { stacks, resources, maxResources, maxStack, megabytes };
}
const NO_STATS: StackStats = { stacks: 0, resources: 0, maxResources: 0, maxStack: "", megabytes: 0 };

/** The same value without cdktf's "//" metadata keys, at any depth, keys sorted. */
function withoutMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMetadata);
  if (value === null || typeof value !== "object") return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value as Record<string, unknown>).sort()) {
    if (key !== "//") copy[key] = withoutMetadata((value as Record<string, unknown>)[key]);
  }
  return copy;
}

/** The flat baseline's input (a FlatInput): the real synth's stacks without cdktf's metadata. */
function writeFlatInput(outdir: string, file: string): void {
  const strip = (blocks?: Blocks) => blocks && (withoutMetadata(blocks) as Blocks);
  const stacks: FlatStack[] = readManifest(outdir).map((stack) => {
    const json = readStack(stack.path);
    return { name: stack.name, dependencies: stack.dependencies, terraform: json.terraform, provider: json.provider, resource: strip(json.resource), data: strip(json.data), output: json.output, locals: json.locals };
  });
  writeFileSync(file, JSON.stringify({ stacks }));
}

/** Stacks whose Terraform differs between two outputs: by their text (`exact`), or but for the "//" metadata. */
function differingStacks(expected: string, actual: string, exact: boolean): string[] {
  const actualByName = new Map(readManifest(actual).map((stack) => [stack.name, stack.path]));
  const text = (path: string) => (exact ? readFileSync(path, "utf8") : JSON.stringify(withoutMetadata(readStack(path))));
  return readManifest(expected)
    .filter((stack) => !actualByName.has(stack.name) || text(stack.path) !== text(actualByName.get(stack.name)!))
    .map((stack) => stack.name);
}

// ---------------------------------------------------------------------------------------------------------------
// Setup: the project copy, the flat app, the generated province

/**
 * Copies what the synth reads (src/changes/affected-provinces.ts: CODE_PATHS) and config/ to .bench/project, with
 * their timestamps (the bundle cache keeps nothing built from a file saved while it was building).
 */
function copyProject(): void {
  rmSync(PROJECT, { recursive: true, force: true });
  mkdirSync(PROJECT, { recursive: true });
  for (const path of [...CODE_PATHS, "config/"]) {
    const from = join(ROOT, path);
    if (existsSync(from)) cpSync(from, join(PROJECT, path), { recursive: true, preserveTimestamps: true });
  }
  symlinkSync(join(ROOT, "node_modules"), join(PROJECT, "node_modules"), "dir");
}

/** The provider modules (deep imports) in a bundle's inputs, e.g. @cdktf/provider-google/lib/storage-bucket. */
function providerModules(inputs: readonly string[]): string[] {
  return [...new Set(inputs.flatMap((input) => /node_modules\/(@cdktf\/provider-[a-z]+\/lib\/[^/]+)\/index\.js$/.exec(input)?.[1] ?? []))].sort();
}

/**
 * The flat app: bench/flat-main.ts bundled with the same provider modules as the real app's bundle, in a project
 * folder of its own whose package.json and cdktf.json run it on `input` (rewritten per scenario).
 */
function buildFlat(realInputs: readonly string[]): string {
  rmSync(FLAT, { recursive: true, force: true });
  mkdirSync(FLAT, { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(FLAT, "node_modules"), "dir");
  const bundle = join(FLAT, "flat.js");
  const imports = [...providerModules(realInputs), "./bench/flat-main"].map((module) => `import ${JSON.stringify(module)};`).join("\n");
  buildSync({ stdin: { contents: imports, resolveDir: ROOT, sourcefile: "flat-entry.ts", loader: "ts" }, outfile: bundle, bundle: true, platform: "node", target: "node20", format: "cjs", legalComments: "none", logLevel: "error" });
  return bundle;
}

function pointFlatAt(bundle: string, input: string, nodeFlags: readonly string[]): void {
  const command = ["node", ...nodeFlags, JSON.stringify(bundle), JSON.stringify(input)].join(" ");
  writeFileSync(join(FLAT, "package.json"), JSON.stringify({ name: "flat-baseline", private: true, scripts: { synth: command } }, null, 2));
  writeFileSync(join(FLAT, "cdktf.json"), JSON.stringify({ language: "typescript", app: command, projectId: "flat-baseline", sendCrashReports: "false", terraformProviders: [], terraformModules: [], context: {} }, null, 2));
}

function checkConfig(dir: string): { communes: number; retired: number } {
  try {
    const province = loadProvince(dir);
    return { communes: province.communes.length, retired: province.retired.length };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`config ${relative(ROOT, dir)} does not load:\n${error.message.split("\n").slice(0, 40).join("\n")}\n`);
    process.exit(2);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Scenarios

const COMMANDS = ["npm run synth", "npx cdktf synth", "compiled"] as const;
type Command = (typeof COMMANDS)[number];

/**
 * The node flags of package.json's synth script (`node <flags> --require tsx/cjs main.ts`): the compiled path and
 * the flat app run with them too, so that they differ from the user commands by tsx and the app only.
 */
function synthNodeFlags(): string[] {
  const script = (JSON.parse(readFileSync(join(PROJECT, "package.json"), "utf8")) as { scripts: { synth: string } }).scripts.synth;
  const match = /^node((?: --\S+)*) --require tsx\/cjs main\.ts$/.exec(script);
  if (!match) throw new Error(`package.json's synth script is not "node [--flags] --require tsx/cjs main.ts": ${script}`);
  return match[1].split(" ").filter(Boolean);
}

/** How a command runs the real app (in the project copy) or the flat one, writing to `outdir`. */
function invocation(command: Command, side: "real" | "flat", outdir: string, bundle: string, nodeFlags: readonly string[]): { argv: string[]; cwd: string } {
  const project = side === "real" ? PROJECT : FLAT;
  switch (command) {
    case "npm run synth":
      return { argv: ["npm", "run", "synth"], cwd: project };
    case "npx cdktf synth":
      return { argv: ["npx", "cdktf", "synth", "--output", outdir], cwd: project };
    case "compiled":
      return { argv: [process.execPath, ...nodeFlags, ...(side === "real" ? [RUNNER, bundle, PROJECT] : [bundle, join(FLAT, "input.json")])], cwd: join(outdir, "..") };
  }
}

interface Side {
  readonly ok: boolean;
  readonly wallMs: number;
  readonly cpuMs?: number;
  readonly maxRssBytes?: number;
  readonly runs: number[];
}

function summarize(list: readonly Measurement[]): Side {
  const cpu = list.map((m) => m.cpuMs);
  const rss = list.map((m) => m.maxRssBytes).filter((value): value is number => value !== undefined);
  return {
    ok: list.length > 0 && list.every((m) => m.ok),
    wallMs: median(list.map((m) => m.wallMs)),
    cpuMs: cpu.every((value) => value !== undefined) ? median(cpu as number[]) : undefined,
    maxRssBytes: rss.length ? Math.max(...rss) : undefined,
    runs: list.map((m) => Math.round(m.wallMs)),
  };
}

interface CommandResult {
  readonly command: Command;
  readonly real: Side;
  readonly flat: Side;
  /** Stacks whose files differ from the compiled path's (user commands) — none expected. */
  readonly differing: string[];
}

interface ScenarioResult {
  readonly name: string;
  readonly newUnits: number;
  readonly oldUnits: number;
  readonly stats: StackStats;
  readonly commands: CommandResult[];
  /** Stacks whose Terraform the flat app writes differently (but for "//" metadata) — none expected. */
  readonly flatDiffering: string[];
}

const failures: string[] = [];

function explain(label: string, measurement: Measurement): void {
  const saved = join(BENCH, `failed-${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.txt`);
  writeFileSync(saved, `${measurement.stdout}\n${measurement.stderr}`);
  failures.push(`${label}: exit ${measurement.status} (output in ${relative(ROOT, saved)})`);
  const tail = measurement.stderr.split("\n").filter((line) => !/^\s+[A-Z][a-zA-Z ()/:]+: /.test(line) && !line.startsWith("\tCommand")).slice(-20);
  process.stderr.write(`\n${label} failed (exit ${measurement.status}); stderr ends with:\n${tail.join("\n")}\n`);
}

interface Setup {
  readonly bundles: { readonly real: string; readonly flat: string };
  readonly nodeFlags: readonly string[];
}

function runScenario(name: string, province: string, units: { newUnits: number; oldUnits: number }, runs: number, { bundles, nodeFlags }: Setup): ScenarioResult | undefined {
  process.stderr.write(`[bench] ${name} (x${runs}):`);
  const env = { PROVINCE: province };
  // The compiled path's first output is the reference: the flat app's input, and what the user commands must write.
  const reference = join(runDir(`${province}-reference`), "cdktf.out");
  const first = measure(invocation("compiled", "real", reference, bundles.real, nodeFlags).argv, join(reference, ".."), reference, env);
  if (!first.ok) {
    explain(`${name}: compiled synth`, first);
    return undefined;
  }
  const stats = addStats(NO_STATS, reference);
  writeFlatInput(reference, join(FLAT, "input.json"));
  pointFlatAt(bundles.flat, join(FLAT, "input.json"), nodeFlags);

  const measured = new Map<Command, { real: Measurement[]; flat: Measurement[]; differing: Set<string> }>(COMMANDS.map((command) => [command, { real: [], flat: [], differing: new Set() }]));
  let flatDiffering: string[] | undefined;
  // Runs alternate between commands and between the real and the flat app, so that a change in the machine's load
  // touches all of them alike.
  for (let run = 0; run < runs; run++) {
    for (const command of COMMANDS) {
      for (const side of ["real", "flat"] as const) {
        const outdir = join(runDir(`${province}-${side}-${command.replace(/\W+/g, "-")}`), "cdktf.out");
        const { argv, cwd } = invocation(command, side, outdir, side === "real" ? bundles.real : bundles.flat, nodeFlags);
        const measurement = measure(argv, cwd, outdir, side === "real" ? env : {});
        process.stderr.write(` ${side === "real" ? command : "flat"} ${(measurement.wallMs / 1000).toFixed(1)}s`);
        if (!measurement.ok) {
          explain(`${name}: ${command} (${side})`, measurement);
          return undefined;
        }
        const entry = measured.get(command)!;
        entry[side].push(measurement);
        if (side === "real") for (const stack of differingStacks(reference, outdir, true)) entry.differing.add(stack);
        else flatDiffering ??= differingStacks(reference, outdir, false);
        rmSync(join(outdir, ".."), { recursive: true, force: true });
      }
    }
  }
  process.stderr.write("\n");
  return {
    name,
    ...units,
    stats,
    commands: COMMANDS.map((command) => {
      const entry = measured.get(command)!;
      return { command, real: summarize(entry.real), flat: summarize(entry.flat), differing: [...entry.differing] };
    }),
    flatDiffering: flatDiffering ?? [],
  };
}

interface NationalResult {
  readonly provinces: number;
  readonly newUnits: number;
  readonly retired: number;
  readonly stats: StackStats;
  readonly measurement: Side;
  readonly slowest: string;
}

/** Every real province at once, as bench/national-main.ts runs them (one `npm run synth` process each). */
function runNational(provinces: readonly string[]): NationalResult | undefined {
  process.stderr.write(`[bench] national: ${provinces.length} provinces, ${cpus().length} at a time:`);
  const outdir = join(runDir("national"), "cdktf.out");
  const measurement = measure([process.execPath, "--require", "tsx/cjs", join(ROOT, "bench", "national-main.ts"), ...provinces], PROJECT, outdir);
  process.stderr.write(` ${(measurement.wallMs / 1000).toFixed(1)}s\n`);
  if (!measurement.ok) {
    explain("national synth", measurement);
    return undefined;
  }
  const counts = provinces.map((province) => checkConfig(join(PROJECT, "config", province)));
  const stats = provinces.reduce((total, province) => addStats(total, join(outdir, province)), NO_STATS);
  const slowest = measurement.stdout.split("\n").filter(Boolean).map((line) => line.split(" ")).sort((a, b) => Number(b[1]) - Number(a[1]))[0];
  rmSync(join(outdir, ".."), { recursive: true, force: true });
  return {
    provinces: provinces.length,
    newUnits: counts.reduce((sum, count) => sum + count.communes, 0),
    retired: counts.reduce((sum, count) => sum + count.retired, 0),
    stats,
    measurement: summarize([measurement]),
    slowest: slowest ? `${slowest[0]} ${(Number(slowest[1]) / 1000).toFixed(1)} s` : "?",
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Test suite and profile

function timeCommand(command: string, commandArgs: readonly string[]): { seconds: number; ok: boolean; summary: string } {
  const started = performance.now();
  const result = spawnSync(command, commandArgs, { cwd: ROOT, env: childEnv({}), encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  const text = `${result.stdout ?? ""}\n${result.stderr ?? ""}`;
  const summary = text.split("\n").filter((line) => /^(Tests|Test Suites):/.test(line.trim())).map((line) => line.trim()).join("; ");
  return { seconds, ok: result.status === 0, summary };
}

type TestSuite = { jest: ReturnType<typeof timeCommand>; tsc: ReturnType<typeof timeCommand> };

function runTestSuite(): TestSuite {
  process.stderr.write("[bench] test suite: npx jest, then npx tsc --noEmit -p .\n");
  return { jest: timeCommand("npx", ["jest"]), tsc: timeCommand("npx", ["tsc", "--noEmit", "-p", "."]) };
}

/** The suite's line and its verdict against one province's synth (`synthMs`: Bình Thuận, npm run synth). */
function suiteLines(tests: TestSuite, synthMs: number | undefined): string[] {
  const suiteSeconds = tests.jest.seconds + tests.tsc.seconds;
  const ratio = synthMs ? (suiteSeconds * 1000) / synthMs : undefined;
  const pass = ratio !== undefined && ratio <= SUITE_TARGET_RATIO && tests.jest.ok && tests.tsc.ok;
  return [
    `test suite: npx jest ${tests.jest.seconds.toFixed(1)} s (${tests.jest.ok ? "passed" : "FAILED"}${tests.jest.summary ? `: ${tests.jest.summary}` : ""}); ` +
      `npx tsc --noEmit -p . ${tests.tsc.seconds.toFixed(1)} s (${tests.tsc.ok ? "passed" : "FAILED"}); npm test (tsc + jest) ≈ ${suiteSeconds.toFixed(1)} s`,
    `${ratio === undefined ? "????" : pass ? "PASS" : "FAIL"}  test suite / one province's synth: ${suiteSeconds.toFixed(1)} s / ${seconds(synthMs)} s (Bình Thuận, npm run synth) = ${ratio === undefined ? "?" : `${ratio.toFixed(1)}x`} (target <= ${SUITE_TARGET_RATIO}x${tests.jest.ok && tests.tsc.ok ? "" : "; the suite FAILED"})`,
  ];
}

/** --tests-only: Bình Thuận's `npm run synth` (`runs` times, after a warm-up) and the test suite, for their ratio. */
function testsOnlyMain(runs: number): void {
  const loadBefore = load();
  mkdirSync(BENCH, { recursive: true });
  rmSync(RUNS, { recursive: true, force: true });
  writeFileSync(RUSAGE_HOOK, RUSAGE_HOOK_SOURCE);
  console.log(machineLine());
  console.log(`load average (1, 5, 15 min) at the start: ${loadBefore}`);
  copyProject();
  const synth = () => measure(["npm", "run", "synth"], PROJECT, join(runDir("suite-synth"), "cdktf.out"), { PROVINCE: "binh-thuan" });
  const warm = synth();
  if (!warm.ok) return explain("warm-up synth", warm);
  process.stderr.write(`[bench] Bình Thuận, npm run synth (x${runs}):`);
  const synths = Array.from({ length: runs }, () => {
    const measurement = synth();
    process.stderr.write(` ${(measurement.wallMs / 1000).toFixed(1)}s`);
    return measurement;
  });
  process.stderr.write("\n");
  const synthSide = summarize(synths);
  const tests = runTestSuite();
  console.log(`Bình Thuận, npm run synth: ${seconds(synthSide.wallMs)} s (median; runs ${synthSide.runs.join("/")} ms)`);
  for (const line of suiteLines(tests, synthSide.ok ? synthSide.wallMs : undefined)) console.log(line);
  console.log(`load average (1, 5, 15 min) at the end: ${load()}`);
  writeFileSync(join(BENCH, "results.json"), JSON.stringify({ machine: machineLine(), date: new Date().toISOString(), load: { start: loadBefore, end: load() }, synth: synthSide, tests, failures }, null, 2));
}

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listTs(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/**
 * One Bình Thuận synth under V8's CPU profiler. The bundle would show everything as one file, so the app is
 * transpiled module by module into .bench/app for this run (packages load from node_modules as usual).
 */
function profile(): string[] {
  const app = join(BENCH, "app");
  const dir = join(BENCH, "profile");
  rmSync(app, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
  buildSync({ entryPoints: [...listTs(join(ROOT, "src")), ...listTs(join(ROOT, "stacks"))], outdir: app, outbase: ROOT, format: "cjs", platform: "node", target: "node20", logLevel: "error" });
  const outdir = join(runDir("profile"), "cdktf.out");
  const argv = [process.execPath, "--cpu-prof", `--cpu-prof-dir=${dir}`, "--cpu-prof-interval=200", RUNNER, join(app, "src", "runtime", "synth-command.js"), PROJECT];
  const measurement = measure(argv, join(outdir, ".."), outdir, { PROVINCE: "binh-thuan" });
  if (!measurement.ok) explain("profiled synth", measurement);
  const file = existsSync(dir) ? readdirSync(dir).find((name) => name.endsWith(".cpuprofile")) : undefined;
  return file ? [`CPU profile of one Bình Thuận synth (${relative(ROOT, join(dir, file))}, profiler overhead included):`, ...profileSummary(join(dir, file))] : [];
}

// ---------------------------------------------------------------------------------------------------------------
// Report

const seconds = (ms?: number) => (ms === undefined ? "?" : (ms / 1000).toFixed(2));
const mib = (bytes?: number) => (bytes === undefined ? "?" : (bytes / 1024 ** 2).toFixed(0));
const times = (a?: number, b?: number) => (a === undefined || b === undefined || b <= 0 ? "?" : `${(a / b).toFixed(2)}x`);
const load = () => loadavg().map((value) => value.toFixed(2)).join(" ");

function machineLine(): string {
  const cpuinfo = existsSync("/proc/cpuinfo") ? readFileSync("/proc/cpuinfo", "utf8") : "";
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? "unknown cpu";
  return `machine: ${model}, ${cpus().length} cores, ${(totalmem() / GiB).toFixed(1)} GiB RAM, node ${process.version}, ${process.platform}; CPU and peak RSS via ${hasGnuTime ? "/usr/bin/time -v" : "process.resourceUsage()"}`;
}

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => row[i].length)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

function main(): void {
  const benchStarted = performance.now();
  const loadBefore = load();
  mkdirSync(BENCH, { recursive: true });
  rmSync(RUNS, { recursive: true, force: true });
  writeFileSync(RUNNER, RUNNER_SOURCE);
  writeFileSync(RUSAGE_HOOK, RUSAGE_HOOK_SOURCE);
  console.log(machineLine());
  console.log(`load average (1, 5, 15 min) at the start: ${loadBefore}`);

  // Setup, not timed.
  const setupStarted = performance.now();
  copyProject();
  const provinces = readdirSync(join(ROOT, "config"), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const big = generateProvince(join(PROJECT, "config"), { id: "bench-400", name: "Tỉnh Thử Nghiệm", newUnits: 400, oldUnits: 1200, seed: 400 });
  const checkedBig = checkConfig(big.dir);
  const realBundle = compiledEntry(PROJECT, SYNTH_ENTRY).file;
  const inputs = (JSON.parse(readFileSync(join(PROJECT, ".cache", "compiled", "synth-command.inputs.json"), "utf8")) as { inputs: string[] }).inputs;
  const setup: Setup = { bundles: { real: realBundle, flat: buildFlat(inputs) }, nodeFlags: synthNodeFlags() };
  const { bundles } = setup;
  // One synth as users run it, so that the timed runs find V8's code cache beside the bundle (made by a first run).
  const warmUp = join(runDir("warm-up"), "cdktf.out");
  const warm = measure(["npm", "run", "synth"], PROJECT, warmUp, { PROVINCE: "binh-thuan" });
  if (!warm.ok) explain("warm-up synth", warm);
  console.log(`setup (not timed, ${((performance.now() - setupStarted) / 1000).toFixed(1)} s): project copy in ${relative(ROOT, PROJECT)}, its bundle ${relative(ROOT, realBundle)}; the flat app ${relative(ROOT, bundles.flat)} with the ${providerModules(inputs).length} provider modules the app bundles; node flags of the synth script, for the compiled path and the flat app too: ${setup.nodeFlags.join(" ") || "none"}`);
  console.log(`  bench-400: ${checkedBig.communes} communes, ${checkedBig.retired} retired units (${big.oldUnits} old + ${big.districts} districts; ${big.splitUnits} split), ${big.communeShards} commune shards`);

  const results = [
    runScenario("Bình Thuận", "binh-thuan", { newUnits: 45, oldUnits: 121 }, runsArg ?? 5, setup),
    runScenario("Generated 400/1200", "bench-400", { newUnits: big.newUnits, oldUnits: big.oldUnits }, runsArg ?? 3, setup),
  ].filter((result): result is ScenarioResult => result !== undefined);
  const national = skipNational ? undefined : runNational(provinces);

  const tests = skipTests ? undefined : runTestSuite();
  const profileLines = flag("--profile") ? profile() : [];
  const loadAfter = load();

  console.log("");
  console.log(
    table(
      ["scenario", "command", "synth s", "cpu s", "RSS MiB", "flat s", "flat cpu s", "flat RSS MiB", "synth/flat", "(cpu)", `<= ${TARGET_RATIO}x`],
      results.flatMap((r) =>
        r.commands.map((c) => [
          r.name,
          c.command,
          seconds(c.real.wallMs),
          seconds(c.real.cpuMs),
          mib(c.real.maxRssBytes),
          seconds(c.flat.wallMs),
          seconds(c.flat.cpuMs),
          mib(c.flat.maxRssBytes),
          times(c.real.wallMs, c.flat.wallMs),
          times(c.real.cpuMs, c.flat.cpuMs),
          c.real.wallMs <= TARGET_RATIO * c.flat.wallMs ? "PASS" : "FAIL",
        ]),
      ),
    ),
  );
  console.log("");
  for (const r of results) {
    const compiled = r.commands.find((c) => c.command === "compiled")!;
    const overheads = r.commands.filter((c) => c !== compiled).map((c) => `${c.command} +${seconds(c.real.wallMs - compiled.real.wallMs)} s (flat +${seconds(c.flat.wallMs - compiled.flat.wallMs)} s)`);
    console.log(`${r.name}: ${r.stats.stacks} stacks, ${r.stats.resources} resources, largest ${r.stats.maxStack} (${r.stats.maxResources}), ${r.stats.megabytes.toFixed(1)} MiB of cdk.tf.json`);
    console.log(`  each command's cost over the compiled path: ${overheads.join("; ")}`);
    console.log(`  runs (ms): ${r.commands.map((c) => `${c.command} ${c.real.runs.join("/")}, flat ${c.flat.runs.join("/")}`).join("; ")}`);
    const differing = r.commands.filter((c) => c.differing.length > 0);
    console.log(`  ${differing.length === 0 ? "every command wrote the same stacks, byte for byte" : `DIFFERENT stacks: ${differing.map((c) => `${c.command}: ${c.differing.join(", ")}`).join("; ")}`}; ` + (r.flatDiffering.length === 0 ? "the flat app's Terraform is identical but for cdktf's // metadata" : `the flat app's Terraform DIFFERS in ${r.flatDiffering.length} stacks (e.g. ${r.flatDiffering[0]})`));
  }
  if (national) {
    const { measurement: m, stats } = national;
    console.log(
      `National, ${national.provinces} provinces of config/ (${national.newUnits} new, ${national.retired} retired units): ${seconds(m.wallMs)} s wall, ${seconds(m.cpuMs)} s CPU, ` +
        `largest process ${mib(m.maxRssBytes)} MiB; ${stats.stacks} stacks, ${stats.resources} resources, largest ${stats.maxStack} (${stats.maxResources}); slowest province ${national.slowest}`,
    );
  }
  const binhThuanSynth = results.find((r) => r.name === "Bình Thuận")?.commands.find((c) => c.command === "npm run synth")?.real.wallMs;
  const suite = tests ? suiteLines(tests, binhThuanSynth) : [];
  if (suite.length > 0) console.log(suite[0]);

  console.log("");
  const verdict = (pass: boolean) => (pass ? "PASS" : "FAIL");
  for (const r of results) {
    for (const c of r.commands) console.log(`${verdict(c.real.wallMs <= TARGET_RATIO * c.flat.wallMs)}  ${r.name}, ${c.command}: ${times(c.real.wallMs, c.flat.wallMs)} the flat app's time (target <= ${TARGET_RATIO}x)`);
  }
  if (national) {
    const m = national.measurement;
    console.log(`${verdict(m.wallMs <= NATIONAL_TARGET_SECONDS * 1000)}  national: ${seconds(m.wallMs)} s for every province (target < ${NATIONAL_TARGET_SECONDS} s)`);
    console.log(`${m.maxRssBytes === undefined ? "????" : verdict(m.maxRssBytes <= 2 * GiB)}  national: largest process ${mib(m.maxRssBytes)} MiB (target <= 2048 MiB)`);
  } else console.log("----  national targets not measured (--quick / --skip-national)");
  console.log(suite[1] ?? "----  test suite / one province's synth not measured (--quick / --skip-tests)");
  const largest = Math.max(...results.map((r) => r.stats.maxResources), national?.stats.maxResources ?? 0);
  console.log(`${verdict(largest <= 1000)}  no stack over ~1,000 resources: largest ${largest}`);
  console.log(`load average (1, 5, 15 min) at the end: ${loadAfter}; bench wall time ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`);
  if (profileLines.length) console.log(["", ...profileLines].join("\n"));

  writeFileSync(join(BENCH, "results.json"), JSON.stringify({ machine: machineLine(), date: new Date().toISOString(), load: { start: loadBefore, end: loadAfter }, results, national, tests, profile: profileLines, failures }, null, 2));
  if (failures.length > 0) {
    console.log(`\nsynth failures (exit 1): ${failures.join("; ")}`);
    process.exitCode = 1;
  }
}

if (testsOnly) testsOnlyMain(runsArg ?? 5);
else main();
