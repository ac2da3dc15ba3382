// Loads the CLI from src/ as one esbuild bundle, kept in .cache/ismp/ and rebuilt whenever a source
// file it was built from changes, so the command is always the code in src/.
//
// Why not tsx alone: tsx compiles each module on every start (about a second before any work) and
// compiles with keepNames, which wraps every named function the code creates in a defineProperty
// call; in the calculator's per-cell paths that made a 10,000-risk upgrade about a quarter slower.
// When the bundle cannot be built or written (no esbuild, a file-size limit), the sources run
// through tsx as before. A cache it cannot write (a read-only checkout or mount, another user's
// tree) is seen before building, so such a checkout does not pay a whole build on every start
// only to throw the bundle away.
"use strict";
const { accessSync, closeSync, constants, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } = require("node:fs");
const { dirname, join, resolve } = require("node:path");

const ROOT = resolve(__dirname, "..");
const ENTRY = "src/cli/main.ts";
const CACHE = join(ROOT, ".cache", "ismp");
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

/** The files of a bundle cache in `cache`: the bundle, its source map and the record of its inputs. */
function cacheFiles(cache) {
  const bundle = join(cache, "cli.js");
  return { bundle, sourceMap: `${bundle}.map`, inputs: join(cache, "cli.inputs.json") };
}

function bundleIsFresh({ bundle, inputs }) {
  if (!existsSync(bundle)) return false;
  try {
    const recorded = JSON.parse(readFileSync(inputs, "utf8"));
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

/** Whether the cache directory exists or can be made, and this process may write in it (EACCES, EROFS, ENOTDIR otherwise). */
function canWrite(cache) {
  try {
    mkdirSync(cache, { recursive: true });
    accessSync(cache, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * How a start gets the CLI from the cache in `cache`: "bundle" when the bundle there is fresh,
 * "build" when it is missing or stale and the cache can be written, else "tsx".
 */
function plan(cache = CACHE) {
  if (bundleIsFresh(cacheFiles(cache))) return "bundle";
  return canWrite(cache) ? "build" : "tsx";
}

function build(cache) {
  const { bundle, sourceMap, inputs } = cacheFiles(cache);
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
    outfile: bundle,
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const files = [...Object.keys(result.metafile.inputs), ...SETTINGS].map(print).filter((entry) => entry !== null);
  mkdirSync(cache, { recursive: true });
  const output = (path) => result.outputFiles.find((file) => file.path === path).text;
  writeAtomically(sourceMap, output(sourceMap));
  writeAtomically(bundle, output(bundle));
  writeAtomically(inputs, JSON.stringify({ node: process.version, files }));
}

/** The CLI module (`main`), from the bundle when it is fresh or can be rebuilt, else through tsx. */
function loadCli() {
  try {
    const how = plan(CACHE);
    if (how === "build") build(CACHE);
    if (how !== "tsx") return require(cacheFiles(CACHE).bundle);
  } catch {
    // A failed build (no esbuild, a file-size limit) or an unreadable bundle: the sources run as they are.
  }
  require("tsx/cjs/api").register();
  return require(join(ROOT, ENTRY));
}

module.exports = { loadCli, plan };
