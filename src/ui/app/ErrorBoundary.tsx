// Keeps a rendering failure in one panel from blanking the page: the panel says what broke, the rest keeps working.
import { Component, type ReactNode } from 'react';

export class ErrorBoundary extends Component<{ name: string; children: ReactNode }, { message: string | null }> {
  override state = { message: null as string | null };

  static getDerivedStateFromError(error: unknown) {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  override render() {
    if (this.state.message === null) return this.props.children;
    return (
      <div className="banner" role="alert">
        <div className="msg">
          The {this.props.name} could not be drawn: {this.state.message}
        </div>
        <button className="btn" onClick={() => this.setState({ message: null })}>
          Try again
        </button>
      </div>
    );
  }
}
