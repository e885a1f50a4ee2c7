import { useEffect, type ReactNode } from 'react';
import { Form, Modal } from 'antd';
import type { FormInstance } from 'antd';
import { useCtrlEnter } from '../../hooks/useCtrlEnter.ts';
import { m } from '../../i18n/index.ts';

/**
 * A supervision action's form in a dialog: the fields come as children, Enter in a field or
 * Ctrl+Enter anywhere submits, Esc closes; the server's field errors land on their fields.
 */
export function ActionDialog({ open, title, busy, onSubmit, onClose, children, initial, form: given, width }: {
  open: boolean;
  title: string;
  busy: boolean;
  onSubmit: (values: Record<string, unknown>) => void;
  onClose: () => void;
  children: ReactNode;
  initial?: Record<string, unknown>;
  form?: FormInstance;
  width?: number;
}) {
  const [own] = Form.useForm();
  const form = given ?? own;
  useCtrlEnter(() => form.submit(), open && !busy);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (initial) form.setFieldsValue(initial);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);
  return (
    <Modal open={open} title={title} okText={m.app.confirm} confirmLoading={busy} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden width={width ?? 520}>
      <Form form={form} layout="vertical" onFinish={(v: Record<string, unknown>) => onSubmit(compact(v))}>
        {children}
      </Form>
    </Modal>
  );
}

/** Empty fields are left out: the server takes an absent note, not an empty one. */
function compact(v: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== ''));
}

/** Puts the server's JSON-pointer problems (`/payload/finding`) on the form's fields. */
export function showProblems(form: FormInstance, problems: { pointer: string; message: string }[]): boolean {
  const fields = problems
    .map((p) => ({ name: p.pointer.replace(/^\/(payload\/)?/, '').split('/')[0]!, errors: [p.message] }))
    .filter((f) => f.name);
  if (fields.length > 0) form.setFields(fields);
  return fields.length > 0;
}
