/**
 * The task pane's only door to the workbook: each operation runs inside Excel.run after checking
 * that the host supports the Excel API it needs.
 */
import type { ExcelOperations } from "../excel";
import type { RequestContext } from "../excel/officeApi";
import { whenOfficeReady } from "./officeReady";

/** Build writes data validation (ExcelApi 1.8); the other operations need nothing newer. */
export const MIN_EXCEL_API = "1.8";

type WithoutContext<F> = F extends (context: RequestContext, ...args: infer A) => Promise<infer R>
  ? (...args: A) => Promise<R>
  : never;

/** The operations as the views call them: no request context, already inside Excel.run. */
export type WorkbookHost = { [K in keyof ExcelOperations]: WithoutContext<ExcelOperations[K]> };

export interface ExcelRunner {
  run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T>;
}

export interface RequirementChecker {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export class UnsupportedHostError extends Error {
  readonly code = "Unsupported";
  constructor(readonly minVersion: string) {
    super(`This add-in needs Excel JavaScript API ${minVersion} or later (ExcelApi ${minVersion}).`);
    this.name = "UnsupportedHostError";
  }
}

export function isExcelApiSupported(requirements: RequirementChecker | undefined, minVersion = MIN_EXCEL_API): boolean {
  return requirements?.isSetSupported("ExcelApi", minVersion) ?? false;
}

/**
 * The operations (src/excel with the blueprint, plan, control library and Check) load on the first
 * call, in their own chunk: the first render of the pane needs none of them.
 */
let operationsChunk: Promise<ExcelOperations> | undefined;
const loadOperations = (): Promise<ExcelOperations> =>
  (operationsChunk ??= import(/* webpackChunkName: "operations" */ "../excel").then((module) => module.operations));

/** Every operation, so the host exists before the chunk loads (a missing or extra name fails tsc). */
const OPERATION_NAMES = Object.keys({
  buildWorkbook: 0, checkWorkbook: 0, restoreFormula: 0, readSettings: 0, selectRange: 0, readCoverage: 0, addFramework: 0,
  addFrameworkFromFile: 0, readHeatmap: 0, filterRisksByCell: 0, clearRiskFilter: 0, takeSnapshot: 0, quantify: 0, importRows: 0,
  exportRegister: 0, suggestMappings: 0, acceptSuggestion: 0, openRecordForm: 0, saveRecord: 0, readProgram: 0,
} satisfies Record<keyof ExcelOperations, 0>) as Array<keyof ExcelOperations>;

/** Read lazily so the demo page can install its own Office and Excel globals first. */
const globalRunner = (): ExcelRunner => Excel;
const globalRequirements = (): RequirementChecker | undefined => Office.context?.requirements;

/**
 * `ready` resolves once Office.js has initialized: the pane renders before that (officeReady.ts), so
 * an operation asked for earlier (Set up reading the workbook's settings, an early click on Build)
 * waits for it, and only then reads the requirement sets and calls Excel.
 */
export function createWorkbookHost(
  given?: ExcelOperations,
  runner: () => ExcelRunner = globalRunner,
  requirements: () => RequirementChecker | undefined = globalRequirements,
  ready: () => Promise<void> = whenOfficeReady,
): WorkbookHost {
  const wrap = <K extends keyof ExcelOperations>(name: K) =>
    (async (...args: unknown[]) => {
      await ready();
      if (!isExcelApiSupported(requirements())) throw new UnsupportedHostError(MIN_EXCEL_API);
      const ops = given ?? (await loadOperations());
      const operation = ops[name] as (context: RequestContext, ...rest: unknown[]) => Promise<unknown>;
      return runner().run((context) => operation.call(ops, context, ...args));
    }) as WorkbookHost[K];

  const names = given ? (Object.keys(given) as Array<keyof ExcelOperations>) : OPERATION_NAMES;
  return Object.fromEntries(names.map((name) => [name, wrap(name)])) as WorkbookHost;
}
