/** The real overlays behind deferredOverlays.tsx, in the chunk "fluent-overlays". */
export { CalloutContent } from "@fluentui/react/lib/Callout";
export { ContextualMenu } from "@fluentui/react/lib/ContextualMenu";
export { Panel } from "@fluentui/react/lib/Panel";
