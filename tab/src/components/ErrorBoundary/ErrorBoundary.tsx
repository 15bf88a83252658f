import { Component, type ReactNode } from "react";
import { ErrorState } from "../ErrorState/ErrorState";

/**
 * Catches a render failure below it (for instance a screen's code chunk that is gone after a deploy)
 * and shows the error state with a reload, instead of unmounting the page to a blank frame.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error?: unknown }> {
  override state: { error?: unknown } = {};

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  override render(): ReactNode {
    if (this.state.error !== undefined) return <ErrorState error={this.state.error} onRetry={() => location.reload()} />;
    return this.props.children;
  }
}
