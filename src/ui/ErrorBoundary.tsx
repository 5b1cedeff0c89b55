import { Component, type ReactNode } from 'react';

interface State {
  message: string | null;
}

/** A render error shows its message in the `error` element rather than leaving a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { message: null };

  static getDerivedStateFromError(error: unknown): State {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  override render() {
    if (this.state.message === null) return this.props.children;
    return (
      <p className="error" role="alert" data-testid="error">
        Something went wrong: {this.state.message}
      </p>
    );
  }
}
