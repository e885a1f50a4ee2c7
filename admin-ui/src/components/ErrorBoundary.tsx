import { Component, type ReactNode } from 'react';
import { Button } from 'antd';
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
    // Plain markup: antd's Result would add its illustrations to every page's first load.
    return (
      <div role="alert" style={{ padding: 48, textAlign: 'center' }}>
        <h3>{m.app.pageFailed}</h3>
        <p style={{ color: '#888' }}>{this.state.error.message}</p>
        <Button type="primary" onClick={() => window.location.reload()}>{m.app.reload}</Button>
      </div>
    );
  }
}
