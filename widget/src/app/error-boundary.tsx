/** The app's one error boundary: a rendering failure shows a short notice instead of breaking the page. */
import { Component, type ComponentChildren } from 'preact';

/** Props of the error boundary. */
export interface ErrorBoundaryProps {
  message: string;
  /** The notice shows only while the panel is open, never over a closed widget. */
  open: boolean;
  children?: ComponentChildren;
}

/** Catches errors thrown while rendering its children. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  override componentDidCatch(): void {
    this.setState({ failed: true });
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return this.props.open ? (
      <div class="p" role="alert">
        <p class="er">{this.props.message}</p>
      </div>
    ) : null;
  }
}
