import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Which stacks a deploy has applied, kept across jobs (the workflow uploads the folder as an artifact after every
 * batch job, and the next job downloads it): a rerun skips them instead of re-reading their every record. It is a
 * saving, not what makes a rerun safe — a stack applied part-way is planned again and must match the approved plan.
 * Each job writes its own file, `<dir>/<name>.json`, so two jobs never write one file.
 */
export class ProgressRecord {
  private readonly applied = new Set<string>();
  private readonly mine = new Set<string>();

  constructor(private readonly dir: string, private readonly name: string) {
    if (!existsSync(dir)) return;
    for (const file of readdirSync(dir).filter((entry) => entry.endsWith(".json")).sort()) {
      const record = JSON.parse(readFileSync(join(dir, file), "utf8")) as { applied?: unknown };
      if (!Array.isArray(record.applied)) throw new Error(`${join(dir, file)}: not a progress record (no "applied" list)`);
      for (const stack of record.applied) this.applied.add(String(stack));
    }
  }

  has(stack: string): boolean {
    return this.applied.has(stack);
  }

  markApplied(stack: string): void {
    this.applied.add(stack);
    this.mine.add(stack);
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(join(this.dir, `${this.name}.json`), `${JSON.stringify({ applied: [...this.mine].sort() }, null, 2)}\n`);
  }
}
