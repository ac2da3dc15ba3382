/**
 * Must be imported before anything from @fluentui: with an empty fontBaseUrl Fluent registers no
 * @font-face rules pointing at its CDN, so the pane never requests web fonts (it uses system fonts).
 */
type FabricWindow = Window & { FabricConfig?: { fontBaseUrl?: string } };

const fabricWindow = window as FabricWindow;
fabricWindow.FabricConfig = { ...fabricWindow.FabricConfig, fontBaseUrl: "" };

export {};
