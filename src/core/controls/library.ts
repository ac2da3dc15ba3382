import { ACCESS_CONTROLS } from "./access";
import { ASSET_CONTROLS } from "./assets";
import { DEVELOPMENT_CONTROLS } from "./development";
import { GOVERNANCE_CONTROLS } from "./governance";
import { OPERATIONS_CONTROLS } from "./operations";
import { PEOPLE_CONTROLS } from "./people";
import { RESILIENCE_CONTROLS } from "./resilience";
import type { LibraryControl } from "./types";

export { ISMP_ELEMENTS } from "./types";

/** The baseline control library: every control, with its mappings to each framework. */
export const CONTROL_LIBRARY: readonly LibraryControl[] = [
  ...GOVERNANCE_CONTROLS,
  ...ASSET_CONTROLS,
  ...PEOPLE_CONTROLS,
  ...ACCESS_CONTROLS,
  ...OPERATIONS_CONTROLS,
  ...DEVELOPMENT_CONTROLS,
  ...RESILIENCE_CONTROLS,
];
