/** The app's one error boundary: a rendering failure shows a short notice instead of breaking the page. */
import { Component, type ComponentChildren } from 'preact';

/** Props of the error boundary. */
export interface ErrorBoundaryProps {
  message: string;
  children?: ComponentChildren;
}

/** Catches errors thrown while rendering its children. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  override componentDidCatch(): void {
    this.setState({ failed: true });
  }

  override render() {
    return this.state.failed ? (
      <div class="p" role="alert">
        <p class="er">{this.props.message}</p>
      </div>
    ) : (
      this.props.children
    );
  }
}
