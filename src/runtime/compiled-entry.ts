import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { Script } from "node:vm";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";
import type { BuildOptions } from "esbuild";

/**
 * One CommonJS file for Node 20 holding the entry, the app and the packages it imports: Node then compiles one
 * file instead of resolving and loading some 650 modules one by one, each through tsx's hooks.
 */
const BUILD = { bundle: true, platform: "node", target: "node20", format: "cjs", legalComments: "none", logLevel: "error" } as const satisfies BuildOptions;

/** Files besides the bundle's own inputs that decide what esbuild makes of them. */
const SETTINGS = ["package.json", "tsconfig.json"];

/** Bundles kept per entry: the sources change often, and two checkouts may take turns. */
const KEEP = 4;

/** Beside a bundle, V8's code cache of it: the bytecode of the functions a run compiled. */
const CODE_CACHE = ".code-cache";

export interface CompiledEntry {
  readonly file: string;
  readonly source: string;
}

/**
 * Posts the sha256 of `salt` and the files (paths under `root`, each with its path), or "" when one is gone.
 * Plain JavaScript: it runs in a worker thread, outside tsx.
 */
const HASH_FILES = `
const { workerData: { root, files, salt, port, done } } = require("node:worker_threads");
const { createHash } = require("node:crypto");
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
let digest = "";
try {
  const hash = createHash("sha256").update(salt);
  for (const file of files) hash.update("\\0" + file + "\\0").update(readFileSync(join(root, file)));
  digest = hash.digest("hex").slice(0, 20);
} catch {}
port.postMessage(digest);
Atomics.store(done, 0, 1);
Atomics.notify(done, 0);
`;

/**
 * A hash of everything a bundle was made from: the build options, esbuild's version, the project's settings and
 * the path and content of every file esbuild read; undefined when one of them is gone. Hashed in a worker thread
 * and waited for: the same work in the main thread, just before the app starts, made the synth slower and larger
 * in memory, run after run (V8 then sizes its heap for the wrong workload; `npm run bench` measures it).
 */
function fingerprint(root: string, inputs: readonly string[]): string | undefined {
  const done = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const salt = JSON.stringify(BUILD) + readFileSync(require.resolve("esbuild/package.json"), "utf8");
  new Worker(HASH_FILES, { eval: true, workerData: { root, files: [...SETTINGS, ...inputs], salt, port: port2, done }, transferList: [port2] }).unref();
  // Bounded: a worker that never answers means a rebuild, not a hung synth.
  Atomics.wait(done, 0, 0, 60_000);
  const digest = receiveMessageOnPort(port1)?.message as string | undefined;
  port1.close();
  return digest || undefined;
}

const PARTIAL = ".partial";

/** Renames a finished file into place, so that a concurrent run never reads half of it. */
function writeWhole(file: string, content: string | Buffer): void {
  const partial = `${file}.${process.pid}${PARTIAL}`;
  writeFileSync(partial, content);
  renameSync(partial, file);
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** The cached bundle, if one was made from exactly the files as they are now. */
function cached(root: string, dir: string, name: string): CompiledEntry | undefined {
  try {
    const { inputs } = JSON.parse(readFileSync(join(dir, `${name}.inputs.json`), "utf8")) as { inputs: string[] };
    const key = fingerprint(root, inputs);
    if (!key) return undefined;
    const file = join(dir, `${name}-${key}.js`);
    return { file, source: readFileSync(file, "utf8") };
  } catch {
    return undefined;
  }
}

function build(root: string, entry: string, dir: string, name: string): CompiledEntry {
  // Loaded only here: a run whose bundle is cached does not load esbuild at all.
  const { buildSync } = require("esbuild") as typeof import("esbuild");
  // Less a margin: the file system stamps times with a coarse clock that may lag Date.now() by a few ms.
  const started = Date.now() - 20;
  const result = buildSync({ ...BUILD, entryPoints: [join(root, entry)], absWorkingDir: root, write: false, metafile: true });
  const inputs = Object.keys(result.metafile.inputs).sort();
  const source = result.outputFiles[0].text;
  const key = fingerprint(root, inputs);
  // A file saved while esbuild was reading may be in the bundle old or new: this run uses it, no later run does.
  const changedMeanwhile = [...SETTINGS, ...inputs].some((file) => (statSync(join(root, file), { throwIfNoEntry: false })?.mtimeMs ?? Infinity) >= started);
  const file = join(dir, `${name}-${key}.js`);
  if (key && !changedMeanwhile) {
    mkdirSync(dir, { recursive: true });
    writeWhole(file, source);
    writeWhole(join(dir, `${name}.inputs.json`), JSON.stringify({ inputs }));
    const older = readdirSync(dir)
      .filter((other) => other.startsWith(`${name}-`) && other.endsWith(".js"))
      .map((other) => join(dir, other))
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
    for (const stale of older.slice(KEEP)) for (const path of [stale, `${stale}${CODE_CACHE}`]) rmSync(path, { force: true });
  }
  return { file, source };
}

/** The entry `npm run synth` (main.ts) runs from its bundle: what a ref's tree needs of the cache. */
export const SYNTH_ENTRY = "src/runtime/synth-command.ts";

/** Where a project's bundles and their code caches are kept. */
export function compiledCache(root: string): string {
  return join(root, ".cache", "compiled");
}

/**
 * Copies the finished files of `entry`'s bundles (and their code caches) from one project's cache into another's,
 * not the other entries' (tens of MB). A command may be writing into the cache meanwhile (a partial file renamed
 * into place, an old bundle pruned): a file gone before it is copied only costs a rebuild.
 */
export function copyCompiledCache(fromRoot: string, toRoot: string, entry: string): void {
  const from = compiledCache(fromRoot);
  const to = compiledCache(toRoot);
  const prefix = basename(entry, ".ts");
  const ours = (file: string) => (file.startsWith(`${prefix}-`) || file === `${prefix}.inputs.json`) && !file.endsWith(PARTIAL);
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from).filter(ours)) {
    try {
      copyFileSync(join(from, name), join(to, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
}

/**
 * The bundle of `entry` (a path under `root`), made with esbuild on first use and cached in `<root>/.cache/compiled/`
 * under a hash of every file it was made from, so it is rebuilt as soon as one of them changes and never stale.
 */
export function compiledEntry(root: string, entry: string): CompiledEntry {
  const dir = compiledCache(root);
  const name = basename(entry, ".ts");
  return cached(root, dir, name) ?? build(root, entry, dir, name);
}

/**
 * Loads `entry`'s bundle as a CommonJS module, compiled directly (tsx's hooks have nothing to do with it) and from
 * V8's code cache when there is one: a successful run without it saves, as it exits, the bytecode of every function
 * it ran, so later runs skip compiling them. V8 ignores a cache made for another source, V8 version or set of flags.
 */
export function loadCompiled<T>(root: string, entry: string): T {
  const { file, source } = compiledEntry(root, entry);
  const cacheFile = `${file}${CODE_CACHE}`;
  const cachedData = readIfPresent(cacheFile);
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    process.once("exit", (code) => {
      // A run that stopped early (a config error) compiled too little of the app to be worth caching.
      if (code !== 0) return;
      try {
        writeWhole(cacheFile, script.createCachedData());
      } catch {
        // The cache only saves time: a folder that cannot be written costs the next run that time, nothing else.
      }
    });
  }
  const module = { exports: {} };
  const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  run(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports as T;
}

/**
 * A command's module from its cached bundle (loadCompiled): how main.ts and every script that loads the app start.
 * Through tsx, module by module, loading the app took a second before a command did anything; from the bundle and
 * its code cache, about a third of that (`npm run bench` measures the synth's start). The bundle sits two folders
 * under the project root, as src/<folder>/ does, so the app's own root-relative paths hold in both.
 */
export function loadCommand<T>(root: string, entry: string): T {
  // Mapping every token's creation trace through tsx's source maps cost more than the synth itself.
  process.setSourceMapsEnabled(false);
  return loadCompiled<T>(root, entry);
}
