/** What every view needs: the workbook host and the shared operation runner. */
import { createContext, useContext } from "react";
import type { WorkbookHost } from "./excelHost";
import type { OperationRunner } from "./useOperationRunner";

export interface PaneServices {
  host: WorkbookHost;
  runner: OperationRunner;
}

export const PaneContext = createContext<PaneServices | undefined>(undefined);

export function usePane(): PaneServices {
  const services = useContext(PaneContext);
  if (!services) throw new Error("usePane must be used inside <PaneContext.Provider>");
  return services;
}
