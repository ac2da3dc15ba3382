/**
 * Suites that need a program installed on the machine (LibreOffice, Chromium) go through here:
 * without it they skip loudly on a developer machine and fail in CI, so CI can never pass by
 * silently running nothing.
 */
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

export interface SystemDependency {
  /** What the suite needs, as a person would name it. */
  name: string;
  /** Path of the executable, or undefined when it is not installed. */
  executable: string | undefined;
  /** How to install it, shown when it is missing. */
  installHint: string;
}

export type DependencyGate = "run" | "skip" | "fail";

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable called `command` on PATH. */
export function findOnPath(command: string, path: string = process.env.PATH ?? ""): string | undefined {
  return path
    .split(delimiter)
    .filter((dir) => dir !== "")
    .map((dir) => join(dir, command))
    .find(isExecutable);
}

export function sofficeDependency(): SystemDependency {
  return { name: "LibreOffice (soffice)", executable: findOnPath("soffice"), installHint: "install libreoffice-calc (apt-get install -y libreoffice-calc)" };
}

export const CHROMIUM_PATH = "/usr/bin/chromium";

export function chromiumDependency(): SystemDependency {
  return { name: "Chromium", executable: isExecutable(CHROMIUM_PATH) ? CHROMIUM_PATH : undefined, installHint: "install chromium (apt-get install -y chromium)" };
}

/** Run when installed; otherwise skip on a developer machine and fail in CI (any non-empty CI but "false"). */
export function gateFor(dependency: SystemDependency, env: NodeJS.ProcessEnv = process.env): DependencyGate {
  if (dependency.executable) return "run";
  const ci = env.CI;
  return ci !== undefined && ci !== "" && ci.toLowerCase() !== "false" && ci !== "0" ? "fail" : "skip";
}

/** The line a reader of the test output sees when a suite could not run. */
export function missingMessage(suite: string, dependency: SystemDependency): string {
  return `${suite.toUpperCase()} TESTS SKIPPED: ${dependency.installHint}`;
}

export interface GatedSuite {
  /** Short name in the skip banner: "engine" prints "ENGINE TESTS SKIPPED: ...". */
  suite: string;
  /** The describe block's title. */
  title: string;
}

/**
 * `describe` for a suite that needs `dependency`. Missing on a developer machine: prints
 * "<SUITE> TESTS SKIPPED: install ..." and skips. Missing in CI: one failing test says what to install.
 */
export function describeWith(dependency: SystemDependency, { suite, title }: GatedSuite, body: () => void): void {
  const gate = gateFor(dependency);
  if (gate === "run") {
    describe(title, body);
    return;
  }
  const message = missingMessage(suite, dependency);
  if (gate === "skip") {
    const banner = "!".repeat(message.length);
    console.warn(`\n${banner}\n${message}\n${banner}\n`);
    describe.skip(title, body);
    return;
  }
  describe(title, () => {
    it(`needs ${dependency.name}`, () => {
      throw new Error(`${dependency.name} is missing and CI is set: ${dependency.installHint}`);
    });
  });
}
