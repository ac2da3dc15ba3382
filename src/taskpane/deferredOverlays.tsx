/**
 * Fluent UI's overlays, loaded after the first paint (issue #10: first render within 500 ms).
 *
 * Every Fluent button imports ContextualMenu (for menuProps), Dropdown imports Panel (its small-screen
 * list) and Callout imports CalloutContent (the positioned surface), all statically, yet none of them
 * renders until a menu or a list is opened. With them, a third of the Fluent code is parsed and
 * evaluated before a view that uses Fluent can paint. The webpack build (deferredFluentOverlays in
 * webpack.config.js) points exactly those three imports at this module, whose components load the
 * real ones from their own chunk, and the pane preloads that chunk once it is idle. Only the build
 * uses this module: jest renders the real components.
 */
import * as React from "react";
import type { ICalloutProps } from "@fluentui/react/lib/Callout";
import type { IContextualMenuProps } from "@fluentui/react/lib/ContextualMenu";
import type { IPanelProps } from "@fluentui/react/lib/Panel";

export const loadOverlays = () => import(/* webpackChunkName: "fluent-overlays" */ "./fluentOverlays");

type Overlays = Awaited<ReturnType<typeof loadOverlays>>;

/**
 * A component that renders nothing until its chunk is in, then the real component with the same
 * props and ref. An overlay a moment late is invisible in practice: the chunk is preloaded once the
 * pane is idle, and opening a menu or list before that only waits for a local file.
 */
function deferred<P extends object>(name: string, pick: (overlays: Overlays) => React.ComponentType<P>) {
  const Lazy = React.lazy(() => loadOverlays().then((overlays) => ({ default: pick(overlays) })));
  const Deferred = React.forwardRef<unknown, P>((props, ref) => (
    <React.Suspense fallback={null}>
      <Lazy {...(props as React.PropsWithoutRef<P>)} ref={ref} />
    </React.Suspense>
  ));
  Deferred.displayName = `Deferred${name}`;
  return Deferred;
}

export const ContextualMenu = deferred<IContextualMenuProps>("ContextualMenu", (overlays) => overlays.ContextualMenu);
export const Panel = deferred<IPanelProps>("Panel", (overlays) => overlays.Panel);
export const CalloutContent = deferred<ICalloutProps>("CalloutContent", (overlays) => overlays.CalloutContent);
