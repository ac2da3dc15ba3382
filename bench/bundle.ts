/** Figure 7: gzipped sizes of the bundles Excel downloads. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { atMost, measured, skipped, type Measurement, type Target } from "./measurement";

const KB = 1024;
const LIMITS: Array<{ file: string; target: Target }> = [
  { file: "taskpane.js", target: atMost(300 * KB, "300 KB") },
  { file: "functions.js", target: atMost(150 * KB, "150 KB") },
];

export function measureBundles(dir: string): Measurement[] {
  return LIMITS.map(({ file, target }) => {
    const name = `Bundle ${file}, gzipped`;
    const path = join(dir, file);
    if (!existsSync(path)) return skipped(name, "bytes", `${path} not found (run without --no-build)`, target);
    return measured(name, gzipSync(readFileSync(path), { level: 9 }).length, "bytes", target);
  });
}
