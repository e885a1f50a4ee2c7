import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type Rjsf from '@rjsf/core';
import type { Problem } from '../../../api/errors.ts';
import { problemsToErrorSchema } from '../../../forms/problems.ts';
import { Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import type { CaseView, DeliveryMode, ItemDetail } from '../../../api/types.ts';
import { eventLabel } from '../../../format/labels.ts';
import { m } from '../../../i18n/index.ts';
import { useCtrlEnter } from '../../../hooks/useCtrlEnter.ts';

// rjsf and ajv load only when a DELIVER dialog needs the mode's fields.
const SchemaForm = lazy(() => import('../../../forms/SchemaForm.tsx').then((mod) => ({ default: mod.SchemaForm })));

/** Forward moves first, then corrections, then the ways out; a plugin's own events sit in the middle. */
const ORDER = ['ACCEPT', 'APPROVE', 'DECIDE', 'REPORT', 'SEAL', 'DELIVER', 'RETURN_MATERIALS', 'CONFIRM_RECEIPT', 'SUPPLEMENT', 'REQUEST_CORRECTION', 'REFER', 'REFUSE', 'DENY', 'WITHDRAW'];
const rank = (e: string) => (ORDER.includes(e) ? ORDER.indexOf(e) : ORDER.indexOf('SUPPLEMENT') - 0.5);
export const sortActions = (actions: string[]) => [...actions].sort((a, b) => rank(a) - rank(b));
export const DANGER_EVENTS = ['REFUSE', 'DENY', 'WITHDRAW'];

/** Events that carry a payload get a dialog; the rest are sent straight from their button. */
/** Fields left empty are left out: the server takes an absent note, not an empty one. */
function compact(v: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== ''));
}

export const EVENTS_WITH_PAYLOAD = ['REQUEST_CORRECTION', 'SUPPLEMENT', 'REFUSE', 'REFER', 'APPROVE', 'DENY', 'DECIDE', 'DELIVER', 'WITHDRAW'];

interface Props {
  type: string | null;
  item: ItemDetail | undefined;
  caseView: CaseView;
  modes: DeliveryMode[];
  busy: boolean;
  /** What the server refused in the last attempt, each at its field (pointers under /payload). */
  problems: Problem[];
  onSend: (type: string, payload: Record<string, unknown>) => void;
  onClose: () => void;
}

export function EventDialog({ type, item, caseView, modes, busy, problems, onSend, onClose }: Props) {
  const [form] = Form.useForm();
  const [fields, setFields] = useState<Record<string, unknown>>({});
  const fieldsForm = useRef<Rjsf<Record<string, unknown>>>(null);
  const modeCode = Form.useWatch('mode', form) as string | undefined;
  const listed = (Form.useWatch('missing', form) as string[] | undefined) ?? [];
  const materials = (item?.materials ?? []).filter((mat) => !mat.sharedFrom);
  const pending = Object.entries(caseView.materials ?? {})
    .filter(([, s]) => s === 'missing' || s === 'waived')
    .map(([id]) => id);
  const offered = item?.delivery?.modes ?? modes.map((d) => d.code);
  const mode = modes.find((d) => d.code === modeCode);
  useCtrlEnter(() => form.submit(), !!type && !busy);

  useEffect(() => {
    if (!type) return;
    form.resetFields();
    setFields({});
    if (type === 'REQUEST_CORRECTION') form.setFieldsValue({ missing: pending.filter((id) => caseView.materials?.[id] === 'missing') });
    // While correcting the applicant brings what was missing; later, what was waived (容缺).
    const owed = caseView.state.startsWith('correcting') ? 'missing' : 'waived';
    if (type === 'SUPPLEMENT') form.setFieldsValue({ provided: pending.filter((id) => caseView.materials?.[id] === owed) });
    const referral = item?.procedure?.referral;
    if (type === 'REFER') form.setFieldsValue({ to: referral?.to, address: referral?.address, phone: referral?.phone, hours: referral?.hours });
    if (type === 'DECIDE') form.setFieldsValue({ approved: true });
    if (type === 'DELIVER') form.setFieldsValue({ mode: item?.delivery?.default ?? offered[0] });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [type]);

  // The server's problems go to the dialog's own fields (reason, mode, …); a DELIVER's others belong
  // to the delivery mode's fields below.
  useEffect(() => {
    const byField = new Map<string, string[]>();
    for (const p of problems) {
      const name = p.pointer.split('/')[2];
      if (name && (type !== 'DELIVER' || name === 'mode')) byField.set(name, [...(byField.get(name) ?? []), p.message]);
    }
    form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [problems]);
  const modeProblems = type === 'DELIVER' ? problems.filter((p) => !p.pointer.startsWith('/payload/mode')) : [];

  function finish(v: Record<string, unknown>) {
    if (!type) return;
    // The mode's fields are checked here first, in the same words the server would use.
    if (type === 'DELIVER' && fieldsForm.current && !fieldsForm.current.validateForm()) return;
    // What is wrong with each listed material (the notice's 存在问题 column); blank ones are left out.
    if (type === 'REQUEST_CORRECTION') {
      const problems = Object.fromEntries(Object.entries((v.problems ?? {}) as Record<string, string | undefined>)
        .filter(([id, text]) => listed.includes(id) && text?.trim()));
      v = { ...v, problems: Object.keys(problems).length > 0 ? problems : undefined };
    }
    onSend(type, compact(type === 'DELIVER' ? { ...fields, ...v } : v));
  }

  const matOptions = materials.map((mat) => ({ value: mat.id, label: mat.name }));
  const text = (name: string, label: string, required = true) => (
    <Form.Item name={name} label={label} rules={[{ required }]}>
      <Input.TextArea autoSize={{ minRows: 2 }} autoFocus />
    </Form.Item>
  );

  return (
    <Modal
      open={!!type}
      title={type ? eventLabel(type) : ''}
      okText={m.app.confirm}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      width={type === 'DELIVER' ? 640 : 520}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={finish}
      >
        {type === 'REQUEST_CORRECTION' && (
          <>
            <Form.Item name="missing" label={m.casePage.missing} rules={[{ required: true }]}>
              <Select mode="multiple" options={matOptions} data-testid="missing-materials" aria-label={m.casePage.missing} />
            </Form.Item>
            {listed.map((id) => (
              <Form.Item key={id} name={['problems', id]} label={m.casePage.problemOf(materials.find((mat) => mat.id === id)?.name ?? id)}>
                <Input placeholder={m.casePage.problemPlaceholder} maxLength={500} data-testid={`problem-${id}`} />
              </Form.Item>
            ))}
            {text('note', m.casePage.note, false)}
            <Form.Item name="dueDays" label={m.casePage.dueDays} extra={m.casePage.dueDaysHelp(item?.procedure?.correctionDays ?? 5)}>
              <InputNumber min={1} max={60} />
            </Form.Item>
          </>
        )}
        {type === 'SUPPLEMENT' && (
          <Form.Item name="provided" label={m.casePage.provided}>
            <Select mode="multiple" options={matOptions} />
          </Form.Item>
        )}
        {type === 'REFUSE' && (
          <Form.Item name="ground" label={m.casePage.ground}>
            <Select options={Object.entries(m.casePage.grounds).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        )}
        {(type === 'REFUSE' || type === 'DENY') && text('reason', m.casePage.reason)}
        {type === 'WITHDRAW' && text('reason', m.casePage.reason, false)}
        {type === 'REFER' && (
          <>
            <Form.Item name="to" label={m.casePage.to_} rules={[{ required: true }]}>
              <Input autoFocus />
            </Form.Item>
            {text('reason', m.casePage.reason)}
            <Form.Item name="address" label={m.procedure.referralAddress}><Input /></Form.Item>
            <Form.Item name="phone" label={m.procedure.referralPhone}><Input /></Form.Item>
            <Form.Item name="hours" label={m.procedure.referralHours}><Input /></Form.Item>
          </>
        )}
        {type === 'APPROVE' && text('opinion', m.casePage.opinion, false)}
        {type === 'DECIDE' && (
          <>
            <Form.Item name="approved" label={m.casePage.approved} valuePropName="checked">
              <Switch />
            </Form.Item>
            {text('opinion', m.casePage.opinion, false)}
          </>
        )}
        {type === 'DELIVER' && (
          <Form.Item name="mode" label={m.casePage.mode} rules={[{ required: true }]}>
            <Select
              data-testid="deliver-mode"
              options={offered.map((code) => ({ value: code, label: modes.find((d) => d.code === code)?.name ?? code }))}
              onChange={() => setFields({})}
            />
          </Form.Item>
        )}
      </Form>
      {type === 'DELIVER' && mode?.fieldsSchema && (
        // The mode's own fields (tracking number, pickup code, …) come from its fieldsSchema.
        <Suspense fallback={null}>
          <SchemaForm
            ref={fieldsForm}
            wide
            schema={mode.fieldsSchema}
            uiSchema={{ 'ui:submitButtonOptions': { norender: true } }}
            formData={fields}
            extraErrors={problemsToErrorSchema(modeProblems, '/payload')}
            onChange={(e) => setFields(e.formData ?? {})}
          />
        </Suspense>
      )}
    </Modal>
  );
}
