import * as React from "react";

/** A component from its own chunk: React.lazy wants a default export, the pane's modules export by name. */
export function lazyNamed<P extends object>(load: () => Promise<React.ComponentType<P>>): React.LazyExoticComponent<React.ComponentType<P>> {
  return React.lazy(() => load().then((component) => ({ default: component })));
}
