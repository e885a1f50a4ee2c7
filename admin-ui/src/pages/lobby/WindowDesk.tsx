import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Descriptions, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { callNext, listWindows, setWindowStatus, ticketEvent, waitingTickets, type Ticket, type WindowState } from '../../api/lobby.ts';
import { myWindow } from '../../api/supervision.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useShortcuts } from '../../keyboard/shortcuts.ts';
import { m } from '../../i18n/index.ts';

const t = m.lobby;
const REFRESH_MS = 5_000;

/**
 * The window's caller (窗口叫号): F1 calls the next ticket the window serves; the current ticket is
 * started, finished (with the number of the case received), recalled, marked a no-show or transferred;
 * the window can be paused with a reason. The waiting list is in the order F1 takes it.
 */
export default function WindowDesk() {
  const [windows, setWindows] = useState<WindowState[]>([]);
  const [windowId, setWindowId] = useState<string>();
  const [current, setCurrent] = useState<Ticket | null>(null);
  const [waiting, setWaiting] = useState<Ticket[]>([]);
  const [caseNumber, setCaseNumber] = useState('');
  const [reason, setReason] = useState('');
  const [transferTo, setTransferTo] = useState<string>();
  const [note, setNote] = useState<string>();
  const [error, setError] = useState<unknown>();

  const refresh = useCallback(async () => {
    const list = await listWindows();
    setWindows(list);
    if (!windowId) return;
    const tickets = (await waitingTickets(windowId)).items;
    setWaiting(tickets.filter((x) => x.status === 'waiting'));
    // The ticket at the window survives a reload of the page.
    const atWindow = tickets.find((x) => x.windowId === windowId && (x.status === 'called' || x.status === 'serving'));
    setCurrent((c) => c ?? atWindow ?? null);
  }, [windowId]);

  useEffect(() => {
    void (async () => {
      const [list, mine] = await Promise.all([listWindows(), myWindow().catch(() => ({ window: null }))]);
      setWindows(list);
      setWindowId((id) => id ?? mine.window?.id ?? list[0]?.id);
    })().catch(setError);
  }, []);
  useEffect(() => {
    void refresh().catch(setError);
    const timer = setInterval(() => void refresh().catch(() => undefined), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const here = windows.find((w) => w.id === windowId);
  const act = async (fn: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await fn();
      await refresh();
    } catch (e) {
      setError(e);
    }
  };
  const next = () => act(async () => {
    if (!windowId) return;
    const r = await callNext(windowId);
    setCurrent(r.ticket);
    setCaseNumber('');
    setNote(r.ticket ? undefined : t.nobody);
  });
  const send = (type: string, extra: { caseId?: string; toWindowId?: string } = {}) => act(async () => {
    if (!current) return;
    const updated = await ticketEvent(current.id, { type, ...extra });
    setCurrent(updated.actions.length > 0 ? updated : null);
  });
  useShortcuts([{ keys: 'F1', label: t.nextKey, run: () => void next(), inFields: true }]);

  return (
    <div>
      <PageTitle extra={<Select aria-label={t.chooseWindow} value={windowId} onChange={setWindowId} style={{ width: 220 }} options={windows.map((w) => ({ value: w.id, label: w.name }))} />}>
        {t.deskTitle}
      </PageTitle>
      <ErrorNote error={error} />
      <div style={{ display: 'grid', gridTemplateColumns: '3fr 2fr', gap: 16 }}>
        <Card title={`${t.deskWindow}：${here?.name ?? ''}`} extra={here?.status === 'paused' ? <Tag color="red">{t.paused}：{here.reason}</Tag> : <Tag color="green">开放</Tag>}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Button type="primary" size="large" style={{ height: 64, fontSize: 24, width: '100%' }} disabled={!windowId || here?.status === 'paused'} onClick={() => void next()} autoFocus>
              {t.next}
            </Button>
            {note && !current ? <Typography.Text type="secondary">{note}</Typography.Text> : null}
            {current ? (
              <>
                <Descriptions bordered size="small" column={2} items={[
                  { key: 'n', label: '号码', children: <span data-testid="desk-current" style={{ fontSize: 32, fontWeight: 700 }}>{current.number}</span> },
                  { key: 's', label: '状态', children: current.statusLabel },
                  { key: 'c', label: '类别', children: `${current.categoryName}${current.priority !== 'normal' ? `（${current.priorityLabel}${current.greenReason ? `：${current.greenReason}` : ''}）` : ''}` },
                  { key: 'w', label: '等候', children: t.waited(current.waitSeconds) },
                ]} />
                <Input aria-label={t.caseNumber} placeholder={t.caseNumber} value={caseNumber} onChange={(e) => setCaseNumber(e.target.value.trim())} />
                <Space wrap>
                  {current.actions.includes('START') ? <Button type="primary" onClick={() => void send('START', caseNumber ? { caseId: caseNumber } : {})}>{t.start}</Button> : null}
                  {current.actions.includes('FINISH') ? <Button type="primary" onClick={() => void send('FINISH', caseNumber ? { caseId: caseNumber } : {})}>{t.finish}</Button> : null}
                  {current.actions.includes('RECALL') ? <Button onClick={() => void send('RECALL')}>{t.recall}</Button> : null}
                  {current.actions.includes('NO_SHOW') ? <Button danger onClick={() => void send('NO_SHOW')}>{t.noShow}</Button> : null}
                  {current.actions.includes('TRANSFER') ? (
                    <Space.Compact>
                      <Select aria-label={t.transferTo} placeholder={t.transferTo} value={transferTo} onChange={setTransferTo} style={{ width: 160 }}
                        options={windows.filter((w) => w.id !== windowId).map((w) => ({ value: w.id, label: w.name }))} />
                      <Button disabled={!transferTo} onClick={() => void send('TRANSFER', { toWindowId: transferTo })}>{t.transfer}</Button>
                    </Space.Compact>
                  ) : null}
                </Space>
              </>
            ) : null}
            <Space.Compact style={{ width: '100%' }}>
              {here?.status === 'paused' ? (
                <Button onClick={() => void act(() => setWindowStatus(here.id, 'open'))}>{t.resume}</Button>
              ) : (
                <>
                  <Input aria-label={t.pauseReason} placeholder={t.pauseReason} value={reason} onChange={(e) => setReason(e.target.value)} />
                  <Button disabled={!reason.trim() || !here} onClick={() => void act(async () => { await setWindowStatus(here!.id, 'paused', reason); setReason(''); })}>{t.pause}</Button>
                </>
              )}
            </Space.Compact>
          </Space>
        </Card>
        <Card title={`${t.waitingList}（${waiting.length}）`}>
          {waiting.length === 0 ? <Empty description={t.nobody} /> : (
            <Table size="small" rowKey="id" pagination={false} dataSource={waiting} columns={[
              { title: '号码', dataIndex: 'number' },
              { title: '类别', dataIndex: 'categoryName' },
              { title: '优先', dataIndex: 'priorityLabel' },
              { title: '取号时间', dataIndex: 'issuedAt', render: (v: string) => new Date(v).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' }) },
            ]} />
          )}
        </Card>
      </div>
    </div>
  );
}
