import { useEffect, useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Radio, Result, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { bookOnline, daySlots, type DaySlots } from '../../api/lobby.ts';
import { listPublicItems, listPublicOrgs } from '../../api/public.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { m } from '../../i18n/index.ts';

const t = m.lobby;

/** 网上预约: the centre, the item, a day and one of its slots with places left, name and mobile. */
export default function Book() {
  const orgs = useAsync(listPublicOrgs, []);
  const items = useAsync(listPublicItems, []);
  const [orgId, setOrgId] = useState<string>();
  const [itemCode, setItemCode] = useState<string>();
  const [date, setDate] = useState<Dayjs>(dayjs());
  const [slots, setSlots] = useState<DaySlots | null>(null);
  const [slot, setSlot] = useState<string>();
  const [done, setDone] = useState<{ number: string; date: string; start: string; end: string; itemName: string; org: { name: string } } | null>(null);
  const [error, setError] = useState<unknown>();
  const [form] = Form.useForm<{ name: string; phone: string }>();

  useEffect(() => {
    setSlot(undefined);
    setSlots(null);
    if (!orgId || !itemCode) return;
    daySlots(orgId, itemCode, date.format('YYYY-MM-DD')).then(setSlots, setError);
  }, [orgId, itemCode, date]);

  async function submit(values: { name: string; phone: string }) {
    if (!orgId || !itemCode || !slot) return;
    setError(undefined);
    try {
      setDone(await bookOnline({ orgId, itemCode, slot, applicant: { name: values.name, phone: values.phone } }));
    } catch (e) {
      setError(e);
    }
  }

  if (done) {
    return <Result status="success" title={<span data-testid="booked-number">{t.booked(done.number)}</span>} subTitle={`${done.org.name} · ${done.itemName} · ${done.date} ${done.start}-${done.end}。${t.bookedHint}`} />;
  }
  return (
    <Card title={<Typography.Title level={3} style={{ margin: 0 }}>{t.bookTitle}</Typography.Title>} style={{ maxWidth: 900, margin: '0 auto' }}>
      <ErrorNote error={error} />
      <Form layout="vertical" form={form} onFinish={(v) => void submit(v)}>
        <Form.Item label={t.bookOrg} required>
          <Select aria-label={t.bookOrg} value={orgId} onChange={setOrgId} showSearch optionFilterProp="label" options={(orgs.data ?? []).filter((o) => o.level !== 'county').map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
        <Form.Item label={t.bookItem} required>
          <Select aria-label={t.bookItem} value={itemCode} onChange={setItemCode} showSearch optionFilterProp="label" options={(items.data ?? []).map((i) => ({ value: i.code, label: i.name }))} />
        </Form.Item>
        <Form.Item label={t.bookDate} required>
          <DatePicker aria-label={t.bookDate} value={date} onChange={(d) => d && setDate(d)} allowClear={false} disabledDate={(d) => d.isBefore(dayjs(), 'day') || d.isAfter(dayjs().add(14, 'day'))} />
        </Form.Item>
        <Form.Item label={t.bookSlot} required>
          {slots && slots.slots.length === 0 ? <Alert type="info" title={slots.reason ?? t.noSlots} /> : (
            <Radio.Group value={slot} onChange={(e) => setSlot(e.target.value as string)} optionType="button"
              options={(slots?.slots ?? []).map((x) => ({ value: x.slot, disabled: x.left === 0, label: `${x.start}-${x.end}${x.kind === 'extended' ? `（${t.extended}）` : ''} ${t.bookLeft(x.left)}` }))} />
          )}
        </Form.Item>
        <Form.Item name="name" label={t.bookName} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}><Input aria-label={t.bookName} maxLength={100} /></Form.Item>
        <Form.Item name="phone" label={t.bookPhone} rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: '请填写正确的手机号' }]}><Input aria-label={t.bookPhone} inputMode="numeric" maxLength={11} /></Form.Item>
        <Button type="primary" htmlType="submit" disabled={!slot}>{t.book}</Button>
      </Form>
    </Card>
  );
}
