import fc from "fast-check";
import path from "path";
import ts from "typescript";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { ale, coverage, crosswalkTo, gaps, lossAt, lossCurve, requirements, riskLevel, riskScore } from "../../src/functions/functions";

const FUNCTIONS_FILE = path.resolve(__dirname, "../../src/functions/functions.ts");
const IDS = ["RISKSCORE", "RISKLEVEL", "COVERAGE", "GAPS", "REQUIREMENTS", "CROSSWALK", "ALE", "LOSSAT", "LOSSCURVE"];

describe("outside Excel (no CustomFunctions global)", () => {
  it("returns errors as plain { code, message } objects", () => {
    expect(riskScore([[7]], [[1]], [[1, 2, 3, 4, 5], [2, 4, 6, 8, 10], [3, 6, 9, 12, 15], [4, 8, 12, 16, 20], [5, 10, 15, 20, 25]])).toEqual([
      [{ code: "#VALUE!", message: "Likelihood must be a whole number from 1 to 5; got 7" }],
    ]);
    expect(coverage("PCI", [["C1", "GLBA", "314.4(a)", "Equal"]], [["C1"]], [["Implemented"]])).toMatchObject({ code: "#VALUE!", message: expect.stringContaining('Framework "PCI" is not supported') });
  });

  it("wraps a whole-call error of a spilling function in a single cell", () => {
    expect(requirements("nope")).toEqual([[expect.objectContaining({ code: "#VALUE!" })]]);
  });

  it("passes results through unchanged", () => {
    expect(riskLevel([[12]])).toEqual([["High"]]);
    expect(coverage("GLBA", [["C1", "GLBA", "314.4(a)", "Equal"]], [["C1"]], [["Implemented"]])).toBeGreaterThan(0);
  });

  function hasUnexpectedProblem(result: unknown): boolean {
    if (Array.isArray(result)) return result.some((row) => Array.isArray(row) && row.some(hasUnexpectedProblem));
    return typeof result === "object" && result !== null && String((result as { message?: unknown }).message).startsWith("Unexpected problem");
  }

  it("reads a Mappings row shorter than the first as blank cells (fast-check counterexample seed 2019348590)", () => {
    expect(hasUnexpectedProblem(coverage("ISO27001", [[false, null, 0, 0], []] as unknown as unknown[][], 0 as unknown as unknown[][], false as unknown as unknown[][], false as unknown as unknown[][], [] as unknown[][]))).toBe(false);
  });

  it("never throws and never hits an unexpected problem, whatever Excel passes", () => {
    // What Excel hands a custom function: numbers, text, booleans, blanks and error values.
    const cell = fc.oneof(
      fc.double(),
      fc.integer({ min: -2, max: 30 }),
      fc.string(),
      fc.boolean(),
      fc.constantFrom(null, undefined, "", "#N/A", { code: "#N/A" }, { code: "#DIV/0!" }, "Implemented", "ISO27001", "GLBA", "A.5.1", "314.4(a); 314.4(b)"),
    );
    const range = fc.oneof(cell, fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 4 }));
    fc.assert(
      fc.property(range, range, range, range, range, range, (a, b, c, d, e, f) => {
        const calls = [
          () => riskScore(a as unknown[][], b as unknown[][], c as unknown[][]),
          () => riskLevel(a as unknown[][], b as unknown[][]),
          () => coverage(a as string, b as unknown[][], c as unknown[][], d as unknown[][], e as unknown[][], f as unknown[][]),
          () => gaps(a as string, b as unknown[][], c as unknown[][], d as unknown[][], e as unknown[][], f as unknown[][]),
          () => requirements(a as string),
          () => crosswalkTo(a as string, b as string, c as string),
          () => ale(a as unknown[][], b as unknown[][], c as unknown[][]),
          () => lossAt(a as unknown[][], b as unknown[][], c as unknown[][], d as unknown[][], 1000, e as number),
          () => lossCurve(a as unknown[][], b as unknown[][], c as unknown[][], d as unknown[][], 1000, e as number),
        ];
        for (const call of calls) expect(hasUnexpectedProblem(call())).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

class FakeRuntimeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

function withRuntime<T>(run: (runtime: { associate: jest.Mock; Error: typeof FakeRuntimeError }) => T): T {
  const runtime = { associate: jest.fn(), Error: FakeRuntimeError };
  (globalThis as Record<string, unknown>).CustomFunctions = runtime;
  try {
    return run(runtime);
  } finally {
    delete (globalThis as Record<string, unknown>).CustomFunctions;
  }
}

describe("inside Excel (CustomFunctions global present)", () => {
  it("returns CustomFunctions.Error with the code and message", () => {
    withRuntime(() => {
      jest.isolateModules(() => {
        const functions = require("../../src/functions/functions") as typeof import("../../src/functions/functions");
        const [[bad]] = functions.riskScore([[9]], [[1]]);
        expect(bad).toBeInstanceOf(FakeRuntimeError);
        expect(bad).toMatchObject({ code: "#VALUE!", message: "Likelihood must be a whole number from 1 to 6; got 9" });
      });
    });
  });
});

describe("metadata and registration (custom-functions-metadata-plugin 2.x)", () => {
  let generated: Awaited<ReturnType<typeof generateCustomFunctionsMetadata>>;
  beforeAll(async () => {
    generated = await generateCustomFunctionsMetadata(FUNCTIONS_FILE);
  });

  it("generates without errors, with the ISMP function ids", () => {
    expect(generated.errors).toEqual([]);
    const metadata = JSON.parse(generated.metadataJson) as { functions: Array<{ id: string; name: string }> };
    expect(metadata.functions.map((f) => f.id)).toEqual(IDS);
    expect(metadata.functions.map((f) => f.name)).toEqual(IDS);
  });

  it("describes every function and every parameter", () => {
    const metadata = JSON.parse(generated.metadataJson) as {
      functions: Array<{ id: string; description?: string; parameters: Array<{ name: string; description?: string }> }>;
    };
    for (const fn of metadata.functions) {
      expect({ id: fn.id, description: fn.description?.trim() }).toEqual({ id: fn.id, description: expect.stringMatching(/\w{3}/) });
      for (const parameter of fn.parameters) {
        expect({ id: fn.id, parameter: parameter.name, description: parameter.description?.trim() }).toEqual({
          id: fn.id,
          parameter: parameter.name,
          description: expect.stringMatching(/\w{3}/),
        });
      }
    }
  });

  it("declares no function volatile: the loss functions are seeded, so a figure only changes with its inputs", () => {
    const metadata = JSON.parse(generated.metadataJson) as { functions: Array<{ id: string; options?: { volatile?: boolean } }> };
    expect(metadata.functions.filter((fn) => fn.options?.volatile).map((fn) => fn.id)).toEqual([]);
  });

  it("marks the optional arguments optional", () => {
    const metadata = JSON.parse(generated.metadataJson) as { functions: Array<{ id: string; parameters: Array<{ name: string; optional?: boolean }> }> };
    const optional = metadata.functions.flatMap((fn) => fn.parameters.filter((p) => p.optional).map((p) => `${fn.id}.${p.name}`));
    expect(optional).toEqual([
      "RISKSCORE.matrix",
      "RISKLEVEL.bands",
      "COVERAGE.applicability",
      "COVERAGE.effectiveness",
      "GAPS.applicability",
      "GAPS.effectiveness",
      "LOSSAT.years",
      "LOSSAT.seed",
      "LOSSCURVE.thresholds",
      "LOSSCURVE.years",
      "LOSSCURVE.seed",
    ]);
  });

  /** functions.ts as the plugin's loader rewrites it for the webpack bundle, compiled to CommonJS. */
  function bundledSource(): string {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Plugin = require("custom-functions-metadata-plugin") as { generateResults: Record<string, unknown> };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loader = require("custom-functions-metadata-plugin/lib/loader.js") as (this: unknown, source: string) => string;
    Plugin.generateResults[FUNCTIONS_FILE] = generated;
    const rewritten = loader.call({ getOptions: () => ({ input: FUNCTIONS_FILE, file: FUNCTIONS_FILE }) }, require("fs").readFileSync(FUNCTIONS_FILE, "utf8"));
    return ts.transpileModule(rewritten, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
  }

  function load(javascript: string): Record<string, unknown> {
    const exports: Record<string, unknown> = {};
    const requireFromFunctions = (specifier: string) => require(specifier.startsWith(".") ? path.resolve(path.dirname(FUNCTIONS_FILE), specifier) : specifier);
    new Function("exports", "require", javascript)(exports, requireFromFunctions);
    return exports;
  }

  it("registers each function exactly once in Excel (the plugin appends the associate calls)", () => {
    const javascript = bundledSource();
    withRuntime((runtime) => {
      const exports = load(javascript);
      expect(runtime.associate.mock.calls.map(([id]) => id)).toEqual(IDS);
      expect(runtime.associate.mock.calls.map(([, fn]) => fn)).toEqual([exports.riskScore, exports.riskLevel, exports.coverage, exports.gaps, exports.requirements, exports.crosswalkTo, exports.ale, exports.lossAt, exports.lossCurve]);
    });
  });

  it("loads the bundled file without crashing when CustomFunctions is undefined", () => {
    const javascript = bundledSource();
    expect((globalThis as Record<string, unknown>).CustomFunctions).toBeUndefined();
    expect(() => load(javascript)).not.toThrow();
  });

  it("registers at page load without building the catalogs or the control library; the first call builds them, once (issue #10)", () => {
    // The shared runtime needs the associate calls while the page loads (office-js #4769), before the pane's first paint.
    const built: string[] = [];
    jest.isolateModules(() => {
      for (const module of ["../../src/core/controls/library", "../../src/core/catalogs"]) {
        jest.doMock(module, () => {
          built.push(module);
          return jest.requireActual(module);
        });
      }
      const functions = require("../../src/functions/functions") as typeof import("../../src/functions/functions");
      expect(built).toEqual([]);
      expect(functions.crosswalkTo("ISO27001", "A.5.15", "NIST80053").length).toBeGreaterThan(1);
      expect(functions.coverage("GLBA", [["C1", "GLBA", "314.4(a)", "Equal"]], [["C1"]], [["Implemented"]])).toBeGreaterThan(0);
      expect(built.sort()).toEqual(["../../src/core/catalogs", "../../src/core/controls/library"]);
    });
  });
});
