import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Link, useLocation, useNavigate } from 'react-router';
import { changePassword, login } from '../api/auth.ts';
import { ApiError } from '../api/errors.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import type { Session } from '../auth/session.ts';
import { errorText } from '../components/ErrorNote.tsx';
import { m } from '../i18n/index.ts';
import { homeFor } from '../layout/menus.tsx';

export default function SignIn() {
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // A sign-in whose password must be changed first: kept here, not saved, until the change is made.
  const [pending, setPending] = useState<{ session: Session; current: string }>();
  const [changeForm] = Form.useForm();

  function enter(session: Session) {
    signIn(session);
    navigate(from && from !== '/login' ? from : homeFor(session), { replace: true });
  }

  async function submit(v: { username: string; password: string }) {
    setBusy(true);
    setError(undefined);
    try {
      const session = await login(v.username, v.password);
      if (session.user.mustChangePassword) setPending({ session, current: v.password });
      else enter(session);
    } catch (e) {
      // 423 (locked) and 429 (too many) carry the server's message with the time to wait.
      setError(e instanceof ApiError && (e.status === 401 || e.status === 400) ? m.login.wrong : errorText(e));
    } finally {
      setBusy(false);
    }
  }

  async function change(v: { next: string }) {
    if (!pending) return;
    setBusy(true);
    setError(undefined);
    try {
      enter(await changePassword(pending.session.token, pending.current, v.next));
    } catch (e) {
      const atField = e instanceof ApiError ? e.problems.filter((p) => p.pointer === '/next') : [];
      if (atField.length > 0) changeForm.setFields([{ name: 'next', errors: atField.map((p) => p.message) }]);
      else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={1} style={{ textAlign: 'center', color: '#b71c1c', fontSize: 24 }} data-page-title tabIndex={-1}>{m.app.title}</Typography.Title>
        <Typography.Paragraph style={{ textAlign: 'center' }}>{pending ? m.login.changeTitle : m.login.title}</Typography.Paragraph>
        {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} />}
        {pending ? (
          <Form form={changeForm} layout="vertical" onFinish={change} requiredMark={false}>
            <Typography.Paragraph type="secondary">{m.login.changeWhy}{m.login.changeRule}</Typography.Paragraph>
            <Form.Item name="next" label={m.login.next} rules={[{ required: true, message: m.login.next }]}>
              <Input.Password autoFocus autoComplete="new-password" data-testid="new-password" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label={m.login.confirm}
              dependencies={['next']}
              rules={[{ required: true, message: m.login.confirm }, ({ getFieldValue }) => ({ validator: async (_r, value) => { if (value && value !== getFieldValue('next')) throw new Error(m.login.mismatch); } })]}
            >
              <Input.Password autoComplete="new-password" data-testid="confirm-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>{m.login.changeSubmit}</Button>
            <Button type="link" block onClick={() => setPending(undefined)}>{m.login.back}</Button>
          </Form>
        ) : (
          <Form layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item name="username" label={m.login.username} rules={[{ required: true, message: m.login.required }]}>
              <Input autoFocus autoComplete="username" />
            </Form.Item>
            <Form.Item name="password" label={m.login.password} rules={[{ required: true, message: m.login.required }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>{m.login.submit}</Button>
          </Form>
        )}
        <div style={{ marginTop: 16, textAlign: 'center' }}>
          <Link to="/public">{m.login.publicLink}</Link>
        </div>
      </Card>
    </div>
  );
}
