import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Row, Space, Tag } from 'antd';
import { useParams } from 'react-router';
import { listDeliveryModes } from '../../api/admin.ts';
import { getCase, sendEvent } from '../../api/cases.ts';
import { ApiError, type Problem } from '../../api/errors.ts';
import { getItem } from '../../api/items.ts';
import type { CaseView, DeliveryMode } from '../../api/types.ts';
import { ErrorNote, errorText } from '../../components/ErrorNote.tsx';
import { DataView } from '../../components/DataView.tsx';
import { eventLabel, stateLabel } from '../../format/labels.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { m } from '../../i18n/index.ts';
import { useShortcuts } from '../../keyboard/shortcuts.ts';
import { whenFound } from '../../keyboard/whenFound.ts';
import { DeadlineList } from './case/DeadlineList.tsx';
import { DocumentList } from './case/DocumentList.tsx';
import { DANGER_EVENTS, EventDialog, EVENTS_WITH_PAYLOAD, sortActions } from './case/EventDialog.tsx';
import { HistoryTable } from './case/HistoryTable.tsx';
import { MaterialStatusList } from './case/MaterialStatusList.tsx';
import { SupervisionCard } from './case/SupervisionCard.tsx';
import { requestCountersign } from '../../api/supervision.ts';
import { PageTitle } from '../../components/PageTitle.tsx';

/** One case: only the actions the server allows now, its documents, deadlines and history. */
export default function CasePage() {
  const { id = '' } = useParams();
  const { message, modal } = App.useApp();
  const caseState = useAsync(() => getCase(id), [id]);
  const c = caseState.data;
  const item = useAsync(async () => (c ? getItem(c.itemCode, c.itemVersion) : undefined), [c?.itemCode, c?.itemVersion]);
  // Delivery modes are an admin list; staff without access still get the item's mode codes.
  const modes = useAsync<DeliveryMode[]>(() => listDeliveryModes().catch(() => []), []);
  const [dialog, setDialog] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);

  const stepNames = Object.fromEntries((item.data?.procedure?.reviewSteps ?? []).map((s) => [s.id, s.name]));

  /** Concluding with a 容缺 material never handed in takes the clerk's word; the history keeps it. */
  function confirmOwed(text: string, type: string, payload?: Record<string, unknown>) {
    modal.confirm({
      title: m.casePage.owedTitle,
      content: text,
      okText: m.casePage.owedConfirm,
      okButtonProps: { danger: true },
      onOk: () => send(type, { ...payload, overrideOwedMaterials: true }),
    });
  }

  async function send(type: string, payload?: Record<string, unknown>) {
    if (!c) return;
    // DELIVER concludes the standard procedures: ask before sending rather than after the server's
    // 409 (which still answers any other way of concluding).
    const owed = (item.data?.materials ?? []).filter((mat) => c.materials?.[mat.id] === 'waived');
    if (type === 'DELIVER' && owed.length > 0 && payload?.overrideOwedMaterials !== true) {
      return confirmOwed(m.casePage.owedText(owed.map((mat) => mat.name).join('、')), type, payload);
    }
    setBusy(true);
    try {
      const next: CaseView = await sendEvent(c, type, payload);
      const known = new Set((c.documents ?? []).map((d) => d.id));
      caseState.setData(next.history ? next : await getCase(id));
      // A step that issued a document puts the caret on its print button: the next thing to do.
      const issued = (next.documents ?? []).filter((d) => !known.has(d.id)).at(-1);
      if (issued?.id) whenFound(`[data-document-id="${issued.id}"] [data-print]`, (el) => el.focus());
      setDialog(null);
      setProblems([]);
      message.success(m.casePage.done(eventLabel(type)));
    } catch (e) {
      // A refused payload stays in its dialog with each problem at its field.
      if (e instanceof ApiError && e.status === 400 && e.problems.length > 0 && dialog) setProblems(e.problems);
      else if (e instanceof ApiError && e.code === 'WAIVED_MATERIALS_OWED') confirmOwed(e.message, type, payload);
      else if (e instanceof ApiError && e.code === 'COUNTERSIGNATURE_REQUIRED' && typeof payload?.reason === 'string') askCountersign(type, payload.reason, errorText(e));
      else if (e instanceof ApiError && e.status === 409) {
        message.warning(e.code === 'STALE_VERSION' ? m.casePage.conflict : errorText(e));
        caseState.reload();
      } else message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  /** 否定会签: where the centre requires it, a refusal goes to the head first, with its reason. */
  function askCountersign(type: string, reason: string, why: string) {
    modal.confirm({
      title: m.supervision.requestCountersign,
      content: `${why}。${m.supervision.countersignNeeded}`,
      okText: m.supervision.requestCountersign,
      onOk: async () => {
        try {
          await requestCountersign({ caseId: id, eventType: type, reason });
          setDialog(null);
          message.success(m.supervision.countersignSent);
          caseState.reload();
        } catch (err) {
          message.error(errorText(err));
        }
      },
    });
  }

  const actions = sortActions(c?.actions ?? []);
  const act = (a: string) => (EVENTS_WITH_PAYLOAD.includes(a) ? setDialog(a) : void send(a));
  // Alt+1 … Alt+9: the actions in the order their buttons show them, while no dialog is open.
  useShortcuts(actions.slice(0, 9).map((a, i) => ({
    keys: `Alt+${i + 1}`,
    label: eventLabel(a),
    inFields: true,
    run: () => { if (!dialog && !busy) act(a); },
  })));

  if (caseState.error) return <ErrorNote error={caseState.error} />;
  if (!c) return null;
  const applicant = typeof c.applicant === 'object' ? c.applicant : null;
  return (
    <>
      <PageTitle>
        {item.data?.name ?? c.itemName ?? c.itemCode}{' '}
        <Tag color="red" data-testid="case-state" data-state={c.state}>{stateLabel(c.state, stepNames)}</Tag>
      </PageTitle>
      <Row gutter={12}>
        <Col span={15}>
          <Card size="small" title={m.casePage.actions} style={{ marginBottom: 12 }}>
            {c.actions.length === 0 ? (
              m.casePage.noActions
            ) : (
              <Space wrap>
                {actions.map((a, i) => (
                  <Button
                    key={a}
                    data-testid={`action-${a}`}
                    type={i === 0 && !DANGER_EVENTS.includes(a) ? 'primary' : 'default'}
                    danger={DANGER_EVENTS.includes(a)}
                    loading={busy && dialog === null}
                    aria-keyshortcuts={i < 9 ? `Alt+${i + 1}` : undefined}
                    onClick={() => act(a)}
                  >
                    {eventLabel(a)}
                    {i < 9 && <kbd className="bm-kbd" aria-hidden>Alt+{i + 1}</kbd>}
                  </Button>
                ))}
              </Space>
            )}
          </Card>
          <Card size="small" title={m.casePage.data} style={{ marginBottom: 12 }}>
            {item.data && <DataView data={c.data ?? {}} schema={item.data.form.schema} />}
          </Card>
          <Card size="small" title={m.casePage.history}>
            <HistoryTable history={c.history ?? []} stepNames={stepNames} materials={item.data?.materials} />
          </Card>
        </Col>
        <Col span={9}>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={m.casePage.number}><span data-testid="case-number">{c.number}</span></Descriptions.Item>
              <Descriptions.Item label={m.casePage.item}>{m.app.version} {c.itemVersion}</Descriptions.Item>
              {applicant?.name && (
                <Descriptions.Item label={m.queue.applicant}>
                  {applicant.name} {applicant.phone}
                </Descriptions.Item>
              )}
              {applicant?.authorisation && (
                <Descriptions.Item label={m.casePage.applicantAgent}>
                  {[applicant.authorisation.agentName, applicant.authorisation.document, applicant.authorisation.note].filter(Boolean).join(' · ')}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          {(item.data?.materials ?? []).length > 0 && (
            <Card size="small" title={m.casePage.materials} style={{ marginBottom: 12 }}>
              <MaterialStatusList materials={item.data?.materials ?? []} status={c.materials ?? {}} />
            </Card>
          )}
          <Card size="small" title={m.casePage.deadlines} style={{ marginBottom: 12 }}>
            <DeadlineList deadlines={c.deadlines} />
          </Card>
          <Card size="small" title={m.casePage.documents}>
            <DocumentList documents={c.documents ?? []} />
          </Card>
          <SupervisionCard caseView={c} />
        </Col>
      </Row>
      <EventDialog
        type={dialog}
        item={item.data}
        caseView={c}
        modes={modes.data ?? []}
        busy={busy}
        problems={problems}
        onSend={(t, p) => void send(t, p)}
        onClose={() => { setDialog(null); setProblems([]); }}
      />
    </>
  );
}
