/** Display names for the framework checkboxes and dropdowns, from the catalogs. */
import { getFramework } from "../core/catalogs";
import { FRAMEWORK_KEYS, type FrameworkKey } from "../core/frameworkKeys";

export function frameworkLabel(key: FrameworkKey): string {
  return getFramework(key).shortName;
}

export const FRAMEWORK_CHOICES = FRAMEWORK_KEYS.map((key) => ({ key, text: frameworkLabel(key) }));
