/**
 * The task pane's only door to the workbook: each operation runs inside Excel.run after checking
 * that the host supports the Excel API it needs.
 */
import { operations as excelOperations, type ExcelOperations } from "../excel";
import type { RequestContext } from "../excel/officeApi";

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

/** Read lazily so the demo page can install its own Office and Excel globals first. */
const globalRunner = (): ExcelRunner => Excel;
const globalRequirements = (): RequirementChecker | undefined => Office.context?.requirements;

export function createWorkbookHost(
  ops: ExcelOperations = excelOperations,
  runner: () => ExcelRunner = globalRunner,
  requirements: () => RequirementChecker | undefined = globalRequirements,
): WorkbookHost {
  const wrap = <K extends keyof ExcelOperations>(name: K) =>
    (async (...args: unknown[]) => {
      if (!isExcelApiSupported(requirements())) throw new UnsupportedHostError(MIN_EXCEL_API);
      const operation = ops[name] as (context: RequestContext, ...rest: unknown[]) => Promise<unknown>;
      return runner().run((context) => operation.call(ops, context, ...args));
    }) as WorkbookHost[K];

  const names = Object.keys(ops) as Array<keyof ExcelOperations>;
  return Object.fromEntries(names.map((name) => [name, wrap(name)])) as WorkbookHost;
}
