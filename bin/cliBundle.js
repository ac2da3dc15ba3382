// Loads the CLI from src/ as one esbuild bundle, kept in .cache/ismp/ and rebuilt whenever a source
// file it was built from changes, so the command is always the code in src/.
//
// Why not tsx alone: tsx compiles each module on every start (about a second before any work) and
// compiles with keepNames, which wraps every named function the code creates in a defineProperty
// call; in the calculator's per-cell paths that made a 10,000-risk upgrade about a quarter slower.
// When the bundle cannot be built or written (no esbuild, a read-only checkout, a file-size limit),
// the sources run through tsx as before.
"use strict";
const { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } = require("node:fs");
const { dirname, join, resolve } = require("node:path");

const ROOT = resolve(__dirname, "..");
const ENTRY = "src/cli/main.ts";
const CACHE = join(ROOT, ".cache", "ismp");
const BUNDLE = join(CACHE, "cli.js");
const SOURCE_MAP = `${BUNDLE}.map`;
const INPUTS = join(CACHE, "cli.inputs.json");
/** Besides the sources: what changes how esbuild compiles them (this file holds its options). */
const SETTINGS = ["tsconfig.json", "package.json", "bin/cliBundle.js"];

/** [path, size, mtime] of a file relative to the repository, or null when it is gone. */
function print(path) {
  try {
    const stat = statSync(join(ROOT, path));
    return [path, stat.size, stat.mtimeMs];
  } catch {
    return null;
  }
}

function bundleIsFresh() {
  if (!existsSync(BUNDLE)) return false;
  try {
    const recorded = JSON.parse(readFileSync(INPUTS, "utf8"));
    if (recorded.node !== process.version) return false;
    // A bundle from before a setting was tracked was not built from it.
    if (!SETTINGS.every((path) => recorded.files.some(([recordedPath]) => recordedPath === path))) return false;
    return recorded.files.every(([path, size, mtime]) => {
      const now = print(path);
      return now !== null && now[1] === size && now[2] === mtime;
    });
  } catch {
    return false;
  }
}

function esbuild() {
  const tsx = dirname(require.resolve("tsx/package.json"));
  return require(require.resolve("esbuild", { paths: [tsx] }));
}

/** Writes `text` to `path` through a temporary file and a rename: a concurrent start never reads half a bundle. */
function writeAtomically(path, text) {
  const temporary = `${path}.${process.pid}.tmp`;
  let descriptor;
  try {
    descriptor = openSync(temporary, "w");
    const bytes = Buffer.from(text, "utf8");
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(descriptor, bytes, offset, bytes.length - offset);
    fsyncSync(descriptor);
    closeSync(descriptor);
    descriptor = undefined;
    renameSync(temporary, path);
  } catch (error) {
    if (descriptor !== undefined) closeSync(descriptor);
    if (existsSync(temporary)) unlinkSync(temporary);
    throw error;
  }
}

function build() {
  const result = esbuild().buildSync({
    absWorkingDir: ROOT,
    entryPoints: [ENTRY],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: `node${process.versions.node}`,
    // Dependencies load from node_modules as they would under tsx.
    packages: "external",
    // Beside the bundle, not inline: Node then reads it only when source maps are on
    // (`node --enable-source-maps bin/ismp.js …` gives stack traces into src/). Inline, or turned on
    // for every start, the map cost each run about 25 MB of memory for traces a user never sees
    // (bin/ismp.js prints an error's message, not its stack).
    sourcemap: "linked",
    outfile: BUNDLE,
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const files = [...Object.keys(result.metafile.inputs), ...SETTINGS].map(print).filter((entry) => entry !== null);
  mkdirSync(CACHE, { recursive: true });
  const output = (path) => result.outputFiles.find((file) => file.path === path).text;
  writeAtomically(SOURCE_MAP, output(SOURCE_MAP));
  writeAtomically(BUNDLE, output(BUNDLE));
  writeAtomically(INPUTS, JSON.stringify({ node: process.version, files }));
}

/** The CLI module (`main`), from the bundle when it is fresh or can be rebuilt, else through tsx. */
function loadCli() {
  try {
    if (!bundleIsFresh()) build();
    return require(BUNDLE);
  } catch {
    require("tsx/cjs/api").register();
    return require(join(ROOT, ENTRY));
  }
}

module.exports = { loadCli };
