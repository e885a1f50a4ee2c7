import { Alert } from 'antd';
import { ApiError } from '../api/errors.ts';
import { m } from '../i18n/index.ts';

/** An error as one line for the user; the server's message when it sent one. */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.message || m.app.failed;
  if (e instanceof TypeError) return m.app.serverUnavailable;
  return e instanceof Error ? e.message : m.app.failed;
}

export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  return <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />;
}
