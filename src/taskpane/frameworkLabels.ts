/** Display names for the framework dropdowns, from the catalogs (custom frameworks included). */
import { getFramework } from "../core/catalogs";
import type { FrameworkKey } from "../core/frameworkKeys";

export function frameworkLabel(key: FrameworkKey): string {
  return getFramework(key).shortName;
}
