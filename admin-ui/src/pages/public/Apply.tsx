import { useRef, useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, Row, Typography } from 'antd';
import type Rjsf from '@rjsf/core';
import { useParams } from 'react-router';
import { ApiError } from '../../api/errors.ts';
import { applyOnline, getPublicItem } from '../../api/public.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { isCnIdNumber, isCnMobile } from '../../forms/formats.ts';
import { problemsToErrorSchema } from '../../forms/problems.ts';
import { SchemaForm } from '../../forms/SchemaForm.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { m } from '../../i18n/index.ts';

/** Online application: the item's own form; materials are checked at the window afterwards. */
export default function Apply() {
  const { code = '' } = useParams();
  const item = useAsync(() => getPublicItem(code), [code]);
  const [data, setData] = useState<Record<string, unknown>>({});
  const [extraErrors, setExtraErrors] = useState({});
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const formRef = useRef<Rjsf<Record<string, unknown>>>(null);
  const [applicantForm] = Form.useForm<{ name: string; idNumber: string; phone: string }>();

  async function submit() {
    let applicant;
    try {
      applicant = await applicantForm.validateFields();
    } catch {
      return;
    }
    if (formRef.current && !formRef.current.validateForm()) return;
    setBusy(true);
    setError(undefined);
    try {
      const c = await applyOnline({ itemCode: code, data, applicant });
      setDone(c.number);
    } catch (e) {
      if (e instanceof ApiError) setExtraErrors(problemsToErrorSchema(e.problems, '/data'));
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  if (item.error) return <ErrorNote error={item.error} />;
  if (!item.data) return null;
  if (!item.data.form) return <Alert type="info" title={m.public.applyUnavailable} />;
  if (done) return <Alert type="success" showIcon title={m.public.submitted(done)} data-testid="applied" />;
  return (
    <Card title={`${m.public.apply} · ${item.data.name}`}>
      <Form form={applicantForm} layout="vertical">
        <Row gutter={12}>
          <Col span={6}><Form.Item name="name" label={m.newCase.applicantName} rules={[{ required: true }]}><Input /></Form.Item></Col>
          <Col span={10}>
            <Form.Item name="idNumber" label={m.newCase.applicantId} rules={[{ required: true }, { validator: async (_, v?: string) => { if (v && !isCnIdNumber(v)) throw new Error(m.validation.idNumber); } }]}>
              <Input maxLength={18} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="phone" label={m.newCase.applicantPhone} rules={[{ required: true }, { validator: async (_, v?: string) => { if (v && !isCnMobile(v)) throw new Error(m.validation.mobile); } }]}>
              <Input maxLength={11} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <SchemaForm
        ref={formRef}
        schema={item.data.form.schema}
        uiSchema={{ ...(item.data.form.uiSchema ?? {}), 'ui:submitButtonOptions': { norender: true } }}
        formData={data}
        extraErrors={extraErrors}
        onChange={(e) => setData(e.formData ?? {})}
      />
      {(item.data.materials ?? []).length > 0 && (
        <Typography.Paragraph type="secondary">
          {m.public.materialsNote}：{(item.data.materials ?? []).filter((x) => !x.sharedFrom).map((x) => x.name).join('、')}
        </Typography.Paragraph>
      )}
      <ErrorNote error={error} />
      <Button type="primary" loading={busy} onClick={() => void submit()}>{m.public.submitApplication}</Button>
    </Card>
  );
}
