import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Link, useLocation, useNavigate } from 'react-router';
import { login } from '../api/auth.ts';
import { ApiError } from '../api/errors.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { errorText } from '../components/ErrorNote.tsx';
import { m } from '../i18n/index.ts';
import { homeFor } from '../layout/menus.tsx';

export default function SignIn() {
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(v: { username: string; password: string }) {
    setBusy(true);
    setError(undefined);
    try {
      const session = await login(v.username, v.password);
      signIn(session);
      navigate(from && from !== '/login' ? from : homeFor(session), { replace: true });
    } catch (e) {
      setError(e instanceof ApiError && (e.status === 401 || e.status === 400) ? m.login.wrong : errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}>
      <Card style={{ width: 360 }}>
        <Typography.Title level={1} style={{ textAlign: 'center', color: '#b71c1c', fontSize: 24 }} data-page-title tabIndex={-1}>{m.app.title}</Typography.Title>
        <Typography.Paragraph style={{ textAlign: 'center' }}>{m.login.title}</Typography.Paragraph>
        {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={m.login.username} rules={[{ required: true, message: m.login.required }]}>
            <Input autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={m.login.password} rules={[{ required: true, message: m.login.required }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>{m.login.submit}</Button>
        </Form>
        <div style={{ marginTop: 16, textAlign: 'center' }}>
          <Link to="/public">{m.login.publicLink}</Link>
        </div>
      </Card>
    </div>
  );
}
