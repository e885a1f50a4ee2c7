import { useState } from 'react';
import { Button, Card, Input, Radio, Result, Space, Spin, Typography } from 'antd';
import { useParams } from 'react-router';
import { kioskOffer, takeTicket, type Ticket } from '../../api/lobby.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { m } from '../../i18n/index.ts';

const t = m.lobby;
const BIG = { fontSize: 28, height: 88, padding: '0 28px' } as const;
const RESET_MS = 20_000;

/**
 * The lobby's self-service kiosk (自助取号机): a touch screen in large type. One tap takes a ticket for
 * a category; an appointment number checks the booking in; 绿色通道 is chosen before the tap.
 */
export default function Kiosk() {
  const { org = '' } = useParams();
  const offer = useAsync(() => kioskOffer(org), [org]);
  const [green, setGreen] = useState('');
  const [number, setNumber] = useState('');
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function take(body: { category?: string; appointmentNumber?: string }) {
    setBusy(true);
    setError(undefined);
    try {
      setTicket(await takeTicket({ orgId: org, ...body, ...(green && !body.appointmentNumber ? { priority: green } : {}) }));
      setGreen('');
      setNumber('');
      setTimeout(() => setTicket(null), RESET_MS);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  if (offer.loading) return <Spin style={{ margin: 96 }} />;
  if (!offer.data) return <ErrorNote error={offer.error} />;
  return (
    <main style={{ minHeight: '100vh', background: '#f0f5ff', padding: 32, boxSizing: 'border-box' }}>
      <Typography.Title style={{ fontSize: 44, textAlign: 'center', margin: 0 }}>{offer.data.org.name}</Typography.Title>
      <Typography.Title level={2} style={{ textAlign: 'center', marginTop: 8 }}>{t.kioskTitle}</Typography.Title>
      {ticket ? (
        <Result
          status="success"
          title={<span style={{ fontSize: 36 }}>{t.yourTicket}</span>}
          subTitle={
            <div>
              <div data-testid="kiosk-ticket" style={{ fontSize: 120, fontWeight: 700, color: '#1d39c4', lineHeight: 1.1 }}>{ticket.number}</div>
              <div style={{ fontSize: 28 }}>{ticket.categoryName}{ticket.priority !== 'normal' ? `（${ticket.priorityLabel}）` : ''}</div>
              <div style={{ fontSize: 28, marginTop: 8 }}>{t.ahead(ticket.ahead ?? 0)}</div>
            </div>
          }
          extra={<Button type="primary" style={BIG} onClick={() => setTicket(null)} autoFocus>{t.again}</Button>}
        />
      ) : (
        <Space direction="vertical" size={24} style={{ width: '100%', maxWidth: 1100, margin: '0 auto', display: 'flex' }}>
          <Typography.Paragraph style={{ fontSize: 24, textAlign: 'center', margin: 0 }}>{t.kioskHint}</Typography.Paragraph>
          {error ? <ErrorNote error={error} /> : null}
          <Card title={<span style={{ fontSize: 24 }}>{t.green}</span>}>
            <Radio.Group value={green} onChange={(e) => setGreen(e.target.value as string)} size="large" optionType="button" buttonStyle="solid"
              options={[{ value: '', label: <span style={{ fontSize: 22 }}>{t.greenNone}</span> }, ...offer.data.greenReasons.map((r) => ({ value: r.code, label: <span style={{ fontSize: 22 }}>{r.label}</span> }))]} />
          </Card>
          <Card title={<span style={{ fontSize: 24 }}>{t.byCategory}</span>}>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))', gap: 20 }}>
              {offer.data.categories.map((c) => (
                <Button key={c.code} type="primary" disabled={busy} style={{ ...BIG, height: 120, fontSize: 34 }} onClick={() => void take({ category: c.code })}>
                  {c.prefix} · {c.name}
                </Button>
              ))}
            </div>
          </Card>
          <Card title={<span style={{ fontSize: 24 }}>{t.appointment}</span>}>
            <Space size={16} wrap>
              <Input aria-label={t.appointmentNumber} placeholder={t.appointmentHint} value={number} inputMode="numeric" maxLength={8}
                onChange={(e) => setNumber(e.target.value.replace(/\D/g, ''))} onPressEnter={() => number && void take({ appointmentNumber: number })}
                style={{ fontSize: 32, height: 88, width: 420 }} />
              <Button style={BIG} disabled={busy || number.length < 7} onClick={() => void take({ appointmentNumber: number })}>{t.takeWithAppointment}</Button>
            </Space>
          </Card>
        </Space>
      )}
    </main>
  );
}
