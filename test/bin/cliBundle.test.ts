/**
 * bin/cliBundle.js decides on each start how to get the CLI: the cached esbuild bundle when it is
 * fresh, a build into the cache when it can write there, else the sources through tsx at once. A
 * checkout whose cache cannot be written (read-only, another user's) used to run a whole build on
 * every start only to fail writing it.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { plan } = require("../../bin/cliBundle.js") as { plan: (cache: string) => "bundle" | "build" | "tsx" };

const ROOT = resolve(__dirname, "../..");

describe("bin/cliBundle.js: how a start gets the CLI", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "ismp-bundle-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("runs the sources through tsx without building when the cache cannot be made (its parent is a file: ENOTDIR, as root too)", () => {
    const checkout = join(dir, "checkout");
    writeFileSync(checkout, "");
    expect(plan(join(checkout, ".cache", "ismp"))).toBe("tsx");
  });

  it("runs the sources through tsx when the cache directory is not writable", () => {
    const cache = join(dir, "cache");
    mkdirSync(cache, { mode: 0o555 });
    // root writes anywhere: there the directory is writable and a build goes ahead.
    expect(plan(cache)).toBe(process.getuid?.() === 0 ? "build" : "tsx");
  });

  it("builds into a cache it can write when it holds no bundle", () => {
    expect(plan(join(dir, "cache"))).toBe("build");
  });

  it("loads a fresh bundle without building, writable cache or not", () => {
    const cache = join(dir, "cache");
    mkdirSync(cache);
    writeFileSync(join(cache, "cli.js"), "module.exports = {};");
    const print = (path: string) => {
      const stat = statSync(join(ROOT, path));
      return [path, stat.size, stat.mtimeMs];
    };
    const files = ["src/cli/main.ts", "tsconfig.json", "package.json", "bin/cliBundle.js"].map(print);
    writeFileSync(join(cache, "cli.inputs.json"), JSON.stringify({ node: process.version, files }));
    expect(plan(cache)).toBe("bundle");
    // A source changed since (its size or time differs): stale, so it is built again.
    writeFileSync(join(cache, "cli.inputs.json"), JSON.stringify({ node: process.version, files: files.map(([path, size, mtime]) => [path, Number(size) + 1, mtime]) }));
    expect(plan(cache)).toBe("build");
  });
});
