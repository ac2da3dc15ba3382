/**
 * The production add-in bundle the size and first-render figures measure. It is built into a
 * bench-owned folder, not dist/: `--env officeJs=local` (needed to render offline) must never leak
 * into the shippable dist/, and teammates' builds into dist/ must not race with ours. office.js is
 * a separate <script>, so taskpane.js and functions.js are byte-identical to the CDN build's.
 * `--baseline REF` builds a commit's bundle the same way (ensureBaselineBuild).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const REPO_ROOT = resolve(__dirname, "..");
/** One per checkout: worktrees of the same repository share the machine's temporary folder. */
export const BENCH_DIST = join(tmpdir(), `ismp-bench-dist-${createHash("sha1").update(REPO_ROOT).digest("hex").slice(0, 8)}`);
const BUNDLES = ["taskpane.js", "functions.js", "taskpane.html", "office.js"];
const BUILD_INPUTS = ["src", "webpack.config.js", "package.json", "tsconfig.json"];

function newestModification(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestModification(join(path, entry))), stats.mtimeMs);
}

function isStale(outputDir: string): boolean {
  const outputs = BUNDLES.map((file) => join(outputDir, file));
  if (!outputs.every(existsSync)) return true;
  const oldestOutput = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  return BUILD_INPUTS.some((input) => newestModification(join(REPO_ROOT, input)) > oldestOutput);
}

export interface AddinBuild {
  dir: string;
  /** Whether a build ran and how long it took, or why none ran. */
  how: string;
  /** webpack's errors, e.g. a bundle over the performance budget (the files are still emitted). */
  errors: string[];
}

/** webpack's "ERROR in ..." paragraphs, each on one line. */
function webpackErrors(output: string): string[] {
  return output
    .split(/\n\s*\n/)
    .filter((paragraph) => paragraph.trimStart().startsWith("ERROR in"))
    .map((paragraph) => paragraph.replace(/\s+/g, " ").trim());
}

/** Builds when the bundle is missing or older than its sources; `skipBuild` uses what is there. */
export function ensureAddinBuild(skipBuild: boolean): AddinBuild {
  if (skipBuild) return { dir: BENCH_DIST, how: "build skipped (--no-build)", errors: [] };
  if (!isStale(BENCH_DIST)) return { dir: BENCH_DIST, how: "bundle up to date, not rebuilt", errors: [] };
  return webpackBuild(REPO_ROOT, BENCH_DIST);
}

function webpackBuild(sourceDir: string, outputDir: string): AddinBuild {
  const start = performance.now();
  const result = spawnSync("npx", ["webpack", "--mode", "production", "--env", "officeJs=local", "--output-path", outputDir], {
    cwd: sourceDir,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const how = `webpack production build (office.js local) in ${((performance.now() - start) / 1000).toFixed(1)} s`;
  if (result.status === 0) return { dir: outputDir, how, errors: [] };
  const errors = webpackErrors(`${result.stdout}\n${result.stderr}`);
  return { dir: outputDir, how, errors: errors.length > 0 ? errors : [`webpack exited with ${result.status ?? result.signal}`] };
}

/**
 * The same production bundle built from a commit (`--baseline main`), so a change is measured
 * against its baseline in the same run: on a shared machine wall times move with other processes'
 * load more than with most changes. The commit's tree is exported with `git archive` beside the
 * bundle, uses this checkout's node_modules, and is kept for the next run.
 */
export function ensureBaselineBuild(ref: string): AddinBuild & { commit: string; label: string } {
  const commit = execFileSync("git", ["rev-parse", "--verify", `${ref}^{commit}`], { cwd: REPO_ROOT, encoding: "utf8" }).trim();
  const label = commit.startsWith(ref) ? `baseline ${ref}` : `baseline ${ref} (${commit.slice(0, 8)})`;
  const root = join(tmpdir(), `ismp-bench-baseline-${commit.slice(0, 12)}`);
  const dir = join(root, "dist");
  if (BUNDLES.every((file) => existsSync(join(dir, file)))) return { dir, commit, label, how: `${label} already built`, errors: [] };
  const tree = join(root, "tree");
  rmSync(root, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
  execFileSync("sh", ["-c", `git archive ${commit} | tar -x -C "${tree}"`], { cwd: REPO_ROOT });
  symlinkSync(join(REPO_ROOT, "node_modules"), join(tree, "node_modules"));
  const build = webpackBuild(tree, dir);
  return { ...build, commit, label, how: `${label}: ${build.how}` };
}
