/**
 * `npm run bench`: how long a cold synth takes and how much memory it needs, from one run on one machine.
 *
 * Scenarios: Bình Thuận (the real config), one generated province of 400 new and 1,200 old units (larger than any
 * real one) and a generated country (34 provinces, 3,321 new and 10,035 old units) synthesized at once: one process
 * per province, as many at a time as there are cores (bench/national-main.ts). Each is compared with two baselines:
 * a flat cdktf app declaring the same resource graph with no config, validation or constructs, in one process
 * (bench/flat-main.ts), and JSON.stringify of the same output. For the country, the wall-time ratio gains from the
 * parallel provinces; the CPU-time ratio does not, and both are printed.
 *
 * Setup (not timed): the app, bench/national-main.ts and bench/flat-main.ts are transpiled once with esbuild into
 * .bench/app (git-ignored), so every measurement is plain `node` on compiled JS in a fresh process; the compiled
 * loader finds its configs at .bench/app/config/ (binh-thuan is a symlink to the real folder). Each measurement
 * runs in its own temporary working directory with CDKTF_OUTDIR pointing there; peak memory comes from
 * `/usr/bin/time -v` (Debian package `time`) or, without it, from the child's process.resourceUsage().maxRSS.
 *
 * The national synth takes minutes, so by default it runs under a time limit (1.6x the flat baseline scaled from
 * the generated province, at most 240 s): a run that reaches it is reported as "not finished, so over N x", with its
 * peak RSS until then; the flat baseline needs the real output, so it is then scaled from the generated province
 * and marked "est".
 *
 * Flags: --full (no time limit: the national synth and its flat baseline run to the end), --national-timeout=SECONDS,
 * --quick (skip the national scenario and the test suite), --skip-national, --skip-tests, --runs=N (runs per
 * small scenario; default 3 for Bình Thuận, 1 for the generated province), --profile (CPU-profile one Bình Thuận
 * synth and print where the time goes). Prints a table and writes .bench/results.json; exits 0 whatever the
 * targets say, 1 if a synth itself fails (an error or out of memory; reaching the bench's own time limit is not).
 */
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join, relative, resolve } from "node:path";
import { buildSync } from "esbuild";
import { loadProvince } from "../src/load/load-province";
import { ConfigError } from "../src/load/problems";
import type { FlatStack } from "./flat-main";
import { generateCountry, generateProvince, type GeneratedProvince } from "./generate";
import { profileSummary } from "./profile";

const ROOT = resolve(__dirname, "..");
const BENCH = join(ROOT, ".bench");
const APP = join(BENCH, "app");
const RUNS = join(BENCH, "runs");
const GiB = 1024 ** 3;

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const numberFlag = (name: string) => {
  const value = args.find((arg) => arg.startsWith(`${name}=`))?.split("=")[1];
  return value === undefined || !Number.isFinite(Number(value)) ? undefined : Number(value);
};
const quick = flag("--quick");
const full = flag("--full");
const skipNational = quick || flag("--skip-national");
const skipTests = quick || flag("--skip-tests");
const runsFlag = numberFlag("--runs");
const runsArg = runsFlag === undefined ? undefined : Math.max(1, Math.round(runsFlag));
const timeoutArg = numberFlag("--national-timeout");

// ---------------------------------------------------------------------------------------------------------------
// Measuring one fresh process

type Outcome = "ok" | "error" | "out of memory" | "V8 crash" | "time limit";

interface Measurement {
  readonly outcome: Outcome;
  readonly status: number | null;
  readonly wallMs: number;
  readonly cpuMs?: number;
  readonly maxRssBytes?: number;
  readonly stderr: string;
  readonly outdir: string;
}

const TIME = "/usr/bin/time";
const hasGnuTime = (() => {
  if (!existsSync(TIME)) return false;
  const probe = spawnSync(TIME, ["-v", process.execPath, "-e", "0"], { encoding: "utf8" });
  return probe.status === 0 && /Maximum resident set size/.test(probe.stderr);
})();
const RUSAGE_HOOK = join(BENCH, "rusage-hook.cjs");
/**
 * A time limit from inside the child: a worker thread (which runs while the main thread is busy synthesizing)
 * kills its own process after BENCH_TIME_LIMIT_MS, so that GNU time still reports the child's peak RSS until then.
 */
const WATCHDOG_HOOK = join(BENCH, "watchdog-hook.cjs");
const WATCHDOG_SOURCE = `const { Worker } = require("node:worker_threads");
const ms = Number(process.env.BENCH_TIME_LIMIT_MS);
if (ms > 0) {
  const code = 'const { workerData } = require("node:worker_threads"); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.ms); process.kill(workerData.pid, "SIGKILL");';
  new Worker(code, { eval: true, workerData: { ms, pid: process.pid } }).unref();
}
`;

/** The child's environment: plain node, no inherited NODE_OPTIONS (no tsx, no inspector). */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.NODE_OPTIONS;
  return env;
}

interface MeasureOptions {
  readonly env?: Record<string, string>;
  readonly nodeFlags?: readonly string[];
  /** Kill the child after this many seconds (WATCHDOG_HOOK); its peak RSS until then is still reported. */
  readonly timeoutSeconds?: number;
}

let runCounter = 0;
/** Runs `node <script> <args>` in a fresh process and its own working directory, with CDKTF_OUTDIR there. */
function measure(label: string, script: string, scriptArgs: readonly string[], options: MeasureOptions = {}): Measurement {
  const cwd = join(RUNS, `${String(++runCounter).padStart(2, "0")}-${label}`);
  rmSync(cwd, { recursive: true, force: true });
  mkdirSync(cwd, { recursive: true });
  const outdir = join(cwd, "cdktf.out");
  const limited = options.timeoutSeconds !== undefined && options.timeoutSeconds > 0;
  const env = childEnv({ ...options.env, CDKTF_OUTDIR: outdir, ...(limited ? { BENCH_TIME_LIMIT_MS: String(options.timeoutSeconds! * 1000) } : {}) });
  let argv = [process.execPath, ...(options.nodeFlags ?? []), ...(hasGnuTime ? [] : ["-r", RUSAGE_HOOK]), ...(limited ? ["-r", WATCHDOG_HOOK] : []), script, ...scriptArgs];
  if (hasGnuTime) argv = [TIME, "-v", ...argv];
  const started = performance.now();
  const result = spawnSync(argv[0], argv.slice(1), { cwd, env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
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
    const usage = /BENCH_RUSAGE (\d+) (\d+) (\d+)/.exec(stderr);
    if (usage) {
      maxRssBytes = Number(usage[1]) * 1024;
      cpuMs = (Number(usage[2]) + Number(usage[3])) / 1000;
    }
  }
  const outcome: Outcome =
    result.status === 0 ? "ok"
    : /heap out of memory|Reached heap limit/.test(stderr) ? "out of memory"
    : /# Fatal error in|FATAL ERROR/.test(stderr) ? "V8 crash"
    : limited && (result.signal === "SIGKILL" || /terminated by signal 9/.test(stderr)) && wallMs >= options.timeoutSeconds! * 1000 - 500 ? "time limit"
    : "error";
  return { outcome, status: result.status, wallMs, cpuMs: Number.isFinite(cpuMs) ? cpuMs : undefined, maxRssBytes, stderr, outdir };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const maxOf = (values: readonly (number | undefined)[]) => {
  const known = values.filter((value): value is number => value !== undefined);
  return known.length ? Math.max(...known) : undefined;
};

// ---------------------------------------------------------------------------------------------------------------
// Reading a synth's output

type StackJson = Record<string, unknown> & {
  terraform?: FlatStack["terraform"];
  provider?: FlatStack["provider"];
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
  output?: Record<string, Record<string, unknown>>;
  locals?: Record<string, unknown>;
};

/** A synth's stacks, as its manifest lists them; each stack's JSON is read on demand (national outputs are large). */
interface SynthOutput {
  readonly stacks: { name: string; dependencies: string[]; path: string }[];
}

function readOutput(outdir: string): SynthOutput {
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as {
    stacks: Record<string, { name: string; dependencies: string[]; synthesizedStackPath: string }>;
  };
  return {
    stacks: Object.values(manifest.stacks).map((stack) => ({ name: stack.name, dependencies: stack.dependencies, path: join(outdir, stack.synthesizedStackPath) })),
  };
}

const readStack = (path: string) => JSON.parse(readFileSync(path, "utf8")) as StackJson;
const countEntries = (blocks?: Record<string, Record<string, unknown>>) => Object.values(blocks ?? {}).reduce((sum, byName) => sum + Object.keys(byName).length, 0);

interface StackStats {
  readonly stacks: number;
  readonly resources: number;
  readonly maxResources: number;
  readonly maxStack: string;
  readonly over1000: number;
  readonly dataSources: number;
  readonly outputs: number;
  readonly megabytes: number;
}

function stackStats(output: SynthOutput): StackStats {
  let resources = 0;
  let maxResources = 0;
  let maxStack = "";
  let over1000 = 0;
  let dataSources = 0;
  let outputs = 0;
  let bytes = 0;
  for (const stack of output.stacks) {
    const json = readStack(stack.path);
    const count = countEntries(json.resource);
    resources += count;
    if (count > maxResources) [maxResources, maxStack] = [count, stack.name];
    if (count > 1000) over1000++;
    dataSources += countEntries(json.data);
    outputs += Object.keys(json.output ?? {}).length;
    bytes += statSync(stack.path).size;
  }
  return { stacks: output.stacks.length, resources, maxResources, maxStack, over1000, dataSources, outputs, megabytes: bytes / 1024 ** 2 };
}

/** The same value without cdktf's "//" metadata keys, at any depth. */
function withoutMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMetadata);
  if (value === null || typeof value !== "object") return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value as Record<string, unknown>).sort()) {
    if (key !== "//") copy[key] = withoutMetadata((value as Record<string, unknown>)[key]);
  }
  return copy;
}

/** Writes the flat baseline's input (a FlatInput) one stack at a time. */
function writeFlatInput(output: SynthOutput, providerModules: readonly string[], file: string): void {
  const strip = (blocks?: Record<string, Record<string, Record<string, unknown>>>) =>
    blocks && Object.fromEntries(Object.entries(blocks).map(([type, byName]) => [type, Object.fromEntries(Object.entries(byName).map(([name, config]) => [name, withoutMetadata(config) as Record<string, unknown>]))]));
  const fd = openSync(file, "w");
  writeSync(fd, `{"providerModules":${JSON.stringify(providerModules)},"stacks":[`);
  output.stacks.forEach((stack, index) => {
    const json = readStack(stack.path);
    const flat: FlatStack = {
      name: stack.name,
      dependencies: stack.dependencies,
      terraform: json.terraform,
      provider: json.provider,
      resource: strip(json.resource),
      data: strip(json.data),
      output: json.output,
      locals: json.locals,
    };
    writeSync(fd, (index ? "," : "") + JSON.stringify(flat));
  });
  writeSync(fd, "]}");
  closeSync(fd);
}

/** The stacks of the flat baseline that differ from the real synth (ignoring "//" metadata). */
function flatDifferences(real: SynthOutput, flat: SynthOutput): string[] {
  const flatByName = new Map(flat.stacks.map((stack) => [stack.name, stack]));
  const differing: string[] = [];
  for (const stack of real.stacks) {
    const other = flatByName.get(stack.name);
    if (!other || JSON.stringify(withoutMetadata(readStack(stack.path))) !== JSON.stringify(withoutMetadata(readStack(other.path)))) differing.push(stack.name);
  }
  return differing;
}

/** JSON.stringify of the already-parsed output, in this process: median of 5, in ms. */
function stringifyMs(output: SynthOutput): number {
  const objects = output.stacks.map((stack) => readStack(stack.path));
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    let length = 0;
    for (const object of objects) length += JSON.stringify(object, null, 2).length;
    times.push(performance.now() - started);
    if (length === 0) throw new Error("empty output");
  }
  return median(times);
}

// ---------------------------------------------------------------------------------------------------------------
// Setup: compile once, generate and check configs

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listTs(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

function compile(): number {
  const started = performance.now();
  rmSync(APP, { recursive: true, force: true });
  const entryPoints = [join(ROOT, "main.ts"), ...listTs(join(ROOT, "src")), ...listTs(join(ROOT, "stacks")), join(ROOT, "bench", "national-main.ts"), join(ROOT, "bench", "flat-main.ts")];
  buildSync({ entryPoints, outdir: APP, outbase: ROOT, format: "cjs", platform: "node", target: "node20", logLevel: "error", tsconfig: join(ROOT, "tsconfig.json") });
  return performance.now() - started;
}

/** The deep provider modules the compiled app requires (e.g. @cdktf/provider-google/lib/storage-bucket). */
function providerModules(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".js") && !path.includes(`${join(APP, "bench")}`)) {
        for (const match of readFileSync(path, "utf8").matchAll(/require\("(@cdktf\/provider-[a-z0-9-]+(?:\/[^"]*)?)"\)/g)) found.add(match[1]);
      }
    }
  };
  walk(APP);
  return [...found].sort();
}

interface Checked { readonly id: string; readonly communes: number; readonly retired: number }

function check(dir: string): Checked {
  try {
    const province = loadProvince(dir);
    return { id: province.id, communes: province.communes.length, retired: province.retired.length };
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`generated config ${relative(ROOT, dir)} does not load:\n${error.message.split("\n").slice(0, 40).join("\n")}\n`);
      process.exit(2);
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Scenarios

interface Side {
  readonly outcome: Outcome;
  /** Median wall time; for a run stopped by the time limit, the limit. */
  readonly wallMs: number;
  readonly cpuMs?: number;
  readonly maxRssBytes?: number;
  readonly runs: number[];
  /** Set when the value is scaled from another scenario instead of measured. */
  readonly estimate?: string;
}

interface ScenarioResult {
  readonly name: string;
  readonly newUnits: number;
  readonly oldUnits: number;
  readonly stats?: StackStats;
  readonly real: Side;
  readonly flat?: Side & { phases?: Record<string, number>; differing?: string[] };
  readonly stringifyMs?: number;
}

const failures: string[] = [];

function summarize(list: readonly Measurement[]): Side {
  return {
    outcome: list.find((m) => m.outcome !== "ok")?.outcome ?? "ok",
    wallMs: median(list.map((m) => m.wallMs)),
    cpuMs: list.every((m) => m.cpuMs !== undefined) ? median(list.map((m) => m.cpuMs!)) : undefined,
    maxRssBytes: maxOf(list.map((m) => m.maxRssBytes)),
    runs: list.map((m) => Math.round(m.wallMs)),
  };
}

function explain(label: string, measurement: Measurement): void {
  if (measurement.outcome === "time limit") return;
  const saved = join(BENCH, `failed-${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.stderr.txt`);
  writeFileSync(saved, measurement.stderr);
  failures.push(`${label}: ${measurement.outcome} (exit ${measurement.status}; peak RSS ${mib(measurement.maxRssBytes)} MiB; stderr in ${relative(ROOT, saved)})`);
  const tail = measurement.stderr.split("\n").filter((line) => !/^\s+[A-Z][a-zA-Z ()/:]+: /.test(line) && !line.startsWith("\tCommand")).slice(-30);
  process.stderr.write(`\n${label}: ${measurement.outcome} (exit ${measurement.status}); stderr ends with:\n${tail.join("\n")}\n`);
}

interface ScenarioSpec {
  readonly name: string;
  readonly newUnits: number;
  readonly oldUnits: number;
  readonly runs: number;
  readonly script: string;
  readonly args?: readonly string[];
  readonly env?: Record<string, string>;
  readonly timeoutSeconds?: number;
  /** When the real synth does not finish, the flat baseline is scaled from this scenario by unit count. */
  readonly scaleFrom?: ScenarioResult;
}

function runScenario(spec: ScenarioSpec, modules: readonly string[]): ScenarioResult {
  const slug = spec.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/-+$/, "");
  const limit = spec.timeoutSeconds ? ` (time limit ${spec.timeoutSeconds}s)` : "";
  process.stderr.write(`[bench] ${spec.name} (x${spec.runs}${limit}):`);
  // The first synth's output is the flat baseline's input; further runs alternate synth and flat, so that a change
  // in the machine's load during the bench touches both sides alike.
  const reals: Measurement[] = [];
  const flats: Measurement[] = [];
  const synthOnce = () => {
    const measurement = measure(`${slug}-real`, spec.script, spec.args ?? [], { env: spec.env, timeoutSeconds: spec.timeoutSeconds });
    reals.push(measurement);
    process.stderr.write(` synth ${(measurement.wallMs / 1000).toFixed(1)}s${measurement.outcome === "ok" ? "" : ` (${measurement.outcome})`}`);
    return measurement;
  };
  const first = synthOnce();
  const base = { name: spec.name, newUnits: spec.newUnits, oldUnits: spec.oldUnits };
  if (first.outcome !== "ok") {
    process.stderr.write("\n");
    explain(`${spec.name}: synth`, first);
    rmSync(join(first.outdir, ".."), { recursive: true, force: true });
    const from = spec.scaleFrom;
    const scale = from ? (spec.newUnits + spec.oldUnits) / (from.newUnits + from.oldUnits) : 0;
    const flat: ScenarioResult["flat"] =
      from?.flat && from.flat.outcome === "ok"
        ? { outcome: "ok", wallMs: from.flat.wallMs * scale, cpuMs: from.flat.cpuMs === undefined ? undefined : from.flat.cpuMs * scale, runs: [], estimate: `${from.name}'s flat time x ${scale.toFixed(2)} (units ${spec.newUnits + spec.oldUnits} / ${from.newUnits + from.oldUnits})` }
        : undefined;
    return { ...base, real: summarize([first]), flat };
  }
  const realOutput = readOutput(first.outdir);
  const stats = stackStats(realOutput);
  const inputFile = join(BENCH, "flat", `${slug}.json`);
  mkdirSync(join(BENCH, "flat"), { recursive: true });
  writeFlatInput(realOutput, modules, inputFile);
  for (let i = 0; i < spec.runs; i++) {
    if (i > 0 && synthOnce().outcome !== "ok") {
      explain(`${spec.name}: synth`, reals[reals.length - 1]);
      break;
    }
    const measurement = measure(`${slug}-flat`, join(APP, "bench", "flat-main.js"), [inputFile]);
    flats.push(measurement);
    process.stderr.write(` flat ${(measurement.wallMs / 1000).toFixed(1)}s`);
    if (measurement.outcome !== "ok") {
      explain(`${spec.name}: flat baseline`, measurement);
      break;
    }
  }
  const flatOk = flats.every((m) => m.outcome === "ok");
  const differing = flatOk ? flatDifferences(realOutput, readOutput(flats[0].outdir)) : undefined;
  const phaseLine = /FLAT_PHASES (\{.*\})/.exec(flats[flats.length - 1].stderr)?.[1];
  const strMs = stringifyMs(realOutput);
  process.stderr.write(`; JSON.stringify ${strMs.toFixed(0)}ms\n`);
  for (const measurement of [...reals, ...flats]) rmSync(join(measurement.outdir, ".."), { recursive: true, force: true });
  rmSync(inputFile, { force: true });
  return {
    ...base,
    stats,
    real: summarize(reals),
    flat: { ...summarize(flats), phases: phaseLine ? (JSON.parse(phaseLine) as Record<string, number>) : undefined, differing },
    stringifyMs: strMs,
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

// ---------------------------------------------------------------------------------------------------------------

function machineLine(): string {
  const cpuinfo = existsSync("/proc/cpuinfo") ? readFileSync("/proc/cpuinfo", "utf8") : "";
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? "unknown cpu";
  return `machine: ${model}, ${cpus().length} cores, ${(totalmem() / GiB).toFixed(1)} GiB RAM, node ${process.version}, ${process.platform}; peak RSS via ${hasGnuTime ? "/usr/bin/time -v" : "process.resourceUsage().maxRSS"}`;
}

const seconds = (ms?: number) => (ms === undefined ? "?" : (ms / 1000).toFixed(2));
const mib = (bytes?: number) => (bytes === undefined ? "?" : (bytes / 1024 ** 2).toFixed(0));
const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => row[i].length)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

function main(): void {
  const benchStarted = performance.now();
  mkdirSync(BENCH, { recursive: true });
  rmSync(RUNS, { recursive: true, force: true });
  writeFileSync(WATCHDOG_HOOK, WATCHDOG_SOURCE);
  writeFileSync(RUSAGE_HOOK, 'process.on("exit", () => { const u = process.resourceUsage(); process.stderr.write(`\\nBENCH_RUSAGE ${u.maxRSS} ${u.userCPUTime} ${u.systemCPUTime}\\n`); });\n');
  console.log(machineLine());

  // Setup (not timed as part of any scenario).
  const compileMs = compile();
  const modules = providerModules();
  mkdirSync(join(APP, "config"), { recursive: true });
  symlinkSync(join(ROOT, "config", "binh-thuan"), join(APP, "config", "binh-thuan"), "dir");
  const generateStarted = performance.now();
  const big: GeneratedProvince = generateProvince(join(APP, "config"), { id: "bench-400", name: "Tỉnh Thử Nghiệm", newUnits: 400, oldUnits: 1200, seed: 400 });
  const country = skipNational ? [] : generateCountry(join(APP, "national"), 3321, 10035);
  const checkedBig = check(big.dir);
  const checkedCountry = country.map((province) => check(province.dir));
  const generateMs = performance.now() - generateStarted;
  const sum = <T>(list: readonly T[], of: (item: T) => number) => list.reduce((total, item) => total + of(item), 0);
  console.log(`setup (not timed): esbuild compile ${(compileMs / 1000).toFixed(1)}s; configs generated and checked with loadProvince ${(generateMs / 1000).toFixed(1)}s`);
  console.log(
    `  bench-400: ${checkedBig.communes} communes, ${checkedBig.retired} retired units (${big.oldUnits} old + ${big.districts} districts; ${big.splitUnits} split), ` +
      `${big.districts} takeovers, ${big.communeShards} shards`,
  );
  if (country.length) {
    console.log(
      `  national: ${country.length} provinces, ${sum(checkedCountry, (p) => p.communes)} communes (${Math.min(...country.map((p) => p.newUnits))}-${Math.max(...country.map((p) => p.newUnits))} per province), ` +
        `${sum(checkedCountry, (p) => p.retired)} retired units (${sum(country, (p) => p.oldUnits)} old + ${sum(country, (p) => p.districts)} districts; ${sum(country, (p) => p.splitUnits)} split)`,
    );
  }
  console.log(`  provider modules the app requires (the flat baseline requires them too): ${modules.length}`);

  const mainJs = join(APP, "main.js");
  const results: ScenarioResult[] = [];
  results.push(runScenario({ name: "Binh Thuan (real)", newUnits: 45, oldUnits: 121, runs: runsArg ?? 3, script: mainJs, env: { PROVINCE: "binh-thuan" } }, modules));
  const generated = runScenario({ name: "Generated 400/1200", newUnits: big.newUnits, oldUnits: big.oldUnits, runs: runsArg ?? 1, script: mainJs, env: { PROVINCE: "bench-400" } }, modules);
  results.push(generated);
  let nationalLimit: number | undefined;
  if (!skipNational) {
    const newUnits = sum(country, (p) => p.newUnits);
    const oldUnits = sum(country, (p) => p.oldUnits);
    // Default limit: long enough that a run reaching it is over 1.6x the (scaled) flat baseline, at most 240 s.
    const flatGuess = generated.flat?.outcome === "ok" ? (generated.flat.wallMs * (newUnits + oldUnits)) / (generated.newUnits + generated.oldUnits) / 1000 : 150;
    nationalLimit = full ? undefined : (timeoutArg ?? Math.min(240, Math.max(60, Math.ceil(1.6 * flatGuess))));
    results.push(runScenario({ name: "National, 34 at once", newUnits, oldUnits, runs: 1, script: join(APP, "bench", "national-main.js"), args: [join(APP, "national")], timeoutSeconds: nationalLimit, scaleFrom: generated }, modules));
  }

  let tests: { jest?: ReturnType<typeof timeCommand>; tsc?: ReturnType<typeof timeCommand> } = {};
  if (!skipTests) {
    process.stderr.write("[bench] test suite: npx jest, then npx tsc --noEmit -p .\n");
    tests = { jest: timeCommand("npx", ["jest"]), tsc: timeCommand("npx", ["tsc", "--noEmit", "-p", "."]) };
  }

  let profile: string[] = [];
  if (flag("--profile")) {
    const dir = join(BENCH, "profile");
    rmSync(dir, { recursive: true, force: true });
    const measurement = measure("profile", mainJs, [], { env: { PROVINCE: "binh-thuan" }, nodeFlags: ["--cpu-prof", `--cpu-prof-dir=${dir}`, "--cpu-prof-interval=200"] });
    if (measurement.outcome !== "ok") explain("profiled synth", measurement);
    rmSync(join(measurement.outdir, ".."), { recursive: true, force: true });
    const file = existsSync(dir) ? readdirSync(dir).find((name) => name.endsWith(".cpuprofile")) : undefined;
    if (file) profile = [`CPU profile of one Bình Thuận synth (${join(relative(ROOT, dir), file)}, profiler overhead included):`, ...profileSummary(join(dir, file))];
  }

  // Report.
  const realTime = (side: Side) => (side.outcome === "ok" ? seconds(side.wallMs) : side.outcome === "time limit" ? `>${seconds(side.wallMs)}` : side.outcome.toUpperCase());
  const flatTime = (side?: Side) => (!side ? "?" : side.estimate ? `~${seconds(side.wallMs)} est` : realTime(side));
  const ratioText = (r: ScenarioResult) => {
    if (!r.flat || r.flat.outcome !== "ok") return "?";
    if (r.real.outcome === "time limit") return `>${ratio(r.real.wallMs, r.flat.wallMs).toFixed(2)}x${r.flat.estimate ? " est" : ""}`;
    return r.real.outcome === "ok" ? `${ratio(r.real.wallMs, r.flat.wallMs).toFixed(2)}x` : "?";
  };
  console.log("");
  console.log(
    table(
      ["scenario", "units new/old", "stacks", "resources", "max/stack", "synth s", "synth cpu s", "synth RSS MiB", "flat s", "flat RSS MiB", "stringify ms", "synth/flat", "(cpu)", "synth/stringify"],
      results.map((r) => [
        r.name,
        `${r.newUnits}/${r.oldUnits}`,
        r.stats ? String(r.stats.stacks) : "?",
        r.stats ? String(r.stats.resources) : "?",
        r.stats ? String(r.stats.maxResources) : "?",
        realTime(r.real),
        seconds(r.real.cpuMs),
        mib(r.real.maxRssBytes),
        flatTime(r.flat),
        mib(r.flat?.maxRssBytes),
        r.stringifyMs === undefined ? "?" : r.stringifyMs.toFixed(0),
        ratioText(r),
        r.real.outcome === "ok" && r.real.cpuMs !== undefined && r.flat?.cpuMs !== undefined ? `${ratio(r.real.cpuMs, r.flat.cpuMs).toFixed(2)}x${r.flat.estimate ? " est" : ""}` : "?",
        r.stringifyMs !== undefined && r.real.outcome === "ok" ? `${ratio(r.real.wallMs, r.stringifyMs).toFixed(0)}x` : "?",
      ]),
    ),
  );
  console.log("");
  for (const r of results) {
    const parts = [`synth runs ${r.real.runs.join("/")} ms (${r.real.outcome})`];
    if (r.flat?.estimate) parts.push(`flat baseline not measured (needs the synth's output): estimated as ${r.flat.estimate}`);
    else if (r.flat) {
      const phases = r.flat.phases ? Object.entries(r.flat.phases).map(([k, v]) => `${k.replace(/Ms$/, "")} ${v}ms`).join(", ") : "?";
      parts.push(`flat runs ${r.flat.runs.join("/")} ms (in-process phases of the last: ${phases})`);
      if (r.flat.differing) parts.push(r.flat.differing.length === 0 ? "flat output identical to the real one (ignoring // metadata)" : `flat output DIFFERS in ${r.flat.differing.length} stacks (e.g. ${r.flat.differing[0]})`);
    }
    if (r.stats) {
      parts.push(`largest stack ${r.stats.maxStack} (${r.stats.maxResources} resources), stacks over 1,000: ${r.stats.over1000}`);
      parts.push(`${r.stats.dataSources} data sources, ${r.stats.outputs} outputs, ${r.stats.megabytes.toFixed(1)} MiB of cdk.tf.json`);
    }
    console.log(`${r.name}: ${parts.join("; ")}`);
  }
  if (tests.jest && tests.tsc) {
    console.log(
      `test suite: npx jest ${tests.jest.seconds.toFixed(1)}s (${tests.jest.ok ? "passed" : "FAILED"}${tests.jest.summary ? `: ${tests.jest.summary}` : ""}); ` +
        `npx tsc --noEmit -p . ${tests.tsc.seconds.toFixed(1)}s (${tests.tsc.ok ? "passed" : "FAILED"}); npm test (tsc + jest) ≈ ${(tests.jest.seconds + tests.tsc.seconds).toFixed(1)}s`,
    );
  }

  // Targets: reported, not gated.
  console.log("");
  const verdict = (pass: boolean) => (pass ? "PASS" : "FAIL");
  const bt = results[0];
  if (bt.flat && bt.real.outcome === "ok" && bt.flat.outcome === "ok") {
    const cpu = bt.real.cpuMs !== undefined && bt.flat.cpuMs !== undefined ? ` (CPU time: ${ratio(bt.real.cpuMs, bt.flat.cpuMs).toFixed(2)}x)` : "";
    console.log(`${verdict(bt.real.wallMs <= 1.5 * bt.flat.wallMs)}  Bình Thuận synth <= 1.5x the flat cdktf baseline: ${ratio(bt.real.wallMs, bt.flat.wallMs).toFixed(2)}x wall${cpu}`);
  } else console.log("FAIL  Bình Thuận synth <= 1.5x the flat cdktf baseline: not measured (a run failed)");
  const national = results.find((r) => r.name.startsWith("National"));
  if (national) {
    const flatMs = national.flat?.outcome === "ok" ? national.flat.wallMs : undefined;
    const est = national.flat?.estimate ? " (flat baseline estimated)" : "";
    let line: string;
    if (national.real.outcome === "ok" && flatMs !== undefined) line = `${verdict(national.real.wallMs <= 1.5 * flatMs)}  national synth <= 1.5x the flat cdktf baseline: ${ratio(national.real.wallMs, flatMs).toFixed(2)}x`;
    else if (national.real.outcome === "time limit" && flatMs !== undefined) {
      const atLeast = ratio(national.real.wallMs, flatMs);
      line = `${atLeast > 1.5 ? "FAIL" : "????"}  national synth <= 1.5x the flat cdktf baseline: not finished after ${seconds(national.real.wallMs)}s, so over ${atLeast.toFixed(2)}x${est}${atLeast > 1.5 ? "" : "; rerun with --full"}`;
    } else line = `FAIL  national synth <= 1.5x the flat cdktf baseline: the synth ended with ${national.real.outcome}`;
    console.log(line);
    const rss = national.real.maxRssBytes;
    const finished = national.real.outcome === "ok";
    const rssVerdict = rss === undefined ? "????" : rss > 2 * GiB ? "FAIL" : finished ? "PASS" : "????";
    console.log(`${rssVerdict}  national synth process <= 2 GiB peak RSS: ${mib(rss)} MiB${finished ? "" : ` before it ended (${national.real.outcome})`}${national.flat?.maxRssBytes ? `; flat baseline ${mib(national.flat.maxRssBytes)} MiB` : ""}`);
    if (nationalLimit) console.log(`      (national synth time limit ${nationalLimit}s: --national-timeout=SECONDS to change, --full for no limit, which takes about 7 min + the flat baseline here)`);
  } else console.log("----  national targets not measured (--quick / --skip-national)");
  const withStats = results.filter((r) => r.stats);
  const maxPerStack = Math.max(...withStats.map((r) => r.stats!.maxResources));
  console.log(`${verdict(maxPerStack <= 1000)}  no stack over ~1,000 resources: largest ${maxPerStack} (${withStats.map((r) => r.name).join(", ")})`);
  console.log(`bench wall time ${((performance.now() - benchStarted) / 1000).toFixed(0)}s`);
  if (profile.length) console.log(["", ...profile].join("\n"));

  writeFileSync(join(BENCH, "results.json"), JSON.stringify({ machine: machineLine(), date: new Date().toISOString(), nationalLimit, results, tests, profile, failures }, null, 2));
  if (failures.length > 0) {
    console.log(`\nsynth failures (exit 1): ${failures.join("; ")}`);
    process.exitCode = 1;
  }
}

main();
