/**
 * <Fluent> draws its children inside the Fluent theme once the Fluent chunk (fluentScope.tsx) is in;
 * until then it shows `fallback`. The first view uses it only for what appears later (a warning,
 * the Build report, an error), so the first paint waits for no Fluent code (issue #10). The chunk
 * is preloaded once the pane is idle (App.tsx), so in practice nothing waits for it.
 */
import * as React from "react";
import type { OfficeThemeColors } from "./theme";

export const loadFluent = () => import(/* webpackChunkName: "fluent" */ "./fluentScope");

const FluentScope = React.lazy(() => loadFluent().then((module) => ({ default: module.FluentScope })));

/** The Office theme the pane shows (App provides it from useOfficeTheme). */
export const OfficeThemeContext = React.createContext<OfficeThemeColors>({});

type FallbackProps = { children: React.ReactNode; fallback: React.ReactNode };

/**
 * A chunk that fails to load (the add-in redeployed while the pane is open, a dropped connection on
 * the web) throws to the nearest error boundary; without one React unmounts the whole pane. This one
 * keeps the native fallback in its place, so an error message still shows.
 */
class ChunkFallbackBoundary extends React.Component<FallbackProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): React.ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

export function Fluent({ children, fallback = null }: { children: React.ReactNode; fallback?: React.ReactNode }) {
  const officeTheme = React.useContext(OfficeThemeContext);
  return (
    <ChunkFallbackBoundary fallback={fallback}>
      <React.Suspense fallback={fallback}>
        <FluentScope officeTheme={officeTheme}>{children}</FluentScope>
      </React.Suspense>
    </ChunkFallbackBoundary>
  );
}
