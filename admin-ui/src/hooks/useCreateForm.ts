import { useState } from 'react';
import { App, Form } from 'antd';
import { errorText } from '../components/ErrorNote.tsx';
import { m } from '../i18n/index.ts';

/**
 * The add-a-row form of the registry pages (seals, delivery modes, users): saves, says so, clears
 * the form and reloads the list; a refusal is shown as the server worded it.
 */
export function useCreateForm<V>(save: (values: V) => Promise<unknown>, afterSave: () => void) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  async function submit(values: V) {
    setBusy(true);
    try {
      await save(values);
      message.success(m.app.saved);
      form.resetFields();
      afterSave();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  return { form, busy, submit };
}
