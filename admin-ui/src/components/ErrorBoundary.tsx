import { Component, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { m } from '../i18n/index.ts';

interface State {
  error: Error | null;
}

/**
 * A page that throws (or whose chunk no longer exists after an upgrade of the server) shows a way
 * back instead of a blank screen; reloading fetches the current build.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="warning"
        title={m.app.pageFailed}
        subTitle={this.state.error.message}
        extra={<Button type="primary" onClick={() => window.location.reload()}>{m.app.reload}</Button>}
      />
    );
  }
}
