import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Select, Spin, Table } from 'antd';
import type { Procedure, ReviewStep } from '../../../api/types.ts';
import { toProblems, type Problem } from '../../../api/errors.ts';
import { previewProcedure } from '../../../api/items.ts';
import { errorText } from '../../../components/ErrorNote.tsx';
import { m } from '../../../i18n/index.ts';
import { ProblemList } from './ProblemList.tsx';

const ProcedureDiagram = lazy(() => import('./ProcedureDiagram.tsx'));

interface Props {
  procedure: Procedure;
  onChange: (p: Procedure) => void;
  problems: Problem[];
}

const ROLES = ['clerk', 'approver', 'agent', 'supervisor'];
const SPECIALS = ['hearing', 'testing', 'appraisal', 'inspection', 'publicity'];

/** Kind and parameters; the server compiles them and the machine is drawn from its answer. */
export function ProcedureTab({ procedure, onChange, problems }: Props) {
  const [preview, setPreview] = useState<{ config?: Record<string, unknown>; problems: Problem[]; error?: string }>({ problems: [] });
  const set = (p: Partial<Procedure>) => onChange({ ...procedure, ...p });
  const steps = procedure.reviewSteps ?? [];
  const setStep = (i: number, p: Partial<ReviewStep>) => set({ reviewSteps: steps.map((s, j) => (j === i ? { ...s, ...p } : s)) });
  // The diagram names who decides each step (初审（乡镇·承办人）) and how long a publicity step lasts.
  const stepNames = useMemo(
    () => Object.fromEntries((procedure.reviewSteps ?? []).map((s) => [
      s.id,
      m.procedure.stepLabel(s.name, m.roles[s.role] ?? s.role, s.level ? m.levels[s.level] : undefined, s.special === 'publicity' ? s.days : undefined),
    ])),
    [procedure.reviewSteps],
  );
  const kind = procedure.kind;

  // Ask the server for the compiled machine after the admin pauses typing.
  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      previewProcedure(procedure).then(
        (r) => live && setPreview({ config: r.config ?? undefined, problems: toProblems(r.problems) }),
        (e: unknown) => live && setPreview({ problems: [], error: errorText(e) }),
      );
    }, 400);
    return () => { live = false; clearTimeout(t); };
  }, [procedure]);

  return (
    <Row gutter={12}>
      <Col span={10}>
        <ProblemList problems={problems} />
        <Form layout="vertical" size="small">
          <Form.Item label={m.procedure.kind}>
            <Select
              data-testid="procedure-kind"
              value={kind}
              onChange={(k) => set({ kind: k })}
              options={Object.entries(m.kinds).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          {(kind === 'promised' || kind === 'reported') && (
            <Form.Item label={m.procedure.promisedDays}>
              <InputNumber data-testid="promised-days" min={1} value={procedure.promisedDays ?? null} onChange={(v) => set({ promisedDays: v ?? undefined })} />
            </Form.Item>
          )}
          {kind === 'immediate' && (
            <Form.Item label={m.procedure.targetMinutes}>
              <InputNumber min={1} value={procedure.targetMinutes ?? 60} onChange={(v) => set({ targetMinutes: v ?? undefined })} />
            </Form.Item>
          )}
          {kind === 'reported' && (
            <Form.Item label={m.procedure.decidingLevel}>
              <Select
                value={procedure.decidingLevel ?? 'county'}
                onChange={(decidingLevel) => set({ decidingLevel })}
                options={['township', 'county'].map((v) => ({ value: v, label: m.levels[v] }))}
              />
            </Form.Item>
          )}
          <Form.Item label={m.procedure.correctionDays}>
            <InputNumber min={1} value={procedure.correctionDays ?? 5} onChange={(v) => set({ correctionDays: v ?? undefined })} />
          </Form.Item>
          {kind === 'returned' && (
            <Form.Item label={m.procedure.referralTo}>
              <Input value={procedure.referral?.to ?? ''} onChange={(e) => set({ referral: { ...procedure.referral, to: e.target.value } })} />
            </Form.Item>
          )}
        </Form>
        {kind === 'promised' && (
          <Card size="small" title={m.procedure.reviewSteps}>
            <Table<ReviewStep & { index: number }>
              size="small"
              pagination={false}
              rowKey="index"
              dataSource={steps.map((s, index) => ({ ...s, index }))}
              columns={[
                { title: m.procedure.stepId, render: (_, { index: i, ...s }) => <Input size="small" value={s.id} onChange={(e) => setStep(i, { id: e.target.value.replace(/[^A-Za-z0-9_]/g, '') })} /> },
                { title: m.procedure.stepName, render: (_, { index: i, ...s }) => <Input size="small" value={s.name} onChange={(e) => setStep(i, { name: e.target.value })} /> },
                {
                  title: m.procedure.stepRole,
                  width: 100,
                  render: (_, { index: i, ...s }) => (
                    <Select size="small" style={{ width: '100%' }} value={s.role} onChange={(role) => setStep(i, { role })} options={ROLES.map((r) => ({ value: r, label: m.roles[r] }))} />
                  ),
                },
                {
                  title: m.procedure.stepLevel,
                  width: 90,
                  render: (_, { index: i, ...s }) => (
                    <Select
                      size="small"
                      allowClear
                      placeholder={m.procedure.stepLevelHere}
                      style={{ width: '100%' }}
                      value={s.level}
                      onChange={(level) => setStep(i, { level })}
                      options={['village', 'township', 'county'].map((v) => ({ value: v, label: m.levels[v] }))}
                    />
                  ),
                },
                {
                  title: m.procedure.special,
                  width: 100,
                  render: (_, { index: i, ...s }) => (
                    <Select
                      size="small"
                      allowClear
                      style={{ width: '100%' }}
                      value={s.special}
                      onChange={(special) => setStep(i, { special })}
                      options={SPECIALS.map((v) => ({ value: v, label: m.procedure.specials[v] }))}
                    />
                  ),
                },
                {
                  title: m.procedure.days,
                  width: 70,
                  render: (_, { index: i, ...s }) => (
                    <InputNumber size="small" min={1} style={{ width: '100%' }} value={s.days ?? null} onChange={(v) => setStep(i, { days: v ?? undefined })} />
                  ),
                },
                { width: 40, render: (_, { index: i }) => <Button size="small" type="text" danger onClick={() => set({ reviewSteps: steps.filter((_, j) => j !== i) })}>×</Button> },
              ]}
            />
            <Button
              size="small"
              style={{ marginTop: 8 }}
              data-testid="add-step"
              onClick={() => set({ reviewSteps: [...steps, { id: `step${steps.length + 1}`, name: '', role: 'approver' }] })}
            >
              {m.procedure.addStep}
            </Button>
          </Card>
        )}
      </Col>
      <Col span={14}>
        <Card size="small" title={m.procedure.diagram}>
          {preview.error && <Alert type="warning" title={`${m.procedure.previewFailed}：${preview.error}`} style={{ marginBottom: 8 }} />}
          {preview.problems.length > 0 ? (
            <ProblemList problems={preview.problems} />
          ) : (
            preview.config && <Alert type="success" title={m.procedure.noProblems} style={{ marginBottom: 8 }} data-testid="procedure-ok" />
          )}
          {preview.config && (
            <Suspense fallback={<Spin />}>
              <ProcedureDiagram config={preview.config} stepNames={stepNames} />
            </Suspense>
          )}
        </Card>
      </Col>
    </Row>
  );
}
