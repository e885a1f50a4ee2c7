import { useState } from 'react';
import { App, Button, Checkbox, Form, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ApiError } from '../../api/errors.ts';
import { listRefusalReports, reviewRefusal, type RefusalReport } from '../../api/supervision.ts';
import { ErrorNote, errorText } from '../../components/ErrorNote.tsx';
import { formatTime } from '../../format/labels.ts';
import { m } from '../../i18n/index.ts';
import { ActionDialog, showProblems } from './ActionDialog.tsx';
import { usePages } from './usePages.ts';

const s = m.supervision;
const COLORS: Record<string, string> = { reported: 'orange', requested: 'orange', agreed: 'green', countersigned: 'green', issued: 'green', overturned: 'red' };

/** 否定报备: the window refusals reported to the centre head, reviewed the same day; countersignature requests. */
export default function RefusalReports() {
  const { message } = App.useApp();
  const [pending, setPending] = useState(true);
  const pages = usePages((cursor) => listRefusalReports({ ...(pending ? { status: 'pending' } : {}), cursor }), [pending]);
  const [reviewing, setReviewing] = useState<RefusalReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const agreed = Form.useWatch('agreed', form) as boolean | undefined;

  async function review(v: Record<string, unknown>) {
    if (!reviewing) return;
    setBusy(true);
    try {
      const done = await reviewRefusal(reviewing.id, { agreed: v.agreed === true, ...(v.note ? { note: String(v.note) } : {}) });
      setReviewing(null);
      message.success(`${s.review}：${done.statusLabel}`);
      pages.reload();
    } catch (e) {
      if (!(e instanceof ApiError && showProblems(form, e.problems))) message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const countersign = reviewing?.mode === 'countersign';
  return (
    <>
      <Typography.Title level={4}>{s.refusalTitle}</Typography.Title>
      <Space style={{ marginBottom: 12 }}>
        <Checkbox checked={pending} onChange={(e) => setPending(e.target.checked)}>{s.onlyPending}</Checkbox>
        <Button onClick={pages.reload}>{m.app.refresh}</Button>
      </Space>
      <ErrorNote error={pages.error} />
      <Table<RefusalReport>
        rowKey="id"
        size="small"
        loading={pages.loading}
        dataSource={pages.items}
        pagination={false}
        locale={{ emptyText: s.empty }}
        columns={[
          { title: s.receivedAt, width: 140, render: (_, r) => formatTime(r.createdAt) },
          { title: s.case, width: 180, render: (_, r) => <Link to={`/workbench/cases/${r.case.id}`}>{r.case.number}</Link> },
          { title: s.item, width: 150, render: (_, r) => r.case.itemName },
          { title: s.refusalEvent, width: 150, render: (_, r) => `${r.eventLabel}${r.mode === 'countersign' ? `（${s.countersign}）` : ''}` },
          { title: s.reason, render: (_, r) => r.reason },

          { title: s.staff, width: 110, render: (_, r) => r.staff.name },
          { title: s.status, width: 110, render: (_, r) => <Tag color={COLORS[r.status]}>{r.statusLabel}</Tag> },
          { title: s.reviewNote, width: 200, render: (_, r) => (r.reviewer ? `${r.reviewer.name}：${r.reviewNote ?? ''}` : '—') },
          {
            title: m.app.actions,
            width: 70,
            render: (_, r) => r.canReview && <Button size="small" type="link" data-testid={`review-${r.case.number}`} onClick={() => setReviewing(r)}>{s.review}</Button>,
          },
        ]}
      />
      {pages.more && <Button style={{ marginTop: 8 }} onClick={pages.loadMore}>{s.loadMore}</Button>}
      <ActionDialog open={!!reviewing} form={form} title={`${s.review} ${reviewing?.case.number ?? ''}`} busy={busy} onClose={() => setReviewing(null)} onSubmit={(v) => void review(v)} initial={{ agreed: true }}>
        <Typography.Paragraph>{reviewing && `${reviewing.staff.name} · ${reviewing.eventLabel}：${reviewing.reason}`}</Typography.Paragraph>
        <Form.Item name="agreed" label={s.review} rules={[{ required: true }]}>
          <Radio.Group options={[{ value: true, label: countersign ? s.countersign : s.agree }, { value: false, label: countersign ? s.decline : s.overturn }]} />
        </Form.Item>
        <Form.Item name="note" label={s.reviewNote} rules={[{ required: agreed === false, whitespace: true }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} autoFocus />
        </Form.Item>
      </ActionDialog>
    </>
  );
}
