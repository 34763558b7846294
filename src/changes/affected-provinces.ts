/**
 * What the synth reads besides a province's own folder, config/<province>/: the app's code and what decides
 * how it runs. A change to any of these can change every province's Terraform. Not here, because the synth
 * never reads them: scripts/, bench/, __tests__/, .github/, docs and READMEs. A file directly in config/
 * (outside every province folder) counts as code too, so that a shared file the loader may come to read is
 * never missed.
 */
export const CODE_PATHS: readonly string[] = ["main.ts", "src/", "package.json", "package-lock.json", "tsconfig.json", "cdktf.json"];

export interface AffectedProvinces {
  /** The provinces to synthesize (on each side where their folder exists), sorted. */
  readonly provinces: readonly string[];
  /** The changed code files, when they are why every province is listed. */
  readonly code: readonly string[];
}

const isCode = (path: string) => CODE_PATHS.some((code) => (code.endsWith("/") ? path.startsWith(code) : path === code)) || /^config\/[^/]+$/.test(path);

/**
 * The provinces a change can affect, from the paths it touches (relative to the project root): all of them when
 * code changed; otherwise those whose folder has a changed, added or deleted file. `provinces` are the folders
 * of config/ on either side.
 */
export function affectedProvinces(changedPaths: readonly string[], provinces: Iterable<string>): AffectedProvinces {
  const all = [...new Set(provinces)].sort();
  const code = changedPaths.filter(isCode).sort();
  if (code.length > 0) return { provinces: all, code };
  const touched = new Set(changedPaths.map((path) => /^config\/([^/]+)\//.exec(path)?.[1]));
  return { provinces: all.filter((province) => touched.has(province)), code };
}
