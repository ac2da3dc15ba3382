/** The workbooks the engine suite builds with the `ismp` CLI (in-process, same code as bin/ismp.js). */
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { PROFILE_KEYS, type ProfileKey } from "../../src/core/blueprint/options";
import type { MatrixSize, ScoringMethod } from "../../src/core/scales";

export interface BuildCase {
  profile: ProfileKey;
  matrix: MatrixSize;
  method: ScoringMethod;
}

export const caseName = ({ profile, matrix, method }: BuildCase): string => `${profile}-${matrix}x${matrix}-${method}`;

/** Every profile at 3, 4 and 5; plus 6x6 once and the lookup-matrix method once. */
export const SAMPLE_CASES: readonly BuildCase[] = [
  ...PROFILE_KEYS.flatMap((profile) => ([3, 4, 5] as const).map((matrix) => ({ profile, matrix, method: "multiply" as const }))),
  { profile: "financial", matrix: 6, method: "multiply" },
  { profile: "general", matrix: 5, method: "matrix" },
];

/** Runs `ismp new <dir>/<case>.xlsx ... --sample`; returns the file's path. */
export async function buildSampleWorkbook(buildCase: BuildCase, dir: string, name: string = caseName(buildCase)): Promise<string> {
  const file = join(dir, `${name}.xlsx`);
  const output: string[] = [];
  const record = (line: string): void => void output.push(line);
  const out = { log: record, error: record };
  const args = ["new", file, "--profile", buildCase.profile, "--matrix", String(buildCase.matrix), "--method", buildCase.method, "--org", "Engine Test Ltd", "--sample"];
  const code = await main(args, out);
  if (code !== 0) throw new Error(`ismp ${args.join(" ")} exited ${code}:\n${output.join("\n")}`);
  return file;
}
